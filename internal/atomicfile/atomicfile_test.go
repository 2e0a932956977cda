package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteIsWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "modele.xlsx")
	os.WriteFile(path, []byte("ancien contenu"), 0o644)
	boom := errors.New("disque plein")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "moitié")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "ancien contenu" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left: %d entries", len(entries))
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "nouveau" {
		t.Errorf("file holds %q", b)
	}
}
