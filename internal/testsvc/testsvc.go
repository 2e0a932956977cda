// Package testsvc opens customer files for the tests of other packages.
package testsvc

import (
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/service"
)

// Open opens a new, empty customer file in t's temporary folder, closed
// when the test ends, with a clock that moves a second at every reading:
// an edit made after an import then always has a later updated_at, even
// within one millisecond.
func Open(t testing.TB) *service.Service {
	t.Helper()
	svc, err := service.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	n := 0
	svc.Now = func() time.Time { n++; return base.Add(time.Duration(n) * time.Second) }
	return svc
}
