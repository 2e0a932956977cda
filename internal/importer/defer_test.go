package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"carnet/internal/service"
	"carnet/internal/store"
)

// schema is the database's table and index definitions.
func schema(t *testing.T, svc *service.Service) string {
	t.Helper()
	rows, err := svc.Store.ReadDB().Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sql string
		if err := rows.Scan(&typ, &name, &sql); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, typ, name, sql)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// lowerDeferThreshold makes a small file big enough for im to defer the
// indexes, and counts how often it does.
func lowerDeferThreshold(im *Importer) *int {
	n := new(int)
	im.DeferIndexesFrom = 1000
	im.IndexesDeferred = func() { *n++ }
	return n
}

// A big first import builds the list indexes after its rows: the schema
// ends as it began, the database is sound, and every list order reads the
// rows as the table holds them.
func TestBigImportBuildsListIndexesAfterItsRows(t *testing.T) {
	im, svc := newImporter(t)
	deferred := lowerDeferThreshold(im)
	before := schema(t, svc)
	path := bigCSV(t, 5000)
	res := commit(t, im, request(t, im, path))
	if *deferred != 1 || res.Counts.Created != 5000 {
		t.Fatalf("deferred %d times, counts %+v", *deferred, res.Counts)
	}
	if after := schema(t, svc); after != before {
		t.Errorf("schema changed:\n%s\nwant\n%s", after, before)
	}
	if v, err := svc.Store.IntegrityCheck(context.Background()); err != nil || v != "ok" {
		t.Errorf("integrity: %q, %v", v, err)
	}
	ctx := context.Background()
	for _, sort := range []string{store.SortName, store.SortCode, store.SortCity, store.SortPhone, store.SortBalance} {
		rows, err := svc.Search(ctx, store.Query{Sort: sort, Limit: 5000})
		if err != nil || len(rows) != 5000 {
			t.Fatalf("sort %s: %d rows, %v", sort, len(rows), err)
		}
	}
	// A second import of the same file into what is now a big directory
	// keeps the indexes.
	commit(t, im, request(t, im, path))
	if *deferred != 1 {
		t.Errorf("re-import deferred the indexes")
	}
}

// Cancelled after deferring, or run as a check, an import leaves the
// indexes as they were.
func TestDeferredIndexesSurviveCancelAndCheck(t *testing.T) {
	im, svc := newImporter(t)
	deferred := lowerDeferThreshold(im)
	before := schema(t, svc)
	path := bigCSV(t, 5000)
	req := request(t, im, path)
	if _, err := im.Check(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	req.OnRow = func(rp RowPlan) error {
		if rp.Line == 4000 {
			cancel()
		}
		return nil
	}
	if _, err := im.Commit(ctx, req, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("commit: %v, want cancelled", err)
	}
	if *deferred != 2 {
		t.Errorf("deferred %d times, want 2 (check and import)", *deferred)
	}
	if after := schema(t, svc); after != before {
		t.Errorf("schema changed:\n%s\nwant\n%s", after, before)
	}
	if n := count(t, svc, `SELECT count(*) FROM customers`); n != 0 {
		t.Errorf("%d customers after a cancelled import", n)
	}
}

// Cancel from another goroutine — the wizard's button — reports the cancel
// whatever statement it interrupts, and leaves nothing written.
func TestCancelFromAnotherGoroutineIsReportedAsCancel(t *testing.T) {
	path := bigCSV(t, 6000)
	for run := range 6 {
		im, svc := newImporter(t)
		req := request(t, im, path)
		ctx, cancel := context.WithCancel(context.Background())
		req.OnRow = func(rp RowPlan) error {
			if rp.Line == 2000+run*97 {
				go cancel()
			}
			return nil
		}
		_, err := im.Commit(ctx, req, nil)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("run %d: %v, want the cancel", run, err)
		}
		if n := count(t, svc, `SELECT count(*) FROM customers`); n != 0 {
			t.Fatalf("run %d: %d customers written", run, n)
		}
	}
}

// bigCSV writes the benchmark's realistic file of n customers.
func bigCSV(t *testing.T, n int) string {
	t.Helper()
	path, err := benchCSV(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// An Importer left at its zero threshold uses the default: a first import
// of 5,000 rows keeps the indexes in step.
func TestSmallImportKeepsListIndexesByDefault(t *testing.T) {
	im, _ := newImporter(t)
	deferred := 0
	im.IndexesDeferred = func() { deferred++ }
	res := commit(t, im, request(t, im, bigCSV(t, 5000)))
	if deferred != 0 || res.Counts.Created != 5000 {
		t.Fatalf("deferred %d times, counts %+v", deferred, res.Counts)
	}
}
