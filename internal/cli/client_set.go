package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/service"
	"carnet/internal/textfold"
)

// carnet client set changes fields of one customer as a site sees it
// (seed 001): a shared field (name, address…) changes on every site, a
// site field only on the site given.

func init() {
	register("client", domain.Message{FR: "modifier un client : carnet client set CODE champ=valeur… [--site S] [--json]",
		EN: "change a customer: carnet client set CODE field=value… [--site S] [--json]"}, runClient)
	onCancel("client", domain.Message{FR: "Interrompu : le client n’a pas changé.", EN: "Interrupted: the customer did not change."})
}

// assignment is one field=value of the command line.
type assignment struct{ key, raw string }

func runClient(ctx context.Context, env *Env, args []string) error {
	f := newFlags("client set", env)
	help := clientSetHelp(env)
	f.help(help, help)
	siteCode := f.String("site", "", env.m("le site dont les champs propres changent (par défaut : le site principal)",
		"the site whose own fields change (default: the main site)"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || pos[0] != "set" {
		return usageErr("écrivez carnet client set CODE champ=valeur… (carnet client --help liste les champs)",
			"write carnet client set CODE field=value… (carnet client --help lists the fields)")
	}
	if pos = pos[1:]; len(pos) < 2 {
		return usageErr("écrivez carnet client set CODE champ=valeur… (au moins un champ)", "write carnet client set CODE field=value… (at least one field)")
	}
	assigns, err := parseAssignments(pos[1:])
	if err != nil {
		return err
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	site, err := svc.CurrentSite(ctx)
	if *siteCode != "" {
		site, err = useSite(ctx, svc, *siteCode)
	}
	if err != nil {
		return err
	}
	c, err := customerByCode(ctx, svc, pos[0])
	if err != nil {
		return err
	}
	if err := setFields(ctx, env, svc, c, site, assigns); err != nil {
		return err
	}
	if err := svc.UpdateCustomer(ctx, c); err != nil {
		return withListHint(err, site)
	}
	saved, err := customerByCode(ctx, svc, c.Code)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, customerJSON{Name: saved.Name(), Postcode: saved.Billing.Postcode, City: saved.Billing.City,
			Country: saved.Billing.Country, Customer: saved})
	}
	fmt.Fprintf(env.Stdout, env.m("%s (%s) enregistré, vu du site %s :\n", "%s (%s) saved, as site %s sees it:\n"), saved.Code, saved.Name(), site.Code)
	for _, a := range assigns {
		fmt.Fprintf(env.Stdout, "  %s\n", domain.Labelled(domain.FieldLabel(a.key, env.Lang), importer.FieldValueText(a.key, saved.Get(a.key), env.Lang), env.Lang))
	}
	return nil
}

// parseAssignments reads the field=value arguments; a key that names no
// field is refused before the database is opened, with keys that resemble
// it.
func parseAssignments(args []string) ([]assignment, error) {
	var out []assignment
	for _, arg := range args {
		key, raw, ok := strings.Cut(arg, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, usageErr("« "+arg+" » : écrivez champ=valeur (une valeur avec des espaces se met entre guillemets : notes=\"à rappeler\")",
				"\""+arg+"\": write field=value (a value with spaces goes in quotes: notes=\"call back\")")
		}
		if name, custom := strings.CutPrefix(key, domain.CustomPrefix); custom {
			out = append(out, assignment{key: domain.CustomPrefix + strings.TrimSpace(name), raw: raw})
			continue
		}
		key = strings.ToLower(key)
		if f, known := domain.FieldByKey(key); !known || f.Computed || f.Key == "id" {
			return nil, unknownFieldErr(key, known)
		}
		out = append(out, assignment{key: key, raw: raw})
	}
	// The billing country decides how a postcode reads: set it first.
	sort.SliceStable(out, func(i, j int) bool { return out[i].key == "country" && out[j].key != "country" })
	return out, nil
}

// unknownFieldErr refuses a key no field has (or one computed by Carnet),
// listing the keys that resemble it, else a few common ones.
func unknownFieldErr(key string, computed bool) error {
	if computed {
		return usageErr("« "+key+" » est calculé par Carnet et ne se modifie pas (carnet client --help liste les champs modifiables)",
			"\""+key+"\" is computed by Carnet and cannot be set (carnet client --help lists the fields that can)")
	}
	word := textfold.Fold(strings.NewReplacer("-", "_", " ", "_").Replace(key))
	var near []string
	for _, f := range settableFields() {
		if strings.Contains(f.Key, word) || (len(f.Key) > 3 && strings.Contains(word, f.Key)) ||
			strings.Contains(textfold.Fold(f.FR), word) || strings.Contains(textfold.Fold(f.EN), word) {
			near = append(near, f.Key)
		}
	}
	if len(near) == 0 || len(near) > 8 {
		near = []string{"company_name", "last_name", "first_name", "email", "phones", "city", "notes", "bank_code"}
	}
	list := strings.Join(near, ", ")
	return usageErr("champ « "+key+" » inconnu ; par exemple : "+list+", ou custom:Nom (carnet client --help les liste tous)",
		"unknown field \""+key+"\"; for example: "+list+", or custom:Name (carnet client --help lists them all)")
}

// settableFields are the fields a command line may set.
func settableFields() []domain.FieldDef {
	var out []domain.FieldDef
	for _, f := range domain.Fields {
		if !f.Computed && f.Key != "id" {
			out = append(out, f)
		}
	}
	return out
}

// setFields reads each value as an import cell of its field would be read
// and sets it on c. A site field on a site the customer is not on is
// refused: its values there would be lost.
func setFields(ctx context.Context, env *Env, svc *service.Service, c *domain.Customer, site domain.Site, assigns []assignment) error {
	var custom []domain.CustomField
	var siteKeys []string
	for _, a := range assigns {
		if f, _ := domain.FieldByKey(a.key); f.Site {
			siteKeys = append(siteKeys, a.key)
		}
		if strings.HasPrefix(a.key, domain.CustomPrefix) && custom == nil {
			var err error
			if custom, err = svc.CustomFields(ctx); err != nil {
				return err
			}
		}
	}
	if len(siteKeys) > 0 && !c.Site.Present {
		keys := strings.Join(siteKeys, ", ")
		return &domain.Error{Code: "site_absent", Message: domain.Message{
			FR: fmt.Sprintf("%s n’est pas sur le site %s, et %s est propre à chaque site. Mettez-le d’abord sur ce site : carnet site link %s %s",
				c.Code, site.Code, keys, c.Code, site.Code),
			EN: fmt.Sprintf("%s is not on site %s, and %s is kept per site. Put it on that site first: carnet site link %s %s",
				c.Code, site.Code, keys, c.Code, site.Code)}}
	}
	var refused []*domain.FieldError
	for _, a := range assigns {
		v, p := importer.ParseFieldValue(a.key, a.raw, c.Billing.Country, custom)
		if p.IsError() {
			refused = append(refused, &domain.FieldError{Field: a.key, Code: p.Code, Message: domain.Message{FR: p.FR, EN: p.EN}})
			continue
		}
		if p != nil {
			fmt.Fprintf(env.Stderr, "%s\n", domain.Labelled(domain.FieldLabel(a.key, env.Lang), p.Message(env.Lang), env.Lang))
		}
		c.Set(a.key, v)
	}
	if len(refused) > 0 {
		return &domain.ValidationError{Errors: refused}
	}
	return nil
}

// withListHint adds, to a value refused because a site's list lacks it,
// the command that adds it to that list.
func withListHint(err error, site domain.Site) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	msg := domain.Message{FR: ve.In("fr"), EN: ve.In("en")}
	for _, fe := range ve.Errors {
		l := domain.SiteListOf(fe.Field)
		if fe.Code != "site_list" || l == "" {
			continue
		}
		// The main site's own lists are reached through any site.
		msg.FR += "\nPour l’ajouter : carnet site list " + site.Code + " " + string(l) + " +CODE=Libellé"
		msg.EN += "\nTo add it: carnet site list " + site.Code + " " + string(l) + " +CODE=Label"
	}
	return &domain.Error{Code: "validation", Message: msg}
}

