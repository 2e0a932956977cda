package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"carnet/internal/store"
)

// TestFileFromBeforeSitesOpensOnTheMainSite: a file written by the schema
// before sites (005) opens with every customer on the main site, its notes
// and language now the main site's own, and nothing lost.
func TestFileFromBeforeSitesOpensOnTheMainSite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "carnet.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"001_customers.sql", "002_imports.sql", "003_settings.sql", "004_consent.sql", "005_document_imports.sql"} {
		q, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(q)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, q := range []string{"PRAGMA user_version = 5",
		`INSERT INTO customers (code, kind, last_name, company_name, notes, language, credit_hold, credit_hold_reason, country, sort_name, created_at, updated_at) VALUES
			('C1', 'company', '', 'Les vélos Durand', 'Livrer le matin', 'fr', 1, 'Impayé mars', 'FR', 'les velos durand', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z'),
			('C2', 'person', 'Martin', '', '', 'Breton', 0, '', 'BE', 'martin', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')`,
		`INSERT INTO customer_search (rowid, doc) SELECT id, lower(code) FROM customers`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	err = s.View(ctx, func(tx *store.Tx) error {
		sites, err := tx.Sites(ctx, true)
		if err != nil {
			return err
		}
		if len(sites) != 1 || !sites[0].Main || sites[0].Customers != 2 {
			t.Errorf("sites after the migration: %+v", sites)
		}
		for _, want := range []struct{ code, notes, language, reason string }{
			{"C1", "Livrer le matin", "fr", "Impayé mars"}, {"C2", "", "Breton", ""}} {
			c, err := tx.CustomerBy(ctx, "code", want.code)
			if err != nil {
				return err
			}
			if !c.Site.Present || c.Site.Site != sites[0].Code || c.Site.Notes != want.notes ||
				c.Site.Language != want.language || c.CreditHoldReason != want.reason {
				t.Errorf("%s after the migration: site %+v, hold reason %q", want.code, c.Site, c.CreditHoldReason)
			}
		}
		// The values the file held stay valid on the main site.
		lists, err := tx.SiteListValues(ctx, sites[0].ID)
		if err != nil {
			return err
		}
		c2, _ := tx.CustomerBy(ctx, "code", "C2")
		c1, _ := tx.CustomerBy(ctx, "code", "C1")
		if errs := lists.CheckCustomer(c2); len(errs) != 0 {
			t.Errorf("C2's language refused after the migration: %v", errs[0])
		}
		if errs := lists.CheckCustomer(c1); len(errs) != 0 {
			t.Errorf("C1's hold reason refused after the migration: %v", errs[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.IntegrityCheck(ctx); v != "ok" {
		t.Errorf("integrity check: %s", v)
	}
}
