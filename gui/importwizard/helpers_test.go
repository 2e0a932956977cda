package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/encoding/charmap"

	"carnet/gui/uitest"
	"carnet/internal/corpustest"
	"carnet/internal/importer"
	"carnet/internal/service"
	"carnet/internal/store"
)

// harness is a wizard on a fresh customer file in a test window.
type harness struct {
	t       *testing.T
	w       *Wizard
	svc     *service.Service
	win     fyne.Window
	shown   []int64 // ids ShowClients received
	batch   int64
	refresh int
}

func newHarness(t *testing.T, language string) *harness {
	t.Helper()
	uitest.UseLanguage(t, language)
	a := test.NewTempApp(t)
	svc, err := service.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	h := &harness{t: t, svc: svc}
	win := test.NewTempWindow(t, nil)
	h.win = win
	deps := Deps{
		Window: win, Importer: importer.New(svc), Lang: language, Preferences: a.Preferences(),
		ShowClients: func(batch int64, ids []int64) { h.batch, h.shown = batch, ids },
		Refresh:     func() { h.refresh++ },
	}
	h.w = New(deps)
	h.act(func() {
		win.SetContent(h.w.Content())
		win.Resize(fyne.NewSize(1100, 700))
	})
	h.wait()
	return h
}

// act does what a user would, holding the wizard's UI lock so that results
// arriving from the background (which Fyne's test driver applies on their
// own goroutine) never touch the widgets at the same time.
func (h *harness) act(fn func()) {
	h.w.work.Lock()
	defer h.w.work.Unlock()
	fn()
}

// wait lets the background work finish.
func (h *harness) wait() {
	h.t.Helper()
	if !h.w.Wait(uitest.WorkTimeout) {
		h.t.Fatal("the wizard's background work did not finish in 30 s")
	}
}

// open opens path and waits for the Reading step.
func (h *harness) open(path string) {
	h.t.Helper()
	h.act(func() { h.w.OpenFile(path) })
	h.wait()
	if h.w.current != stepReading {
		h.t.Fatalf("after opening %s: step %d, want Reading; step 1 says %q", filepath.Base(path), h.w.current+1, h.w.file.status.Text)
	}
}

// next taps Next and waits; it fails with the reason shown when Next is
// not allowed.
func (h *harness) next() {
	h.t.Helper()
	h.act(func() {
		if h.w.next.Disabled() || !h.w.next.Visible() {
			h.t.Fatalf("step %d: Next is not allowed: %q", h.w.current+1, h.w.why.Text)
		}
		test.Tap(h.w.next)
	})
	h.wait()
}

// tapDialogButton taps the button labelled text in the dialog on top.
func (h *harness) tapDialogButton(text string) {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog open to tap %q in", text)
	}
	found := uitest.Button(top, text)
	if found == nil {
		h.t.Fatalf("no %q button in the dialog", text)
	}
	h.act(func() { test.Tap(found) })
}

func (h *harness) back() {
	h.act(func() { test.Tap(h.w.back) })
	h.wait()
}

// customers counts the customers in the file.
func (h *harness) customers() int {
	h.t.Helper()
	n, err := h.svc.Count(context.Background(), store.Query{})
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// column returns the index of the column whose header contains name.
func (h *harness) column(name string) int {
	h.t.Helper()
	for i, hd := range h.w.preview.Headers {
		if strings.Contains(hd, name) {
			return i
		}
	}
	h.t.Fatalf("no column %q in %q", name, h.w.preview.Headers)
	return -1
}

// sampleRows is the generated file: French headers, ';', Windows-1252, one
// bad email and one row without a name.
var sampleRows = []string{
	"Raison sociale;Nom;Prénom;Code postal;Ville;Courriel;Téléphone;Remarque",
	";Dupont;Élodie;75011;Paris;elodie.dupont@exemple.fr;01 42 00 00 01;Cliente fidèle",
	"Boulangerie Lefèvre;Lefèvre;André;69002;Lyon;contact@lefevre.fr;04 78 00 00 02;",
	";Martin;Zoé;13001;Marseille;zoe.martin@@exemple;06 00 00 00 03;adresse à vérifier",
	"Garage Bérénice;;;33000;Bordeaux;garage@berenice.fr;05 56 00 00 04;",
	";Petit;Noël;59000;Lille;noel.petit@exemple.fr;03 20 00 00 05;",
}

// writeSample writes the generated ';' Windows-1252 CSV.
func writeSample(t *testing.T, dir string) string {
	t.Helper()
	text, err := charmap.Windows1252.NewEncoder().String(strings.Join(sampleRows, "\r\n") + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "clients-boutique.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// corpusFile returns a file of the shared corpus, or skips.
func corpusFile(t *testing.T, rel string) string {
	t.Helper()
	return corpustest.File(t, rel)
}
