package format

import (
	"testing"
	"time"
)

func TestMoney(t *testing.T) {
	cases := []struct {
		cents  int64
		fr, en string
	}{
		{123456, "1\u202f234,56\u00a0€", "€1,234.56"},
		{-15000, "-150,00\u00a0€", "-€150.00"},
		{5, "0,05\u00a0€", "€0.05"},
		{100000000, "1\u202f000\u202f000,00\u00a0€", "€1,000,000.00"},
	}
	for _, c := range cases {
		if got := Money(c.cents, "fr"); got != c.fr {
			t.Errorf("Money(%d, fr) = %q, want %q", c.cents, got, c.fr)
		}
		if got := Money(c.cents, "en"); got != c.en {
			t.Errorf("Money(%d, en) = %q, want %q", c.cents, got, c.en)
		}
	}
}

func TestDateAndPercent(t *testing.T) {
	d := time.Date(2026, 11, 3, 12, 0, 0, 0, time.Local)
	if got := Date(d, "fr"); got != "03/11/2026" {
		t.Errorf("Date fr = %q", got)
	}
	if got := Date(d, "en"); got != "2026-11-03" {
		t.Errorf("Date en = %q", got)
	}
	if got := Percent(1250, "fr"); got != "12,5\u00a0%" {
		t.Errorf("Percent = %q", got)
	}
	if got := Count(1000000, "fr"); got != "1\u202f000\u202f000" {
		t.Errorf("Count = %q", got)
	}
}

func TestDigitsGroupsAnyLength(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{"123", "fr", "123"},
		{"1234567", "fr", "1\u202f234\u202f567"},
		{"1234567", "en", "1,234,567"},
		{"123456789012345678901234", "en", "123,456,789,012,345,678,901,234"},
	} {
		if got := Digits(c.in, c.lang); got != c.want {
			t.Errorf("Digits(%q, %s) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

func TestFileSizeUsesTheUsersDecimalMark(t *testing.T) {
	for _, c := range []struct {
		n        int64
		lang, is string
	}{
		{0, "fr", "0 ko"},
		{1500, "fr", "2 ko"},
		{18245632, "fr", "17,4 Mo"},
		{18245632, "en", "17.4 MB"},
		{1 << 20, "en", "1.0 MB"},
	} {
		if got := FileSize(c.n, c.lang); got != c.is {
			t.Errorf("FileSize(%d, %s) = %q, want %q", c.n, c.lang, got, c.is)
		}
	}
}
