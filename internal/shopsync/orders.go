package shopsync

import (
	"context"
	"errors"
	"fmt"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// recordOrders records, in the import's transaction, every web customer's
// orders as documents of the customer they go to: the one found by email
// (when the settings look there first), the one the sync created or
// updated, or the catch-all customer. A document already recorded (same
// customer, number and total: the same export synced twice) is not
// recorded again. batch tags them for undo (0 in a dry run, which rolls
// back).
func (s *Syncer) recordOrders(ctx context.Context, tx *store.Tx, set Settings, items []*planned, batch int64) error {
	var catchAll *domain.Customer
	if set.AccountMode == AccountCatchAll {
		c, err := tx.CustomerBy(ctx, "code", set.CatchAllCode)
		if errors.Is(err, domain.ErrNotFound) {
			return errCatchAllMissing(set.CatchAllCode)
		}
		if err != nil {
			return err
		}
		catchAll = c
	}
	for _, it := range items {
		if it.row.Action == ActionRefuse {
			continue
		}
		target, why, err := s.targetOf(ctx, tx, set, it, catchAll)
		if err != nil {
			return err
		}
		if target == nil {
			continue
		}
		if catchAll != nil {
			it.row.Action, it.row.Why, it.row.Code = ActionAttach, why, target.Code
		}
		for _, o := range it.web.Orders {
			recorded, err := s.recordOrder(ctx, tx, target, it.web, o, batch)
			if err != nil {
				return err
			}
			if recorded {
				it.row.Orders++
			}
		}
		if it.row.Orders > 0 && it.row.Action == ActionUnchanged {
			it.row.Action = ActionAttach
		}
	}
	return nil
}

// targetOf is the customer a web customer's orders go to, and why.
func (s *Syncer) targetOf(ctx context.Context, tx *store.Tx, set Settings, it *planned, catchAll *domain.Customer) (*domain.Customer, domain.Message, error) {
	if set.EmailFirst && it.web.Email != "" {
		c, err := tx.CustomerBy(ctx, "email", it.web.Email)
		if err == nil {
			return c, domain.Message{FR: "même e-mail", EN: "same email"}, nil
		}
		if !errors.Is(err, domain.ErrNotFound) {
			return nil, domain.Message{}, err
		}
	}
	if catchAll != nil {
		return catchAll, domain.Message{FR: "compte client unique", EN: "single customer account"}, nil
	}
	if it.code == "" {
		return nil, domain.Message{}, nil
	}
	c, err := tx.CustomerBy(ctx, "code", it.code)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, domain.Message{}, nil // its row was refused by the import
	}
	return c, domain.Message{FR: "même code client", EN: "same customer code"}, err
}

// recordOrder records one order (or a summary of several) unless it is
// already there.
func (s *Syncer) recordOrder(ctx context.Context, tx *store.Tx, c *domain.Customer, w WebCustomer, o Order, batch int64) (bool, error) {
	number := o.Number
	switch {
	case number != "":
	case o.Count <= 1 && !o.Date.IsZero():
		// An order the shop gives no number (WooCommerce subscriptions):
		// its day tells it from the customer's other orders.
		number = fmt.Sprintf("Boutique, client %s : commande du %s", w.ShopID, o.Date.Format("02/01/2006"))
	default:
		// A summary of the export's counts: "Boutique, client 42 : 3
		// commande(s)"; its total tells one summary from the next.
		number = fmt.Sprintf("Boutique, client %s : %d commande(s)", w.ShopID, max(o.Count, 1))
	}
	exists, err := tx.DocumentExists(ctx, c.ID, "order", number, o.Total)
	if err != nil || exists {
		return false, err
	}
	date := o.Date
	if date.IsZero() {
		date = s.svc.Now()
	}
	d := &domain.Document{CustomerID: c.ID, CustomerCode: c.Code, CustomerName: c.Name(), Kind: "order",
		Number: number, Date: date, Total: o.Total}
	return true, tx.AddImportDocument(ctx, d, batch)
}
