// Package store keeps Carnet's data in SQLite (modernc.org/sqlite, pure Go):
// opening, numbered migrations embedded in the binary, and queries.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open customer database. Reads go through a pool of
// connections; writes through a single connection that starts its
// transactions with BEGIN IMMEDIATE, so that there is one writer and a
// reader never has to upgrade its lock.
type Store struct {
	read  *sql.DB
	write *sql.DB
	Path  string
	// generation moves on every committed write, so that caches of counts
	// know when they are stale.
	generation atomic.Uint64
	counts     countCache
	// site is the current site: the one new transactions read and write
	// customers' site parts for (the main site unless SetSite chose one).
	site atomic.Int64
}

// busyTimeout is how long a writer waits for another program's write
// transaction before giving up with domain.ErrBusy.
var busyTimeout = 10 * time.Second

func dsn(path string, immediate bool) string {
	q := url.Values{}
	for _, p := range []string{fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()), "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)", "cache_size(-32000)"} {
		q.Add("_pragma", p)
	}
	if immediate {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes both pools (one, read-only).
func (s *Store) Close() error {
	err1 := s.read.Close()
	if s.write == s.read {
		return err1
	}
	err2 := s.write.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

// ReadDB is the pool for read-only queries by other internal packages.
func (s *Store) ReadDB() *sql.DB { return s.read }

type migration struct {
	version int
	name    string
}

// migrations lists the embedded migrations in order.
func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var list []migration
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		list = append(list, migration{n, e.Name()})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	return list, nil
}

// LatestSchema is the number of the last migration this version knows.
func LatestSchema() (int, error) {
	list, err := migrations()
	if err != nil || len(list) == 0 {
		return 0, err
	}
	return list[len(list)-1].version, nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations newer than the schema's user_version.
func (s *Store) migrate(ctx context.Context) error {
	list, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := s.write.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	for _, m := range list {
		if m.version <= current {
			continue
		}
		body, err := migrationFiles.ReadFile("migrations/" + m.name)
		if err != nil {
			return err
		}
		tx, err := s.write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Update runs fn in one write transaction: everything fn does is committed
// together, or nothing is when it returns an error.
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return mapError(err)
	}
	tx := &Tx{tx: sqlTx, stmts: map[string]*sql.Stmt{}, site: s.site.Load()}
	defer tx.closeStmts()
	// Bumped on both sides of the commit: a count computed while the write
	// was in flight is never kept for the new data.
	s.generation.Add(1)
	defer s.generation.Add(1)
	defer func() {
		if tx.cacheChanged {
			// Whatever ended the transaction (a cancel rolls it back under
			// our feet), the connection gets its own cache size back.
			s.write.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", defaultCacheSize))
		}
	}()
	err = fn(tx)
	if err == nil {
		err = tx.flushQueue(ctx) // queued customers are written before the commit
	}
	if err != nil {
		sqlTx.Rollback()
		return cancelledOr(ctx, err)
	}
	return cancelledOr(ctx, sqlTx.Commit())
}

// cancelledOr is err as the caller should see it. A cancel rolls the
// transaction back at once (database/sql watches ctx), so the statement
// running then fails with "statement is closed" or "transaction has
// already been rolled back": what happened is the cancel, and every
// caller (import, sample, undo) can tell it by errors.Is(err,
// context.Canceled).
func cancelledOr(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return mapError(err)
}

// View runs fn in a read transaction (a consistent snapshot).
func (s *Store) View(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapError(err)
	}
	tx := &Tx{tx: sqlTx, stmts: map[string]*sql.Stmt{}, site: s.site.Load()}
	defer tx.closeStmts()
	defer sqlTx.Rollback()
	return mapError(fn(tx))
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict ("ok").
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&v)
	return v, err
}

// Tx is a transaction with prepared statements cached for its lifetime,
// so that bulk work prepares each statement once.
type Tx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// site is the site whose part of each customer is read and written.
	site int64
	// customText holds the folded names of the custom fields the search
	// covers (text and list), read once per transaction.
	customText map[string]bool
	// groupIDs caches group name → id during a bulk write (see BeginBulk).
	groupIDs map[string]int64
	// deferred holds the CREATE INDEX statements of the indexes
	// DeferSortIndexes dropped, for EndBulk.
	deferred []string
	// searchFrom is the first customer ID whose search entry waits for
	// EndBulk (DeferSearchIndex), 0 when none does.
	searchFrom int64
	// aside builds the search index on a second connection
	// (BuildSearchIndexAside), nil when it does not.
	aside *searchAside
	// cacheChanged: BeginBulk changed the connection's page cache.
	cacheChanged bool
	// emails answers the lookups by e-mail while DeferSortIndexes has the
	// e-mail index dropped (email_standin.go), nil otherwise.
	emails *emailStandIn
	// queue holds new customers waiting to be written (QueueCustomer).
	queue insertQueue
	// lastTime and lastTimeText are the last instant timeText formatted.
	lastTime     time.Time
	lastTimeText string
}

// SQL exposes the underlying transaction to the other internal packages
// that own tables of their own (the import journal…).
func (t *Tx) SQL() *sql.Tx { return t.tx }

// Prepared returns query prepared once for the transaction's lifetime;
// the packages that own tables of their own use it too (the import journal
// writes a line for every customer an import changes).
func (t *Tx) Prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.Prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *Tx) closeStmts() {
	t.abortAside()
	for _, st := range t.stmts {
		st.Close()
	}
}
