package sheet

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A file whose data rows fill less than half of the header's columns keeps
// its header: the header's text-ness decides, not the data's density.
func TestSparseFileKeepsItsHeader(t *testing.T) {
	header := []string{"Code client", "Nom", "Prénom", "Email", "Téléphone", "Adresse", "Code postal", "Ville", "Pays", "Groupes", "Encours", "Notes"}
	for _, tc := range []struct {
		name  string
		cells func(i int) []string // the cells of data row i, up to its last one
	}{
		{"three leading columns", func(i int) []string { return []string{fmt.Sprintf("C%03d", i), "Dupont", "Jean"} }},
		{"code, name and city", func(i int) []string {
			return []string{fmt.Sprintf("C%03d", i), "Martin", "", "", "", "", "", "Lyon"}
		}},
		{"a different column each row", func(i int) []string {
			c := []string{fmt.Sprintf("C%03d", i), "Durand"}
			return append(c, slices.Repeat([]string{""}, i%4)...)
		}},
		{"one column", func(i int) []string { return []string{fmt.Sprintf("C%03d", i)} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(strings.Join(header, ";") + "\r\n")
			for i := range 30 {
				b.WriteString(strings.Join(tc.cells(i), ";") + "\r\n")
			}
			det, got, rows := readAll(t, write(t, "sparse.csv", []byte(b.String())), Options{})
			if det.HeaderRow != 1 || !slices.Equal(got, header) {
				t.Fatalf("header row %d %q, want row 1 %q", det.HeaderRow, got, header)
			}
			if len(rows) != 30 || rows[0].Line != 2 || rows[0].Cells[0] != "C000" {
				t.Errorf("%d rows, first %+v", len(rows), rows[0])
			}
			if det.HeaderConfidence < 0.5 {
				t.Errorf("header confidence %.2f", det.HeaderConfidence)
			}
		})
	}
}

// The same in a workbook, and title rows above a sparse table are still
// skipped.
func TestSparseTableUnderTitle(t *testing.T) {
	content := "Liste des clients\r\n\r\nCode;Nom;Prénom;Ville;Email;Téléphone;Notes\r\n"
	for i := range 20 {
		content += fmt.Sprintf("C%d;Nom%d\r\n", i, i)
	}
	det, header, rows := readAll(t, write(t, "titre.csv", []byte(content)), Options{})
	if det.HeaderRow != 3 || len(header) != 7 || header[1] != "Nom" || len(rows) != 20 {
		t.Errorf("header row %d %q, %d rows", det.HeaderRow, header, len(rows))
	}
}

// A header row that cannot be used says how to choose another, on both
// surfaces.
func TestHeaderRowMessagePointsToTheChoice(t *testing.T) {
	path := write(t, "a.csv", []byte("titre\n\na;b\n1;2\n"))
	for _, opt := range []Options{{HeaderRow: 2}, {HeaderRow: 9}} {
		e := openErr(t, path, opt)
		if !strings.Contains(e.FR, "l’option --header-row en ligne de commande") || !strings.Contains(e.FR, "le choix « Ligne d’en-tête » de l’étape Lecture") {
			t.Errorf("French message %q", e.FR)
		}
		if !strings.Contains(e.EN, "--header-row option on the command line") || !strings.Contains(e.EN, `"Header row" choice at the Reading step`) {
			t.Errorf("English message %q", e.EN)
		}
		checkTypography(t, e.FR, e.EN)
	}
}
