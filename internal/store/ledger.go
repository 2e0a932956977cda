package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"carnet/internal/domain"
)

// AddBalanceEntry appends an entry to a customer's ledger; importID links
// it to the import that wrote it (0 for none).
func (t *Tx) AddBalanceEntry(ctx context.Context, e *domain.BalanceEntry, importID int64) error {
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	if e.Date.IsZero() {
		e.Date = time.Now()
	}
	var imp sql.NullInt64
	if importID != 0 {
		imp = sql.NullInt64{Int64: importID, Valid: true}
	}
	res, err := t.exec(ctx, `INSERT INTO balance_entries (customer_id, date, label, amount, origin, import_id, operator)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.CustomerID, FormatTime(e.Date), e.Label, e.Amount, e.Origin, imp, e.Operator)
	if err != nil {
		return err
	}
	e.ID, err = res.LastInsertId()
	return err
}

// DeleteImportBalanceEntries removes the entries an import wrote (undo).
func (t *Tx) DeleteImportBalanceEntries(ctx context.Context, importID int64) (int64, error) {
	res, err := t.exec(ctx, `DELETE FROM balance_entries WHERE import_id = ?`, importID)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// Ledger returns a customer's balance entries, oldest first.
func (t *Tx) Ledger(ctx context.Context, customerID int64) ([]domain.BalanceEntry, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, customer_id, date, label, amount, origin, operator
		FROM balance_entries WHERE customer_id = ? ORDER BY date, id`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.BalanceEntry
	for rows.Next() {
		var e domain.BalanceEntry
		var date string
		if err := rows.Scan(&e.ID, &e.CustomerID, &date, &e.Label, &e.Amount, &e.Origin, &e.Operator); err != nil {
			return nil, err
		}
		e.Date = ParseTime(date)
		out = append(out, e)
	}
	return out, rows.Err()
}

// AddDocument records an invoice or order with the customer's current code
// and name.
func (t *Tx) AddDocument(ctx context.Context, d *domain.Document) error {
	return t.AddImportDocument(ctx, d, 0)
}

// AddImportDocument records a document brought by import importID (a shop
// sync's orders), which undoing that import removes; 0 for none.
func (t *Tx) AddImportDocument(ctx context.Context, d *domain.Document, importID int64) error {
	var cid, imp sql.NullInt64
	if d.CustomerID != 0 {
		cid = sql.NullInt64{Int64: d.CustomerID, Valid: true}
	}
	if importID != 0 {
		imp = sql.NullInt64{Int64: importID, Valid: true}
	}
	res, err := t.exec(ctx, `INSERT INTO documents (customer_id, customer_code, customer_name, kind, number, date, total, import_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, cid, d.CustomerCode, d.CustomerName, d.Kind, d.Number, FormatTime(d.Date), d.Total, imp)
	if err != nil {
		return err
	}
	d.ID, err = res.LastInsertId()
	return err
}

// DocumentExists reports whether the customer already has a document of
// this kind, number and total (a sync run twice records its orders once).
func (t *Tx) DocumentExists(ctx context.Context, customerID int64, kind, number string, total int64) (bool, error) {
	st, err := t.Prepared(ctx, `SELECT 1 FROM documents WHERE customer_id = ? AND kind = ? AND number = ? AND total = ? LIMIT 1`)
	if err != nil {
		return false, err
	}
	var one int
	err = st.QueryRowContext(ctx, customerID, kind, number, total).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// DeleteImportDocuments removes the documents import importID recorded
// (undo).
func (t *Tx) DeleteImportDocuments(ctx context.Context, importID int64) (int64, error) {
	res, err := t.exec(ctx, `DELETE FROM documents WHERE import_id = ?`, importID)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// Documents returns documents, newest first: a customer's when customerID
// is set, else those whose customer code is code (history of a deleted one).
func (t *Tx) Documents(ctx context.Context, customerID int64, code string) ([]domain.Document, error) {
	query := `SELECT id, COALESCE(customer_id, 0), customer_code, customer_name, kind, number, date, total FROM documents `
	var arg any = customerID
	if customerID != 0 {
		query += `WHERE customer_id = ?`
	} else {
		query += `WHERE customer_code = ?`
		arg = code
	}
	rows, err := t.tx.QueryContext(ctx, query+` ORDER BY date DESC, id DESC`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Document
	for rows.Next() {
		var d domain.Document
		var date string
		if err := rows.Scan(&d.ID, &d.CustomerID, &d.CustomerCode, &d.CustomerName, &d.Kind, &d.Number, &date, &d.Total); err != nil {
			return nil, err
		}
		d.Date = ParseTime(date)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Setting reads a setting; ok is false when it was never written.
func (t *Tx) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = t.tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, err
}

// SetSetting writes a setting.
func (t *Tx) SetSetting(ctx context.Context, key, value string) error {
	_, err := t.exec(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
