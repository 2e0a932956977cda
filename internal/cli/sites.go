package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// Sites from the command line (seed 001, DESIGN §3): "carnet sites" lists
// them, "carnet site …" creates, renames, deletes them, puts a customer on
// them and keeps their reference lists.

func init() {
	register("sites", domain.Message{FR: "les sites (boutiques, entrepôts…) et leurs clients : carnet sites [--json]",
		EN: "the sites (shops, warehouses…) and their customers: carnet sites [--json]"}, runSites)
	register("site", domain.Message{FR: "gérer un site : carnet site add|rename|delete|main|link|list … (voir --help)",
		EN: "manage a site: carnet site add|rename|delete|main|link|list … (see --help)"}, runSite)
	onCancel("site", domain.Message{FR: "Interrompu : les sites n’ont pas changé.", EN: "Interrupted: the sites did not change."})
}

var siteHelp = domain.Message{FR: `Usage : carnet site SOUS-COMMANDE … [options]

  add CODE NOM [--main]            créer un site (NOM peut faire plusieurs mots)
  rename CODE NOUVEAU_CODE NOM     changer le code et le nom d’un site
  delete CODE                      supprimer un site (refusé tant que des clients
                                   n’existent que sur lui)
  main CODE                        en faire le site principal
  link CODE_CLIENT SITE [SITE…]    mettre un client sur ces sites ; ses champs
                                   propres au site y sont vides
  list SITE LISTE [+CODE[=Libellé]] [-CODE]
                                   lire ou changer une liste de référence du site

Listes : %s
Exemple : carnet site list B bank_codes "+BNP=BNP Paribas" -CIC

Options :
`, EN: `Usage: carnet site SUB-COMMAND … [options]

  add CODE NAME [--main]           create a site (NAME may be several words)
  rename CODE NEW_CODE NAME        change a site's code and name
  delete CODE                      delete a site (refused while customers
                                   exist on it only)
  main CODE                        make it the main site
  link CUSTOMER_CODE SITE [SITE…]  put a customer on these sites; its site
                                   fields start empty there
  list SITE LIST [+CODE[=Label]] [-CODE]
                                   read or change a reference list of the site

Lists: %s
Example: carnet site list B bank_codes "+BNP=BNP Paribas" -CIC

Options:
`}

