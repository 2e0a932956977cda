package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carnet/internal/store"
)

// TestSwitchingDatabaseDuringAnImportIsRefused: Fichier › Ouvrir une autre
// base while the wizard writes an import says to wait, and leaves the
// import and its customer file alone; once the import is done, the switch
// goes through.
func TestSwitchingDatabaseDuringAnImportIsRefused(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Nom;Prénom;E-mail\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "Nom%d;Prénom;client%d@example.fr\n", i, i)
	}
	csv := filepath.Join(dir, "clients.csv")
	if err := os.WriteFile(csv, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "autre.db")
	first := u.svc

	u.act(func() { u.tabs.Select(u.importItem) })
	u.act(func() { u.wizard.OpenFile(csv) })
	u.settle(t)
	for _, label := range []string{"Suivant", "Suivant", "Importer"} {
		next := findButton(u.win.Canvas().Content(), label)
		if next == nil || next.Disabled() {
			t.Fatalf("no %s to press:\n%s", label, u.windowTexts())
		}
		if label != "Importer" {
			u.act(func() { test.Tap(next) })
			u.settle(t)
			continue
		}
		// Start the import and ask for another file at once: the import's
		// end waits for this UI lock, so it is still being written.
		u.act(func() {
			test.Tap(next)
			u.switchDatabase(other)
		})
	}
	u.settle(t)
	if u.svc != first {
		t.Fatal("the window switched to another file during the import")
	}
	if texts := u.windowTexts(); !strings.Contains(texts, "attendez qu’elle se termine") {
		t.Errorf("no refusal shown:\n%s", texts)
	}
	if n, _ := first.Count(context.Background(), store.Query{}); n != 3000 {
		t.Errorf("%d customers imported, want 3000", n)
	}
	u.act(func() { u.switchDatabase(other) })
	u.settle(t)
	if u.svc == first {
		t.Error("the switch was refused after the import ended")
	}
}
