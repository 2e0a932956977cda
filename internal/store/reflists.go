package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"carnet/internal/domain"
)

// Reference lists: the marketing sources have their own table (customers
// point to them by id); price types and civilities are rows of ref_values
// and customers hold their name, so a rename rewrites those customers.

// refColumns are the customer columns that hold a list's names.
var refColumns = map[domain.RefList][]string{
	domain.ListPriceTypes: {"price_type_sales", "price_type_orders"},
	domain.ListCivilities: {"civility"},
}

// RefValues lists a list's entries, archived ones included, each with how
// many customers have it: sources by name, the others in the order they
// were added.
func (t *Tx) RefValues(ctx context.Context, l domain.RefList) ([]domain.RefValue, error) {
	out, err := t.RefEntries(ctx, l)
	if err != nil {
		return nil, err
	}
	uses := map[string]int{}
	if l == domain.ListMarketing {
		err = t.countUses(ctx, `SELECT (SELECT name FROM marketing_sources WHERE id = marketing_source_id), count(*)
			FROM customers WHERE marketing_source_id IS NOT NULL GROUP BY marketing_source_id`, uses)
	} else {
		for _, c := range refColumns[l] {
			if err == nil {
				err = t.countUses(ctx, `SELECT `+c+` COLLATE NOCASE, count(*) FROM customers WHERE `+c+` <> '' GROUP BY 1`, uses)
			}
		}
	}
	for i := range out {
		out[i].Uses = uses[foldKey(out[i].Name)]
	}
	return out, err
}

// RefEntries lists a list's entries without counting their uses (a pass
// over the whole file): what checking a customer needs.
func (t *Tx) RefEntries(ctx context.Context, l domain.RefList) ([]domain.RefValue, error) {
	q := `SELECT m.id, m.name, m.archived FROM marketing_sources m ORDER BY m.name COLLATE NOCASE`
	if l != domain.ListMarketing {
		if _, ok := refColumns[l]; !ok {
			return nil, errUnknownList(l)
		}
		q = `SELECT rowid, name, archived FROM ref_values WHERE list = '` + string(l) + `' ORDER BY position, name COLLATE NOCASE`
	}
	rows, err := t.tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.RefValue{}
	for rows.Next() {
		var v domain.RefValue
		if err := rows.Scan(&v.ID, &v.Name, &v.Archived); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// countUses adds the (name, count) rows of query to uses, keyed without case.
func (t *Tx) countUses(ctx context.Context, query string, uses map[string]int) error {
	rows, err := t.tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name sql.NullString
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return err
		}
		uses[foldKey(name.String)] += n
	}
	return rows.Err()
}

// AddRef adds an entry (its name already checked).
func (t *Tx) AddRef(ctx context.Context, l domain.RefList, name string) error {
	if l == domain.ListMarketing {
		_, err := t.CreateMarketingSource(ctx, name)
		return err
	}
	if _, ok := refColumns[l]; !ok {
		return errUnknownList(l)
	}
	_, err := t.exec(ctx, `INSERT INTO ref_values (list, name, position)
		VALUES (?1, ?2, (SELECT COALESCE(max(position), 0) + 1 FROM ref_values WHERE list = ?1))`, string(l), name)
	return err
}

// RenameRef renames entry id to name (already checked); the customers that
// have it follow.
func (t *Tx) RenameRef(ctx context.Context, l domain.RefList, id int64, name string) error {
	if l == domain.ListMarketing {
		return t.affectOne(t.exec(ctx, `UPDATE marketing_sources SET name = ? WHERE id = ?`, name, id))
	}
	cols, ok := refColumns[l]
	if !ok {
		return errUnknownList(l)
	}
	var old string
	err := t.tx.QueryRowContext(ctx, `SELECT name FROM ref_values WHERE rowid = ? AND list = ?`, id, string(l)).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.ErrNotFound
	} else if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `UPDATE ref_values SET name = ? WHERE rowid = ?`, name, id); err != nil {
		return err
	}
	for _, c := range cols {
		// updated_at stays: a rename in the settings is not an edit of the
		// customer (an import's undo would otherwise leave it alone).
		if _, err := t.exec(ctx, `UPDATE customers SET `+c+` = ? WHERE `+c+` = ? COLLATE NOCASE`, name, old); err != nil {
			return err
		}
	}
	return nil
}

// ArchiveRef archives entry id, or brings it back.
func (t *Tx) ArchiveRef(ctx context.Context, l domain.RefList, id int64, archived bool) error {
	if l == domain.ListMarketing {
		return t.affectOne(t.exec(ctx, `UPDATE marketing_sources SET archived = ? WHERE id = ?`, archived, id))
	}
	if _, ok := refColumns[l]; !ok {
		return errUnknownList(l)
	}
	return t.affectOne(t.exec(ctx, `UPDATE ref_values SET archived = ? WHERE rowid = ? AND list = ?`, archived, id, string(l)))
}

// affectOne turns "no row changed" into domain.ErrNotFound.
func (t *Tx) affectOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

func errUnknownList(l domain.RefList) error {
	return &domain.Error{Code: "unknown_list", Message: domain.Message{
		FR: "Liste inconnue « " + string(l) + " ».", EN: "Unknown list \"" + string(l) + "\"."}}
}

// foldKey compares list names the way the lists do (without case).
func foldKey(s string) string { return strings.ToLower(s) }
