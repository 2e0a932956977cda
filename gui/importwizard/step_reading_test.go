package importwizard

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestHeaderRowBeyondRow30: a sheet whose customers sit below 40 rows of
// another table; the user reads further into the preview, selects row 41
// and makes it the header row: the mapping uses its names and the import
// takes the rows below it.
func TestHeaderRowBeyondRow30(t *testing.T) {
	var b strings.Builder
	b.WriteString("Date;Montant;Libellé\n")
	for i := 2; i <= 40; i++ {
		fmt.Fprintf(&b, "%02d/01/2026;%d,50;Achat %d\n", i%28+1, i, i)
	}
	b.WriteString("Nom;Prénom;Ville\nDurand;Léa;Lyon\nMartin;Paul;Paris\nPetit;Noël;Lille\n")
	path := filepath.Join(t.TempDir(), "releve-et-clients.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, "fr")
	h.open(path)
	r := h.w.reading
	if got := h.w.preview.Detected.HeaderRow; got != 1 {
		t.Fatalf("detected header row %d: the test needs one that is wrong", got)
	}
	if r.useRow.Visible() || !r.pickHint.Visible() {
		t.Error("the header row button shows before a row is selected, or the hint does not")
	}
	h.act(func() { test.Tap(r.more) })
	h.wait()
	idx := -1
	for i, row := range h.w.preview.Rows {
		if row.Line == 41 {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("row 41 is not in the preview after Afficher plus de lignes (last line %d)", lastLine(h.w.preview))
	}
	if !r.more.Disabled() {
		t.Error("Afficher plus de lignes is still offered with the whole file shown")
	}
	h.act(func() { r.table.Select(widget.TableCellID{Row: idx, Col: 1}) })
	if r.useRow.Text != "Faire de la ligne 41 la ligne d’en-tête" || !r.useRow.Visible() {
		t.Fatalf("after selecting row 41 the button reads %q (shown %v)", r.useRow.Text, r.useRow.Visible())
	}
	h.act(func() { test.Tap(r.useRow) })
	h.wait()
	if got := strings.Join(h.w.preview.Headers, ","); got != "Nom,Prénom,Ville" {
		t.Fatalf("headers %q after choosing row 41", got)
	}
	if r.headerRow.Selected != "Ligne 41" || !strings.Contains(r.headerHint.text.Text, "votre choix") {
		t.Errorf("the header row choice shows %q, hint %q", r.headerRow.Selected, r.headerHint.text.Text)
	}
	h.next()
	for header, field := range map[string]string{"Nom": "last_name", "Prénom": "first_name", "Ville": "city"} {
		if got := h.w.mapping[h.column(header)]; got != field {
			t.Errorf("%s mapped to %q, want %q", header, got, field)
		}
	}
	h.next()
	if c := h.w.plan.Counts; c.Created != 3 || c.Rows != 3 {
		t.Fatalf("check %+v, want the 3 customers below row 41", c)
	}
	h.next()
	if n := h.customers(); n != 3 {
		t.Fatalf("%d customers imported, want 3", n)
	}
}
