package store

import (
	"context"
	"fmt"
)

// Bulk writes (imports) call BeginBulk on their transaction: group IDs are
// then cached for the transaction's lifetime instead of being looked up
// for every membership, and the page cache is enlarged so that a million
// index insertions do not thrash it. Neither changes durability: the
// journal mode and synchronous setting stay as they are.
//
// The cache assumes no group is renamed or deleted during the
// transaction, which holds for an import.
func (t *Tx) BeginBulk(ctx context.Context, cacheKiB int) error {
	t.groupIDs = map[string]int64{}
	if cacheKiB > 0 {
		if _, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", cacheKiB)); err != nil {
			return err
		}
	}
	return nil
}

// EndBulk puts the page cache back to the size every connection opens with.
func (t *Tx) EndBulk(ctx context.Context) error {
	t.groupIDs = nil
	_, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", defaultCacheSize))
	return err
}

// defaultCacheSize is the cache_size pragma of dsn, in SQLite's units
// (negative: KiB).
const defaultCacheSize = -32000

// cachedGroupID is groupID with the bulk cache.
func (t *Tx) cachedGroupID(ctx context.Context, name string, create bool) (int64, error) {
	if t.groupIDs == nil {
		return t.groupID(ctx, name, create)
	}
	if id, ok := t.groupIDs[name]; ok {
		return id, nil
	}
	id, err := t.groupID(ctx, name, create)
	if err == nil {
		t.groupIDs[name] = id
	}
	return id, err
}
