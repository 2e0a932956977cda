package service

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// CustomerOnSites loads a customer as each site it is on sees it: the same
// shared record, each site's own part. The main site comes first.
func (s *Service) CustomerOnSites(ctx context.Context, id int64) ([]*domain.Customer, error) {
	var out []*domain.Customer
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		sites, err := tx.SitesOf(ctx, id)
		if err != nil {
			return err
		}
		current := tx.SiteID()
		defer tx.OnSite(current)
		for _, site := range sites {
			tx.OnSite(site)
			c, err := tx.CustomerBy(ctx, "id", id)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// CustomerByCodeForSite finds a customer by code to add it to the current
// site: its shared fields filled, its site part empty and not yet present
// when it is not on the site (seed 001: "importées par défaut").
func (s *Service) CustomerByCodeForSite(ctx context.Context, code string) (*domain.Customer, error) {
	var c *domain.Customer
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.CustomerBy(ctx, "code", strings.TrimSpace(code))
		return err
	})
	return c, err
}

// AddToSites puts a customer on each of the sites (codes) it is not on yet,
// with an empty site part, and returns how many it was added to.
func (s *Service) AddToSites(ctx context.Context, id int64, codes []string) (int, error) {
	added := 0
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		c, err := tx.CustomerBy(ctx, "id", id)
		if err != nil {
			return err
		}
		for _, code := range codes {
			site, err := tx.SiteByCode(ctx, code)
			if err != nil {
				return err
			}
			ok, err := tx.LinkCustomer(ctx, id, site.ID)
			if err != nil {
				return err
			}
			if ok {
				added++
				if err := s.Record(ctx, tx, domain.JournalSites, c.Code, domain.JournalDetail(domain.Message{
					FR: "Ajouté au site " + site.Code, EN: "Added to site " + site.Code})); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return added, err
}

// CustomerSites lists the sites a customer is on.
func (s *Service) CustomerSites(ctx context.Context, id int64) ([]domain.Site, error) {
	var out []domain.Site
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		ids, err := tx.SitesOf(ctx, id)
		if err != nil {
			return err
		}
		for _, sid := range ids {
			site, err := tx.SiteByID(ctx, sid)
			if err != nil {
				return err
			}
			out = append(out, site)
		}
		return nil
	})
	return out, err
}

// removeFromCurrentSite takes customer c off the transaction's site when
// it is on another one too, and reports whether it did; otherwise the
// caller deletes the customer whole.
func (s *Service) removeFromCurrentSite(ctx context.Context, tx *store.Tx, c *domain.Customer) (bool, error) {
	sites, err := tx.SitesOf(ctx, c.ID)
	if err != nil {
		return false, err
	}
	if len(sites) < 2 || !slices.Contains(sites, tx.SiteID()) {
		return false, nil
	}
	if _, err := tx.UnlinkCustomer(ctx, c.ID, tx.SiteID()); err != nil {
		return false, err
	}
	site, err := tx.SiteByID(ctx, tx.SiteID())
	if err != nil {
		return false, err
	}
	return true, s.Record(ctx, tx, domain.JournalUnlink, c.Code, domain.JournalDetail(domain.Message{
		FR: c.Name() + " retiré du site " + site.Code, EN: c.Name() + " taken off site " + site.Code}))
}

// Subordinates lists the customers attached to a buying group.
func (s *Service) Subordinates(ctx context.Context, buyingGroupID int64) ([]store.ListRow, error) {
	return s.Store.Search(ctx, store.Query{BuyingGroupOf: buyingGroupID, Limit: 10000})
}

// checkSharedChange refuses what the shared record may not become: an EU
// VAT number changed while the EU declaration is off, and a buying group
// unmarked while customers are attached to it.
func (s *Service) checkSharedChange(ctx context.Context, tx *store.Tx, old, c *domain.Customer) error {
	st, err := tx.Settings(ctx)
	if err != nil {
		return err
	}
	oldVAT := ""
	if old != nil {
		oldVAT = old.VATNumber
	}
	if !st.EUDeclaration && c.VATNumber != oldVAT {
		return domain.ErrEUDeclarationOff
	}
	if old != nil && old.IsBuyingGroup && !c.IsBuyingGroup {
		n, err := tx.SubordinateCount(ctx, c.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			return &domain.FieldError{Field: "is_buying_group", Code: "buying_group_has_members", Message: domain.Message{
				FR: "Ce client reste une centrale d’achat tant que des clients y sont rattachés (" + strconv.Itoa(n) + ") : détachez-les d’abord (Actions › Clients subordonnés).",
				EN: "This customer stays a buying group while customers are attached to it (" + strconv.Itoa(n) + "): detach them first (Actions › Subordinate customers)."}}
		}
	}
	return nil
}
