package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// The search index of an import's customers is built once they are all in
// (store.DeferSearchIndex): after the import the search finds each of them
// by any part of their text, a check before it left nothing in the index,
// and the import's undo takes them out of it again; the customer from
// before is found all along.
func TestImportIsSearchableAndUndoTakesItOut(t *testing.T) {
	im, svc := newImporter(t)
	lowerDeferThreshold(im)
	ctx := context.Background()
	old := &domain.Customer{Code: "AVANT", LastName: "Ancien", Billing: domain.Address{City: "Pointe-à-Pitre"}}
	if err := svc.CreateCustomer(ctx, old); err != nil {
		t.Fatal(err)
	}
	found := func(text string) int {
		t.Helper()
		n, err := svc.Count(ctx, store.Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Customer CL0001234 of the file (benchRow) and its phone number.
	var number string
	for i, r := 0, benchRand(); i < 1234; i++ {
		number = benchRow(r, i)[6]
	}
	searched := func() (city, mail, code, phone int) {
		return found("pointe-a-pitre"), found("@exemple.fr"), found("CL0001234"), found(number)
	}
	req := request(t, im, bigCSV(t, 3000))
	if _, err := im.Check(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	if city, mail, code, phone := searched(); city != 1 || mail+code+phone != 0 {
		t.Fatalf("after the check the search finds %d, %d, %d, %d, want only the customer from before", city, mail, code, phone)
	}

	res := commit(t, im, req)
	inCity := count(t, svc, `SELECT count(*) FROM customers WHERE city = 'Pointe-à-Pitre'`)
	if city, mail, code, phone := searched(); city != inCity || mail != 3000 || code != 1 || phone != 1 || inCity < 100 {
		t.Errorf("after the import the search finds %d in the city (want %d), %d e-mails (want 3000), %d by code and %d by phone (want 1)",
			city, inCity, mail, code, phone)
	}
	if n := count(t, svc, `SELECT count(*) FROM customer_search_docsize`); n != 3001 {
		t.Errorf("the search index holds %d entries for 3,001 customers", n)
	}

	if _, err := im.Undo(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	if city, mail, code, phone := searched(); city != 1 || mail+code+phone != 0 {
		t.Errorf("after the undo the search finds %d, %d, %d, %d, want only the customer from before", city, mail, code, phone)
	}
	if n := count(t, svc, `SELECT count(*) FROM customer_search_docsize`); n != 1 {
		t.Errorf("the search index holds %d entries after the undo, want 1", n)
	}
}

// A kill -9 while the search index is being built on the side connection,
// or swapped in, leaves the search index as it was: it finds exactly the
// customers from before, and FTS5 finds it sound. The kills fall at
// several moments after the child starts the side build.
func TestKillDuringTheSearchIndexBuildLeavesItAsItWas(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	csvPath, err := benchCSV(t.TempDir(), 30000)
	if err != nil {
		t.Fatal(err)
	}
	for _, after := range []time.Duration{0, 250 * time.Millisecond, 600 * time.Millisecond, 1000 * time.Millisecond} {
		db := filepath.Join(t.TempDir(), "kill.db")
		svc, err := service.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			c := &domain.Customer{Code: fmt.Sprintf("AVANT%d", i), LastName: "Ancien", Billing: domain.Address{City: "Quimperlé"}}
			if err := svc.CreateCustomer(context.Background(), c); err != nil {
				t.Fatal(err)
			}
		}
		svc.Close()
		killAfterDeferral(t, db, csvPath, after)

		svc, err = service.Open(db)
		if err != nil {
			t.Fatalf("reopen after a kill %v in: %v", after, err)
		}
		if _, err := svc.Store.ReadDB().Exec(`INSERT INTO customer_search (customer_search) VALUES ('integrity-check')`); err != nil {
			t.Errorf("kill %v in: search index integrity: %v", after, err)
		}
		customers := count(t, svc, `SELECT count(*) FROM customers`)
		entries := count(t, svc, `SELECT count(*) FROM customer_search_docsize`)
		found, err := svc.Count(context.Background(), store.Query{Text: "quimperle"})
		switch {
		case err != nil:
			t.Errorf("kill %v in: search: %v", after, err)
		case customers == 3 && (entries != 3 || found != 3):
			t.Errorf("kill %v in: the import rolled back, but the search index holds %d entries and finds %d of the 3 customers", after, entries, found)
		case customers != 3 && (customers != 30003 || entries != customers || found != 3):
			t.Errorf("kill %v in: %d customers, %d search entries, %d found of the 3 from before", after, customers, entries, found)
		case customers != 3:
			t.Logf("kill %v in: the import had committed", after)
		}
		svc.Close()
	}
}
