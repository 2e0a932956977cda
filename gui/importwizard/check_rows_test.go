package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/store"
)

// buttons are the visible buttons under o whose text is text, in drawing
// order.
func buttons(o fyne.CanvasObject, text string) []*widget.Button {
	return uitest.Visible(o, func(b *widget.Button) bool { return b.Text == text })
}

// texts joins the visible label texts under o, one a line.
func texts(o fyne.CanvasObject) string {
	var out []string
	for _, l := range uitest.Visible(o, func(l *widget.Label) bool { return l.Text != "" }) {
		out = append(out, l.Text)
	}
	return strings.Join(out, "\n")
}

// named reports whether a customer called name is in the file.
func (h *harness) named(name string) bool {
	h.t.Helper()
	rows, err := h.svc.Search(context.Background(), store.Query{Text: name})
	if err != nil {
		h.t.Fatal(err)
	}
	return len(rows) > 0
}

// TestExcludedRowIsNotImported: a row left out from the check's list
// counts as skipped, is listed with Put back, comes back when put back,
// and is not imported.
func TestExcludedRowIsNotImported(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(writeSample(t, t.TempDir()))
	h.next()
	h.next()
	if c := h.w.plan.Counts; c.Created != 4 || c.Skipped != 0 {
		t.Fatalf("check %+v, want 4 to create", c)
	}
	leave := buttons(h.w.check.changes, "Exclure")
	if len(leave) != 5 || h.w.plan.Rows[0].Line != 2 {
		t.Fatalf("%d Exclure buttons for %d rows (first line %d), want one per row", len(leave), len(h.w.plan.Rows), h.w.plan.Rows[0].Line)
	}
	h.act(func() { test.Tap(leave[0]) }) // row 2, Élodie Dupont
	h.wait()
	if c := h.w.plan.Counts; c.Created != 3 || c.Skipped != 1 {
		t.Fatalf("after leaving row 2 out: %+v, want 3 to create and 1 skipped", c)
	}
	shown := texts(h.w.check.changes)
	if !strings.Contains(shown, "Ligne exclue par vous (1)\u00a0: l’import la laisse de côté.") || !strings.Contains(shown, "Ligne 2 · Dupont Élodie\n") {
		t.Fatalf("the list does not show the row left out:\n%s", shown)
	}
	back := buttons(h.w.check.changes, "Réintégrer")
	if len(back) != 1 {
		t.Fatalf("%d Réintégrer buttons, want 1", len(back))
	}
	h.act(func() { test.Tap(back[0]) })
	h.wait()
	if c := h.w.plan.Counts; c.Created != 4 || c.Skipped != 0 || strings.Contains(texts(h.w.check.changes), "exclue") {
		t.Fatalf("after putting it back: %+v", c)
	}

	h.act(func() { test.Tap(buttons(h.w.check.changes, "Exclure")[0]) })
	h.wait()
	h.next()
	if h.w.commit.state != importDone || h.customers() != 3 {
		t.Fatalf("import: state %d, %d customers, want 3; %q", h.w.commit.state, h.customers(), h.w.commit.message.Text)
	}
	if h.named("Dupont") || !h.named("Lefèvre") {
		t.Errorf("the row left out was imported (Dupont %v) or another was not (Lefèvre %v)", h.named("Dupont"), h.named("Lefèvre"))
	}
	if msg := h.w.commit.message.Text; !strings.Contains(msg, "1 ligne laissée de côté par vous.") {
		t.Errorf("the result does not recall the row left out: %q", msg)
	}
}

// TestCodeRequiredRefusesARowWithoutCode: the option shows with its
// explanation; ticked, a row without a code is an error instead of being
// numbered, and is not imported.
func TestCodeRequiredRefusesARowWithoutCode(t *testing.T) {
	h := newHarness(t, "fr")
	path := filepath.Join(t.TempDir(), "codes.csv")
	if err := os.WriteFile(path, []byte("Code client;Nom;Ville\nC100;Durand;Lyon\n;Martin;Paris\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.open(path)
	h.next()
	h.next()
	if c := h.w.plan.Counts; c.Created != 2 || c.Errors != 0 {
		t.Fatalf("without the option: %+v, want 2 to create (Martin numbered)", c)
	}
	opts := texts(h.w.check.opts.root)
	if !strings.Contains(opts, "Une ligne sans code est refusée au lieu de recevoir le numéro suivant.") {
		t.Errorf("the option's explanation is not shown:\n%s", opts)
	}
	if h.w.check.opts.codeRequired.Text != "Code client obligatoire" {
		t.Errorf("the option reads %q", h.w.check.opts.codeRequired.Text)
	}
	h.act(func() { test.Tap(h.w.check.opts.codeRequired) })
	h.wait()
	c := h.w.plan.Counts
	if c.Created != 1 || c.Errors != 1 {
		t.Fatalf("with the option: %+v, want 1 to create and 1 in error", c)
	}
	found := false
	for _, p := range h.w.plan.Problems {
		found = found || p.Row == 3 && p.Code == "code.required"
	}
	if !found {
		t.Errorf("no code.required problem on row 3: %+v", h.w.plan.Problems)
	}
	h.next()
	if h.customers() != 1 || h.named("Martin") {
		t.Errorf("%d customers (Martin imported: %v), want Durand alone", h.customers(), h.named("Martin"))
	}
}
