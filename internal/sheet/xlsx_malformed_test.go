package sheet

import (
	"slices"
	"testing"
)

// Where excelize stopped reading a sheet silently at the first flaw of its
// XML (every row after it lost), the reader reads on: a cell that is not
// valid UTF-8 is read as Windows-1252 and reported, as in a CSV file; an
// entity XML does not know (HTML's &nbsp;, written by some generators) is
// kept as written.
func TestXLSXFlawedXMLReadsOn(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><t>Ville</t></is></c></row>` +
		"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H\xe9l\xe8ne</t></is></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>" +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Dupont&nbsp;SA</t></is></c><c r="B3" t="s"><v>1</v></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>Zoé</t></is></c><c r="B4" t="s"><v>1</v></c></row>`
	sst := sstHead + "<si><t>B\xe9ziers</t></si><si><t>Nîmes</t></si></sst>"
	path := writeZip(t, withSharedStrings(minimalWorkbook(rows), sst))
	_, header, got := readAll(t, path, Options{})
	if !slices.Equal(header, []string{"Nom", "Ville"}) {
		t.Fatalf("header %q", header)
	}
	want := [][]string{{"Hélène", "Béziers"}, {"Dupont&nbsp;SA", "Nîmes"}, {"Zoé", "Nîmes"}}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(got), len(want), got)
	}
	for i, r := range got {
		if !slices.Equal(r.Cells, want[i]) {
			t.Errorf("line %d = %q, want %q", r.Line, r.Cells, want[i])
		}
	}
	w := got[0].Warnings
	if len(w) != 2 || w[0].Code != WarnEncodingRepaired || w[0].Cell != 0 || w[1].Cell != 1 || w[0].Line != 2 {
		t.Errorf("line 2 warnings %+v, want the two repaired cells", w)
	}
	if len(got[1].Warnings) != 0 {
		t.Errorf("line 3 warnings %+v", got[1].Warnings)
	}
}
