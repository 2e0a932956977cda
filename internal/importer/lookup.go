package importer

import (
	"context"
	"database/sql"
	"errors"

	"carnet/internal/store"
)

// lookup finds customer IDs by matching key with statements prepared once
// per import. The "<> ”" terms let SQLite use the partial indexes on
// siret and vat_number.
type lookup struct {
	tx    *store.Tx
	stmts map[string]*sql.Stmt
}

func newLookup(tx *store.Tx) *lookup { return &lookup{tx: tx, stmts: map[string]*sql.Stmt{}} }

var lookupQueries = map[string]string{
	"id":         `SELECT id FROM customers WHERE id = ?`,
	"code":       `SELECT id FROM customers WHERE code = ?`,
	"email":      `SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1`,
	"siret":      `SELECT id FROM customers WHERE siret = ? AND siret <> '' ORDER BY id LIMIT 1`,
	"vat_number": `SELECT id FROM customers WHERE vat_number = ? AND vat_number <> '' ORDER BY id LIMIT 1`,
}

// find returns the ID of the customer whose key column equals value, or 0.
func (l *lookup) find(ctx context.Context, key string, value any) (int64, error) {
	st, err := l.prepared(ctx, lookupQueries[key])
	if err != nil {
		return 0, err
	}
	var id int64
	err = st.QueryRowContext(ctx, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// prepared returns query prepared once for the transaction.
func (l *lookup) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := l.stmts[query]; ok {
		return st, nil
	}
	st, err := l.tx.SQL().PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	l.stmts[query] = st
	return st, nil
}
