package fieldparse

import (
	"reflect"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		in     string
		maxLen int
		out    string
		w      want
	}{
		{"", 0, "", none},
		{"  ", 10, "", none},
		{"Dupont", 0, "Dupont", none},
		{" PARIS ", 0, "PARIS", none}, // PrestaShop old FR sample
		{"\u00a0Räuber Schätze GmBH\u202f", 0, "Räuber Schätze GmBH", none},
		{"1–6 Infinite Loop", 0, "1–6 Infinite Loop", none},
		{"Main Street 1\nSuite 200", 0, "Main Street 1\nSuite 200", none}, // Magento composite
		{"ligne 1\r\nligne 2\rligne 3", 0, "ligne 1\nligne 2\nligne 3", none},
		{"a\tb", 0, "a\tb", none},
		{"a  b", 0, "a  b", none}, // nothing collapsed
		{"\ufeffNom", 0, "Nom", none},
		{"Zoë", 3, "Zoë", none}, // length in characters, not bytes
		{"Zoëe", 3, "", fail(CodeTextTooLong)},
		{strings.Repeat("é", 256), 255, "", fail(CodeTextTooLong)},
		{"NA", 0, "NA", none}, // csvkit blanks stay text
		{"N/A", 0, "N/A", none},
		{"NULL", 0, "NULL", none},
		{"a\x00b", 0, "", fail(CodeTextControlChar)},    // csvkit null_byte
		{"a\x0bb", 0, "", fail(CodeTextControlChar)},    // vertical tab inside
		{"a\x7fb", 0, "", fail(CodeTextControlChar)},    // DEL
		{"caf\u0082", 0, "", fail(CodeTextControlChar)}, // C1: misread Windows-1252
		{"caf\xe9", 0, "", fail(CodeTextEncoding)},      // Latin-1 é read as UTF-8
		{"caf\ufffd", 0, "caf\ufffd", warn(CodeTextReplacement)},
		{"=SOMME(A1:A3)", 0, "=SOMME(A1:A3)", warn(CodeTextFormula)},
		{"+33 6 12 34 56 78", 0, "+33 6 12 34 56 78", none},
		{"-", 0, "-", none},
	}
	for _, tc := range tests {
		got, p := Text(tc.in, tc.maxLen)
		if got != tc.out {
			t.Errorf("Text(%q, %d) = %q, want %q (%v)", tc.in, tc.maxLen, got, tc.out, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
	_, p := Text(strings.Repeat("x", 300), 255)
	if !strings.Contains(p.FR, "300 caractères") || !strings.Contains(p.FR, "255") || !strings.Contains(p.EN, "300 characters") {
		t.Errorf("too long message: %v", p)
	}
	if !strings.Contains(p.FR, "…") {
		t.Errorf("long values must be cut in messages: %v", p.FR)
	}
	if n := testing.AllocsPerRun(100, func() { Text(" Jean-Pierre Dupont ", 255) }); n != 0 {
		t.Errorf("Text: %v allocations, want 0", n)
	}
}

func TestGroupList(t *testing.T) {
	tests := []struct {
		in  string
		out []string
	}{
		{"", nil},
		{" , ; ", nil},
		{"Customer", []string{"Customer"}},
		{"Customer, Guest", []string{"Customer", "Guest"}}, // PrestaShop
		{"Customer, Carribean", []string{"Customer", "Carribean"}},
		{"VIP; Grossistes", []string{"VIP", "Grossistes"}},
		{"VIP,,Grossistes,", []string{"VIP", "Grossistes"}},
		{"Élèves, eleves, ÉLÈVES", []string{"Élèves"}},
		{"Clients  divers, clients divers", []string{"Clients  divers"}},
		{"B, A, B", []string{"B", "A"}},
		{"Pros\nParticuliers", []string{"Pros", "Particuliers"}},
		{"\u00a0Revendeurs\u00a0", []string{"Revendeurs"}},
	}
	for _, tc := range tests {
		if got := GroupList(tc.in); !reflect.DeepEqual(got, tc.out) {
			t.Errorf("GroupList(%q) = %q, want %q", tc.in, got, tc.out)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, out string }{
		{"", ""},
		{"code postal", "code postal"},
		{"Code Postal", "code postal"},
		{"  Code   Postal  ", "code postal"},
		{"Code\tPostal\n", "code postal"},
		{"Élève", "eleve"},
		{"ÉLÈVE", "eleve"},
		{"Prénom", "prenom"},
		{"Civilité", "civilite"},
		{"N° TVA", "n° tva"},
		{"Raison\u00a0sociale", "raison sociale"},
		{"Raison\u202fsociale", "raison sociale"},
		{"Cœur", "coeur"},
		{"ŒUVRE", "oeuvre"},
		{"Lætitia", "laetitia"},
		{"Straße", "strasse"},
		{"l’adresse", "l'adresse"},
		{"Ça", "ca"},
		{"São Paulo", "sao paulo"},
		{"San José", "san jose"},
		{"e\u0301cole", "ecole"}, // already decomposed (macOS)
		{"Łódź", "lodz"},
		{"Ǖ", "u"},     // multiple marks
		{"ＡＢＣ", "ａｂｃ"}, // compatibility forms are not folded (NFD only)
		{"主动技能", "主动技能"},
		{"Tähtikuja", "tahtikuja"},
		{"Ǽ", "ae"},
		{"Øresund", "oresund"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.out {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.out)
		}
		if again := Fold(tc.out); again != tc.out {
			t.Errorf("Fold is not idempotent on %q: %q", tc.out, again)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Fold("code postal") }); n != 0 {
		t.Errorf("Fold on folded ASCII: %v allocations, want 0", n)
	}
	for _, in := range []string{"Code Postal", "Prénom"} {
		if n := testing.AllocsPerRun(100, func() { Fold(in) }); n > 1 {
			t.Errorf("Fold(%q): %v allocations, want at most 1", in, n)
		}
	}
}

// Values a spreadsheet would run as formulas are flagged in free text; the
// same first characters in phone numbers, amounts, bullets and handles are
// not.
func TestTextFormulaLike(t *testing.T) {
	for _, tc := range []struct {
		in      string
		formula bool
	}{
		{"=1+1", true},
		{"+A1*2", true},
		{"-SUM(A1:A3)", true},
		{"@SOMME(A1;A2)", true},
		{"+HYPERLINK(\"http://x\";\"clic\")", true},
		{"-$B$3+1", true},
		{"+A1", true},
		{"-2+3+cmd|' /C calc'!A0", true},
		{"+cmd|' /C calc'!A0", true},
		{"@_xlfn.CONCAT(A1)", true},
		{"+ SUM(1)", true},
		{"+33 6 12 34 56 78", false},
		{"+33612345678", false},
		{"-12,50", false},
		{"-12-3", false},
		{"- voir avec le gérant", false},
		{"-- fin --", false},
		{"@dupont", false},
		{"@ bientôt", false},
		{"+", false},
		{"-B2 bâtiment C", false},
		{"+ de 10 ans de fidélité", false},
		{"-ABCD12", false},
	} {
		got, p := Text(tc.in, 0)
		if got != tc.in {
			t.Errorf("Text(%q) changed the value to %q", tc.in, got)
		}
		if tc.formula {
			checkProblem(t, tc.in, p, CodeTextFormula, true)
			if p != nil && !strings.Contains(p.FR, "« "+tc.in[:1]+" »") {
				t.Errorf("%q: the message should name the first character: %s", tc.in, p.FR)
			}
		} else {
			checkProblem(t, tc.in, p, "", false)
		}
	}
}

// Bidirectional controls are removed with a warning that shows them by
// their code (so that the message itself is not reordered) and shows the
// text kept.
func TestTextBidiControls(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{"Facture\u202Efdp.exe", "Facturefdp.exe"},
		{"\u202Bسلام\u202C", "سلام"},
		{"Dupont\u2066 \u2069", "Dupont"},
		{"\u2067Rue\u2068 des Lilas\u2069", "Rue des Lilas"},
		{"\u202A\u202D", ""},
	} {
		got, p := Text(tc.in, 0)
		if got != tc.out {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.out)
		}
		checkProblem(t, tc.in, p, CodeTextBidi, true)
		if p != nil {
			for _, msg := range []string{p.FR, p.EN} {
				if strings.ContainsFunc(msg, isBidiControl) || !strings.Contains(msg, "<U+") {
					t.Errorf("%q: message %q shows the controls raw", tc.in, msg)
				}
			}
		}
	}
	// Marks are not controls that reorder: kept, no warning.
	if got, p := Text("Nom\u200E", 0); got != "Nom\u200E" || p != nil {
		t.Errorf("LRM: %q %v", got, p)
	}
	// The limit counts the characters kept.
	if _, p := Text("Zoë\u202E", 3); p.IsError() {
		t.Errorf("bidi controls count in the length: %v", p)
	}
}

// A huge value is quoted by its start and its length, in every message.
func TestLongValueQuotedShort(t *testing.T) {
	huge := strings.Repeat("é", 1<<20)
	for _, p := range []*Problem{
		func() *Problem { _, p := Text(huge, 255); return p }(),
		func() *Problem { _, p := Identifier("A\x01" + huge); return p }(),
		func() *Problem { _, p := Email(huge); return p }(),
		func() *Problem { _, p := Date(huge, DateOptions{}); return p }(),
		func() *Problem { _, _, p := Money(huge); return p }(),
	} {
		if p == nil {
			t.Fatal("no problem reported for a 1 MB value")
		}
		if len(p.FR) > 2000 || len(p.EN) > 2000 {
			t.Errorf("%s: messages of %d and %d bytes", p.Code, len(p.FR), len(p.EN))
		}
		if !strings.Contains(p.FR, "(1\u00a0048\u00a057") || !strings.Contains(p.FR, "\u00a0caractères)") {
			t.Errorf("%s: French message does not give the length: %s", p.Code, p.FR)
		}
		if !strings.Contains(p.EN, "1,048,57") || !strings.Contains(p.EN, "characters)") {
			t.Errorf("%s: English message does not give the length: %s", p.Code, p.EN)
		}
	}
	// A short value is quoted whole, without a length.
	_, p := Text("=A1", 0)
	if strings.Contains(p.FR, "caractères)") || !strings.Contains(p.FR, "«\u00a0=A1\u00a0»") {
		t.Errorf("short value: %s", p.FR)
	}
}
