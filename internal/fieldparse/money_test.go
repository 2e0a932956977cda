package fieldparse

import (
	"strings"
	"testing"
)

func TestMoney(t *testing.T) {
	tests := []struct {
		in    string
		cents int64
		empty bool
		w     want
	}{
		// Empty cells.
		{"", 0, true, none},
		{"   ", 0, true, none},
		{"\u00a0", 0, true, none},
		{"'", 0, true, none},

		// French numbers.
		{"0", 0, false, none},
		{"12", 1200, false, none},
		{"12,5", 1250, false, none},
		{"12,50", 1250, false, none},
		{"1234,56", 123456, false, none},
		{"1 234,56", 123456, false, none},
		{"1\u00a0234,56", 123456, false, none}, // NBSP (Excel, CLDR < 34)
		{"1\u202f234,56", 123456, false, none}, // narrow NBSP (CLDR 34+)
		{"1\u2009234,56", 123456, false, none}, // thin space
		{"12\u202f345\u202f678,90", 1234567890, false, none},
		{"1 234 567", 123456700, false, none},
		{"1  234,56", 123456, false, none}, // a run of spaces is one separator
		{",5", 50, false, none},
		{"5,", 500, false, none},
		{"0,01", 1, false, none},
		{"007", 700, false, none},

		// Currency and signs.
		{"12,00 €", 1200, false, none},
		{"12,00\u00a0€", 1200, false, none},
		{"12€", 1200, false, none},
		{"€ 12", 1200, false, none},
		{"€12,50", 1250, false, none},
		{"12 EUR", 1200, false, none},
		{"EUR 12", 1200, false, none},
		{"12,5 eur", 1250, false, none},
		{"12 euros", 1200, false, none},
		{"1 euro", 100, false, none},
		{"-12,5", -1250, false, none},
		{"+12", 1200, false, none},
		{"- 12,50 €", -1250, false, none},
		{"-12,50 €", -1250, false, none},
		{"€ -12", -1200, false, none},
		{"-€12", -1200, false, none},
		{"\u221212,5", -1250, false, none}, // U+2212 MINUS SIGN
		{"(150,00)", -15000, false, none},
		{"(150,00 €)", -15000, false, none},
		{"(150,00) €", -15000, false, none},
		{"( 1 234,56 )", -123456, false, none},
		{"150,00-", -15000, false, none}, // trailing minus of accounting exports
		{"'12,50", 1250, false, none},    // text marker

		// Dot decimal, as in XLSX raw values and English files.
		{"1234.56", 123456, false, none},
		{"0.5", 50, false, none},
		{"-0.01", -1, false, none},
		{"12.300000000000001", 1230, false, none}, // float noise: silent
		{"1234.5599999999999", 123456, false, none},
		{"1 234.56", 123456, false, none}, // space grouping + dot: unambiguous

		// Doubtful: accepted with a warning.
		{"1.234,56", 123456, false, warn(CodeMoneyThousandsDot)},
		{"1.234.567,89", 123456789, false, warn(CodeMoneyThousandsDot)},
		{"200.000.000", 20000000000, false, warn(CodeMoneyThousandsDot)}, // csvkit test_locale
		{"1,234.56", 123456, false, warn(CodeMoneyThousandsComma)},
		{"1,234,567", 123456700, false, warn(CodeMoneyThousandsComma)},
		{"-1,234.56 €", -123456, false, warn(CodeMoneyThousandsComma)},
		{"1,234", 123, false, warn(CodeMoneyAmbiguous)},
		{"1.234", 123, false, warn(CodeMoneyAmbiguous)},
		{"999,999", 100000, false, warn(CodeMoneyAmbiguous)},
		{"-1,235", -124, false, warn(CodeMoneyAmbiguous)},
		{"12,345", 1235, false, warn(CodeMoneyAmbiguous)},
		{"0,125", 13, false, warn(CodeMoneyRounded)}, // leading 0: surely decimal
		{"1234,567", 123457, false, warn(CodeMoneyRounded)},
		{"12,3456", 1235, false, warn(CodeMoneyRounded)},
		{"1 234,565", 123457, false, warn(CodeMoneyRounded)},
		{"12,5000", 1250, false, none}, // extra zeros are exact
		{"-", 0, false, warn(CodeMoneyDashZero)},
		{"-   €", 0, false, warn(CodeMoneyDashZero)},

		// Rejected.
		{"abc", 0, false, fail(CodeMoneyInvalid)},
		{"N/A", 0, false, fail(CodeMoneyInvalid)},
		{"12,50 €uro", 0, false, fail(CodeMoneyInvalid)},
		{"1-2", 0, false, fail(CodeMoneyInvalid)},
		{"--12", 0, false, fail(CodeMoneyInvalid)},
		{"(-12)", 0, false, fail(CodeMoneyInvalid)},
		{"+-12", 0, false, fail(CodeMoneyInvalid)},
		{"12 € €", 0, false, fail(CodeMoneyInvalid)},
		{"€", 0, false, fail(CodeMoneyInvalid)},
		{"+", 0, false, fail(CodeMoneyInvalid)},
		{"()", 0, false, fail(CodeMoneyInvalid)},
		{".", 0, false, fail(CodeMoneyInvalid)},
		{"12 34", 0, false, fail(CodeMoneyGrouping)},
		{"1 2345", 0, false, fail(CodeMoneyGrouping)},
		{"1234 567", 0, false, fail(CodeMoneyGrouping)},
		{"12.34.56", 0, false, fail(CodeMoneyGrouping)},
		{"1,2,3", 0, false, fail(CodeMoneyGrouping)},
		{"1 234.567,8", 0, false, fail(CodeMoneyGrouping)},
		{"1.234,5,6", 0, false, fail(CodeMoneyGrouping)},
		{"0,123 45", 0, false, fail(CodeMoneyGrouping)},
		{"1..234", 0, false, fail(CodeMoneyGrouping)},
		{"4,04833E+13", 0, false, fail(CodeMoneyScientific)},
		{"1.5e3", 0, false, fail(CodeMoneyScientific)},
		{"1E+15", 0, false, fail(CodeMoneyScientific)},
		{"$12", 0, false, fail(CodeMoneyCurrency)},
		{"12 USD", 0, false, fail(CodeMoneyCurrency)},
		{"CHF 12", 0, false, fail(CodeMoneyCurrency)},
		{"£12.50", 0, false, fail(CodeMoneyCurrency)},
		{"10 %", 0, false, fail(CodeMoneyPercent)},
		{"1234567890123456", 0, false, fail(CodeMoneyTooLarge)},
		{"999999999999999,99", 99999999999999999, false, none},
		{"#N/A", 0, false, fail(CodeSpreadsheetError)},
		{"#VALEUR!", 0, false, fail(CodeSpreadsheetError)},
		{"#####", 0, false, fail(CodeSpreadsheetError)},
		{"Err:502", 0, false, fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		cents, empty, p := Money(tc.in)
		if cents != tc.cents || empty != tc.empty {
			t.Errorf("Money(%q) = %d, empty=%v; want %d, empty=%v (%v)", tc.in, cents, empty, tc.cents, tc.empty, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

// The warnings must spell out the reading chosen.
func TestMoneyMessages(t *testing.T) {
	tests := []struct{ in, fr, en string }{
		{"1.234,56", "lu comme 1 234,56 €", "read as €1,234.56"},
		{"1,234.56", "lu comme 1 234,56 €", "read as €1,234.56"},
		{"1,234", "soit 1,23 €", "giving €1.23"},
		{"1,234", "S’il s’agit de 1 234 €, écrivez 1234", "If you meant €1,234, write 1234"},
		{"12,345", "soit 12,35 €", "giving €12.35"},
		{"-1,234.56", "lu comme -1 234,56 €", "read as -€1,234.56"},
		{"1234,567", "arrondi au centime, soit 1 234,57 €", "rounded to the cent, giving €1,234.57"},
		{"4,04833E+13", "notation scientifique", "scientific notation"},
		{"$12", "dollars", "dollars"},
	}
	for _, tc := range tests {
		_, _, p := Money(tc.in)
		if p == nil {
			t.Errorf("Money(%q): no problem", tc.in)
			continue
		}
		if !strings.Contains(p.FR, tc.fr) {
			t.Errorf("Money(%q) FR = %q, want it to contain %q", tc.in, p.FR, tc.fr)
		}
		if !strings.Contains(p.EN, tc.en) {
			t.Errorf("Money(%q) EN = %q, want it to contain %q", tc.in, p.EN, tc.en)
		}
	}
}

func TestMoneyNoAllocs(t *testing.T) {
	for _, in := range []string{"1 234,56", "12,00\u00a0€", "(150,00)", "1234.56", "", "-12,5"} {
		if n := testing.AllocsPerRun(100, func() { Money(in) }); n != 0 {
			t.Errorf("Money(%q): %v allocations, want 0", in, n)
		}
	}
}

func TestFormatScaled(t *testing.T) {
	tests := []struct {
		v     int64
		scale int
		fr    string
		en    string
	}{
		{0, 2, "0,00", "0.00"},
		{5, 2, "0,05", "0.05"},
		{123456, 2, "1 234,56", "1,234.56"},
		{-123456789, 2, "-1 234 567,89", "-1,234,567.89"},
		{1234, 0, "1 234", "1,234"},
		{100, 0, "100", "100"},
	}
	for _, tc := range tests {
		if got := formatScaled(tc.v, tc.scale, true); got != tc.fr {
			t.Errorf("formatScaled(%d, %d, fr) = %q, want %q", tc.v, tc.scale, got, tc.fr)
		}
		if got := formatScaled(tc.v, tc.scale, false); got != tc.en {
			t.Errorf("formatScaled(%d, %d, en) = %q, want %q", tc.v, tc.scale, got, tc.en)
		}
	}
}
