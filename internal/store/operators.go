package store

import (
	"context"
	"encoding/json"
	"time"

	"carnet/internal/domain"
)

// Operators lists the operators by name, archived ones included.
func (t *Tx) Operators(ctx context.Context) ([]domain.Operator, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name, role, permissions, pin_hash <> '', archived, created_at
		FROM operators ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Operator{}
	for rows.Next() {
		var o domain.Operator
		var role, perms, created string
		if err := rows.Scan(&o.ID, &o.Name, &role, &perms, &o.HasPIN, &o.Archived, &created); err != nil {
			return nil, err
		}
		o.Role, o.CreatedAt = domain.Role(role), ParseTime(created)
		_ = json.Unmarshal([]byte(perms), &o.Permissions)
		out = append(out, o)
	}
	return out, rows.Err()
}

// SaveOperator inserts o (ID 0) or updates its name, role, permissions and
// archived flag (already checked); the PIN is set apart.
func (t *Tx) SaveOperator(ctx context.Context, o domain.Operator, now time.Time) (int64, error) {
	perms, _ := json.Marshal(o.Permissions)
	if o.Permissions == nil {
		perms = []byte("[]")
	}
	if o.ID == 0 {
		res, err := t.exec(ctx, `INSERT INTO operators (name, role, permissions, archived, created_at) VALUES (?, ?, ?, ?, ?)`,
			o.Name, string(o.Role), string(perms), o.Archived, FormatTime(now))
		if err != nil {
			return 0, mapConstraint(err)
		}
		return res.LastInsertId()
	}
	return o.ID, t.affectOne(t.exec(ctx, `UPDATE operators SET name = ?, role = ?, permissions = ?, archived = ? WHERE id = ?`,
		o.Name, string(o.Role), string(perms), o.Archived, o.ID))
}

// SetOperatorPIN stores the PIN's hash ("" removes the PIN).
func (t *Tx) SetOperatorPIN(ctx context.Context, id int64, hash string) error {
	return t.affectOne(t.exec(ctx, `UPDATE operators SET pin_hash = ? WHERE id = ?`, hash, id))
}

// OperatorPINHash returns the stored hash of operator id's PIN ("" for none).
func (t *Tx) OperatorPINHash(ctx context.Context, id int64) (string, error) {
	var h string
	err := t.tx.QueryRowContext(ctx, `SELECT pin_hash FROM operators WHERE id = ?`, id).Scan(&h)
	return h, mapNoRows(err)
}

// AddJournal records one action.
func (t *Tx) AddJournal(ctx context.Context, e domain.JournalEntry) error {
	_, err := t.exec(ctx, `INSERT INTO journal (at, operator, action, subject, detail) VALUES (?, ?, ?, ?, ?)`,
		FormatTime(e.At), e.Operator, e.Action, e.Subject, e.Detail)
	return err
}

// Journal returns a page of the journal, newest first, and its length.
func (t *Tx) Journal(ctx context.Context, limit, offset int) ([]domain.JournalEntry, int, error) {
	var total int
	if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM journal`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT id, at, operator, action, subject, detail FROM journal
		ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []domain.JournalEntry{}
	for rows.Next() {
		var e domain.JournalEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Operator, &e.Action, &e.Subject, &e.Detail); err != nil {
			return nil, 0, err
		}
		e.At = ParseTime(at)
		out = append(out, e)
	}
	return out, total, rows.Err()
}
