package fieldparse

import (
	"strings"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func at(y, m, d, hh, mi, ss int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mi, ss, 0, time.UTC)
}

func TestDate(t *testing.T) {
	var zero time.Time
	tests := []struct {
		in   string
		want time.Time
		w    want
	}{
		{"", zero, none},
		{"  ", zero, none},

		// Day first, always.
		{"31/12/2012", day(2012, 12, 31), none}, // csvkit test_date_format
		{"02/01/2014", day(2014, 1, 2), none},   // csvkit: 2 January, not February 1
		{"5/6/2012", day(2012, 6, 5), none},     // 5 June, never May 6
		{"05/06/2012", day(2012, 6, 5), none},
		{"1/1/2020", day(2020, 1, 1), none},
		{"29/02/2020", day(2020, 2, 29), none},
		{"29/02/2000", day(2000, 2, 29), none},
		{"31.12.2012", day(2012, 12, 31), none},
		{"1.2.2012", day(2012, 2, 1), none},
		{"14-08-2019", day(2019, 8, 14), none}, // frappe dd-mm-yyyy
		{"22-09-2020", day(2020, 9, 22), none},
		{" 31/12/2012 ", day(2012, 12, 31), none},
		{"'31/12/2012", day(2012, 12, 31), none},

		// With a time.
		{"5/6/2012 15:53", at(2012, 6, 5, 15, 53, 0), none}, // Magento US file: read as 5 June
		{"31/12/2012 23:59:59", at(2012, 12, 31, 23, 59, 59), none},
		{"31/12/2012 8:05", at(2012, 12, 31, 8, 5, 0), none},
		{"31/12/2012 15h30", at(2012, 12, 31, 15, 30, 0), none},
		{"31/12/2012 15h", at(2012, 12, 31, 15, 0, 0), none},
		{"31/12/2012 à 15h30", at(2012, 12, 31, 15, 30, 0), none},
		{"5/6/2012 3:53 PM", at(2012, 6, 5, 15, 53, 0), none},
		{"5/6/2012 12:10 am", at(2012, 6, 5, 0, 10, 0), none},
		{"5/6/2012 12:10 PM", at(2012, 6, 5, 12, 10, 0), none},

		// Two-digit years: pivot 70, with a warning.
		{"01/01/00", day(2000, 1, 1), warn(CodeDateTwoDigitYear)}, // Dolibarr example
		{"5/6/12", day(2012, 6, 5), warn(CodeDateTwoDigitYear)},
		{"31/12/69", day(2069, 12, 31), warn(CodeDateTwoDigitYear)},
		{"01/01/70", day(1970, 1, 1), warn(CodeDateTwoDigitYear)},
		{"12/05/99", day(1999, 5, 12), warn(CodeDateTwoDigitYear)},

		// ISO and year first.
		{"2012-12-31", day(2012, 12, 31), none},
		{"1900-01-01", day(1900, 1, 1), none}, // PrestaShop sample birthday
		{"1987-04-02", day(1987, 4, 2), none},
		{"2012-6-5", day(2012, 6, 5), none},
		{"2012/12/31", day(2012, 12, 31), none},
		{"2012.12.31", day(2012, 12, 31), none},
		{"2012-12-31 15:53", at(2012, 12, 31, 15, 53, 0), none},
		{"2012-12-31 15:53:07", at(2012, 12, 31, 15, 53, 7), none},
		{"2012-12-31T15:53:07", at(2012, 12, 31, 15, 53, 7), none},
		{"2012-12-31T15:53:07Z", at(2012, 12, 31, 15, 53, 7), none},
		{"2012-12-31T15:53:07.250Z", time.Date(2012, 12, 31, 15, 53, 7, 250_000_000, time.UTC), none},
		{"2012-12-31T15:53:07+02:00", at(2012, 12, 31, 15, 53, 7), none},
		{"2012-12-31 15:53:07 -0400", at(2012, 12, 31, 15, 53, 7), none}, // Shopify
		{"2012-12-31 15:53:07 UTC", at(2012, 12, 31, 15, 53, 7), none},
		{"2012-12-31 15:53 GMT+1", at(2012, 12, 31, 15, 53, 0), none},
		{"20140102", day(2014, 1, 2), none}, // csvkit test_numeric_date_format
		{"20121231", day(2012, 12, 31), none},

		// Month names.
		{"5 juin 2012", day(2012, 6, 5), none},
		{"1er janvier 2020", day(2020, 1, 1), none},
		{"1 janvier 2020", day(2020, 1, 1), none},
		{"14 févr. 2021", day(2021, 2, 14), none},
		{"14 FEVRIER 2021", day(2021, 2, 14), none},
		{"15 août 2020", day(2020, 8, 15), none},
		{"15 aout 2020", day(2020, 8, 15), none},
		{"3 déc. 2019", day(2019, 12, 3), none},
		{"14-mars-12", day(2012, 3, 14), warn(CodeDateTwoDigitYear)}, // Excel FR format 15
		{"05-janv.-12", day(2012, 1, 5), warn(CodeDateTwoDigitYear)},
		{"5-Jun-2012", day(2012, 6, 5), none},
		{"5 Jun 2012", day(2012, 6, 5), none},
		{"June 5, 2012", day(2012, 6, 5), none},
		{"Dec 25 2020", day(2020, 12, 25), none},
		{"lundi 5 juin 2017", day(2017, 6, 5), none},
		{"Mon, 5 Jun 2017", day(2017, 6, 5), none},
		{"mercredi 1er mai 2019 à 10h00", at(2019, 5, 1, 10, 0, 0), none},

		// MySQL zero dates: empty, with a warning.
		{"0000-00-00", zero, warn(CodeDateZero)},
		{"0000-00-00 00:00:00", zero, warn(CodeDateZero)},
		{"00/00/0000", zero, warn(CodeDateZero)},

		// American order: an error that explains it, never a swap.
		{"12/31/2012", zero, fail(CodeDateUSOrder)},
		{"5/13/2012", zero, fail(CodeDateUSOrder)},
		{"12/31/2012 15:53", zero, fail(CodeDateUSOrder)},

		// Dates that do not exist.
		{"31/02/2020", zero, fail(CodeDateNoSuchDay)},
		{"29/02/2021", zero, fail(CodeDateNoSuchDay)},
		{"29/02/1900", zero, fail(CodeDateNoSuchDay)},
		{"31/04/2020", zero, fail(CodeDateNoSuchDay)},
		{"2021-02-29", zero, fail(CodeDateNoSuchDay)},
		{"32/01/2020", zero, fail(CodeDateInvalid)},
		{"00/01/2020", zero, fail(CodeDateInvalid)},
		{"15/13/2020", zero, fail(CodeDateInvalid)},
		{"31/31/2020", zero, fail(CodeDateInvalid)},
		{"2020-13-01", zero, fail(CodeDateInvalid)},
		{"2020-00-10", zero, fail(CodeDateInvalid)},
		{"0999-01-01", zero, fail(CodeDateYearRange)},

		// Numbers are not dates (csvkit date_like_number).
		{"4.5", zero, fail(CodeDateNumber)},
		{"4,5", zero, fail(CodeDateNumber)},
		{"45292", zero, fail(CodeDateNumber)},
		{"2012", zero, fail(CodeDateNumber)},
		{"20141301", zero, fail(CodeDateNumber)}, // 8 digits but not a date

		// Not dates.
		{"demain", zero, fail(CodeDateInvalid)},
		{"31/12", zero, fail(CodeDateInvalid)},
		{"31/12/", zero, fail(CodeDateInvalid)},
		{"31/12/201", zero, fail(CodeDateInvalid)},
		{"31/12/20122", zero, fail(CodeDateInvalid)},
		{"31/12-2012", zero, fail(CodeDateInvalid)},
		{"31 12 2012", zero, fail(CodeDateInvalid)},
		{"2012-12", zero, fail(CodeDateInvalid)},
		{"2012-12-31X", zero, fail(CodeDateInvalid)},
		{"31/12/2012 midi", zero, fail(CodeDateInvalid)},
		{"31/12/2012T10:00", zero, fail(CodeDateInvalid)},
		{"5 floréal 2012", zero, fail(CodeDateInvalid)},
		{"4.5.", zero, fail(CodeDateInvalid)},
		{"4.5.2012", day(2012, 5, 4), none},
		{"#N/A", zero, fail(CodeSpreadsheetError)},

		// Times that do not exist.
		{"31/12/2012 25:00", zero, fail(CodeDateTime)},
		{"31/12/2012 23:60", zero, fail(CodeDateTime)},
		{"31/12/2012 13:00 PM", zero, fail(CodeDateTime)},
		{"31/12/2012 10:0", zero, fail(CodeDateInvalid)},
		{"2012-12-31T10:00+2", zero, fail(CodeDateInvalid)},
	}
	for _, tc := range tests {
		got, p := Date(tc.in, DateOptions{})
		if !got.Equal(tc.want) || got.Location() != time.UTC && !got.IsZero() {
			t.Errorf("Date(%q) = %v, want %v (%v)", tc.in, got, tc.want, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestDateSerial(t *testing.T) {
	var zero time.Time
	on := DateOptions{AllowSerial: true}
	mac := DateOptions{AllowSerial: true, Date1904: true}
	tests := []struct {
		in   string
		opt  DateOptions
		want time.Time
		w    want
	}{
		{"1", on, day(1900, 1, 1), none},
		{"59", on, day(1900, 2, 28), none},
		{"60", on, zero, fail(CodeDateSerialRange)}, // the fictitious 1900-02-29
		{"61", on, day(1900, 3, 1), none},
		{"40543", on, day(2010, 12, 31), none},
		{"40543", mac, day(2015, 1, 1), none}, // tealeg testcelltypes A5, date1904
		{"0", mac, day(1904, 1, 1), none},
		{"0", on, zero, fail(CodeDateSerialRange)},
		{"45292", on, day(2024, 1, 1), none},
		{"45292.5", on, at(2024, 1, 1, 12, 0, 0), none},
		{"45292,75", on, at(2024, 1, 1, 18, 0, 0), none},
		{"40801.640277777777", on, at(2011, 9, 15, 15, 22, 0), none}, // xlsx2csv datetime (1900 reading)
		{"45292.99999999", on, day(2024, 1, 2), none},                // rounds to the next midnight
		{"2958465", on, day(9999, 12, 31), none},
		{"2958466", on, zero, fail(CodeDateSerialRange)},
		{"-1", on, zero, fail(CodeDateSerialRange)},
		{"99999999999", on, zero, fail(CodeDateSerialRange)},
		{"4.5", on, at(1900, 1, 4, 12, 0, 0), none}, // allowed only because the format says "date"
		{"20140102", on, day(2014, 1, 2), none},     // yyyymmdd before serial
		{"31/12/2012", on, day(2012, 12, 31), none}, // text dates still work
	}
	for _, tc := range tests {
		got, p := Date(tc.in, tc.opt)
		if !got.Equal(tc.want) {
			t.Errorf("Date(%q, %+v) = %v, want %v (%v)", tc.in, tc.opt, got, tc.want, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestDateMessages(t *testing.T) {
	tests := []struct{ in, fr, en string }{
		{"12/31/2012", "format américain", "American"},
		{"12/31/2012", "Saisissez 31/12/2012", "Enter 31/12/2012"},
		{"31/02/2020", "février 2020 n’a que 29 jours", "February 2020 has only 29 days"},
		{"01/01/00", "lue comme 2000", "read as 2000"},
		{"4.5", "est un nombre, pas une date", "is a number, not a date"},
	}
	for _, tc := range tests {
		_, p := Date(tc.in, DateOptions{})
		if p == nil || !strings.Contains(p.FR, tc.fr) || !strings.Contains(p.EN, tc.en) {
			t.Errorf("Date(%q) = %v; want FR containing %q and EN containing %q", tc.in, p, tc.fr, tc.en)
		}
	}
	_, p := Date("60", DateOptions{AllowSerial: true})
	if p == nil || !strings.Contains(p.FR, "29/02/1900") {
		t.Errorf("serial 60: %v", p)
	}
}

func TestDateNoAllocs(t *testing.T) {
	for _, in := range []string{"31/12/2012", "2012-12-31T15:53:07Z", "5/6/2012 15:53", "20140102", "5 juin 2012", "45292.5"} {
		if n := testing.AllocsPerRun(100, func() { Date(in, DateOptions{AllowSerial: true}) }); n != 0 {
			t.Errorf("Date(%q): %v allocations, want 0", in, n)
		}
	}
}
