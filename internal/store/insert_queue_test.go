package store_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Queued customers read back exactly as inserted ones do, whatever columns
// each fills and whichever write comes between: the queue is written in
// multi-row statements, one per column set, when it fills, when a read
// needs it (CustomerBy here) and at the commit.
func TestQueuedCustomersReadBackAsInserted(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fields := scalarFields()
	rng := rand.New(rand.NewPCG(3, 4))
	var wants []*domain.Customer
	for n := range 700 { // more than two full queues
		var set []string
		for _, f := range fields {
			if rng.IntN(4) == 0 {
				set = append(set, f)
			}
		}
		c := customerWith(n, set)
		if n%3 == 0 {
			c.Groups = []string{"VIP"}
		}
		wants = append(wants, c)
	}
	opt := store.SaveOptions{CreateGroups: true, CreateSources: true}
	var ids []int64
	err = st.Update(ctx, func(tx *store.Tx) error {
		for n, want := range wants {
			c := *want
			insert := tx.QueueCustomer
			if n%97 == 0 {
				insert = tx.InsertCustomer // one at a time, between queued ones
			}
			if err := insert(ctx, &c, opt); err != nil {
				return err
			}
			ids = append(ids, c.ID)
			if n == 400 { // a read in the middle sees the queued customers
				got, err := tx.CustomerBy(ctx, "code", wants[399].Code)
				if err != nil || got.ID != ids[399] {
					t.Errorf("customer 399 read while queued: %+v, %v", got, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for n, id := range ids {
		if n > 0 && id != ids[n-1]+1 {
			t.Fatalf("IDs not in insertion order: %d then %d", ids[n-1], id)
		}
	}
	err = st.View(ctx, func(tx *store.Tx) error {
		for n, want := range wants {
			got, err := tx.CustomerBy(ctx, "id", ids[n])
			if err != nil {
				return err
			}
			want.ID = ids[n]
			want.Site.Site, want.Site.Present = "PRINCIPAL", true
			want.Discount = domain.Applicable{}
			if want.DiscountSales > 0 {
				want.Discount = domain.Applicable{Percent: want.DiscountSales, Source: domain.DiscountOwn}
			} else if len(want.Groups) > 0 {
				want.Discount = got.Discount // the group's, 0 %: not what this test is about
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("customer %d:\n got %+v\nwant %+v", n, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A queued customer is seen by the lookups an import makes (by key, by
// count) before anything else is written, and a rolled-back transaction
// leaves none of the queue behind; the next customer takes the next free
// number.
func TestQueuedCustomersSeenByLookupsAndRolledBack(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := store.SaveOptions{}
	first := customerWith(1, []string{"Email"})
	if err := st.Update(ctx, func(tx *store.Tx) error { return tx.InsertCustomer(ctx, first, opt) }); err != nil {
		t.Fatal(err)
	}
	rollback := errors.New("rollback")
	err = st.Update(ctx, func(tx *store.Tx) error {
		c := customerWith(2, nil)
		c.Email = "second@example.com"
		if err := tx.QueueCustomer(ctx, c, opt); err != nil {
			return err
		}
		found, err := tx.IDsByKey(ctx, "email", []any{c.Email})
		if err != nil || found[c.Email] != c.ID {
			t.Errorf("IDsByKey after queueing: %v, %v (want %d)", found, err, c.ID)
		}
		if n, err := tx.CustomerCount(ctx); err != nil || n != 2 {
			t.Errorf("count with one queued: %d, %v", n, err)
		}
		if err := tx.QueueCustomer(ctx, customerWith(3, nil), opt); err != nil {
			return err
		}
		return rollback // the third is still queued: it must not be written
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("update: %v", err)
	}
	if n := countCustomers(t, st); n != 1 {
		t.Fatalf("%d customers after the rollback, want 1", n)
	}
	var next *domain.Customer
	err = st.Update(ctx, func(tx *store.Tx) error {
		next = customerWith(4, nil)
		return tx.QueueCustomer(ctx, next, opt)
	})
	if err != nil || next.ID != first.ID+1 { // the rollback gave the numbers back

		t.Fatalf("next customer: ID %d, %v", next.ID, err)
	}
	if n := countCustomers(t, st); n != 2 {
		t.Errorf("%d customers after a queued one was committed, want 2", n)
	}
}

// A caller that queues a code already taken breaks QueueCustomer's promise:
// the duplicate is found when the queue is written, and the whole
// transaction fails with the duplicate-code error, storing nothing.
func TestQueuedDuplicateCodeFailsTheTransaction(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Update(ctx, func(tx *store.Tx) error {
		for _, n := range []int{1, 2, 1} {
			if err := tx.QueueCustomer(ctx, customerWith(n, nil), store.SaveOptions{}); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, domain.ErrDuplicateCode) {
		t.Fatalf("err = %v, want the duplicate code", err)
	}
	if n := countCustomers(t, st); n != 0 {
		t.Errorf("%d customers stored, want none", n)
	}
}

func countCustomers(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.ReadDB().QueryRow(`SELECT count(*) FROM customers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
