package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// mixedCSV builds a UTF-8 file of rows customers whose "Nom" cell is
// written in Windows-1252 on the rows for which bad says so (an old tool
// edited them). It returns the file and the lines of the bad rows.
func mixedCSV(t *testing.T, rows int, bad func(i int) bool) ([]byte, []int) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("Code;Prénom;Nom;Ville;Téléphone\r\n")
	var lines []int
	for i := range rows {
		nom := []byte("Lefèvre")
		if bad(i) {
			nom = encode1252(t, "Lefèvre")
			lines = append(lines, i+2)
		}
		fmt.Fprintf(&b, "C%04d;Hélène;%s;Besançon;06 12 34 56 78\r\n", i, nom)
	}
	return b.Bytes(), lines
}

// A UTF-8 file with a few Windows-1252 cells is read as UTF-8: the header
// matches, valid text is not garbled, and each bad cell is decoded as
// Windows-1252 and reported with its row and column, whatever the share of
// bad cells.
func TestMixedEncodingCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows int
		bad  func(i int) bool
	}{
		{"one bad cell in 200 rows", 200, func(i int) bool { return i == 117 }},
		{"a few bad cells", 50, func(i int) bool { return i%17 == 3 }},
		{"one row in ten", 100, func(i int) bool { return i%10 == 0 }},
		{"half the rows (files pasted together)", 100, func(i int) bool { return i >= 50 }},
		{"four rows in five", 100, func(i int) bool { return i%5 != 0 }},
		{"every row, only the header in UTF-8", 3, func(int) bool { return true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content, badLines := mixedCSV(t, tc.rows, tc.bad)
			det, header, rows := readAll(t, write(t, "mixed.csv", content), Options{})
			if det.Encoding != EncodingUTF8 || det.EncodingSure {
				t.Errorf("read as %s (sure %v), want utf-8, not sure", det.Encoding, det.EncodingSure)
			}
			if want := []string{"Code", "Prénom", "Nom", "Ville", "Téléphone"}; !slices.Equal(header, want) {
				t.Errorf("header %q, want %q", header, want)
			}
			if len(det.Warnings) != 0 {
				t.Errorf("header warnings %v", det.Warnings)
			}
			var warned []int
			for _, r := range rows {
				if r.Cells[1] != "Hélène" || r.Cells[2] != "Lefèvre" || r.Cells[3] != "Besançon" {
					t.Fatalf("line %d read as %q", r.Line, r.Cells)
				}
				for _, w := range r.Warnings {
					warned = append(warned, w.Line)
					if w.Code != WarnEncodingRepaired || w.Line != r.Line || w.Cell != 2 || w.Column != 3 || w.Value != "Lefèvre" {
						t.Errorf("warning %+v on line %d", w, r.Line)
					}
					for _, want := range []string{fmt.Sprintf("ligne %d, colonne 3", r.Line), "«\u00a0Nom\u00a0»", "Windows-1252", "«\u00a0Lefèvre\u00a0»", "Vérifiez"} {
						if !strings.Contains(w.Message("fr"), want) {
							t.Errorf("French warning %q does not say %q", w.FR, want)
						}
					}
					for _, want := range []string{fmt.Sprintf("row %d, column 3", r.Line), `"Nom"`, "Windows-1252", "Check"} {
						if !strings.Contains(w.Message("en"), want) {
							t.Errorf("English warning %q does not say %q", w.EN, want)
						}
					}
					checkTypography(t, w.FR, w.EN)
				}
			}
			if !slices.Equal(warned, badLines) {
				t.Errorf("warnings on lines %v, want %v", warned, badLines)
			}
		})
	}
}

// A header cell in Windows-1252 is repaired (so that "Prénom" still matches
// its field) and reported in Detected.Warnings.
func TestMixedEncodingHeader(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Code;")
	b.Write(encode1252(t, "Prénom"))
	b.WriteString(";Ville\nC1;Hélène;Besançon\nC2;Zoé;Nîmes\n")
	det, header, rows := readAll(t, write(t, "header.csv", b.Bytes()), Options{})
	if det.Encoding != EncodingUTF8 || !slices.Equal(header, []string{"Code", "Prénom", "Ville"}) {
		t.Fatalf("read as %s with header %q", det.Encoding, header)
	}
	if len(det.Warnings) != 1 || det.Warnings[0].Line != 1 || det.Warnings[0].Cell != 1 || det.Warnings[0].Column != 2 ||
		!strings.Contains(det.Warnings[0].FR, "ligne 1, colonne 2 (en-tête)") || !strings.Contains(det.Warnings[0].EN, "row 1, column 2 (header)") {
		t.Errorf("header warnings %+v", det.Warnings)
	}
	if len(rows) != 2 || rows[0].Cells[2] != "Besançon" || rows[0].Warnings != nil {
		t.Errorf("rows %+v", rows)
	}
}

