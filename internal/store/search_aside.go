package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// Building the trigram index is the largest single cost of a big import
// (25 s of the 82 s of CPU of a million-row import, even built in one
// statement at the end) and SQLite runs it on the one writer connection,
// while the second core mostly waits. BuildSearchIndexAside moves that work to the
// other core: the search index of the whole customers table is built
// again on a connection of its own, in a private temporary database,
// while the import goes on; EndBulk then swaps it in, inside the import's
// transaction, by copying the index's tables (FTS5's shadow tables: the
// segments, their term index and the document sizes) over the main ones.
//
// Both indexes are made by the same SQLite from the same CREATE statement,
// so their tables are alike; the swap copies all of the index's data and
// keeps only its settings (%_config). Crash safety is the transaction's:
// before COMMIT the main index is as it was, and the temporary database
// disappears with its connection — or with the process, its file being
// unlinked as soon as it is made.

// asideBatch is how many documents travel to the side connection at once.
const asideBatch = 256

// asideCrisisMerge is how many segments of one level FTS5 lets the side
// index gather before it merges them anyway (a million documents make
// about 320; FTS5 allows 2,000).
const asideCrisisMerge = 1000

// asideHashSize, when set, is the side index's FTS5 hash size in bytes
// (the tests make it tiny, for an index of many segments from a few
// customers); 0 keeps FTS5's own.
var asideHashSize = 0

// The two connections share the process's memory, and their allocations
// interleave in SQLite's heap, which then holds more than their caches:
// with the side build the writer's page cache shrinks to mainAsideCacheKiB,
// and the side's is sideCacheKiB (a million-row import peaked at 310 MB
// with 40 and 8 MB, 271 MB with these, in the same time).
const (
	mainAsideCacheKiB = 24 << 10
	sideCacheKiB      = 4 << 10
)

// sideDoc is one change to the side index: a document to index (replace
// when the customer may be indexed already), or a customer to forget.
type sideDoc struct {
	id      int64
	doc     string
	replace bool
	remove  bool
}

// searchAside is the side build.
type searchAside struct {
	db       *sql.DB
	conn     *sql.Conn
	tx       *sql.Tx
	ins, del *sql.Stmt
	jobs     chan []sideDoc
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	err      error // the side goroutine's, read once it is done
	batch    []sideDoc
}

// BuildSearchIndexAside makes the rest of the bulk write index customers
// for search on a second connection, and EndBulk swap that index in. It
// does nothing when the side database cannot be set up, or not alike (the
// customers are then indexed as before).
func (t *Tx) BuildSearchIndexAside(ctx context.Context) error {
	if t.aside != nil {
		return nil
	}
	var create, version string
	if err := t.tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer_search'`).Scan(&create); err != nil {
		return err
	}
	if err := t.tx.QueryRowContext(ctx, `SELECT v FROM customer_search_config WHERE k = 'version'`).Scan(&version); err != nil {
		return err
	}
	a, err := openAside(create, version)
	if err != nil || a == nil {
		// No side database (no room for its file, say): the customers
		// are indexed here, as without it.
		return nil
	}
	t.aside = a
	t.cacheChanged = true
	if _, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", mainAsideCacheKiB)); err != nil {
		return err
	}
	// Every customer as it stands, then every change the bulk writes.
	if err := t.seedAside(ctx); err != nil {
		return err
	}
	t.searchFrom = 0
	return nil
}

