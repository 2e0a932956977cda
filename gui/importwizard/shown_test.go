package importwizard

import "testing"

func TestShownCellAsTheSpreadsheetShowsIt(t *testing.T) {
	for _, c := range []struct {
		in       string
		workbook bool
		lang     string
		want     string
	}{
		{"2026-12-31", true, "fr", "31/12/2026"},
		{"2011-09-15 15:22:00", true, "fr", "15/09/2011 15:22"},
		{"-1234.56", true, "fr", "-1\u202f234,56"},
		{"1234567.5", true, "en", "1,234,567.5"},
		{"12.50", true, "fr", "12,50"},
		{"0612345678", true, "fr", "0612345678"}, // whole numbers: codes, phones
		{"8595602512225", true, "fr", "8595602512225"},
		{"2026-12-31", false, "fr", "2026-12-31"}, // a CSV shows its own text
		{"-1234.56", false, "fr", "-1234.56"},
		{"12 rue\nBât. B", true, "fr", "12 rue ¶ Bât. B"},
	} {
		if got := shownCell(c.in, c.workbook, c.lang); got != c.want {
			t.Errorf("shownCell(%q, %v, %s) = %q, want %q", c.in, c.workbook, c.lang, got, c.want)
		}
	}
}
