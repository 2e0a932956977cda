package uikit

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestSavesAreWholeOrNothing: through Fyne's storage, a file chosen to be
// written keeps its content until the writer is closed, and keeps it for
// good when the writer is discarded.
func TestSavesAreWholeOrNothing(t *testing.T) {
	test.NewTempApp(t)
	InstallSafeSaves()
	dir := t.TempDir()
	path := filepath.Join(dir, "clients.csv")
	os.WriteFile(path, []byte("Nom;Ville\nDurand;Lyon\n"), 0o644)

	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "PK… un classeur")
	if b, _ := os.ReadFile(path); string(b) != "Nom;Ville\nDurand;Lyon\n" {
		t.Fatalf("the file was emptied before the writer closed: %q", b)
	}
	Discard(w)
	if b, _ := os.ReadFile(path); string(b) != "Nom;Ville\nDurand;Lyon\n" {
		t.Fatalf("a discarded write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left: %d entries", len(entries))
	}

	w, _ = storage.Writer(storage.NewFileURI(path))
	io.WriteString(w, "nouveau")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "nouveau" {
		t.Errorf("after Close the file holds %q", b)
	}
}
