// Package service is what the window and the command line share: every
// action on the customer file, taking a context, with the domain's rules
// applied in one place.
package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"carnet/internal/domain"
	"carnet/internal/phone"
	"carnet/internal/store"
)

// Service is an open customer file.
type Service struct {
	Store  *store.Store
	Phones domain.PhoneParser
	// Now is the clock; tests replace it.
	Now func() time.Time
	// operator is who is working, when the settings ask (nil otherwise);
	// the window and the background work read it from several goroutines.
	operator atomic.Pointer[domain.Operator]
}

// Open opens the database at path (created when missing).
func Open(path string) (*Service, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return &Service{Store: st, Phones: phone.Parser{}, Now: time.Now}, nil
}

// Close closes the database.
func (s *Service) Close() error { return s.Store.Close() }

// Path is the customer file's path.
func (s *Service) Path() string { return s.Store.Path }

// DefaultDBPath is the database in the user's configuration folder, unless
// CARNET_DB names another. The default folder is created when missing:
// it is the only place where Carnet makes a folder for a database (a
// mistyped --db or CARNET_DB gets an error instead).
func DefaultDBPath() (string, error) {
	if p := os.Getenv("CARNET_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "Carnet")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return filepath.Join(dir, "carnet.db"), nil
}

// OpenReadOnly opens an existing database to read it only: the commands
// that only read serve a read-only file, or one from a newer Carnet.
func OpenReadOnly(path string) (*Service, error) {
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	return &Service{Store: st, Phones: phone.Parser{}, Now: time.Now}, nil
}

// Customer loads one customer by internal ID.
func (s *Service) Customer(ctx context.Context, id int64) (*domain.Customer, error) {
	var c *domain.Customer
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.CustomerBy(ctx, "id", id)
		return err
	})
	return c, err
}

// CustomerByReference finds the customer whose loyalty card (reference) or
// code is exactly ref: what a barcode scanner types.
func (s *Service) CustomerByReference(ctx context.Context, ref string) (*domain.Customer, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, domain.ErrNotFound
	}
	var c *domain.Customer
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.CustomerBy(ctx, "reference", ref)
		if errors.Is(err, domain.ErrNotFound) {
			c, err = tx.CustomerBy(ctx, "code", ref)
		}
		return err
	})
	return c, err
}

// CreateCustomer checks c, gives it a code when it has none and stores it.
// Groups must exist; the marketing source must be in the managed list.
func (s *Service) CreateCustomer(ctx context.Context, c *domain.Customer) error {
	now := s.Now()
	c.CreatedAt, c.UpdatedAt = now, now
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		rules, err := s.rulesTx(ctx, tx)
		if err != nil {
			return err
		}
		if err := c.NormalizeWith(rules); err != nil {
			return err
		}
		if err := s.checkSharedChange(ctx, tx, nil, c); err != nil {
			return err
		}
		if c.Code == "" {
			codes, err := tx.Codes(ctx)
			if err != nil {
				return err
			}
			if c.Code, err = codes.Next(ctx); err != nil {
				return err
			}
			if err := codes.Save(ctx); err != nil {
				return err
			}
		}
		return tx.InsertCustomer(ctx, c, store.SaveOptions{})
	})
}

// UpdateCustomer checks c and rewrites it. The code stays required on an
// existing customer.
func (s *Service) UpdateCustomer(ctx context.Context, c *domain.Customer) error {
	if c.Code == "" {
		return &domain.ValidationError{Errors: []*domain.FieldError{{Field: "code", Code: "required", Message: domain.Message{
			FR: "Le code client est obligatoire.", EN: "The customer code is required."}}}}
	}
	c.UpdatedAt = s.Now()
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		rules, err := s.rulesTx(ctx, tx)
		if err != nil {
			return err
		}
		if err := c.NormalizeWith(rules); err != nil {
			return err
		}
		old, err := tx.CustomerBy(ctx, "id", c.ID)
		if err != nil {
			return err
		}
		c.CreatedAt = old.CreatedAt
		if err := s.checkSharedChange(ctx, tx, old, c); err != nil {
			return err
		}
		return tx.UpdateCustomer(ctx, c, store.SaveOptions{})
	})
}

// DeleteCustomer deletes a customer on the current site (seed 001). When
// it is on other sites too it stays there; on its last site it is removed
// from the file, and its documents keep its code and name.
func (s *Service) DeleteCustomer(ctx context.Context, id int64) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermDelete); err != nil {
			return err
		}
		c, err := tx.CustomerBy(ctx, "id", id)
		if err != nil {
			return err
		}
		if done, err := s.removeFromCurrentSite(ctx, tx, c); done || err != nil {
			return err
		}
		if err := tx.DeleteCustomer(ctx, id); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalDelete, c.Code, c.Name())
	})
}

// Search returns one window of the customer list.
func (s *Service) Search(ctx context.Context, q store.Query) ([]store.ListRow, error) {
	return s.Store.Search(ctx, q)
}

// Count returns how many customers match q.
func (s *Service) Count(ctx context.Context, q store.Query) (int, error) {
	return s.Store.Count(ctx, q)
}

// SearchCustomers returns the full records of the customers matching q's
// window, for the command line's JSON.
func (s *Service) SearchCustomers(ctx context.Context, q store.Query) ([]*domain.Customer, error) {
	rows, err := s.Store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]*domain.Customer, 0, len(rows))
	err = s.Store.View(ctx, func(tx *store.Tx) error {
		for _, r := range rows {
			c, err := tx.CustomerBy(ctx, "id", r.ID)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// Position returns where customer id stands in the list q describes, and
// false when q does not list it.
func (s *Service) Position(ctx context.Context, q store.Query, id int64) (int, bool, error) {
	return s.Store.Position(ctx, q, id)
}

// EachCustomer calls fn with every customer q lists, whole, in q's order,
// from one consistent read (exports).
func (s *Service) EachCustomer(ctx context.Context, q store.Query, fn func(*domain.Customer) error) error {
	return s.Store.EachCustomer(ctx, q, fn)
}
