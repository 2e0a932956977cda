package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"carnet/internal/domain"
)

// Batch reads for bulk work (imports): one statement answers a whole batch
// of rows instead of one round trip per row, which costs more than the
// index probe itself. The values travel as one JSON array that SQLite
// unpacks with json_each.

// keyColumns are the queries by column a batch lookup may match on.
var keyColumns = map[string]string{
	"id":         `SELECT id, id FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
	"code":       `SELECT code, id FROM customers WHERE code IN (SELECT value FROM json_each(?))`,
	"email":      `SELECT email, min(id) FROM customers WHERE email IN (SELECT value FROM json_each(?)) GROUP BY email`,
	"siret":      `SELECT siret, min(id) FROM customers WHERE siret <> '' AND siret IN (SELECT value FROM json_each(?)) GROUP BY siret`,
	"vat_number": `SELECT vat_number, min(id) FROM customers WHERE vat_number <> '' AND vat_number IN (SELECT value FROM json_each(?)) GROUP BY vat_number`,
}

// IDsByKey returns, for every value held by some customer in column (id,
// code, email, siret or vat_number), the smallest ID holding it. Values are
// strings, or int64 for id; the map's keys have the same types.
func (t *Tx) IDsByKey(ctx context.Context, column string, values []any) (map[any]int64, error) {
	if err := t.flushQueue(ctx); err != nil {
		return nil, err
	}
	query, ok := keyColumns[column]
	if !ok {
		return nil, fmt.Errorf("IDsByKey: %q is not a key column", column)
	}
	if column == "email" && t.emails != nil { // the index is dropped
		return t.idsByEmail(ctx, values)
	}
	out := map[any]int64{}
	if len(values) == 0 {
		return out, nil
	}
	list, err := json.Marshal(values)
	if err != nil {
		return nil, err
	}
	st, err := t.Prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if column == "id" {
			var v int64
			if err := rows.Scan(&v, &id); err != nil {
				return nil, err
			}
			out[v] = id
			continue
		}
		var v string
		if err := rows.Scan(&v, &id); err != nil {
			return nil, err
		}
		out[v] = id
	}
	return out, rows.Err()
}

// EachKeyValue calls fn with every non-empty value the customers hold in
// each of columns (key columns of IDsByKey but id), for a bulk write's
// filter of the values that exist.
func (t *Tx) EachKeyValue(ctx context.Context, columns []string, fn func(column, value string)) error {
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	for _, c := range columns {
		if _, ok := keyColumns[c]; !ok || c == "id" {
			return fmt.Errorf("EachKeyValue: %q is not a key column", c)
		}
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT `+strings.Join(columns, ", ")+` FROM customers`)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]string, len(columns))
	ptrs := make([]any, len(columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if v != "" {
				fn(columns[i], v)
			}
		}
	}
	return rows.Err()
}

// CustomersByIDs loads the customers with the given IDs, with their groups
// and shipping addresses, as CustomerBy would one by one. IDs of no
// customer are absent from the map.
func (t *Tx) CustomersByIDs(ctx context.Context, ids []int64) (map[int64]*domain.Customer, error) {
	if err := t.flushQueue(ctx); err != nil {
		return nil, err
	}
	out := make(map[int64]*domain.Customer, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	in := ` IN (SELECT value FROM json_each(?))`
	if err := t.eachRow(ctx, selectCustomer(t.SiteID())+`WHERE c.id`+in, string(list), func(r scanner) error {
		c, err := scanCustomer(r)
		if err == nil {
			out[c.ID] = c
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := t.eachRow(ctx, `SELECT cg.customer_id, g.name FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		WHERE cg.customer_id`+in+` ORDER BY cg.customer_id, g.name COLLATE NOCASE`, string(list), func(r scanner) error {
		var id int64
		var name string
		if err := r.Scan(&id, &name); err != nil {
			return err
		}
		if c := out[id]; c != nil {
			c.Groups = append(c.Groups, name)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	err = t.eachRow(ctx, `SELECT customer_id, id, label, line1, line2, postcode, city, country FROM shipping_addresses
		WHERE customer_id`+in+` ORDER BY customer_id, position`, string(list), func(r scanner) error {
		var id int64
		var a domain.Address
		if err := r.Scan(&id, &a.ID, &a.Label, &a.Line1, &a.Line2, &a.Postcode, &a.City, &a.Country); err != nil {
			return err
		}
		if c := out[id]; c != nil {
			c.Shipping = append(c.Shipping, a)
		}
		return nil
	})
	return out, err
}

type scanner interface{ Scan(...any) error }

// eachRow runs a cached query and calls fn on each row.
func (t *Tx) eachRow(ctx context.Context, query string, arg any, fn func(scanner) error) error {
	st, err := t.Prepared(ctx, query)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