// clientSetHelp is the usage of carnet client set, with every field key,
// the shared ones apart from those each site keeps.
func clientSetHelp(env *Env) string {
	var b strings.Builder
	b.WriteString(env.m(`Usage : carnet client set CODE champ=valeur… [--site S] [options]

Change des champs du client CODE et l’enregistre, après les mêmes contrôles
que la fiche. Chaque valeur se lit comme une cellule d’import (« 1 234,56 € »,
« oui », « 31/12/2025 ») ; champ= (sans valeur) vide le champ. Les champs
partagés changent sur tous les sites du client ; les champs propres au site
ne changent que sur le site --site (par défaut : le site principal), où le
client doit être (carnet site link CODE SITE).
Exemple : carnet client set C1 company_name="Les vélos Dupuis" notes="Livrer le matin" --site B

`, `Usage: carnet client set CODE field=value… [--site S] [options]

Changes fields of customer CODE and saves it, after the same checks as the
form. Each value reads as an import cell does ("1 234,56 €", "yes",
"31/12/2025"); field= (no value) empties the field. Shared fields change on
every site of the customer; site fields only on site --site (default: the
main site), where the customer must be (carnet site link CODE SITE).
Example: carnet client set C1 company_name="Les vélos Dupuis" notes="Deliver mornings" --site B

`))
	for _, site := range []bool{false, true} {
		b.WriteString(map[bool]string{false: env.m("Champs partagés :\n", "Shared fields:\n"), true: env.m("\nChamps propres à chaque site :\n", "\nSite fields:\n")}[site])
		for _, f := range settableFields() {
			if f.Site == site {
				fmt.Fprintf(&b, "  %-22s %s\n", f.Key, f.Label(env.Lang))
			}
		}
	}
	b.WriteString(env.m("  custom:Nom             un champ personnalisé\n\nOptions :\n", "  custom:Name            a custom field\n\nOptions:\n"))
	return b.String()
}