// openAside opens the private temporary database and starts the side
// goroutine; nil when its index would not be made like the main one.
func openAside(create, version string) (*searchAside, error) {
	db, err := sql.Open("sqlite", fmt.Sprintf("file:?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=cache_size(-%d)", sideCacheKiB))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := &searchAside{db: db, cancel: cancel, jobs: make(chan []sideDoc, 8)}
	fail := func(err error) (*searchAside, error) {
		cancel()
		if a.tx != nil {
			a.tx.Rollback()
		}
		if a.conn != nil {
			a.conn.Close()
		}
		db.Close()
		return nil, err
	}
	// The temporary database is the connection's own: one connection, kept.
	if a.conn, err = db.Conn(ctx); err != nil {
		return fail(err)
	}
	if _, err := a.conn.ExecContext(ctx, create); err != nil {
		return fail(fmt.Errorf("search index aside: %w", err))
	}
	var sideVersion string
	if err := a.conn.QueryRowContext(ctx, `SELECT v FROM customer_search_config WHERE k = 'version'`).Scan(&sideVersion); err != nil {
		return fail(err)
	}
	if sideVersion != version {
		return fail(nil)
	}
	if a.tx, err = a.conn.BeginTx(ctx, nil); err != nil {
		return fail(err)
	}
	// FTS5's own hash size (1 MB) here: the documents come one statement
	// each, never interleaved with other writes, and a bigger hash only
	// costs memory (measured on a million documents: 92 MB resident at
	// 16 MB, 55 MB at 1 MB, and no more CPU).
	//
	// No merging while the documents come (automerge 0, and no crisis
	// merge before asideCrisisMerge segments): the side merges its few
	// hundred segments into one at the end ('optimize', in run), while the
	// writer builds the list-order indexes. Measured on a million
	// documents: 63 µs a document merging as they come (automerge 8), 49
	// µs with the one merge at the end, and searches run on one segment
	// instead of eighteen.
	settings := [][2]any{{"automerge", 0}, {"crisismerge", asideCrisisMerge}}
	if asideHashSize > 0 {
		settings = append(settings, [2]any{"hashsize", asideHashSize})
	}
	for _, kv := range settings {
		if _, err := a.tx.ExecContext(ctx, `INSERT INTO customer_search (customer_search, rank) VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			return fail(err)
		}
	}
	if a.ins, err = a.tx.PrepareContext(ctx, `INSERT INTO customer_search (rowid, doc) VALUES (?, ?)`); err != nil {
		return fail(err)
	}
	if a.del, err = a.tx.PrepareContext(ctx, `DELETE FROM customer_search WHERE rowid = ?`); err != nil {
		return fail(err)
	}
	a.wg.Add(1)
	go a.run(ctx, a.jobs) // the channel itself: the writer clears a.jobs when it closes it
	return a, nil
}

// seedAside sends the side connection every customer's document.
func (t *Tx) seedAside(ctx context.Context) error {
	searched, err := t.searchedCustom(ctx)
	if err != nil {
		return err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT id, `+searchDocFunc+`(?, `+searchDocColumns+`) FROM customers ORDER BY id`, searchedList(searched))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d sideDoc
		if err := rows.Scan(&d.id, &d.doc); err != nil {
			return err
		}
		t.aside.put(d)
	}
	return rows.Err()
}

// put queues one change for the side connection.
func (a *searchAside) put(d sideDoc) {
	if a.jobs == nil {
		panic("search index aside: a document after the last one")
	}
	a.batch = append(a.batch, d)
	if len(a.batch) == asideBatch {
		a.jobs <- a.batch
		a.batch = make([]sideDoc, 0, asideBatch)
	}
}

// run indexes what arrives until the channel closes, then merges the index
// into one segment; after an error it only drains the channel, so that the
// writer never waits on it.
func (a *searchAside) run(ctx context.Context, jobs <-chan []sideDoc) {
	defer a.wg.Done()
	for batch := range jobs {
		if a.err == nil {
			a.err = a.index(ctx, batch)
		}
	}
	if a.err == nil && ctx.Err() == nil {
		if _, err := a.tx.ExecContext(ctx, `INSERT INTO customer_search (customer_search) VALUES ('optimize')`); err != nil {
			a.err = fmt.Errorf("search index aside: %w", err)
		}
	}
}

// index applies one batch, a statement per document: a statement that
// writes several rows of the index opens a savepoint, and FTS5 writes
// what it gathered to disk at each savepoint — a segment per statement,
// which it would then spend its time merging.
func (a *searchAside) index(ctx context.Context, batch []sideDoc) error {
	for _, d := range batch {
		if d.replace || d.remove {
			if _, err := a.del.ExecContext(ctx, d.id); err != nil {
				return fmt.Errorf("search index aside: %w", err)
			}
		}
		if !d.remove {
			if _, err := a.ins.ExecContext(ctx, d.id, d.doc); err != nil {
				return fmt.Errorf("search index aside: %w", err)
			}
		}
	}
	return nil
}

// endInput sends what is queued and tells the side connection no more
// comes, so that it finishes (merges) while the writer does other work.
func (a *searchAside) endInput() {
	if a.jobs == nil {
		return
	}
	if len(a.batch) > 0 {
		a.jobs <- a.batch
		a.batch = nil
	}
	close(a.jobs)
	a.jobs = nil
}

// wait ends the input and waits for the side connection to index it; it
// returns the side's error.
func (a *searchAside) wait() error {
	a.endInput()
	a.wg.Wait()
	return a.err
}

// close ends the side build, whatever its state; the temporary database
// goes with its connection.
func (a *searchAside) close() {
	a.cancel()
	if a.jobs != nil {
		close(a.jobs)
		a.jobs = nil
	}
	a.wg.Wait()
	a.tx.Rollback()
	a.conn.Close()
	a.db.Close()
}

// abortAside drops the side build.
func (t *Tx) abortAside() {
	if t.aside != nil {
		t.aside.close()
		t.aside = nil
	}
}

// searchedList is the argument searchDocSQL reads the searched custom
// fields from.
func searchedList(searched map[string]bool) string {
	names := make([]string, 0, len(searched))
	for n := range searched {
		names = append(names, n)
	}
	return strings.Join(names, "\n")
}
