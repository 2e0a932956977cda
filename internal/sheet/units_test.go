package sheet

import (
	"slices"
	"strings"
	"testing"
)

func TestCanonicalNumFmt(t *testing.T) {
	for code, want := range map[string]string{
		"General":                            "",
		"0":                                  "",
		"#,##0":                              "",
		"@":                                  "",
		"0.00E+00":                           "",
		"##0.0E+0":                           "",
		"# ?/?":                              "",
		`0" kg"`:                             "",
		"[<=9999999]###-####;(###) ###-####": "",
		"0.00":                               "0.00",
		"0.00000":                            "0.00000",
		"0.0#":                               "0.0#",
		"#,##0.00":                           "0.00",
		`#,##0.00\ "€";[Red]\-#,##0.00\ "€"`: "0.00",
		`_-* #,##0.00\ _€_-;\-* #,##0.00\ _€_-;_-* "-"??\ _€_-;_-@_-`: "0.00",
		`[$€-40C] #,##0.00`:          "0.00",
		`"Total: "0.0`:               "0.0",
		"[Red]0.00":                  "0.00",
		"0%":                         "0%",
		"0.00%":                      "0.00%",
		"00000":                      "00000",
		"00000000000000":             "00000000000000",
		"mm-dd-yy":                   isoDate,
		"d-mmm-yy":                   isoDate,
		"mmm-yy":                     isoDate,
		"dd/mm/yyyy":                 isoDate,
		`[$-40C]dddd\ d\ mmmm\ yyyy`: isoDate,
		`yyyy"年"m"月"d"日"`:            isoDate,
		"m/d/yy h:mm":                isoDateTime,
		"dd/mm/yyyy hh:mm:ss":        isoDateTime,
		"h:mm AM/PM":                 isoTime,
		"h:mm":                       isoTime,
		"mm:ss":                      isoTime,
		"mm:ss.0":                    isoTime,
		"[h]:mm:ss":                  isoDuration,
		"[mm]:ss":                    isoDuration,
	} {
		if got := canonicalNumFmt(code); got != want {
			t.Errorf("canonicalNumFmt(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestDecodeDateMarker(t *testing.T) {
	for _, tc := range []struct {
		in       string
		date1904 bool
		want     string
	}{
		{markDate + "1.000000000", false, "1900-01-01"},
		{markDate + "59.000000000", false, "1900-02-28"},
		{markDate + "60.000000000", false, "1900-02-29"}, // Excel's phantom day
		{markDate + "61.000000000", false, "1900-03-01"},
		{markDate + "42005.000000000", false, "2015-01-01"},
		{markDate + "40543.000000000", true, "2015-01-01"},
		{markDate + "0.000000000", true, "1904-01-01"},
		{markDate + "42005.750000000", false, "2015-01-01"},
		{markDateTime + "40801.640277778", false, "2011-09-15 15:22:00"},
		{markDateTime + "39339.640277778", true, "2011-09-15 15:22:00"},
		{markDateTime + "45366.999999999", false, "2024-03-16 00:00:00"},
		{markTime + "0.640277778", false, "15:22:00"},
		{markDuration + "1.500000000", false, "36:00:00"},
		{"-" + markDuration + "0.250000000", false, "-6:00:00"},
		{"-" + markDate + "3.000000000", false, "-3"},
		{markDate + "2958466.000000000", false, "2958466"},
		{markTime + "1.500000000", false, "1.5"},
	} {
		if got := decodeDateMarker(tc.in, tc.date1904); got != tc.want {
			t.Errorf("decodeDateMarker(%q, %v) = %q, want %q", tc.in, tc.date1904, got, tc.want)
		}
	}
}

func TestSniffDelimiter(t *testing.T) {
	for _, tc := range []struct {
		text    string
		want    byte
		minConf float64
	}{
		{"a;b;c\n1;2,5;3\n4;5,5;6\n7;8;9\n", ';', 0.7},
		{"a,b,c\n1,\"2;5\",3\n4,5,6\n7,8,9\n", ',', 0.8},
		{"a\tb\tc\n1\t2\t3\n4\t5\t6\n", '\t', 0.8},
		{"a|b|c\n1|2|3\n4|5|6\n", '|', 0.8},
		{"Nom;Ville\nDupont, Jean;Paris\nMartin, Luc;Lyon\nDurand;Lille\n", ';', 0.5},
		{"email\na@b.fr\nc@d.fr\n", ',', 0},
		{";;;\n;;\n", ';', 0},
	} {
		got, conf := sniffDelimiter([]byte(tc.text), true)
		if got != tc.want || conf < tc.minConf {
			t.Errorf("sniffDelimiter(%q) = %q %.2f, want %q ≥ %.2f", tc.text, got, conf, tc.want, tc.minConf)
		}
	}
}

func TestDetectHeader(t *testing.T) {
	rows := func(lines ...[]string) []rawRow {
		var out []rawRow
		for i, l := range lines {
			out = append(out, rawRow{line: i + 1, cells: l})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		rows []rawRow
		want int
	}{
		{"plain", rows([]string{"Nom", "Ville"}, []string{"Dupont", "Paris"}, []string{"Martin", "Lyon"}), 0},
		{"title above", rows([]string{"Clients 2024"}, []string{"Code", "Nom", "Solde"}, []string{"C1", "Dupont", "12,5"}, []string{"C2", "Martin", "3"}), 1},
		{"banner and date", rows([]string{"", "Export"}, []string{"Date :", "01/02/2024"}, []string{"Code", "Nom", "CP", "Ville"},
			[]string{"1", "Dupont", "75002", "Paris"}, []string{"2", "Martin", "69001", "Lyon"}, []string{"3", "Durand", "59000", "Lille"}), 2},
		{"sparse header names", rows([]string{"Taille", "", "Marque", ""}, []string{"> 23", "19", "HP", "200"}, []string{"20-23", "24", "Dell", "450"},
			[]string{"", "", "Acer", "315"}), 0},
	} {
		if got, _ := detectHeader(tc.rows); got != tc.want {
			t.Errorf("%s: header at %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestTableShape(t *testing.T) {
	data := []rawRow{
		{cells: []string{"", "a", "b", "", "note"}},
		{cells: []string{"", "c", "d", "x"}},
		{cells: []string{"", "e", "", "y"}},
	}
	// Column D has data in two rows: it becomes "Colonne 4"; the note in E
	// (one row) stays outside; column A is empty everywhere.
	first, cols := tableShape([]string{"", "Nom", "Ville"}, data)
	if first != 1 || cols != 3 {
		t.Errorf("tableShape = %d, %d; want 1, 3", first, cols)
	}
	if names := headerNames([]string{"", "Nom", "Ville"}, first, cols); names[2] != "Colonne 4" {
		t.Errorf("names %q", names)
	}
}

func TestScannerSpaceAndTabDelimiters(t *testing.T) {
	for _, tc := range []struct {
		text  string
		delim byte
		want  []string
	}{
		{"a b  c\n", ' ', []string{"a", "b", "", "c"}},
		{"a\t \"b\tc\"\t d\n", '\t', []string{"a", "b\tc", "d"}},
		{"a; \"b;c\" ;d\n", ';', []string{"a", "b;c", "d"}},
	} {
		s := newScanner(strings.NewReader(tc.text), "", tc.delim, invalidNone)
		got, _, err := s.next()
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q split on %q = %q, %v; want %q", tc.text, tc.delim, got, err, tc.want)
		}
	}
}
