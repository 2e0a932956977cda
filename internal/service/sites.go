package service

import (
	"context"
	"fmt"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Sites lists the sites, the main one first, with how many customers each
// has.
func (s *Service) Sites(ctx context.Context) ([]domain.Site, error) {
	var out []domain.Site
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Sites(ctx, true)
		return err
	})
	return out, err
}

// SiteCodes lists the sites without counting their customers: what the
// window's site choice needs on every refresh.
func (s *Service) SiteCodes(ctx context.Context) ([]domain.Site, error) {
	var out []domain.Site
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Sites(ctx, false)
		return err
	})
	return out, err
}

// CurrentSite is the site the service reads and writes customers' site
// parts for.
func (s *Service) CurrentSite(ctx context.Context) (domain.Site, error) {
	var site domain.Site
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		site, err = tx.SiteByID(ctx, tx.SiteID())
		return err
	})
	return site, err
}

// UseSite makes the site with code current; remember also saves it as the
// site the window opens on next time.
func (s *Service) UseSite(ctx context.Context, code string, remember bool) (domain.Site, error) {
	var site domain.Site
	find := func(tx *store.Tx) (err error) {
		site, err = tx.SiteByCode(ctx, strings.TrimSpace(code))
		return err
	}
	var err error
	if remember {
		err = s.Store.Update(ctx, func(tx *store.Tx) error {
			if err := find(tx); err != nil {
				return err
			}
			return tx.SaveSite(ctx, site.Code)
		})
	} else {
		err = s.Store.View(ctx, find)
	}
	if err != nil {
		return site, err
	}
	s.Store.SetSite(site.ID)
	return site, nil
}

// UseSavedSite makes current the site the window last worked on, when it
// still exists (else the main site stays current).
func (s *Service) UseSavedSite(ctx context.Context) (domain.Site, error) {
	var code string
	if err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		code, err = tx.SavedSite(ctx)
		return err
	}); err != nil {
		return domain.Site{}, err
	}
	if code != "" {
		if site, err := s.UseSite(ctx, code, false); err == nil {
			return site, nil
		}
	}
	return s.CurrentSite(ctx)
}

// AddSite creates a site; its lists start as copies of the main site's.
func (s *Service) AddSite(ctx context.Context, code, name string, main bool) (domain.Site, error) {
	code, name, fe := domain.CheckSite(code, name)
	if fe != nil {
		return domain.Site{}, fe
	}
	var site domain.Site
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		id, err := tx.AddSite(ctx, code, name, main)
		if err != nil {
			return err
		}
		if site, err = tx.SiteByID(ctx, id); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSites, code, domain.JournalDetail(domain.Message{
			FR: "Site ajouté : " + name, EN: "Site added: " + name}))
	})
	return site, err
}

// RenameSite changes a site's code and name.
func (s *Service) RenameSite(ctx context.Context, id int64, code, name string) error {
	code, name, fe := domain.CheckSite(code, name)
	if fe != nil {
		return fe
	}
	return s.changeSite(ctx, id, func(tx *store.Tx, old domain.Site) (domain.Message, error) {
		return domain.Message{
			FR: "Site renommé : " + old.Code + " « " + old.Name + " » devient " + code + " « " + name + " »",
			EN: "Site renamed: " + old.Code + " “" + old.Name + "” becomes " + code + " “" + name + "”"}, tx.RenameSite(ctx, id, code, name)
	})
}

// SetMainSite makes a site the main one.
func (s *Service) SetMainSite(ctx context.Context, id int64) error {
	return s.changeSite(ctx, id, func(tx *store.Tx, _ domain.Site) (domain.Message, error) {
		return domain.Message{FR: "Devient le site principal", EN: "Becomes the main site"}, tx.SetMainSite(ctx, id)
	})
}

// DeleteSite removes a site. It is refused for the main site and while
// customers are on that site only: deleting it would delete them.
func (s *Service) DeleteSite(ctx context.Context, id int64) error {
	return s.changeSite(ctx, id, func(tx *store.Tx, site domain.Site) (domain.Message, error) {
		var none domain.Message
		if site.Main {
			return none, &domain.Error{Code: "site_main", Message: domain.Message{
				FR: "Le site principal « " + site.Name + " » ne peut pas être supprimé : faites d’abord d’un autre site le site principal.",
				EN: "The main site \"" + site.Name + "\" cannot be deleted: make another site the main one first."}}
		}
		only, err := tx.OnlyOnSite(ctx, id)
		if err != nil {
			return none, err
		}
		if only > 0 {
			return none, &domain.Error{Code: "site_has_customers", Message: domain.Message{
				FR: fmt.Sprintf("Le site « %s » ne peut pas être supprimé : %d client(s) n’existent que sur ce site. Ajoutez-les à un autre site (onglet Multisite › Copier vers…) ou supprimez-les d’abord.", site.Name, only),
				EN: fmt.Sprintf("Site \"%s\" cannot be deleted: %d customer(s) exist on this site only. Add them to another site (Multisite tab › Copy to…) or delete them first.", site.Name, only)}}
		}
		if tx.SiteID() == id {
			return none, &domain.Error{Code: "site_current", Message: domain.Message{
				FR: "« " + site.Name + " » est le site en cours : choisissez-en un autre avant de le supprimer.",
				EN: "\"" + site.Name + "\" is the current site: choose another one before deleting it."}}
		}
		return domain.Message{FR: "Site supprimé : " + site.Name, EN: "Site deleted: " + site.Name}, tx.DeleteSite(ctx, id)
	})
}

// changeSite runs one change of site id in a write transaction, with the
// settings permission, and journals it under the site's code (as it was).
func (s *Service) changeSite(ctx context.Context, id int64, change func(tx *store.Tx, site domain.Site) (domain.Message, error)) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		site, err := tx.SiteByID(ctx, id)
		if err != nil {
			return err
		}
		detail, err := change(tx, site)
		if err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSites, site.Code, domain.JournalDetail(detail))
	})
}
