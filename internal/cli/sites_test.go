package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// sitesOf reads carnet sites --json.
func sitesOf(t *testing.T, db string) []domain.Site {
	t.Helper()
	var sites []domain.Site
	out := mustRun(t, "sites", "--db", db, "--json")
	if err := json.Unmarshal([]byte(out), &sites); err != nil {
		t.Fatalf("sites --json is not an array of sites: %v\n%s", err, out)
	}
	return sites
}

// siteCount is how many customers sites --json gives the site code, or -1
// when the site is not listed.
func siteCount(sites []domain.Site, code string) int {
	for _, s := range sites {
		if s.Code == code {
			return s.Customers
		}
	}
	return -1
}

// listed is carnet clients --json: the customers as a site sees them.
type listed struct {
	Site      string             `json:"site"`
	Total     int                `json:"total"`
	Customers []*domain.Customer `json:"customers"`
}

func clientsOn(t *testing.T, db string, args ...string) listed {
	t.Helper()
	var doc listed
	out := mustRun(t, append([]string{"clients", "--db", db, "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("clients --json: %v\n%s", err, out)
	}
	return doc
}

// c1On is customer C1 as site sees it.
func c1On(t *testing.T, db, site string) *domain.Customer {
	t.Helper()
	for _, c := range clientsOn(t, db, "--site", site).Customers {
		if c.Code == "C1" {
			return c
		}
	}
	t.Fatalf("C1 is not listed on site %s", site)
	return nil
}

// seedSites is the seed's setting: sites A and B, and customer C1 "Les
// vélos Durand" imported on A only.
func seedSites(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	mustRun(t, "site", "add", "A", "Boutique", "de", "Lyon", "--db", db)
	mustRun(t, "site", "add", "B", "Entrepôt Villeurbanne", "--db", db)
	csv := filepath.Join(dir, "c1.csv")
	if err := os.WriteFile(csv, []byte("Code client;Raison sociale;Ville\nC1;Les vélos Durand;Lyon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "import", csv, "--site", "A", "--db", db)
	return db
}

// TestSeedExampleFromTheCommandLine: C1 exists on A and B as "Les vélos
// Durand"; renamed "Les vélos Dupuis" on B, it reads so on A, while its
// notes and site credit limit stay B's.
func TestSeedExampleFromTheCommandLine(t *testing.T) {
	db := seedSites(t)
	sites := sitesOf(t, db)
	if len(sites) != 3 || !sites[0].Main || sites[0].Code != domain.DefaultMainSiteCode {
		t.Fatalf("sites: want the main site first, then A and B: %+v", sites)
	}
	if siteCount(sites, "A") != 1 || siteCount(sites, "B") != 0 || siteCount(sites, domain.DefaultMainSiteCode) != 0 {
		t.Errorf("imported on A only, the counts are: %+v", sites)
	}
	if out := mustRun(t, "site", "link", "C1", "b", "--db", db); !strings.Contains(out, "ajouté à 1 site") || !strings.Contains(out, "A, B") {
		t.Errorf("link: %q", out)
	}
	if out := mustRun(t, "site", "link", "C1", "B", "--db", db); !strings.Contains(out, "déjà") {
		t.Errorf("a second link should say C1 is already there: %q", out)
	}
	if n := siteCount(sitesOf(t, db), "B"); n != 1 {
		t.Errorf("B counts %d customers after the link", n)
	}
	if a := c1On(t, db, "A"); a.CompanyName != "Les vélos Durand" {
		t.Fatalf("on A before the change: %q", a.CompanyName)
	}

	out := mustRun(t, "client", "set", "C1", "company_name=Les vélos Dupuis", "notes=Livrer le matin",
		"site_credit_limit=1 500,00 €", "--site", "B", "--db", db, "--json")
	var saved domain.Customer
	if err := json.Unmarshal([]byte(out), &saved); err != nil {
		t.Fatalf("client set --json: %v\n%s", err, out)
	}
	if saved.Site.Site != "B" || saved.Site.Notes != "Livrer le matin" || saved.Site.CreditLimit != 150000 {
		t.Errorf("client set --json should print C1 as B sees it: %+v", saved.Site)
	}

	a, b := c1On(t, db, "A"), c1On(t, db, "B")
	if a.CompanyName != "Les vélos Dupuis" || b.CompanyName != "Les vélos Dupuis" {
		t.Errorf("the shared name: %q on A, %q on B", a.CompanyName, b.CompanyName)
	}
	if a.Site.Site != "A" || a.Site.Notes != "" || a.Site.CreditLimit != 0 {
		t.Errorf("B's notes and credit limit leak to A: %+v", a.Site)
	}
	if b.Site.Notes != "Livrer le matin" || b.Site.CreditLimit != 150000 {
		t.Errorf("B's own part: %+v", b.Site)
	}
	// A's own change stays A's.
	mustRun(t, "client", "set", "C1", "notes=Client fidèle", "--site", "A", "--db", db)
	if a, b := c1On(t, db, "A"), c1On(t, db, "B"); a.Site.Notes != "Client fidèle" || b.Site.Notes != "Livrer le matin" {
		t.Errorf("notes: %q on A, %q on B", a.Site.Notes, b.Site.Notes)
	}
}

// TestABankCodeOfAnotherSiteIsRefused: each site accepts only its own
// bank codes, and a refused one names the list, the site and the command
// that adds it; nothing is saved.
func TestABankCodeOfAnotherSiteIsRefused(t *testing.T) {
	db := seedSites(t)
	mustRun(t, "site", "link", "C1", "B", "--db", db)
	mustRun(t, "site", "list", "B", "bank_codes", "+BNP=BNP Paribas", "--db", db)
	mustRun(t, "site", "list", "A", "bank_codes", "+CIC", "--db", db)
	if out := mustRun(t, "site", "list", "B", "bank_codes", "--db", db); !strings.Contains(out, "BNP Paribas") || strings.Contains(out, "CIC") {
		t.Errorf("B's bank codes:\n%s", out)
	}

	_, errs, code := runAs(t, "fr", "client", "set", "C1", "bank_code=CIC", "notes=jamais écrit", "--site", "B", "--db", db)
	if code != 1 {
		t.Fatalf("A's bank code on B: exit %d %q", code, errs)
	}
	for _, want := range []string{"Code banque", "« CIC »", "Codes banque", "site B", "carnet site list B bank_codes"} {
		if !strings.Contains(errs, want) {
			t.Errorf("refusal lacks %q: %q", want, errs)
		}
	}
	if b := c1On(t, db, "B"); b.Site.BankCode != "" || b.Site.Notes != "" {
		t.Errorf("a refused command saved something: %+v", b.Site)
	}
	mustRun(t, "client", "set", "C1", "bank_code=BNP", "--site", "B", "--db", db)
	if b := c1On(t, db, "B"); b.Site.BankCode != "BNP" {
		t.Errorf("B's own bank code: %q", b.Site.BankCode)
	}
	if _, errs, code := runAs(t, "en", "client", "set", "C1", "bank_code=BNP", "--site", "A", "--db", db); code != 1 ||
		!strings.Contains(errs, "\"Bank codes\" of site A") {
		t.Errorf("B's bank code on A, in English: exit %d %q", code, errs)
	}
	// A code in use on B stays in B's list.
	if _, errs, code := runAs(t, "fr", "site", "list", "B", "bank_codes", "-BNP", "--db", db); code != 1 || !strings.Contains(errs, "1 client") {
		t.Errorf("removing a code in use: exit %d %q", code, errs)
	}
	// A list change is done whole or not at all.
	if _, _, code := runAs(t, "fr", "site", "list", "A", "bank_codes", "-CIC", "-XYZ", "--db", db); code != 1 {
		t.Errorf("removing a code the list lacks: exit %d", code)
	}
	if out := mustRun(t, "site", "list", "A", "bank_codes", "--db", db); !strings.Contains(out, "CIC") {
		t.Errorf("a refused list change removed CIC anyway:\n%s", out)
	}
}

// TestSiteDeleteKeepsItsOnlyCustomers: a site whose customers are on no
// other site is kept, with the reason and the way out; once they are on
// another site it goes, and they stay there.
func TestSiteDeleteKeepsItsOnlyCustomers(t *testing.T) {
	db := seedSites(t)
	for _, lang := range []string{"fr", "en"} {
		_, errs, code := runAs(t, lang, "site", "delete", "A", "--db", db)
		want := map[string]string{"fr": "n’existent que sur ce site", "en": "exist on this site only"}[lang]
		if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, "carnet site link") {
			t.Errorf("%s: delete of C1's only site: exit %d %q", lang, code, errs)
		}
	}
	if siteCount(sitesOf(t, db), "A") != 1 {
		t.Fatal("the refused delete removed site A or its customer")
	}
	mustRun(t, "site", "link", "C1", "B", "--db", db)
	mustRun(t, "site", "delete", "a", "--db", db)
	sites := sitesOf(t, db)
	if siteCount(sites, "A") != -1 || siteCount(sites, "B") != 1 {
		t.Errorf("after deleting A: %+v", sites)
	}
	if c := c1On(t, db, "B"); c.CompanyName != "Les vélos Durand" {
		t.Errorf("C1 on B after A went: %+v", c)
	}
	if _, errs, code := runAs(t, "fr", "site", "delete", domain.DefaultMainSiteCode, "--db", db); code != 1 || !strings.Contains(errs, "principal") {
		t.Errorf("deleting the main site: exit %d %q", code, errs)
	}
}

// TestClientSetSaysWhatToDo: a mistyped field, a computed one, a site
// field on a site the customer is not on, a value that does not read:
// each is refused with what to write instead, and nothing changes.
func TestClientSetSaysWhatToDo(t *testing.T) {
	db := seedSites(t)
	before := mustRun(t, "clients", "--db", db, "--json")
	for _, tc := range []struct {
		lang  string
		args  []string
		code  int
		wants []string
	}{
		{"fr", []string{"bank-code=BNP"}, 2, []string{"« bank-code » inconnu", "bank_code", "--help"}},
		{"en", []string{"nom=Durand"}, 2, []string{"unknown field \"nom\"", "last_name"}},
		{"fr", []string{"balance=100"}, 2, []string{"calculé"}},
		{"fr", []string{"Les vélos"}, 2, []string{"champ=valeur", "guillemets"}},
		{"fr", []string{"notes=À rappeler", "--site", "B"}, 1, []string{"n’est pas sur le site B", "carnet site link C1 B"}},
		{"en", []string{"notes=Call back", "--site", "B"}, 1, []string{"is not on site B", "carnet site link C1 B"}},
		{"fr", []string{"site_credit_limit=beaucoup", "--site", "A"}, 1, []string{"Encours autorisé du site"}},
		{"fr", []string{"notes=x", "--site", "Z"}, 1, []string{"Aucun site", "« Z »", "A, B"}},
		{"fr", []string{"custom:Inconnu=1"}, 1, []string{"Inconnu", "Paramètres › Champs personnalisés"}},
	} {
		args := append([]string{"client", "set", "C1"}, tc.args...)
		_, errs, code := runAs(t, tc.lang, append(args, "--db", db)...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d (%q)", tc.args, code, tc.code, errs)
		}
		for _, w := range tc.wants {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: message lacks %q: %q", tc.args, w, errs)
			}
		}
	}
	if _, errs, code := runAs(t, "fr", "client", "set", "C9", "notes=x", "--db", db); code != 1 || !strings.Contains(errs, "« C9 »") {
		t.Errorf("unknown customer: exit %d %q", code, errs)
	}
	if after := mustRun(t, "clients", "--db", db, "--json"); after != before {
		t.Errorf("a refused command changed the customers:\n%s\n---\n%s", before, after)
	}
	// Values read as import cells do; an empty value clears.
	mustRun(t, "client", "set", "C1", "credit_hold=oui", "credit_hold_reason=Impayés", "days_over_due=15", "country=Belgique", "postcode=1000", "--site", "A", "--db", db)
	c := c1On(t, db, "A")
	if !c.CreditHold || c.DaysOverDue != 15 || c.Billing.Country != "BE" || c.Billing.Postcode != "1000" {
		t.Errorf("values not read as import cells: hold %v, days %d, country %q, postcode %q", c.CreditHold, c.DaysOverDue, c.Billing.Country, c.Billing.Postcode)
	}
	mustRun(t, "client", "set", "C1", "credit_hold=", "credit_hold_reason=", "--db", db)
	if c1On(t, db, "A").CreditHold {
		t.Error("credit_hold= should clear the hold")
	}
}

// TestClientsAndExportFollowTheSite: --site lists and exports only the
// site's customers; without it every customer is listed.
func TestClientsAndExportFollowTheSite(t *testing.T) {
	db := demoDB(t, "5")
	mustRun(t, "site", "add", "B", "Entrepôt", "--db", db)
	all := clientsOn(t, db)
	if all.Total < 3 {
		t.Fatalf("demo made %d customers", all.Total)
	}
	code := all.Customers[2].Code
	mustRun(t, "site", "link", code, "B", "--db", db)
	onB := clientsOn(t, db, "--site", "B")
	if onB.Total != 1 || len(onB.Customers) != 1 || onB.Customers[0].Code != code || onB.Site != "B" || onB.Customers[0].Site.Site != "B" {
		t.Errorf("clients --site B: %+v", onB)
	}
	if main := clientsOn(t, db, "--site", domain.DefaultMainSiteCode); main.Total != all.Total {
		t.Errorf("the main site keeps %d of its %d customers", main.Total, all.Total)
	}
	if out := mustRun(t, "clients", "--site", "b", "--db", db); !strings.Contains(out, "1 sur 1 clients du site B") {
		t.Errorf("table on B:\n%s", out)
	}
	if _, errs, code := runAs(t, "fr", "clients", "--site", "Z", "--db", db); code != 1 || !strings.Contains(errs, "Aucun site") {
		t.Errorf("unknown site: exit %d %q", code, errs)
	}

	csv := filepath.Join(t.TempDir(), "b.csv")
	out := mustRun(t, "export", csv, "--site", "B", "--db", db)
	data, err := os.ReadFile(csv)
	if err != nil || !strings.Contains(out, "1 client") || !strings.Contains(string(data), code) {
		t.Errorf("export --site B: %q, file has %q: %v", out, code, err)
	}
}

// TestAMainSiteAddedAndRenamed: --main makes the new site the main one,
// listed first; rename changes code and name.
func TestAMainSiteAddedAndRenamed(t *testing.T) {
	db := seedSites(t)
	mustRun(t, "site", "add", "HQ", "Siège", "--main", "--db", db)
	sites := sitesOf(t, db)
	if sites[0].Code != "HQ" || !sites[0].Main || len(sites) != 4 {
		t.Fatalf("the new main site comes first: %+v", sites)
	}
	mustRun(t, "site", "rename", "A", "LYON", "Boutique", "de", "Lyon", "--db", db)
	if siteCount(sitesOf(t, db), "LYON") != 1 || c1On(t, db, "LYON").Site.Site != "LYON" {
		t.Error("C1 did not follow A renamed LYON")
	}
	if _, errs, code := runAs(t, "fr", "site", "add", "B", "Autre", "--db", db); code != 1 || !strings.Contains(errs, "déjà ce code") {
		t.Errorf("a second site B: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "site", "add", "X Y", "Nom", "--db", db); code != 1 || !strings.Contains(errs, "sans espace") {
		t.Errorf("a code with a space: exit %d %q", code, errs)
	}
}
