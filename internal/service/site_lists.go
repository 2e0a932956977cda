package service

import (
	"context"
	"fmt"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// SiteList reads one reference list of a site (the main site's, for the
// shared lists).
func (s *Service) SiteList(ctx context.Context, siteID int64, l domain.SiteList) ([]domain.SiteEntry, error) {
	var out []domain.SiteEntry
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.SiteList(ctx, siteID, l)
		return err
	})
	return out, err
}

// PutSiteListEntry adds a code to a site's list, or relabels it.
func (s *Service) PutSiteListEntry(ctx context.Context, siteID int64, l domain.SiteList, e domain.SiteEntry) error {
	e.Code = strings.TrimSpace(e.Code)
	e.Label = strings.Join(strings.Fields(e.Label), " ")
	if e.Code == "" || len([]rune(e.Code)) > 20 || strings.ContainsAny(e.Code, " \t") {
		return &domain.FieldError{Field: "site_list_code", Code: "invalid", Message: domain.Message{
			FR: "Un code de liste fait 1 à 20 caractères, sans espace.", EN: "A list code is 1 to 20 characters, without spaces."}}
	}
	if len([]rune(e.Label)) > 60 {
		return &domain.FieldError{Field: "site_list_label", Code: "too_long", Message: domain.Message{
			FR: "Le libellé fait 60 caractères au plus.", EN: "The label is at most 60 characters."}}
	}
	t := l.Title()
	return s.changeSite(ctx, siteID, func(tx *store.Tx, _ domain.Site) (domain.Message, error) {
		return domain.Message{FR: t.FR + " : " + e.Code + " ajouté", EN: t.EN + ": " + e.Code + " added"},
			tx.PutSiteListEntry(ctx, siteID, l, e)
	})
}

// DeleteSiteListEntry removes a code from a site's list; refused while
// customers of that site hold it.
func (s *Service) DeleteSiteListEntry(ctx context.Context, siteID int64, l domain.SiteList, code string) error {
	t := l.Title()
	return s.changeSite(ctx, siteID, func(tx *store.Tx, _ domain.Site) (domain.Message, error) {
		n, err := tx.SiteListUses(ctx, siteID, l, code)
		if err != nil {
			return domain.Message{}, err
		}
		if n > 0 {
			return domain.Message{}, &domain.Error{Code: "site_list_in_use", Message: domain.Message{
				FR: fmt.Sprintf("« %s » ne peut pas être retiré de la liste « %s » : %d client(s) l’ont. Changez-le sur leur fiche d’abord.", code, t.FR, n),
				EN: fmt.Sprintf("\"%s\" cannot be removed from the list \"%s\": %d customer(s) have it. Change it on their records first.", code, t.EN, n)}}
		}
		return domain.Message{FR: t.FR + " : " + code + " retiré", EN: t.EN + ": " + code + " removed"},
			tx.DeleteSiteListEntry(ctx, siteID, l, code)
	})
}

// SiteChoices are the values a site field offers on the current site,
// by field key: what the form's drop-downs list.
func (s *Service) SiteChoices(ctx context.Context) (map[string][]domain.SiteEntry, error) {
	out := map[string][]domain.SiteEntry{}
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		for _, f := range domain.Fields {
			l := domain.SiteListOf(f.Key)
			if l == "" {
				continue
			}
			entries, err := tx.SiteList(ctx, tx.SiteID(), l)
			if err != nil {
				return err
			}
			out[f.Key] = entries
		}
		return nil
	})
	return out, err
}
