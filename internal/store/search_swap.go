package store

import (
	"context"
	"fmt"
	"strings"
)

// The swap of a search index built aside (search_aside.go) into the
// customer file: inside the bulk write's transaction, FTS5's shadow tables
// get the side's rows, then FTS5 is made to read its index again.

// shadowTable is one of the tables holding the search index's data: its
// columns (FTS5's), of which the one at blob holds a blob.
type shadowTable struct {
	table   string
	columns []string
	blob    int
}

var searchShadows = []shadowTable{
	{"customer_search_data", []string{"id", "block"}, 1},
	{"customer_search_idx", []string{"segid", "term", "pgno"}, 1},
	{"customer_search_docsize", []string{"id", "sz", "origin"}, 1},
}

// finishAside waits for the side index and swaps it in. The side's
// transaction commits first: FTS5 holds the last documents in memory
// until then. Should the side fail (its temporary file could not grow,
// say), the index is rebuilt here instead, whole: the import goes on.
func (t *Tx) finishAside(ctx context.Context) error {
	a := t.aside
	err := a.wait()
	if err == nil {
		a.ins.Close()
		a.del.Close()
		err = a.tx.Commit()
	}
	if err == nil {
		err = t.swapSearchIndex(ctx, a)
	}
	a.close()
	t.aside = nil
	if err != nil && ctx.Err() == nil {
		err = t.rebuildSearchIndex(ctx)
	}
	return err
}

// rebuildSearchIndex indexes every customer again, here.
func (t *Tx) rebuildSearchIndex(ctx context.Context) error {
	searched, err := t.searchedCustom(ctx)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (customer_search) VALUES ('delete-all')`); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (rowid, doc)
		SELECT id, `+searchDocFunc+`(?, `+searchDocColumns+`) FROM customers ORDER BY id`, searchedList(searched)); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// swapSearchIndex replaces the search index's data by the side's.
func (t *Tx) swapSearchIndex(ctx context.Context, a *searchAside) error {
	for _, sh := range searchShadows {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+sh.table); err != nil {
			return fmt.Errorf("search index swap: %w", err)
		}
		if err := t.copyRows(ctx, a, sh); err != nil {
			return fmt.Errorf("search index swap: %w", err)
		}
	}
	return t.forgetSearchIndexState(ctx)
}

// copyRows copies a table of the side database into the same table here,
// many rows to a statement. The side's connection reads on a goroutine of
// its own while this one writes (the reading was a third of the swap, on
// the writer, at the end of a big import when the other core is idle); a
// few statements' worth of rows travel between them at a time, so memory
// stays small whatever the index's size.
func (t *Tx) copyRows(ctx context.Context, a *searchAside, sh shadowTable) error {
	marks := make([]string, len(sh.columns))
	for i := range marks {
		marks[i] = "?"
	}
	marks[sh.blob] = "CAST(? AS BLOB)"
	row := "(" + strings.Join(marks, ", ") + ")"
	// Only the reader gets a context this function cancels: with a
	// cancellable one, the driver would watch every statement of the
	// writer's with a goroutine of its own.
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan []any, 4)
	readErr := make(chan error, 1)
	go func() {
		defer close(chunks)
		readErr <- readSideRows(readCtx, a, sh, chunks)
	}()
	for args := range chunks {
		n := len(args) / len(sh.columns)
		// Prepared once for the full statements: parsing a statement of
		// hundreds of rows costs as much as running it.
		if _, err := t.exec(ctx, `INSERT INTO `+sh.table+` (`+strings.Join(sh.columns, ", ")+`) VALUES `+row+strings.Repeat(", "+row, n-1), args...); err != nil {
			cancel()
			for range chunks { // let the reader see the cancel and end
			}
			return err
		}
	}
	return <-readErr
}

// readSideRows reads a shadow table from the side database and sends its
// rows to chunks, as statement arguments, up to copyStatementArgs a
// statement. The driver writes an empty blob as NULL (and reads one as
// nil): the blob column comes with whether it holds a blob, and is sent as
// an empty text when empty, which CAST(? AS BLOB) makes a blob again.
func readSideRows(ctx context.Context, a *searchAside, sh shadowTable, chunks chan<- []any) error {
	width := len(sh.columns)
	rows, err := a.conn.QueryContext(ctx, `SELECT `+strings.Join(sh.columns, ", ")+
		`, typeof(`+sh.columns[sh.blob]+`) = 'blob' FROM `+sh.table)
	if err != nil {
		return err
	}
	defer rows.Close()
	per := max(1, copyStatementArgs/width) // rows per statement
	vals := make([]any, width)
	var isBlob bool
	ptrs := make([]any, 0, width+1)
	for i := range vals {
		ptrs = append(ptrs, &vals[i])
	}
	ptrs = append(ptrs, &isBlob)
	args := make([]any, 0, per*width)
	send := func() bool {
		select {
		case chunks <- args:
			args = make([]any, 0, per*width)
			return true
		case <-ctx.Done():
			return false
		}
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if v, _ := vals[sh.blob].([]byte); len(v) == 0 && isBlob {
			vals[sh.blob] = ""
		}
		args = append(args, vals...)
		if len(args) == per*width && !send() {
			return ctx.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(args) > 0 && !send() {
		return ctx.Err()
	}
	return nil
}

// copyStatementArgs bounds the arguments of one statement of the copy,
// well under SQLite's limit on parameters.
const copyStatementArgs = 768

// forgetSearchIndexState makes this connection's FTS5 read the index
// again from its tables. FTS5 keeps the index's structure (its list of
// segments) and its totals in memory between statements and transactions,
// dropping them only when another connection writes or a savepoint the
// index took part in is rolled back: the swap, written around FTS5, must
// not leave the old structure in memory for the next write to save.
func (t *Tx) forgetSearchIndexState(ctx context.Context) error {
	// The index takes part in the transaction (BeginBulk wrote its
	// settings); a statement that touches it makes sure of that.
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', ?)`, bulkAutomerge); err != nil {
		return err
	}
	for _, q := range []string{`SAVEPOINT search_swap`, `ROLLBACK TO search_swap`, `RELEASE search_swap`} {
		if _, err := t.tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
