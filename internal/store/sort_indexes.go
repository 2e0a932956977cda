package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// A large import into a small directory writes faster without the
// list-order indexes: keeping five of them in step row by row cost 17 µs
// per row at a million rows, where building them once the rows are in
// costs 12 µs per row for all of them together (SQLite sorts the keys
// instead of walking the b-trees). DeferSortIndexes drops them inside the
// import's transaction and EndBulk builds them again before the commit;
// a rollback — an error, Cancel, a crash, a dry run — brings them back
// untouched, since SQLite's schema changes are transactional too.
//
// The e-mail's index, a list order too, is also the import's matching key:
// an emailStandIn answers the lookups by e-mail until it is built again
// (email_standin.go). The other indexes a lookup needs stay: the code's own
// (unique), SIRET's and VAT's.
// rebuildCacheKiB is the page cache while the indexes are built.
const rebuildCacheKiB = 8 << 10

var deferrableIndexes = []string{
	"customers_sort_name", "customers_sort_code", "customers_sort_city",
	"customers_sort_phone", "customers_sort_balance", emailIndex,
}

// emailIndex is the e-mail's list-order and lookup index.
const emailIndex = "customers_sort_email"

// CustomerCount is the number of customers, archived included.
func (t *Tx) CustomerCount(ctx context.Context) (int, error) {
	if err := t.flushQueue(ctx); err != nil {
		return 0, err
	}
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&n)
	return n, err
}

// DeferSortIndexes drops the list-order indexes until EndBulk.
func (t *Tx) DeferSortIndexes(ctx context.Context) error {
	if t.deferred != nil {
		return nil
	}
	names, err := json.Marshal(deferrableIndexes)
	if err != nil {
		return err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = 'customers' AND name IN (SELECT value FROM json_each(?))`, string(names))
	if err != nil {
		return err
	}
	var dropped, sqls []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return err
		}
		dropped, sqls = append(dropped, name), append(sqls, sql)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range dropped {
		if name == emailIndex {
			if err := t.fillEmailStandIn(ctx); err != nil {
				return err
			}
		}
		if _, err := t.tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return fmt.Errorf("defer index %s: %w", name, err)
		}
	}
	t.deferred = sqls
	return nil
}

// SortIndexesDeferred reports whether DeferSortIndexes took effect.
func (t *Tx) SortIndexesDeferred() bool { return t.deferred != nil }

// shrinkCacheForBuild gives the page cache rebuildCacheKiB while deferred
// indexes are built. SQLite sorts the keys in memory up to the page
// cache's size, then in runs on disk, and the search index gathers its
// postings outside the cache: a smaller cache for the builds keeps the
// import's peak memory where the row loop had it.
func (t *Tx) shrinkCacheForBuild(ctx context.Context) error {
	t.cacheChanged = true
	_, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", rebuildCacheKiB))
	return err
}

// rebuildSortIndexes creates again what DeferSortIndexes dropped.
func (t *Tx) rebuildSortIndexes(ctx context.Context) error {
	if len(t.deferred) == 0 {
		return nil
	}
	for _, sql := range t.deferred {
		if _, err := t.tx.ExecContext(ctx, sql); err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
	}
	t.deferred = nil
	return nil
}
