package sheet

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"testing"
)

// openParts opens a workbook's zip and maps its parts.
func openParts(t *testing.T, path string) workbookParts {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { zr.Close() })
	parts, err := readWorkbookParts(&zr.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// Shared strings read the same held in memory or written out to a
// temporary file (a table above limits.sstInMemory), and the file goes
// with the table.
func TestSharedStringsInMemoryOrOnDisk(t *testing.T) {
	tmp := isolateTemp(t)
	sst := sstHead + `<si><t>Dupré &amp; Fils</t></si><si><r><t>Rich</t></r><r><t> text</t></r></si><si/>`
	for i := range 5000 {
		sst += fmt.Sprintf("<si><t>Client %d</t></si>", i)
	}
	path := writeZip(t, withSharedStrings(minimalWorkbook(""), sst+"</sst>"))
	parts := openParts(t, path)
	for _, inMemory := range []uint64{64 << 20, 1 << 10} {
		restore := setLimit(&limits.sstInMemory, inMemory)
		var dir string
		table, err := loadSharedStrings(context.Background(), path, parts, func() string { dir = newTempDir(); return dir })
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if onDisk := table.file != nil; onDisk != (inMemory < 1<<20) {
			t.Errorf("limit %d: on disk %v", inMemory, onDisk)
		}
		for i, want := range map[int]string{0: "Dupré & Fils", 1: "Rich text", 2: "", 3: "Client 0", 5002: "Client 4999"} {
			if got, ok := table.get(i); !ok || got != want {
				t.Errorf("limit %d: entry %d = %q %v, want %q", inMemory, i, got, ok, want)
			}
		}
		if _, ok := table.get(5003); ok {
			t.Errorf("limit %d: entry past the end found", inMemory)
		}
		table.close()
		removeTempDir(dir)
	}
	if l := leftovers(t, tmp); len(l) > 0 {
		t.Errorf("left: %q", l)
	}
}

// Loading the shared strings stops on a cancelled context.
func TestSharedStringsCanceled(t *testing.T) {
	path := writeZip(t, withSharedStrings(minimalWorkbook(""), distinctStrings(1000)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := loadSharedStrings(ctx, path, openParts(t, path), func() string { return "" })
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeCanceled {
		t.Errorf("error %v, want %s", err, CodeCanceled)
	}
}
