package demo

import (
	"context"
	"fmt"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// sampleSites are the extra sites of a multi-site sample file: a shop and
// a warehouse, as the seed's businesses have. Every customer is on the
// main site; every third is on the first extra site too, every fifth on
// the second, and so on.
var sampleSites = []struct{ code, name string }{
	{"LYON", "Boutique de Lyon"}, {"DEPOT", "Dépôt de Villeurbanne"}, {"WEB", "Boutique en ligne"},
	{"NANTES", "Boutique de Nantes"},
}

// SpreadOverSites adds n-1 sample sites (n counts the main one) and puts a
// share of the customers on each, with sample reference lists.
func SpreadOverSites(ctx context.Context, st *store.Store, n int) error {
	if n-1 > len(sampleSites) {
		return fmt.Errorf("at most %d sites in the sample data", len(sampleSites)+1)
	}
	return st.Update(ctx, func(tx *store.Tx) error {
		sites, err := tx.Sites(ctx, false)
		if err != nil {
			return err
		}
		for i, s := range sampleSites[:max(0, n-1)] {
			id, err := tx.AddSite(ctx, s.code, s.name, false)
			if err != nil {
				return err
			}
			if err := sampleLists(ctx, tx, id, s.code); err != nil {
				return err
			}
			if _, err := tx.LinkEveryNth(ctx, id, 3+2*i); err != nil {
				return err
			}
		}
		// The main site's lists last: a new site starts with copies of them.
		return sampleLists(ctx, tx, sites[0].ID, sites[0].Code)
	})
}

// sampleLists gives a site reference lists of its own: each site has its
// bank, territories and carriers.
func sampleLists(ctx context.Context, tx *store.Tx, site int64, code string) error {
	for _, e := range []struct {
		list        domain.SiteList
		code, label string
	}{
		{domain.SiteBankCodes, "BQ-" + code, "Banque du site " + code},
		{domain.SiteCustomerTypes, "DET", "Détaillant"}, {domain.SiteCustomerTypes, "GRO", "Grossiste"},
		{domain.SiteCustomerTypes, "PAR", "Particulier"},
		{domain.SitePriceCodes, "PUB", "Prix public"}, {domain.SitePriceCodes, "REV", "Prix revendeur"},
		{domain.SiteTerritories, code + "-N", "Secteur nord"}, {domain.SiteTerritories, code + "-S", "Secteur sud"},
		{domain.SiteDeliveryTerms, "DAP", "Rendu au lieu de destination"}, {domain.SiteDeliveryTerms, "EXW", "À prendre au dépôt"},
		{domain.SiteWarehouses, "ENT-" + code, "Entrepôt " + code},
		{domain.SiteCarriers, "COLISSIMO", "Colissimo"}, {domain.SiteCarriers, "GEODIS", "Geodis"},
	} {
		if err := tx.PutSiteListEntry(ctx, site, e.list, domain.SiteEntry{Code: e.code, Label: e.label}); err != nil {
			return err
		}
	}
	return nil
}
