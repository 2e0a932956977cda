package sheet

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"carnet/internal/corpustest"
)

// corpus returns the path of a file of the shared corpus of real
// third-party files (../shared/corpus from the repository root), skipping
// the test when the corpus is not there.
func corpus(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(corpustest.Folder(t), filepath.FromSlash(rel))
}

// readAll opens path and reads every data row.
func readAll(t testing.TB, path string, opt Options) (Detected, []string, []Row) {
	t.Helper()
	r, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	defer r.Close()
	var rows []Row
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Next(%s) after %d rows: %v", filepath.Base(path), len(rows), err)
		}
		if len(row.Cells) != r.Detected().Columns {
			t.Fatalf("%s row %d has %d cells, want Columns=%d", filepath.Base(path), row.Line, len(row.Cells), r.Detected().Columns)
		}
		rows = append(rows, row)
	}
	return r.Detected(), r.Header(), rows
}

// openErr opens path expecting an *Error and returns it.
func openErr(t testing.TB, path string, opt Options) *Error {
	t.Helper()
	r, err := Open(path, opt)
	if err == nil {
		r.Close()
		t.Fatalf("Open(%s) succeeded, want an error", filepath.Base(path))
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Open(%s) error %v (%T) is not an *Error", filepath.Base(path), err, err)
	}
	return e
}

// nextErr reads rows until an error other than io.EOF and returns it.
func nextErr(t testing.TB, path string, opt Options) *Error {
	t.Helper()
	r, err := Open(path, opt)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		t.Fatalf("Open(%s): %v is not an *Error", filepath.Base(path), err)
	}
	defer r.Close()
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			t.Fatalf("%s read to the end, want an error", filepath.Base(path))
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Next(%s) error %v (%T) is not an *Error", filepath.Base(path), err, err)
			}
			return e
		}
	}
}

// write writes content to name in a fresh temporary directory.
func write(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cell returns the value of the named column in a row.
func cell(t testing.TB, header []string, row Row, column string) string {
	t.Helper()
	for i, h := range header {
		if h == column {
			return row.Cells[i]
		}
	}
	t.Fatalf("no column %q in %q", column, header)
	return ""
}