// A Windows-1252 cell far beyond the megabyte looked at to choose the
// encoding is repaired and reported too, whether that megabyte had UTF-8
// accents or was plain ASCII.
func TestMixedEncodingLateCell(t *testing.T) {
	for _, accents := range []bool{true, false} {
		var b bytes.Buffer
		b.WriteString("code;nom;ville\n")
		n := 0
		for b.Len() < encodingSniffBytes+5000 {
			n++
			if accents {
				fmt.Fprintf(&b, "C%d;Hélène;Besançon\n", n)
			} else {
				fmt.Fprintf(&b, "C%d;Helene;Besancon\n", n)
			}
		}
		b.WriteString("CX;")
		b.Write(encode1252(t, "Gaëlle"))
		b.WriteString(";Orléans\n")
		last := n + 2
		det, _, rows := readAll(t, write(t, "late.csv", b.Bytes()), Options{})
		if det.Encoding != EncodingUTF8 || det.EncodingSure != accents {
			t.Errorf("accents %v: read as %s sure %v", accents, det.Encoding, det.EncodingSure)
		}
		r := rows[len(rows)-1]
		if r.Line != last || r.Cells[1] != "Gaëlle" || r.Cells[2] != "Orléans" {
			t.Fatalf("accents %v: last row %d %q, want line %d", accents, r.Line, r.Cells, last)
		}
		if len(r.Warnings) != 1 || r.Warnings[0].Line != last || r.Warnings[0].Cell != 1 || !strings.Contains(r.Warnings[0].FR, fmt.Sprintf("ligne %d, colonne 2", last)) {
			t.Errorf("accents %v: warnings %+v", accents, r.Warnings)
		}
		for _, r := range rows[:len(rows)-1] {
			if r.Warnings != nil {
				t.Fatalf("accents %v: line %d warned %+v", accents, r.Line, r.Warnings)
			}
		}
	}
}

// A Windows-1252 file stays Windows-1252 as a whole, without warnings, even
// when a few of its byte pairs happen to be valid UTF-8 (an upper-case
// accented letter followed by a symbol), and a cell outside the table is
// reported as such.
func TestWindows1252StaysWhole(t *testing.T) {
	text := "Nom;Ville;Remarque\r\n"
	for i := range 40 {
		text += fmt.Sprintf("Lefèvre %d;Besançon;Très bien, déjà réglé\r\n", i)
	}
	text += "CAFÉ\u00a0SAINT-ÉLOI;Orléans;à rappeler\r\n" // É + NBSP is C9 A0: valid UTF-8 (ɠ)
	det, _, rows := readAll(t, write(t, "ansi.csv", encode1252(t, text)), Options{})
	if det.Encoding != EncodingCP1252 {
		t.Fatalf("read as %s", det.Encoding)
	}
	for _, r := range rows {
		if r.Warnings != nil {
			t.Errorf("line %d warned: %+v", r.Line, r.Warnings)
		}
	}
	if last := rows[len(rows)-1]; last.Cells[0] != "CAFÉ\u00a0SAINT-ÉLOI" {
		t.Errorf("last row %q", last.Cells)
	}

	// Outside the table: an extra cell in Windows-1252 in a UTF-8 file.
	var b bytes.Buffer
	b.WriteString("Nom;Ville\nHélène;Besançon\nZoé;Nîmes;")
	b.Write(encode1252(t, "noté"))
	b.WriteString("\n")
	_, _, rows = readAll(t, write(t, "extra.csv", b.Bytes()), Options{})
	if w := rows[1].Warnings; len(w) != 1 || w[0].Cell != -1 || w[0].Column != 3 || !strings.Contains(w[0].FR, "hors du tableau") || rows[1].Extra[0] != "noté" {
		t.Errorf("extra cell warnings %+v, extra %q", w, rows[1].Extra)
	}
	// Forced UTF-8: bad bytes are replaced, as the user asked, without warnings.
	_, _, rows = readAll(t, write(t, "forced.csv", b.Bytes()), Options{Encoding: "utf-8"})
	if rows[1].Warnings != nil || rows[1].Extra[0] != "not\uFFFD" {
		t.Errorf("forced utf-8: %+v", rows[1])
	}
}

// checkTypography: the messages use the typographic apostrophe and none of
// the characters the window's font lacks.
func checkTypography(t *testing.T, msgs ...string) {
	t.Helper()
	for _, m := range msgs {
		for i := 1; i+1 < len(m); i++ {
			if m[i] == '\'' && isLetter(m[i-1]) && isLetter(m[i+1]) {
				t.Errorf("ASCII apostrophe in %q", m)
			}
		}
		if strings.ContainsAny(m, "→−") {
			t.Errorf("%q uses a character the font lacks", m)
		}
	}
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= 0x80 }
