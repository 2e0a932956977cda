package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/phone"
	"carnet/internal/service"
	"carnet/internal/store"
	"carnet/internal/testsvc"
)

// storeFloor times the store's own write of the bench file's n customers
// into an empty directory: the bulk path the import takes (queued rows,
// list-order indexes built at the end, the search index built on the
// other core and swapped in), with the customers built by a generator on
// another goroutine, as the import's parse workers would. Reading the
// file, checking, matching and the undo journal are left out, so it is
// the most any import could reach on this stack and schema: the store
// alone, compared with the driver's plain job.
func storeFloor(b *testing.B, dir string, n int) float64 {
	st, err := store.Open(filepath.Join(dir, "floor.db"))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	err = writeFloor(context.Background(), st, n)
	if e := st.Close(); err == nil { // the checkpoint on close counts, as for the imports
		err = e
	}
	if err != nil {
		b.Fatal(err)
	}
	return time.Since(start).Seconds()
}

// writeFloor writes the bench file's first n customers into st the way
// storeFloor times.
func writeFloor(ctx context.Context, st *store.Store, n int) error {
	batches := make(chan []*domain.Customer, 8)
	go func() {
		defer close(batches)
		r := benchRand()
		batch := make([]*domain.Customer, 0, 256)
		for i := range n {
			batch = append(batch, floorCustomer(benchRow(r, i)))
			if len(batch) == cap(batch) || i == n-1 {
				batches <- batch
				batch = make([]*domain.Customer, 0, 256)
			}
		}
	}()
	defer func() {
		for range batches { // an error: let the generator end
		}
	}()
	return st.Update(ctx, func(tx *store.Tx) (err error) {
		if err := tx.BeginBulk(ctx, bulkCacheKiB); err != nil {
			return err
		}
		defer func() {
			if e := tx.EndBulk(ctx, err == nil); err == nil {
				err = e
			}
		}()
		for _, step := range []func(context.Context) error{tx.DeferSearchIndex, tx.DeferSortIndexes, tx.BuildSearchIndexAside} {
			if err := step(ctx); err != nil {
				return err
			}
		}
		for batch := range batches {
			for _, c := range batch {
				if err := tx.QueueCustomer(ctx, c, store.SaveOptions{CreateGroups: true}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// floorCustomer is the customer the import makes of a bench row (the same
// fields, already in their stored forms).
func floorCustomer(cells []string) *domain.Customer {
	c := &domain.Customer{Code: cells[0], Kind: domain.KindPerson, Civility: cells[1], LastName: cells[2], FirstName: cells[3],
		CompanyName: cells[4], Email: cells[5],
		Billing: domain.Address{Line1: cells[7], Postcode: cells[8], City: cells[9], Country: "FR"}}
	if c.CompanyName != "" {
		c.Kind = domain.KindCompany
	}
	if number, msg := (phone.Parser{}).ToE164(cells[6], "FR"); msg == nil {
		c.Phones = []domain.Phone{{Number: number}}
	}
	c.Groups = fieldparse.GroupList(cells[10])
	c.CreditLimit, _, _ = fieldparse.Money(cells[11])
	c.Site.Notes = cells[12]
	return c
}

// The store floor of make bench is only worth printing if it writes what
// the import of the same file writes: the same customers, fields, groups,
// site parts and search entries.
func TestStoreFloorWritesWhatTheImportWrites(t *testing.T) {
	const n = 3000 // the import decides on the bulk path after 8 batches
	dir := t.TempDir()
	csvPath, err := benchCSV(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	im, imported := newImporter(t)
	im.DeferIndexesFrom = 1 // the bulk path, as at a million rows
	deferred := false
	im.IndexesDeferred = func() { deferred = true }
	res := commit(t, im, request(t, im, csvPath))
	if res.Counts.Created != n {
		t.Fatalf("the import created %d customers of %d", res.Counts.Created, n)
	}
	if !deferred {
		t.Fatal("the import did not take the bulk path")
	}
	floor := testsvc.Open(t)
	if err := writeFloor(context.Background(), floor.Store, n); err != nil {
		t.Fatal(err)
	}
	content := func(svc *service.Service) string {
		// The times differ between the two writes, and only the import
		// keeps its batch.
		if err := svc.Store.Update(context.Background(), func(tx *store.Tx) error {
			_, err := tx.SQL().ExecContext(context.Background(), `UPDATE customers SET created_at = '', updated_at = ''`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return dump(t, svc) + searchDump(t, svc)
	}
	sameLines(t, "content", "import", content(imported), "store floor", content(floor))
}

// searchDump is the codes each of a few searches finds.
func searchDump(t *testing.T, svc *service.Service) string {
	t.Helper()
	var b strings.Builder
	for _, text := range []string{"dupont", "elise", "06 1", "lyon", "97110", "sarl", "cl00001", "exemple.fr"} {
		rows, err := svc.Store.Search(context.Background(), store.Query{Text: text, Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%q:", text)
		for _, r := range rows {
			b.WriteString(" " + r.Code)
		}
		b.WriteString("\n")
	}
	return b.String()
}
