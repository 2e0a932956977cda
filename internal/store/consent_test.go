package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// fileOfSchema3 writes a customer file as Carnet wrote it before the
// consent existed (migrations 001 to 003) holding one customer, C1.
func fileOfSchema3(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "carnet.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{"001_customers.sql", "002_imports.sql", "003_settings.sql"} {
		body, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, q := range []string{"PRAGMA user_version = 3",
		`INSERT INTO customers (code, kind, last_name, sort_name, created_at, updated_at)
			VALUES ('C1', 'person', 'Ancien', 'ancien', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestConsentOfAnOlderFileIsNotAsked: a customer stored before the
// question existed reads as "not asked" once the file is brought up to
// date; an answer is then saved and read back, and the file refuses any
// other value.
func TestConsentOfAnOlderFileIsNotAsked(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(fileOfSchema3(t))
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	load := func() *domain.Customer {
		t.Helper()
		var c *domain.Customer
		if err := s.View(ctx, func(tx *store.Tx) (err error) {
			c, err = tx.CustomerBy(ctx, "code", "C1")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := load()
	if c.MarketingConsent != domain.ConsentUnknown || c.LastName != "Ancien" {
		t.Fatalf("after the migration: consent %q, name %q; want not asked, Ancien", c.MarketingConsent, c.LastName)
	}
	for _, answer := range []domain.Consent{domain.ConsentNo, domain.ConsentYes, domain.ConsentUnknown} {
		c.MarketingConsent = answer
		if err := s.Update(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, c, store.SaveOptions{}) }); err != nil {
			t.Fatal(err)
		}
		if got := load().MarketingConsent; got != answer {
			t.Errorf("saved %q, read back %q", answer, got)
		}
	}
	c.MarketingConsent = "maybe"
	if err := s.Update(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, c, store.SaveOptions{}) }); err == nil {
		t.Error("the file accepted the consent \"maybe\"")
	}
}

// TestNewCustomerKeepsItsConsent: a creation stores the answer whether it
// is bound (yes, no) or left to the column's default (not asked).
func TestNewCustomerKeepsItsConsent(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "carnet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i, answer := range []domain.Consent{domain.ConsentYes, domain.ConsentNo, domain.ConsentUnknown} {
		c := &domain.Customer{Code: "N" + string(rune('1'+i)), Kind: domain.KindPerson, LastName: "Neuf",
			MarketingConsent: answer, CreatedAt: now, UpdatedAt: now}
		err := s.Update(ctx, func(tx *store.Tx) error {
			if err := tx.InsertCustomer(ctx, c, store.SaveOptions{}); err != nil {
				return err
			}
			got, err := tx.CustomerBy(ctx, "id", c.ID)
			if err == nil && got.MarketingConsent != answer {
				t.Errorf("created with %q, read back %q", answer, got.MarketingConsent)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
