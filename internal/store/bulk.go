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
// The search index, too, is tuned for the bulk: it gathers more postings
// in memory before writing a segment (16 MB, not 1), and merges segments less eagerly
// (a quarter less work per row on a million rows, measured with no
// slower search). Both settings live in the index's own table, so they
// belong to the transaction and EndBulk puts SQLite's defaults back.
//
// The cache assumes no group is renamed or deleted during the
// transaction, which holds for an import.
func (t *Tx) BeginBulk(ctx context.Context, cacheKiB int) error {
	t.groupIDs = map[string]int64{}
	if cacheKiB > 0 {
		// Store.Update puts the cache back once the transaction is over,
		// however it ends: the size belongs to the pooled connection.
		t.cacheChanged = true
		if _, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", cacheKiB)); err != nil {
			return err
		}
	}
	return t.searchIndexConfig(ctx, bulkHashSize, bulkAutomerge)
}

// EndBulk puts back, when the transaction is to be committed, the search
// index's settings and any deferred index, and indexes for search the
// customers whose entries were deferred (a rollback restores the indexes
// by itself and has nothing to index, and building indexes it will throw
// away would only make a dry run slower).
func (t *Tx) EndBulk(ctx context.Context, commit bool) error {
	t.groupIDs = nil
	t.emails = nil // the index is built again (or comes back with the rollback)
	if !commit {
		t.queue = insertQueue{} // rolled back: never written
		t.deferred, t.searchFrom = nil, 0
		t.abortAside()
		return nil
	}
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	if t.aside != nil {
		t.aside.endInput() // every document is in: the side merges them meanwhile
	}
	if len(t.deferred) > 0 {
		if err := t.shrinkCacheForBuild(ctx); err != nil {
			return err
		}
	}
	if err := t.buildDeferredSearch(ctx); err != nil {
		return err
	}
	if err := t.rebuildSortIndexes(ctx); err != nil {
		return err
	}
	// Last, so that the side connection had the index builds' time to
	// catch up.
	if t.aside != nil {
		if err := t.finishAside(ctx); err != nil {
			return err
		}
	}
	return t.searchIndexConfig(ctx, defaultHashSize, defaultAutomerge)
}

// FTS5's defaults and the bulk settings (hashsize in bytes; automerge: how
// many segments of one level wait before they are merged).
const (
	defaultHashSize  = 1 << 20
	defaultAutomerge = 4
	bulkHashSize     = 16 << 20
	bulkAutomerge    = 8
)

func (t *Tx) searchIndexConfig(ctx context.Context, hashSize, automerge int) error {
	for _, kv := range []struct {
		key   string
		value int
	}{{"hashsize", hashSize}, {"automerge", automerge}} {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (customer_search, rank) VALUES (?, ?)`, kv.key, kv.value); err != nil {
			return fmt.Errorf("search index %s: %w", kv.key, err)
		}
	}
	return nil
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
