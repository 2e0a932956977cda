package fieldparse

import (
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets of this package, run one at a time, e.g.
// go test -run '^$' -fuzz '^FuzzText$' -fuzztime 60s ./internal/fieldparse/.
// Besides their own seeds, each is seeded with the cells of the CSV files
// of ../shared/corpus (and FuzzEmail with isemail's addresses); a plain
// go test runs the seeds. Without the corpus they run without its seeds,
// with a message.

// corpusSeeds returns the distinct cells of the corpus's CSV files (and,
// with emails, isemail's test addresses), at most 4,000.
func corpusSeeds(f *testing.F, emails bool) []string {
	f.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		f.Logf("corpus folder %s absent: fuzzing without its seeds", corpusDir)
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if len(s) <= 200 && !seen[s] && len(out) < 4000 {
			seen[s] = true
			out = append(out, s)
		}
	}
	var paths []string
	filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".csv") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		text := strings.TrimPrefix(string(data), "\ufeff")
		first, _, _ := strings.Cut(text, "\n")
		r := csv.NewReader(strings.NewReader(text))
		if strings.Count(first, ";") > strings.Count(first, ",") {
			r.Comma = ';'
		}
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			for _, c := range rec {
				add(c)
			}
		}
	}
	if emails {
		if data, err := os.ReadFile(filepath.Join(corpusDir, "validation", "isemail", "tests.xml")); err == nil {
			var doc struct {
				Tests []isemailTest `xml:"test"`
			}
			if xml.Unmarshal(data, &doc) == nil {
				for _, tc := range doc.Tests {
					add(decodeIsemail(tc.Address))
				}
			}
		}
	}
	return out
}

func checkFuzzProblem(t *testing.T, in string, p *Problem) {
	t.Helper()
	if p == nil {
		return
	}
	if p.Code == "" || (p.Severity != Warning && p.Severity != Error) || p.FR == "" || p.EN == "" {
		t.Fatalf("%q: malformed problem %+v", in, p)
	}
	if utf8.ValidString(in) && (!utf8.ValidString(p.FR) || !utf8.ValidString(p.EN)) {
		t.Fatalf("%q: message is not valid UTF-8", in)
	}
}

func FuzzMoney(f *testing.F) {
	for _, s := range []string{"1 234,56", "12,00 €", "(150,00)", "1.234,56", "1,234.56", "1,234", "-", "4,04833E+13",
		"€ -12", "12.300000000000001", "1\u202f234,5", "150,00-", "$12", "1234567890123456", "'12", "(", ",", "e"} {
		f.Add(s)
	}
	for _, s := range corpusSeeds(f, false) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, empty, p := Money(s)
		checkFuzzProblem(t, s, p)
		switch {
		case empty:
			if cents != 0 || p != nil {
				t.Fatalf("Money(%q): empty with %d, %v", s, cents, p)
			}
		case p.IsError():
			if cents != 0 {
				t.Fatalf("Money(%q): error with %d", s, cents)
			}
		default:
			if cents > 100_000_000_000_000_000 || cents < -100_000_000_000_000_000 {
				t.Fatalf("Money(%q) = %d: out of bounds", s, cents)
			}
			// What Carnet writes back reads the same, without remark.
			for _, out := range []string{formatScaled(cents, 2, true), formatScaled(cents, 2, true) + " €"} {
				if again, _, p2 := Money(out); again != cents || p2 != nil {
					t.Fatalf("Money(%q) = %d, but Money(%q) = %d %v", s, cents, out, again, p2)
				}
			}
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"31/12/2012", "5/6/2012 15:53", "01/01/00", "2012-12-31T15:53:07.25+02:00", "20140102",
		"45292.5", "60", "4.5", "12/31/2012", "5 juin 2012", "1er janvier 2020", "June 5, 2012", "0000-00-00",
		"31/02/2020", "lundi 5 juin 2017 à 15h30", "5/6/2012 3:53 PM", "2012-12-31 15:53 GMT+1"} {
		f.Add(s, false, false)
		f.Add(s, true, false)
		f.Add(s, true, true)
	}
	for _, s := range corpusSeeds(f, false) {
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, s string, serial, d1904 bool) {
		opt := DateOptions{AllowSerial: serial, Date1904: d1904}
		got, p := Date(s, opt)
		checkFuzzProblem(t, s, p)
		if p.IsError() || got.IsZero() {
			if !got.IsZero() {
				t.Fatalf("Date(%q): error with %v", s, got)
			}
			return
		}
		if got.Location() != time.UTC || got.Year() < 1000 || got.Year() > 9999 {
			t.Fatalf("Date(%q) = %v: out of range", s, got)
		}
		// Carnet's own formats read back to the same instant, without remark.
		for _, out := range []string{got.Format("2006-01-02T15:04:05.999999999"), got.Format("02/01/2006 15:04:05.999999999")} {
			again, p2 := Date(out, DateOptions{})
			if !again.Equal(got) || p2 != nil {
				t.Fatalf("Date(%q) = %v, but Date(%q) = %v %v", s, got, out, again, p2)
			}
		}
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"jean@example.fr", "Jean Dupont <j@x.fr>", "\"a b\"@x.fr", "a@[1.2.3.4]", "(c)a@x.fr",
		"a@x.fr; b@y.fr", "a@x.fr\r\n ", "mailto:a@x.fr", "'a@x.fr", "jérôme@x.fr", "a@b", "\"\\\x07\"@x.fr"} {
		f.Add(s)
	}
	for _, s := range corpusSeeds(f, true) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, p := Email(s)
		checkFuzzProblem(t, s, p)
		if p.IsError() {
			if got != "" {
				t.Fatalf("Email(%q): error with %q", s, got)
			}
			return
		}
		if got == "" {
			return
		}
		if got[0] == '\'' {
			return // a second ' would be read as the text marker again
		}
		// The cleaned address is stable.
		again, p2 := Email(got)
		if again != got || p2.IsError() {
			t.Fatalf("Email(%q) = %q, but Email(%q) = %q %v", s, got, got, again, p2)
		}
		if p == nil && !simpleEmail(got) && p2 == nil {
			// Accepted silently by the slow path: must be a plain addr-spec.
			if _, issues, err, _ := classifyEmail(got); err != eeNone || issues != 0 {
				t.Fatalf("Email(%q) = %q accepted silently, but classify says %b %v", s, got, issues, err)
			}
		}
		EmailList(s)
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Code Postal", "  Élève  ", "Cœur", "e\u0301", "Straße", "\xff", "ǅ"} {
		f.Add(s)
	}
	for _, s := range corpusSeeds(f, false) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) {
			if again := Fold(got); again != got {
				t.Fatalf("Fold(%q) = %q, Fold of that = %q", s, got, again)
			}
		}
		GroupList(s)
		Text(s, 10)
		Identifier(s)
		FrenchPostcode(s, "")
		Bool(s)
		Percent(s)
		Int(s)
	})
}

