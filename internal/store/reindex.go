package store

import (
	"context"
	"encoding/json"

	"carnet/internal/domain"
)

// Reindex rebuilds the search index from the customers table, in one
// transaction. It is what to run when the search text's recipe changes.
func (s *Store) Reindex(ctx context.Context) error {
	return s.Update(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `DELETE FROM customer_search`); err != nil {
			return err
		}
		rows, err := tx.tx.QueryContext(ctx, `SELECT id, code, kind, last_name, first_name, company_name, email,
			phones, city, postcode, reference, siret, archived, supplier FROM customers`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c domain.Customer
			var kind, phones string
			if err := rows.Scan(&c.ID, &c.Code, &kind, &c.LastName, &c.FirstName, &c.CompanyName, &c.Email,
				&phones, &c.Billing.City, &c.Billing.Postcode, &c.Reference, &c.SIRET, &c.Archived, &c.Supplier); err != nil {
				return err
			}
			c.Kind = domain.Kind(kind)
			if phones != "" {
				if err := json.Unmarshal([]byte(phones), &c.Phones); err != nil {
					return err
				}
			}
			if _, err := tx.exec(ctx, `INSERT INTO customer_search (rowid, doc) VALUES (?, ?)`, c.ID, SearchDoc(&c)); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}
