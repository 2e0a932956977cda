package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"carnet/internal/domain"
)

// searchWorld is a customer file with a searched custom field and one
// customer from before the bulk write.
func searchWorld(t *testing.T) (*Store, int64) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var before int64
	err = s.Update(ctx, func(tx *Tx) error {
		if _, err := tx.SaveCustomField(ctx, domain.CustomField{Name: "Couleur", Type: domain.CustomText}); err != nil {
			return err
		}
		c := searchCustomer(0)
		if err := tx.InsertCustomer(ctx, c, SaveOptions{}); err != nil {
			return err
		}
		before = c.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, before
}

// searchCustomer is customer n, with every kind of text the search finds.
func searchCustomer(n int) *domain.Customer {
	at := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	c := &domain.Customer{Code: fmt.Sprintf("S%04d", n), Kind: domain.KindPerson, LastName: fmt.Sprintf("Lefèvre%d", n),
		FirstName: "Zoé", Email: fmt.Sprintf("zoe.%d@exemple.fr", n), Reference: fmt.Sprintf("REF%d", n),
		Phones:  []domain.Phone{{Number: fmt.Sprintf("+336%08d", 12345000+n)}},
		Billing: domain.Address{City: "Pointe-à-Pitre", Postcode: "97110"},
		Custom:  map[string]string{"Couleur": fmt.Sprintf("turquoise%d", n)}, CreatedAt: at, UpdatedAt: at}
	if n%2 == 1 {
		c.Kind, c.CompanyName, c.SIRET = domain.KindCompany, fmt.Sprintf("Société %d", n), "73282932000074"
	}
	c.Archived, c.Supplier = n%3 == 1, n%4 == 1
	return c
}

// How a bulk write indexes its customers for search.
type indexing int

const (
	rowByRow     indexing = iota
	deferred              // DeferSearchIndex
	thenAside             // DeferSearchIndex, then BuildSearchIndexAside after a few rows
	asideAtFirst          // BuildSearchIndexAside before any row
	asideFailing          // BuildSearchIndexAside, whose side connection then fails
)

// bulkEdits writes, in one bulk transaction indexing as how says, what an
// import may do: creations, an update of the customer from before, a
// customer created then changed, another created then deleted, and one
// more created. It returns fail's error, or the commit's.
func bulkEdits(s *Store, before int64, how indexing, fail error) error {
	ctx := context.Background()
	return s.Update(ctx, func(tx *Tx) (err error) {
		if err := tx.BeginBulk(ctx, 8<<10); err != nil {
			return err
		}
		defer func() {
			if e := tx.EndBulk(ctx, err == nil); err == nil {
				err = e
			}
		}()
		if how == deferred || how == thenAside {
			if err := tx.DeferSearchIndex(ctx); err != nil {
				return err
			}
		}
		if how == asideAtFirst || how == asideFailing {
			if err := tx.BuildSearchIndexAside(ctx); err != nil {
				return err
			}
		}
		if how == asideFailing {
			tx.aside.ins.Close() // its next document fails
		}
		for n := 1; n <= 8; n++ {
			if err := tx.InsertCustomer(ctx, searchCustomer(n), SaveOptions{}); err != nil {
				return err
			}
			if n == 4 && how == thenAside {
				if err := tx.BuildSearchIndexAside(ctx); err != nil {
					return err
				}
			}
		}
		old, err := tx.CustomerBy(ctx, "id", before)
		if err != nil {
			return err
		}
		old.LastName, old.Phones = "Ancien-Renommé", []domain.Phone{{Number: "+33298765432"}}
		if err := tx.UpdateCustomer(ctx, old, SaveOptions{}); err != nil {
			return err
		}
		changed := searchCustomer(9)
		if err := tx.InsertCustomer(ctx, changed, SaveOptions{}); err != nil {
			return err
		}
		changed.LastName, changed.Billing.City = "Changé", "Quimper"
		if err := tx.UpdateCustomer(ctx, changed, SaveOptions{}); err != nil {
			return err
		}
		gone := searchCustomer(10)
		if err := tx.InsertCustomer(ctx, gone, SaveOptions{}); err != nil {
			return err
		}
		if err := tx.DeleteCustomer(ctx, gone.ID); err != nil {
			return err
		}
		// Last, a creation: FTS5 still holds it in memory at the end.
		if err := tx.InsertCustomer(ctx, searchCustomer(11), SaveOptions{}); err != nil {
			return err
		}
		return fail
	})
}

// searchQueries are searches over every part of the search text and its
// flags.
var searchQueries = []Query{
	{Text: "lefevre"}, {Text: "lefèvre3"}, {Text: "zoé"}, {Text: "zoe.5@"}, {Text: "S0007"}, {Text: "ref4"},
	{Text: "06 12 34 50 02"}, {Text: "+33612345006"}, {Text: "pointe-a-pitre"}, {Text: "97110"}, {Text: "turquoise"},
	{Text: "turquoise8"}, {Text: "société"}, {Text: "73282932"}, {Text: "ancien-renommé"}, {Text: "02 98 76"},
	{Text: "changé"}, {Text: "quimper"}, {Text: "zoé", Kind: domain.KindCompany}, {Text: "zoé", Kind: domain.KindPerson},
	{Text: "zoé", Archived: FilterYes}, {Text: "zoé", Archived: FilterNo}, {Text: "zoé", Supplier: FilterYes},
}

// found runs every search query and returns the codes each finds.
func found(t *testing.T, s *Store) [][]string {
	t.Helper()
	var out [][]string
	for _, q := range searchQueries {
		q.Limit = 100
		rows, err := s.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, r := range rows {
			codes = append(codes, r.Code)
		}
		slices.Sort(codes)
		out = append(out, codes)
	}
	return out
}

// searchIndexSound fails unless FTS5 finds its index sound and it holds
// exactly one entry per customer.
func searchIndexSound(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.write.Exec(`INSERT INTO customer_search (customer_search) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("search index integrity: %v", err)
	}
	var missing, extra int
	if err := s.read.QueryRow(`SELECT
		(SELECT count(*) FROM customers WHERE id NOT IN (SELECT id FROM customer_search_docsize)),
		(SELECT count(*) FROM customer_search_docsize WHERE id NOT IN (SELECT id FROM customers))`).Scan(&missing, &extra); err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 {
		t.Errorf("search index: %d customers missing, %d entries without a customer", missing, extra)
	}
	// Every customer has "97110" in its text: the index finds each once.
	var matches, customers int
	if err := s.read.QueryRow(`SELECT (SELECT count(*) FROM customer_search WHERE customer_search MATCH '"97110"'),
		(SELECT count(*) FROM customers)`).Scan(&matches, &customers); err != nil {
		t.Fatal(err)
	}
	if matches != customers {
		t.Errorf("the search index finds %d entries for %d customers", matches, customers)
	}
}

// editAfter changes, after the bulk write, on the same connection, the
// customer from before and one the bulk write created, and deletes
// another: the search index must take these writes as usual.
func editAfter(t *testing.T, s *Store, before int64) {
	t.Helper()
	ctx := context.Background()
	err := s.Update(ctx, func(tx *Tx) error {
		for _, id := range []int64{before, before + 3} {
			c, err := tx.CustomerBy(ctx, "id", id)
			if err != nil {
				return err
			}
			c.LastName, c.Billing.City = "Après", "Quimper"
			if err := tx.UpdateCustomer(ctx, c, SaveOptions{}); err != nil {
				return err
			}
		}
		return tx.DeleteCustomer(ctx, before+5)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The search entries a bulk write defers and builds at the end, or builds
// on a second connection and swaps in (or, that connection failing,
// builds here at the end), find what entries written row by row find,
// over every part of the search text, the custom fields and the flags —
// customers changed or deleted during the bulk write included; and the
// index takes the writes that follow as usual.
func TestDeferredSearchIndexFindsWhatRowByRowFinds(t *testing.T) {
	reference, before := searchWorld(t)
	if err := bulkEdits(reference, before, rowByRow, nil); err != nil {
		t.Fatal(err)
	}
	want := found(t, reference)
	if len(want[0]) != 9 {
		t.Fatalf("search %q finds %v: the test's customers are not what it thinks", searchQueries[0].Text, want[0])
	}
	editAfter(t, reference, before)
	wantAfter := found(t, reference)
	for _, how := range []indexing{deferred, thenAside, asideAtFirst, asideFailing} {
		s, before := searchWorld(t)
		if err := bulkEdits(s, before, how, nil); err != nil {
			t.Fatal(err)
		}
		for i, got := range found(t, s) {
			if !slices.Equal(got, want[i]) {
				t.Errorf("indexing %d: search %+v finds %v, row by row %v", how, searchQueries[i], got, want[i])
			}
		}
		searchIndexSound(t, s)
		editAfter(t, s, before)
		for i, got := range found(t, s) {
			if !slices.Equal(got, wantAfter[i]) {
				t.Errorf("indexing %d, after more writes: search %+v finds %v, row by row %v", how, searchQueries[i], got, wantAfter[i])
			}
		}
		searchIndexSound(t, s)
	}
}

// A bulk write that fails after deferring leaves the search index as it
// was: only the customer from before is found, under its old name.
func TestDeferredSearchIndexRollsBack(t *testing.T) {
	for _, how := range []indexing{deferred, thenAside, asideAtFirst} {
		s, before := searchWorld(t)
		boom := errors.New("boom")
		if err := bulkEdits(s, before, how, boom); !errors.Is(err, boom) {
			t.Fatalf("bulk write: %v, want boom", err)
		}
		got := found(t, s)
		if !slices.Equal(got[2], []string{"S0000"}) || len(got[14]) != 0 {
			t.Errorf("indexing %d: after a rollback the search finds %v by first name and %v by the rolled-back name", how, got[2], got[14])
		}
		searchIndexSound(t, s)
		// The next bulk write, on the same connection, indexes as it should.
		if err := bulkEdits(s, before, how, nil); err != nil {
			t.Fatal(err)
		}
		if got := found(t, s); len(got[0]) != 9 || !slices.Equal(got[14], []string{"S0000"}) {
			t.Errorf("indexing %d: after the next bulk write: %v by name, %v by the new name", how, got[0], got[14])
		}
		searchIndexSound(t, s)
	}
}

// The index built on the side connection is merged into one segment before
// it is swapped in, however many segments the documents made (a tiny hash
// here: one per customer or so), so that searches after a big import read
// one segment.
func TestSideIndexComesInOneSegment(t *testing.T) {
	defer func(old int) { asideHashSize = old }(asideHashSize)
	asideHashSize = 64
	for _, how := range []indexing{thenAside, asideAtFirst} {
		s, before := searchWorld(t)
		if err := bulkEdits(s, before, how, nil); err != nil {
			t.Fatal(err)
		}
		var segments int
		if err := s.read.QueryRow(`SELECT count(DISTINCT segid) FROM customer_search_idx`).Scan(&segments); err != nil {
			t.Fatal(err)
		}
		if segments != 1 {
			t.Errorf("indexing %d: the search index has %d segments after the bulk write, want 1", how, segments)
		}
		if got := found(t, s); len(got[0]) != 9 {
			t.Errorf("indexing %d: search %q finds %v", how, searchQueries[0].Text, got[0])
		}
		searchIndexSound(t, s)
	}
}