func runSites(ctx context.Context, env *Env, args []string) error {
	f := newFlags("sites", env)
	f.help("Usage : carnet sites [--json]\nLes sites, le principal d’abord, avec le nombre de clients de chacun.\n\nOptions :\n",
		"Usage: carnet sites [--json]\nThe sites, the main one first, with how many customers each has.\n\nOptions:\n")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("carnet sites ne prend pas d’argument (carnet site --help pour gérer un site)",
			"carnet sites takes no argument (carnet site --help to manage a site)")
	}
	svc, err := f.openRead()
	if err != nil {
		return err
	}
	defer svc.Close()
	sites, err := svc.Sites(ctx)
	if err != nil {
		return err
	}
	if *f.json {
		if sites == nil {
			sites = []domain.Site{}
		}
		return printJSON(env.Stdout, sites)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Code\tNom\tPrincipal\tClients", "Code\tName\tMain\tCustomers"))
	for _, s := range sites {
		main := ""
		if s.Main {
			main = env.m("oui", "yes")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", s.Code, s.Name, main, s.Customers)
	}
	return tw.Flush()
}

func runSite(ctx context.Context, env *Env, args []string) error {
	f := newFlags("site", env)
	var lists []string
	for _, l := range append(append([]domain.SiteList{}, domain.SiteLists...), domain.MainLists...) {
		lists = append(lists, string(l))
	}
	help := fmt.Sprintf(siteHelp.In(env.Lang), strings.Join(lists, ", "))
	f.help(help, help)
	mainFlag := f.Bool("main", false, env.m("add : le nouveau site devient le site principal", "add: the new site becomes the main one"))
	// "-CODE" after "list" removes a code: it is a value, not an option.
	if i := slices.Index(args, "list"); i >= 0 {
		args = append(slices.Clone(args[:i+1]), valuesAreNotFlags(args[i+1:])...)
	}
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageErr("écrivez carnet site add|rename|delete|main|link|list … (carnet site --help les décrit)",
			"write carnet site add|rename|delete|main|link|list … (carnet site --help describes them)")
	}
	sub, pos := pos[0], pos[1:]
	need := map[string]int{"add": 2, "rename": 3, "delete": 1, "main": 1, "link": 2, "list": 2}
	n, known := need[sub]
	switch {
	case !known:
		return usageErr("sous-commande « "+sub+" » inconnue : add, rename, delete, main, link ou list",
			"unknown sub-command \""+sub+"\": add, rename, delete, main, link or list")
	case len(pos) < n:
		return usageErr("arguments manquants (carnet site --help donne la forme de chaque sous-commande)",
			"missing arguments (carnet site --help gives the form of each sub-command)")
	case (sub == "delete" || sub == "main") && len(pos) > 1:
		return usageErr("un seul CODE de site attendu", "expected one site CODE")
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	switch sub {
	case "add":
		return siteAdd(ctx, f, svc, pos[0], strings.Join(pos[1:], " "), *mainFlag)
	case "link":
		return siteLink(ctx, f, svc, pos[0], pos[1:])
	case "list":
		return siteListCommand(ctx, f, svc, pos[0], pos[1], pos[2:])
	}
	site, err := siteByCode(ctx, svc, pos[0])
	if err != nil {
		return err
	}
	switch sub {
	case "rename":
		if err := svc.RenameSite(ctx, site.ID, pos[1], strings.Join(pos[2:], " ")); err != nil {
			return refusal(err)
		}
		renamed, err := siteByCode(ctx, svc, pos[1])
		if err != nil {
			return err
		}
		return siteDone(f, renamed, env.m("Site %s « %s » renommé %s « %s ».", "Site %s \"%s\" renamed %s \"%s\"."),
			site.Code, site.Name, renamed.Code, renamed.Name)
	case "delete":
		if err := svc.DeleteSite(ctx, site.ID); err != nil {
			var de *domain.Error
			if errors.As(err, &de) && de.Code == "site_has_customers" {
				// The service's advice names the window; say the command too.
				return &domain.Error{Code: de.Code, Message: domain.Message{
					FR: de.FR + " En ligne de commande : carnet site link CODE_CLIENT AUTRE_SITE.",
					EN: de.EN + " From the command line: carnet site link CUSTOMER_CODE OTHER_SITE."}}
			}
			return refusal(err)
		}
		return siteDone(f, site, env.m("Site %s « %s » supprimé.", "Site %s \"%s\" deleted."), site.Code, site.Name)
	default: // main
		if err := svc.SetMainSite(ctx, site.ID); err != nil {
			return refusal(err)
		}
		site.Main = true
		return siteDone(f, site, env.m("%s « %s » est désormais le site principal.", "%s \"%s\" is now the main site."), site.Code, site.Name)
	}
}

// siteDone prints the site with --json, else what was done.
func siteDone(f *flags, site domain.Site, format string, args ...any) error {
	if *f.json {
		return printJSON(f.env.Stdout, site)
	}
	_, err := fmt.Fprintf(f.env.Stdout, format+"\n", args...)
	return err
}

func siteAdd(ctx context.Context, f *flags, svc *service.Service, code, name string, main bool) error {
	site, err := svc.AddSite(ctx, code, name, main)
	if err != nil {
		return refusal(err)
	}
	env := f.env
	if main {
		return siteDone(f, site, env.m("Site %s « %s » créé ; c’est désormais le site principal.", "Site %s \"%s\" created; it is now the main site."), site.Code, site.Name)
	}
	return siteDone(f, site, env.m("Site %s « %s » créé ; ses listes de référence sont celles du site principal (carnet site list %s LISTE les montre).",
		"Site %s \"%s\" created; its reference lists are the main site's (carnet site list %s LIST shows them)."), site.Code, site.Name, site.Code)
}

// siteLink puts a customer on sites and says how many it joined and where
// it is now.
func siteLink(ctx context.Context, f *flags, svc *service.Service, customerCode string, siteCodes []string) error {
	env := f.env
	c, err := customerByCode(ctx, svc, customerCode)
	if err != nil {
		return err
	}
	var codes []string
	for _, code := range siteCodes {
		site, err := siteByCode(ctx, svc, code)
		if err != nil {
			return err
		}
		codes = append(codes, site.Code)
	}
	added, err := svc.AddToSites(ctx, c.ID, codes)
	if err != nil {
		return refusal(err)
	}
	on, err := svc.CustomerSites(ctx, c.ID)
	if err != nil {
		return err
	}
	onCodes := make([]string, len(on))
	for i, s := range on {
		onCodes[i] = s.Code
	}
	if *f.json {
		return printJSON(env.Stdout, struct {
			Customer string   `json:"customer"`
			Added    int      `json:"added"`
			Sites    []string `json:"sites"`
		}{c.Code, added, onCodes})
	}
	where := strings.Join(onCodes, ", ")
	if added == 0 {
		fmt.Fprintf(env.Stdout, env.m("%s (%s) est déjà sur ce(s) site(s) : rien n’a changé. Il est sur : %s.\n",
			"%s (%s) is already on this site (these sites): nothing changed. It is on: %s.\n"), c.Code, c.Name(), where)
		return nil
	}
	fmt.Fprintf(env.Stdout, env.m("%s (%s) ajouté à %d site(s) ; il est sur : %s.\n", "%s (%s) added to %d site(s); it is on: %s.\n"),
		c.Code, c.Name(), added, where)
	fmt.Fprintf(env.Stdout, env.m("Ses champs propres au site y sont vides : carnet client set %s champ=valeur --site %s.\n",
		"Its site fields are empty there: carnet client set %s field=value --site %s.\n"), c.Code, codes[len(codes)-1])
	return nil
}

// siteByCode finds a site by its code (written in any case); an unknown
// code says where the sites are listed.
func siteByCode(ctx context.Context, svc *service.Service, code string) (domain.Site, error) {
	sites, err := svc.SiteCodes(ctx)
	if err != nil {
		return domain.Site{}, err
	}
	want := strings.ToUpper(strings.TrimSpace(code))
	var known []string
	for _, s := range sites {
		if s.Code == want {
			return s, nil
		}
		known = append(known, s.Code)
	}
	return domain.Site{}, &domain.Error{Code: "site_unknown", Message: domain.Message{
		FR: "Aucun site n’a le code « " + code + " » ; les sites sont : " + strings.Join(known, ", ") + " (carnet sites).",
		EN: "No site has the code \"" + code + "\"; the sites are: " + strings.Join(known, ", ") + " (carnet sites)."}}
}

// useSite makes the site with code current for the rest of the command:
// every customer read or written is then seen as that site sees it.
func useSite(ctx context.Context, svc *service.Service, code string) (domain.Site, error) {
	site, err := siteByCode(ctx, svc, code)
	if err != nil {
		return site, err
	}
	return svc.UseSite(ctx, site.Code, false)
}

// customerByCode loads the customer with code as the current site sees it.
func customerByCode(ctx context.Context, svc *service.Service, code string) (*domain.Customer, error) {
	c, err := svc.CustomerByCodeForSite(ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, &domain.Error{Code: "customer_unknown", Message: domain.Message{
			FR: "Aucun client n’a le code « " + code + " » (carnet clients " + code + " le cherche).",
			EN: "No customer has the code \"" + code + "\" (carnet clients " + code + " searches for it)."}}
	}
	return c, err
}

// siteListCommand prints a site's reference list, or applies the changes
// written after its name: "+CODE" or "+CODE=Label" adds (or relabels),
// "-CODE" removes.
func siteListCommand(ctx context.Context, f *flags, svc *service.Service, siteCode, listName string, edits []string) error {
	env := f.env
	site, err := siteByCode(ctx, svc, siteCode)
	if err != nil {
		return err
	}
	l, err := siteListNamed(listName)
	if err != nil {
		return err
	}
	title := l.Title().In(env.Lang)
	if err := checkListEdits(ctx, svc, site, l, edits); err != nil {
		return err
	}
	for _, e := range edits {
		code, label, _ := strings.Cut(e[1:], "=")
		code = strings.TrimSpace(code)
		if e[0] == '+' {
			if label == "" {
				label = code
			}
			if err := svc.PutSiteListEntry(ctx, site.ID, l, domain.SiteEntry{Code: code, Label: label}); err != nil {
				return refusal(err)
			}
			if !*f.json {
				fmt.Fprintf(env.Stdout, env.m("%s du site %s : « %s » ajouté.\n", "%s of site %s: \"%s\" added.\n"), title, site.Code, code)
			}
			continue
		}
		if err := svc.DeleteSiteListEntry(ctx, site.ID, l, code); err != nil {
			return refusal(err)
		}
		if !*f.json {
			fmt.Fprintf(env.Stdout, env.m("%s du site %s : « %s » retiré.\n", "%s of site %s: \"%s\" removed.\n"), title, site.Code, code)
		}
	}
	if len(edits) > 0 && !*f.json {
		return nil
	}
	entries, err := svc.SiteList(ctx, site.ID, l)
	if err != nil {
		return err
	}
	if *f.json {
		if entries == nil {
			entries = []domain.SiteEntry{}
		}
		return printJSON(env.Stdout, struct {
			Site    string             `json:"site"`
			List    domain.SiteList    `json:"list"`
			Entries []domain.SiteEntry `json:"entries"`
		}{site.Code, l, entries})
	}
	if l.PerMain() {
		fmt.Fprintln(env.Stdout, env.m("(liste du site principal, commune à tous les sites)", "(the main site's list, shared by every site)"))
	}
	if len(entries) == 0 {
		fmt.Fprintln(env.Stdout, env.m("(liste vide : +CODE ajoute une entrée)", "(empty list: +CODE adds an entry)"))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Code\tLibellé", "Code\tLabel"))
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\n", e.Code, e.Label)
	}
	return tw.Flush()
}

// checkListEdits refuses, before any is applied, a change badly written
// or removing a code the list does not have: a command line is done whole
// or not at all.
func checkListEdits(ctx context.Context, svc *service.Service, site domain.Site, l domain.SiteList, edits []string) error {
	entries, err := svc.SiteList(ctx, site.ID, l)
	if err != nil {
		return err
	}
	for _, e := range edits {
		if len(e) < 2 || (e[0] != '+' && e[0] != '-') {
			return usageErr("« "+e+" » : écrivez +CODE ou +CODE=Libellé pour ajouter, -CODE pour retirer (un libellé avec des espaces se met entre guillemets)",
				"\""+e+"\": write +CODE or +CODE=Label to add, -CODE to remove (a label with spaces goes in quotes)")
		}
		code, _, _ := strings.Cut(e[1:], "=")
		code = strings.TrimSpace(code)
		if e[0] == '+' {
			entries = append(entries, domain.SiteEntry{Code: code})
			continue
		}
		if !hasSiteEntry(entries, code) {
			return &domain.Error{Code: "site_list_unknown", Message: domain.Message{
				FR: "« " + code + " » n’est pas dans la liste « " + l.Title().FR + " » du site " + site.Code + " (" + orDash(entryCodes(entries)) + ") : rien n’a changé.",
				EN: "\"" + code + "\" is not in the list \"" + l.Title().EN + "\" of site " + site.Code + " (" + orDash(entryCodes(entries)) + "): nothing changed."}}
		}
	}
	return nil
}

// siteListNamed is the list a command line names, by its key.
func siteListNamed(name string) (domain.SiteList, error) {
	all := append(append([]domain.SiteList{}, domain.SiteLists...), domain.MainLists...)
	names := make([]string, len(all))
	for i, l := range all {
		if strings.EqualFold(string(l), strings.TrimSpace(name)) {
			return l, nil
		}
		names[i] = string(l)
	}
	list := strings.Join(names, ", ")
	return "", usageErr("liste « "+name+" » inconnue ; les listes sont : "+list, "unknown list \""+name+"\"; the lists are: "+list)
}

func hasSiteEntry(entries []domain.SiteEntry, code string) bool {
	for _, e := range entries {
		if strings.EqualFold(e.Code, code) {
			return true
		}
	}
	return false
}

func entryCodes(entries []domain.SiteEntry) string {
	codes := make([]string, len(entries))
	for i, e := range entries {
		codes[i] = e.Code
	}
	return strings.Join(codes, ", ")
}
