package store

import (
	"context"
	"fmt"
	"strings"
)

// The swap of a search index built aside (search_aside.go) into the
// customer file: inside the bulk write's transaction, FTS5's shadow tables
// get the side's rows, then FTS5 is made to read its index again.

// searchShadows are the tables holding the search index's data, with
// their columns (FTS5's), the blob ones marked "blob:".
var searchShadows = []struct {
	table   string
	columns []string
}{
	{"customer_search_data", []string{"id", "blob:block"}},
	{"customer_search_idx", []string{"segid", "blob:term", "pgno"}},
	{"customer_search_docsize", []string{"id", "blob:sz", "origin"}},
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
		if err := t.copyRows(ctx, a, sh.table, sh.columns); err != nil {
			return fmt.Errorf("search index swap: %w", err)
		}
	}
	return t.forgetSearchIndexState(ctx)
}

// copyRows copies a table of the side database into the same table here,
// many rows to a statement. The driver writes an empty blob as NULL (and
// reads one as nil): each blob column comes with whether it holds a blob,
// and is written through CAST(? AS BLOB), from an empty text when empty.
func (t *Tx) copyRows(ctx context.Context, a *searchAside, table string, columns []string) error {
	var names, blobs, marks []string
	var isBlob []bool
	for _, c := range columns {
		name, blob := strings.CutPrefix(c, "blob:")
		names, isBlob = append(names, name), append(isBlob, blob)
		if blob {
			blobs = append(blobs, "typeof("+name+") = 'blob'")
			marks = append(marks, "CAST(? AS BLOB)")
		} else {
			marks = append(marks, "?")
		}
	}
	row := "(" + strings.Join(marks, ", ") + ")"
	rows, err := a.conn.QueryContext(ctx, `SELECT `+strings.Join(append(names, blobs...), ", ")+` FROM `+table)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols := names
	per := max(1, 768/len(cols)) // rows per statement, under SQLite's bound on parameters
	args := make([]any, 0, per*len(cols))
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		n := len(args) / len(cols)
		// Prepared once for the full statements: parsing a statement of
		// hundreds of rows costs as much as running it.
		_, err := t.exec(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES `+row+strings.Repeat(", "+row, n-1), args...)
		args = args[:0]
		return err
	}
	vals := make([]any, len(cols))
	blobFlags := make([]bool, len(blobs))
	ptrs := make([]any, 0, len(cols)+len(blobs))
	for i := range vals {
		ptrs = append(ptrs, &vals[i])
	}
	for i := range blobFlags {
		ptrs = append(ptrs, &blobFlags[i])
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		b := 0
		for i := range vals {
			if isBlob[i] {
				if v, _ := vals[i].([]byte); len(v) == 0 && blobFlags[b] {
					vals[i] = ""
				}
				b++
			}
		}
		args = append(args, vals...)
		if len(args) == per*len(cols) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

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
