package store

import (
	"context"
	"database/sql"
	"errors"

	"carnet/internal/domain"
)

// An import's creations are undone in a few set statements rather than
// customer by customer (an undo of 200,000 creations took ten times the
// import): the customers an import created have the ids [first, last],
// since one writer allocates ids in turn and never reuses them, and those
// nobody changed since still carry the import's updated_at.

// stillAsWritten selects the ids of [?2, ?3] whose updated_at is ?4.
const stillAsWritten = `SELECT id FROM customers WHERE id BETWEEN ?2 AND ?3 AND updated_at = ?4`

// DeleteCreated removes the customers with ids in [first, last] that still
// carry updated_at written, with their search entries and the balance
// entries of import batch; it returns how many customers and balance
// entries went. The others (changed by hand since) stay.
func (t *Tx) DeleteCreated(ctx context.Context, batch, first, last int64, written string) (customers, entries int, err error) {
	res, err := t.tx.ExecContext(ctx, `DELETE FROM balance_entries WHERE import_id = ?1
		AND customer_id IN (`+stillAsWritten+`)`, batch, first, last, written)
	if err != nil {
		return 0, 0, err
	}
	n, _ := res.RowsAffected()
	entries = int(n)
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM customer_search WHERE rowid IN (`+stillAsWritten+`)`, nil, first, last, written); err != nil {
		return 0, 0, err
	}
	if res, err = t.tx.ExecContext(ctx, `DELETE FROM customers WHERE id BETWEEN ?2 AND ?3 AND updated_at = ?4`, nil, first, last, written); err != nil {
		return 0, 0, err
	}
	n, _ = res.RowsAffected()
	return int(n), entries, nil
}

// ChangedSince returns, among the customers with ids in [first, last], up
// to most of those whose updated_at is no longer written (codes, names and
// dates, to report them), and how many there are in all.
func (t *Tx) ChangedSince(ctx context.Context, first, last int64, written string, most int) ([]*domain.Customer, int, error) {
	var total int
	if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE id BETWEEN ? AND ? AND updated_at != ?`,
		first, last, written).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT id, code, kind, last_name, first_name, company_name, updated_at FROM customers
		WHERE id BETWEEN ? AND ? AND updated_at != ? ORDER BY id LIMIT ?`, first, last, written, most)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*domain.Customer
	for rows.Next() {
		var c domain.Customer
		var kind, updated string
		if err := rows.Scan(&c.ID, &c.Code, &kind, &c.LastName, &c.FirstName, &c.CompanyName, &updated); err != nil {
			return nil, 0, err
		}
		c.Kind = domain.Kind(kind)
		c.UpdatedAt = ParseTime(updated)
		out = append(out, &c)
	}
	return out, total, rows.Err()
}

// UpdatedAt returns the stored updated_at of customer id, as stored (false
// when there is no such customer).
func (t *Tx) UpdatedAt(ctx context.Context, id int64) (string, bool, error) {
	st, err := t.Prepared(ctx, `SELECT updated_at FROM customers WHERE id = ?`)
	if err != nil {
		return "", false, err
	}
	var v string
	switch err := st.QueryRowContext(ctx, id).Scan(&v); {
	case err == nil:
		return v, true, nil
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	default:
		return "", false, err
	}
}