// FuzzText: Text never panics; what it returns is trimmed, valid UTF-8,
// free of bidirectional controls, within the limit, and reads back the
// same; a value it flags as a formula starts with a formula character.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Dupont", " PARIS ", "a\r\nb", "=SOMME(A1)", "+A1*2", "-SUM(A1)", "@SOMME(1)", "+33 6 12 34 56 78",
		"-12,50", "- voir", "@dupont", "-2+3+cmd|' /C calc'!A0", "Facture\u202Efdp.exe", "\u2066x\u2069", "caf\xe9", "caf\u0082",
		"caf\ufffd", "\u202A\u202D", "Zoë", strings.Repeat("é", 300)} {
		f.Add(s, 0)
		f.Add(s, 10)
	}
	for _, s := range corpusSeeds(f, false) {
		f.Add(s, 255)
	}
	f.Fuzz(func(t *testing.T, s string, maxLen int) {
		maxLen %= 1000
		got, p := Text(s, maxLen)
		checkFuzzProblem(t, s, p)
		if p.IsError() {
			if got != "" {
				t.Fatalf("Text(%q): error with %q", s, got)
			}
			return
		}
		if !utf8.ValidString(got) || strings.ContainsFunc(got, isBidiControl) || got != trimCell(got) || strings.Contains(got, "\r") {
			t.Fatalf("Text(%q) = %q: not clean", s, got)
		}
		if maxLen > 0 && utf8.RuneCountInString(got) > maxLen {
			t.Fatalf("Text(%q, %d) = %q: too long", s, maxLen, got)
		}
		if p != nil && p.Code == CodeTextFormula && strings.IndexByte("=+-@", got[0]) < 0 {
			t.Fatalf("Text(%q): formula warning on %q", s, got)
		}
		if again, p2 := Text(got, maxLen); again != got || p2.IsError() {
			t.Fatalf("Text(%q) = %q, but Text(%q) = %q %v", s, got, got, again, p2)
		}
		for _, msg := range []string{p.Message("fr"), p.Message("en")} {
			if len(msg) > 4000 || strings.ContainsFunc(msg, isBidiControl) {
				t.Fatalf("Text(%q): message %q", s, msg)
			}
		}
	})
}
