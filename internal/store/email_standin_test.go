package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/domain"
)

// While a bulk write has the e-mail index dropped, a lookup by e-mail
// gives what the index would: the smallest ID holding the address, through
// creations (queued and one at a time), changes of address, deletions and
// stale or colliding entries in the stand-in; the commit builds the index
// again.
func TestEmailLookupsWhileTheIndexIsDropped(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
	pool := make([]string, 40) // few addresses, many holders each
	for i := range pool {
		pool[i] = fmt.Sprintf("contact%d@exemple.fr", i)
	}
	pool[0] = ""
	rng := rand.New(rand.NewPCG(5, 6))
	code := 0
	newCustomer := func() *domain.Customer {
		code++
		return &domain.Customer{Code: fmt.Sprintf("E%05d", code), Kind: domain.KindPerson, LastName: "Martin",
			Email: pool[rng.IntN(len(pool))], CreatedAt: at, UpdatedAt: at}
	}
	opt := SaveOptions{}
	err = s.Update(ctx, func(tx *Tx) error {
		for range 30 { // the directory before the import
			if err := tx.InsertCustomer(ctx, newCustomer(), opt); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	emailIndexed := func(tx *Tx) bool {
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = ?`, emailIndex).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	err = s.Update(ctx, func(tx *Tx) error {
		if err := tx.BeginBulk(ctx, 8<<10); err != nil {
			return err
		}
		if err := tx.DeferSortIndexes(ctx); err != nil {
			return err
		}
		if emailIndexed(tx) || tx.emails == nil {
			t.Fatal("the e-mail index is not deferred")
		}
		for step := range 800 {
			if err := emailStep(ctx, tx, rng, pool, newCustomer, opt); err != nil {
				return fmt.Errorf("step %d: %w", step, err)
			}
			if step%5 == 0 {
				if err := compareEmailLookups(ctx, t, tx, pool[1:], step); err != nil {
					return err
				}
			}
		}
		return tx.EndBulk(ctx, true)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(ctx, func(tx *Tx) error {
		if !emailIndexed(tx) {
			t.Error("the e-mail index was not built again at the commit")
		}
		return compareEmailLookups(ctx, t, tx, pool[1:], -1)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// emailStep makes one random change of the customers' e-mails.
func emailStep(ctx context.Context, tx *Tx, rng *rand.Rand, pool []string, newCustomer func() *domain.Customer, opt SaveOptions) error {
	var maxID int64
	if err := tx.WriteQueued(ctx); err != nil {
		return err
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT max(id) FROM customers`).Scan(&maxID); err != nil {
		return err
	}
	someone := func() (*domain.Customer, error) {
		for {
			c, err := tx.CustomerBy(ctx, "id", 1+rng.Int64N(maxID))
			if !errors.Is(err, domain.ErrNotFound) {
				return c, err
			}
		}
	}
	switch op := rng.IntN(10); {
	case op < 5:
		return tx.QueueCustomer(ctx, newCustomer(), opt)
	case op == 5:
		return tx.InsertCustomer(ctx, newCustomer(), opt)
	case op < 8: // a new address, or none
		c, err := someone()
		if err != nil {
			return err
		}
		c.Email = pool[rng.IntN(len(pool))]
		return tx.UpdateCustomer(ctx, c, opt)
	case op == 8:
		c, err := someone()
		if err != nil {
			return err
		}
		return tx.DeleteCustomer(ctx, c.ID)
	default: // an entry pointing at a customer holding another address (a hash shared by two), or "ask the table"
		email := pool[1+rng.IntN(len(pool)-1)]
		c, err := someone()
		if err != nil {
			return err
		}
		if c.Email == email || rng.IntN(3) == 0 {
			tx.emails.first[tx.emails.hash(email)] = 0
		} else {
			tx.emails.first[tx.emails.hash(email)] = c.ID
		}
		return nil
	}
}

// compareEmailLookups checks IDsByKey and CustomerBy by e-mail against the
// table read in full.
func compareEmailLookups(ctx context.Context, t *testing.T, tx *Tx, emails []string, step int) error {
	if err := tx.WriteQueued(ctx); err != nil {
		return err
	}
	want := map[string]int64{}
	rows, err := tx.tx.QueryContext(ctx, `SELECT id, email FROM customers ORDER BY id DESC`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			rows.Close()
			return err
		}
		want[email] = id // the smallest last
	}
	rows.Close()
	values := make([]any, len(emails))
	for i, e := range emails {
		values[i] = e
	}
	got, err := tx.IDsByKey(ctx, "email", values)
	if err != nil {
		return err
	}
	for _, e := range emails {
		if got[e] != want[e] {
			t.Errorf("step %d: IDsByKey(email %s) = %d, the table says %d", step, e, got[e], want[e])
		}
		c, err := tx.CustomerBy(ctx, "email", e)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			if want[e] != 0 {
				t.Errorf("step %d: CustomerBy(email %s) found none, the table says %d", step, e, want[e])
			}
		case err != nil:
			return err
		case c.ID != want[e]:
			t.Errorf("step %d: CustomerBy(email %s) = %d, the table says %d", step, e, c.ID, want[e])
		}
	}
	if t.Failed() {
		return errors.New("lookups differ")
	}
	return nil
}
