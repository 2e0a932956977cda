package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// The page cache belongs to the pooled write connection, not to the
// transaction: after a bulk write — committed, failed or cancelled — the
// next writer finds the size every connection opens with.
func TestBulkCacheIsPutBackHoweverTheTransactionEnds(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cacheSize := func() int {
		var n int
		if err := s.write.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	boom := errors.New("boom")
	cancelled, cancel := context.WithCancel(ctx)
	defer cancel()
	cases := []struct {
		name string
		fn   func(tx *Tx) error
	}{
		{"commit", func(tx *Tx) error {
			if err := tx.BeginBulk(ctx, 40<<10); err != nil {
				return err
			}
			return tx.EndBulk(ctx, true)
		}},
		{"error", func(tx *Tx) error {
			if err := tx.BeginBulk(ctx, 40<<10); err != nil {
				return err
			}
			return boom
		}},
		{"deferred indexes then error", func(tx *Tx) error {
			if err := tx.BeginBulk(ctx, 40<<10); err != nil {
				return err
			}
			if err := tx.DeferSortIndexes(ctx); err != nil {
				return err
			}
			if err := tx.shrinkCacheForBuild(ctx); err != nil {
				return err
			}
			if err := tx.rebuildSortIndexes(ctx); err != nil {
				return err
			}
			return boom
		}},
		{"cancelled", func(tx *Tx) error {
			if err := tx.BeginBulk(ctx, 40<<10); err != nil {
				return err
			}
			cancel()
			_, err := tx.tx.ExecContext(cancelled, `SELECT 1`)
			return err
		}},
	}
	for _, c := range cases {
		err := s.Update(cancelled, c.fn)
		if c.name == "commit" && err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := cacheSize(); got != defaultCacheSize {
			t.Errorf("%s: cache_size %d after the transaction, want %d", c.name, got, defaultCacheSize)
		}
	}
}
