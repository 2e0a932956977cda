package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"carnet/internal/domain"
)

// CustomFields lists the custom field definitions in their order, archived
// ones included, each with how many customers have a value.
func (t *Tx) CustomFields(ctx context.Context) ([]domain.CustomField, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name, type, options, position, archived FROM custom_fields ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.CustomField{}
	for rows.Next() {
		var f domain.CustomField
		var typ, opts string
		if err := rows.Scan(&f.ID, &f.Name, &typ, &opts, &f.Position, &f.Archived); err != nil {
			return nil, err
		}
		f.Type = domain.CustomType(typ)
		_ = json.Unmarshal([]byte(opts), &f.Options)
		out = append(out, f)
	}
	return out, rows.Err()
}

// CustomFieldUses counts, for each custom field name (folded), the
// customers that have a value: one pass over the file.
func (t *Tx) CustomFieldUses(ctx context.Context) (map[string]int, error) {
	uses := map[string]int{}
	err := t.countUses(ctx, `SELECT j.key, count(*) FROM customers, json_each(customers.custom) j
		WHERE customers.custom <> '' GROUP BY j.key`, uses)
	return uses, err
}

// SaveCustomField inserts f (ID 0, placed last) or updates it (already
// checked). A rename moves every customer's value to the new name.
func (t *Tx) SaveCustomField(ctx context.Context, f domain.CustomField) (int64, error) {
	opts, _ := json.Marshal(f.Options)
	if f.Options == nil {
		opts = []byte("[]")
	}
	if f.ID == 0 {
		res, err := t.exec(ctx, `INSERT INTO custom_fields (name, type, options, position, archived)
			VALUES (?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM custom_fields), ?)`, f.Name, string(f.Type), string(opts), f.Archived)
		if err != nil {
			return 0, err
		}
		t.customText = nil
		return res.LastInsertId()
	}
	var old string
	if err := t.tx.QueryRowContext(ctx, `SELECT name FROM custom_fields WHERE id = ?`, f.ID).Scan(&old); err != nil {
		return 0, mapNoRows(err)
	}
	// The type does not change: values already stored were checked against it.
	if _, err := t.exec(ctx, `UPDATE custom_fields SET name = ?, options = ?, archived = ? WHERE id = ?`,
		f.Name, string(opts), f.Archived, f.ID); err != nil {
		return 0, err
	}
	t.customText = nil
	if old != f.Name {
		if err := t.renameCustomValues(ctx, old, f.Name); err != nil {
			return 0, err
		}
	}
	return f.ID, nil
}

// renameCustomValues moves the values stored under old to name in every
// customer's custom JSON (keys compare without case, as the names do).
func (t *Tx) renameCustomValues(ctx context.Context, old, name string) error {
	rows, err := t.tx.QueryContext(ctx, `SELECT c.id, c.custom FROM customers c
		WHERE c.custom <> '' AND EXISTS (SELECT 1 FROM json_each(c.custom) j WHERE j.key = ? COLLATE NOCASE)`, old)
	if err != nil {
		return err
	}
	type change struct {
		id     int64
		custom string
	}
	var changes []change
	for rows.Next() {
		var id int64
		var raw string
		if err := rows.Scan(&id, &raw); err != nil {
			rows.Close()
			return err
		}
		var m map[string]string
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			continue
		}
		for k, v := range m {
			if strings.EqualFold(k, old) {
				delete(m, k)
				m[name] = v
			}
		}
		b, _ := json.Marshal(m)
		changes = append(changes, change{id, string(b)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	st, err := t.Prepared(ctx, `UPDATE customers SET custom = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	for _, c := range changes {
		if _, err := st.ExecContext(ctx, c.custom, c.id); err != nil {
			return err
		}
	}
	return nil
}

// MoveCustomField puts field id at index to (0-based) in the order.
func (t *Tx) MoveCustomField(ctx context.Context, id int64, to int) error {
	fields, err := t.CustomFields(ctx)
	if err != nil {
		return err
	}
	from := -1
	for i, f := range fields {
		if f.ID == id {
			from = i
		}
	}
	if from < 0 {
		return domain.ErrNotFound
	}
	to = max(0, min(to, len(fields)-1))
	f := fields[from]
	fields = append(fields[:from], fields[from+1:]...)
	fields = append(fields[:to], append([]domain.CustomField{f}, fields[to:]...)...)
	for i, f := range fields {
		if _, err := t.exec(ctx, `UPDATE custom_fields SET position = ? WHERE id = ?`, i+1, f.ID); err != nil {
			return err
		}
	}
	return nil
}

// searchedCustom returns the names (folded) of the text and list custom
// fields, whose values the search finds; read once per transaction. A
// failed read is returned, never cached: the search index would otherwise
// lose those values for the rest of the transaction.
func (t *Tx) searchedCustom(ctx context.Context) (map[string]bool, error) {
	if t.customText != nil {
		return t.customText, nil
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT name FROM custom_fields WHERE type IN ('text', 'list')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names[foldKey(n)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	t.customText = names
	return names, nil
}

// searchDoc is the search index's text for c, on sites (nil: the sites
// stored for it).
func (t *Tx) searchDoc(ctx context.Context, c *domain.Customer, sites []int64) (string, error) {
	searched, err := t.searchedCustom(ctx)
	if err != nil {
		return "", err
	}
	if sites == nil {
		if sites, err = t.SitesOf(ctx, c.ID); err != nil {
			return "", err
		}
	}
	return SearchDocWith(c, searched) + siteTokens(sites), nil
}

// mapNoRows turns sql.ErrNoRows into domain.ErrNotFound.
func mapNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return domain.ErrNotFound
	}
	return err
}

// CustomValueCount counts the customers whose custom field name holds value
// (both without case).
func (t *Tx) CustomValueCount(ctx context.Context, name, value string) (int, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customers c, json_each(c.custom) j
		WHERE c.custom <> '' AND j.key = ? COLLATE NOCASE AND j.value = ? COLLATE NOCASE`, name, value).Scan(&n)
	return n, err
}
