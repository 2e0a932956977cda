package importer

import (
	"slices"
	"testing"
)

// A big import into a small directory asks SQLite only for the keys its
// filter may hold (keyfilter.go); the rows decide as they would without
// it: found by a key that existed, by a key an earlier row wrote (a
// batch or more before), or by a key a write took away.
func TestKeyFilterDecidesAsTheDatabase(t *testing.T) {
	// The re-keying rows, and a key a filler row wrote batches before.
	rows := append(slices.Clone(rekeyRows), ";Remplissage;f0.5@x.fr")
	want := append(slices.Clone(rekeyWant), "error row.duplicate")
	im, _ := newImporter(t)
	deferred := lowerDeferThreshold(im)
	// Enough new rows first for the import to defer its indexes and make
	// its filter, then the scenario with more than a batch between rows.
	got := importRekeying(t, im, rows, 3000, batchRows+5)
	if *deferred != 1 {
		t.Fatalf("the import deferred its indexes %d times, want once: the filter was not made", *deferred)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %q: %q, want %q", rows[i], got[i], want[i])
		}
	}
}
