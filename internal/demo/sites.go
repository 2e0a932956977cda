package demo

import (
	"context"
	"fmt"

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
		for i, s := range sampleSites[:max(0, n-1)] {
			id, err := tx.AddSite(ctx, s.code, s.name, false)
			if err != nil {
				return err
			}
			if _, err := tx.LinkEveryNth(ctx, id, 3+2*i); err != nil {
				return err
			}
		}
		return nil
	})
}
