package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
	"carnet/internal/store"
)

func init() {
	register("clients", domain.Message{FR: "chercher des clients comme l’onglet Clients : carnet clients [RECHERCHE] [--site S] [--json]",
		EN: "search customers as the Clients tab does: carnet clients [QUERY] [--site S] [--json]"}, runClients)
}

// customerJSON is a customer with its derived display name, and its
// billing postcode, city and country also at the top level under the field
// registry's keys (DESIGN §3: the keys a script reads and an import maps);
// "billing" keeps the whole address.
type customerJSON struct {
	Name     string `json:"name"`
	Postcode string `json:"postcode"`
	City     string `json:"city"`
	Country  string `json:"country"`
	*domain.Customer
}

func runClients(ctx context.Context, env *Env, args []string) error {
	f := newFlags("clients", env)
	limit := f.Int("limit", 100, env.m("au plus ce nombre de clients", "at most this many customers"))
	offset := f.Int("offset", 0, env.m("sauter d’abord ce nombre de clients", "skip this many customers first"))
	sortBy := f.String("sort", "name", env.m("trier par name, code, city, email, phone ou balance", "sort by name, code, city, email, phone or balance"))
	group := f.String("group", "", env.m("seulement les clients de ce groupe", "only the customers of this group"))
	archived := f.Bool("archived", false, env.m("inclure les clients archivés", "include archived customers"))
	siteCode := f.String("site", "", env.m("seulement les clients de ce site, avec ses champs propres (par défaut : tous les sites, champs du site principal)",
		"only the customers of this site, with its site fields (default: every site, the main site's fields)"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	svc, err := f.openRead()
	if err != nil {
		return err
	}
	defer svc.Close()

	q := store.Query{Text: strings.Join(pos, " "), Sort: *sortBy, Limit: *limit, Offset: *offset, Archived: store.FilterNo}
	if *archived {
		q.Archived = store.FilterAny
	}
	if *group != "" {
		if q.GroupID, err = groupNamed(ctx, svc, *group); err != nil {
			return err
		}
	}
	var site domain.Site
	if *siteCode != "" {
		if site, err = useSite(ctx, svc, *siteCode); err != nil {
			return err
		}
		q.SiteID = site.ID
	}
	total, err := svc.Count(ctx, q)
	if err != nil {
		return err
	}
	if *f.json {
		customers, err := svc.SearchCustomers(ctx, q)
		if err != nil {
			return err
		}
		out := struct {
			Query     string         `json:"query"`
			Site      string         `json:"site,omitempty"`
			Total     int            `json:"total"`
			Customers []customerJSON `json:"customers"`
		}{Query: q.Text, Site: site.Code, Total: total, Customers: make([]customerJSON, len(customers))}
		for i, c := range customers {
			out.Customers[i] = customerJSON{Name: c.Name(), Postcode: c.Billing.Postcode, City: c.Billing.City,
				Country: c.Billing.Country, Customer: c}
		}
		return printJSON(env.Stdout, out)
	}
	rows, err := svc.Search(ctx, q)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{label("code", env), label("name", env), label("city", env),
		label("email", env), label("phones", env), label("balance", env)}, "\t"))
	for _, r := range rows {
		name := r.Name
		if r.Disappointed {
			name += " (!)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, name, r.City, r.Email, r.Phone, format.Money(r.Balance, env.Lang))
	}
	tw.Flush()
	onSite := ""
	if site.Code != "" {
		onSite = fmt.Sprintf(env.m(" du site %s", " of site %s"), site.Code)
	}
	if env.Lang == "en" {
		fmt.Fprintf(env.Stdout, "%d of %s customers%s\n", len(rows), format.Count(total, env.Lang), onSite)
	} else {
		fmt.Fprintf(env.Stdout, "%d sur %s clients%s\n", len(rows), format.Count(total, env.Lang), onSite)
	}
	return nil
}

func label(key string, env *Env) string {
	if key == "name" {
		return domain.Message{FR: "Nom", EN: "Name"}.In(env.Lang)
	}
	return domain.FieldLabel(key, env.Lang)
}

// groupNamed returns the id of the group called name (case aside), or an
// error naming it.
func groupNamed(ctx context.Context, svc *service.Service, name string) (int64, error) {
	groups, err := svc.Groups(ctx)
	if err != nil {
		return 0, err
	}
	for _, g := range groups {
		if strings.EqualFold(g.Name, name) {
			return g.ID, nil
		}
	}
	return 0, &domain.Error{Code: "group_unknown", Message: domain.Message{
		FR: "Le groupe « " + name + " » n’existe pas.", EN: "Group \"" + name + "\" does not exist."}}
}
