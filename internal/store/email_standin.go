package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"hash/maphash"
)

// The e-mail index (customers_sort_email) is both a list order and the
// import's matching key, and the costliest index a big import keeps in
// step: its keys come in no order, so each new customer lands on a page of
// its own. Measured on this schema at a million rows: a customer's row
// costs 27 µs with it and 16 µs without, and building it once the rows
// are in costs 2 µs a row. DeferSortIndexes therefore drops it too, and an
// emailStandIn answers the lookups by e-mail meanwhile: for each e-mail
// the table holds (read when the index is dropped, then kept by every
// write of a customer's e-mail in the transaction: InsertCustomer, the
// queue, UpdateCustomer), the smallest ID holding it, under a 64-bit hash
// of the address. An answer is checked against the table by the
// customer's ID; when the customer no longer holds that e-mail (changed,
// deleted, or two addresses sharing a hash) the table is asked by a scan,
// so the answers are the index's, only the rare stale one is slower.

type emailStandIn struct {
	seed maphash.Seed
	// first maps the hash of an e-mail to the smallest ID holding it, or
	// to 0 when the table must be asked (no holder was found: the hash may
	// yet be another address's too).
	first map[uint64]int64
}

func newEmailStandIn() *emailStandIn {
	return &emailStandIn{seed: maphash.MakeSeed(), first: map[uint64]int64{}}
}

func (e *emailStandIn) hash(email string) uint64 { return maphash.String(e.seed, email) }

// add records that customer id holds email.
func (e *emailStandIn) add(email string, id int64) {
	if email == "" {
		return
	}
	h := e.hash(email)
	if old, ok := e.first[h]; !ok || id < old {
		e.first[h] = id
	}
}

// fillEmailStandIn starts the stand-in from the e-mails the table holds.
func (t *Tx) fillEmailStandIn(ctx context.Context) error {
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	e := newEmailStandIn()
	rows, err := t.tx.QueryContext(ctx, `SELECT id, email FROM customers WHERE email <> ''`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return err
		}
		e.add(email, id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	t.emails = e
	return nil
}

// noteEmail keeps the stand-in, when there is one, in step with a write.
func (t *Tx) noteEmail(email string, id int64) {
	if t.emails != nil {
		t.emails.add(email, id)
	}
}

// idsByEmail is IDsByKey("email") while the stand-in answers: each value
// that some customer holds → the smallest such ID.
func (t *Tx) idsByEmail(ctx context.Context, values []any) (map[any]int64, error) {
	out := map[any]int64{}
	candidates := map[int64][]string{} // ID → the values it should hold
	var ids []int64
	var ask []string // the values the table is scanned for
	for _, v := range values {
		email, ok := v.(string)
		if !ok || email == "" {
			continue
		}
		switch id, ok := t.emails.first[t.emails.hash(email)]; {
		case !ok: // no customer holds it
		case id == 0:
			ask = append(ask, email)
		default:
			if _, seen := candidates[id]; !seen {
				ids = append(ids, id)
			}
			candidates[id] = append(candidates[id], email)
		}
	}
	if len(ids) > 0 {
		held, err := t.emailsOf(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			for _, email := range candidates[id] {
				if held[id] == email {
					out[email] = id
				} else {
					ask = append(ask, email)
				}
			}
		}
	}
	for _, email := range ask {
		found, err := t.scanEmail(ctx, email)
		if err != nil {
			return nil, err
		}
		if found != 0 {
			out[email] = found
		}
	}
	return out, nil
}

// emailsOf reads the e-mails of customers ids.
func (t *Tx) emailsOf(ctx context.Context, ids []int64) (map[int64]string, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	st, err := t.Prepared(ctx, `SELECT id, email FROM customers WHERE id IN (SELECT value FROM json_each(?))`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	held := map[int64]string{}
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return nil, err
		}
		held[id] = email
	}
	return held, rows.Err()
}

// scanEmail asks the table itself for the smallest ID holding email (a
// scan, the index being dropped) and puts the answer in the stand-in.
func (t *Tx) scanEmail(ctx context.Context, email string) (int64, error) {
	var id sql.NullInt64
	err := t.tx.QueryRowContext(ctx, `SELECT min(id) FROM customers WHERE email = ?`, email).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	t.emails.first[t.emails.hash(email)] = id.Int64 // 0: ask again
	return id.Int64, nil
}
