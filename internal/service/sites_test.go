package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// twoSites opens a file with sites A (main, renamed) and B, C1 "Les vélos
// Durand" on both, and returns the service on site B.
func twoSites(t *testing.T) (*Service, *domain.Customer) {
	t.Helper()
	ctx := context.Background()
	svc := openTest(t)
	sites, err := svc.Sites(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 1 || !sites[0].Main {
		t.Fatalf("a new file has one main site, got %+v", sites)
	}
	if err := svc.RenameSite(ctx, sites[0].ID, "A", "Boutique Lyon"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddSite(ctx, "B", "Dépôt Villeurbanne", false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UseSite(ctx, "A", false); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{Code: "C1", Kind: domain.KindCompany, CompanyName: "Les vélos Durand",
		Site: domain.SiteFields{Notes: "Notes de A", CreditLimit: 100000, HighestBalance: 50000}})
	if n, err := svc.AddToSites(ctx, c.ID, []string{"B"}); err != nil || n != 1 {
		t.Fatalf("add to B: %d, %v", n, err)
	}
	if _, err := svc.UseSite(ctx, "B", false); err != nil {
		t.Fatal(err)
	}
	return svc, c
}

// The seed's example: renamed on B, C1 reads "Les vélos Dupuis" on A too,
// while its notes, site credit limit and payment history stay per site.
func TestSharedFieldFollowsTheCustomerSiteFieldsStay(t *testing.T) {
	ctx := context.Background()
	svc, c := twoSites(t)
	onB, err := svc.Customer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if onB.Name() != "Les vélos Durand" || onB.Site.Site != "B" || !onB.Site.Present || onB.Site.Notes != "" {
		t.Fatalf("on B: name %q, site %+v", onB.Name(), onB.Site)
	}
	onB.CompanyName = "Les vélos Dupuis"
	onB.Site.Notes, onB.Site.CreditLimit, onB.Site.HighestBalance = "Notes de B", 20000, 7000
	if err := svc.UpdateCustomer(ctx, onB); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UseSite(ctx, "A", false); err != nil {
		t.Fatal(err)
	}
	onA, err := svc.Customer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if onA.Name() != "Les vélos Dupuis" {
		t.Errorf("name on A = %q, want the name changed on B", onA.Name())
	}
	if onA.Site.Notes != "Notes de A" || onA.Site.CreditLimit != 100000 || onA.Site.HighestBalance != 50000 {
		t.Errorf("A's own part changed with B's: %+v", onA.Site)
	}
	both, err := svc.CustomerOnSites(ctx, c.ID)
	if err != nil || len(both) != 2 || both[0].Site.Site != "A" || both[1].Site.Notes != "Notes de B" {
		t.Fatalf("side by side: %v %+v", err, both)
	}
}

// A site field takes only a value of its site's list: a bank code of
// another site is refused, naming the list and the site.
func TestSiteFieldRefusesAnotherSitesValue(t *testing.T) {
	ctx := context.Background()
	svc, c := twoSites(t)
	sites, _ := svc.Sites(ctx)
	a, b := sites[0], sites[1]
	if err := svc.PutSiteListEntry(ctx, a.ID, domain.SiteBankCodes, domain.SiteEntry{Code: "CA-LYON", Label: "Crédit agricole Lyon"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.PutSiteListEntry(ctx, b.ID, domain.SiteBankCodes, domain.SiteEntry{Code: "BNP-VLB", Label: "BNP Villeurbanne"}); err != nil {
		t.Fatal(err)
	}
	onB, _ := svc.Customer(ctx, c.ID)
	onB.Site.BankCode = "CA-LYON"
	err := svc.UpdateCustomer(ctx, onB)
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.For("bank_code") == nil {
		t.Fatalf("A's bank code on B: err = %v, want a bank_code error", err)
	}
	msg := ve.For("bank_code").FR
	for _, want := range []string{"CA-LYON", "Codes banque", "site B"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
	onB.Site.BankCode = "bnp-vlb" // codes compare without case
	if err := svc.UpdateCustomer(ctx, onB); err != nil {
		t.Fatalf("B's own bank code refused: %v", err)
	}
	if got, _ := svc.Customer(ctx, c.ID); got.Site.BankCode != "BNP-VLB" {
		t.Errorf("bank code stored as %q, want the list's spelling BNP-VLB", got.Site.BankCode)
	}
	if err := svc.DeleteSiteListEntry(ctx, b.ID, domain.SiteBankCodes, "BNP-VLB"); err == nil {
		t.Error("a bank code in use was removed from its list")
	}
}

// Deleting on B keeps the customer on A; deleting on its last site deletes
// it, and a site is not deleted while customers are only there.
func TestDeleteIsPerSite(t *testing.T) {
	ctx := context.Background()
	svc, c := twoSites(t)
	if err := svc.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UseSite(ctx, "A", false); err != nil {
		t.Fatal(err)
	}
	onA, err := svc.Customer(ctx, c.ID)
	if err != nil || !onA.Site.Present || onA.Site.Notes != "Notes de A" {
		t.Fatalf("after deleting on B, on A: %v %+v", err, onA)
	}
	sites, _ := svc.Sites(ctx)
	if sites[1].Customers != 0 || sites[0].Customers != 1 {
		t.Errorf("counts after delete on B: %+v", sites)
	}
	// B now holds nobody only there: it can go. A customer only on B blocks it.
	if _, err := svc.UseSite(ctx, "B", false); err != nil {
		t.Fatal(err)
	}
	only := mustCreate(t, svc, &domain.Customer{LastName: "Seul sur B"})
	if _, err := svc.UseSite(ctx, "A", false); err != nil {
		t.Fatal(err)
	}
	err = svc.DeleteSite(ctx, sites[1].ID)
	if err == nil || !strings.Contains(domain.UserMessage(err, "fr"), "1 client(s) n’existent que sur ce site") {
		t.Fatalf("deleting B with a customer only there: %v", err)
	}
	if err := svc.DeleteSite(ctx, sites[0].ID); err == nil {
		t.Error("the main site was deleted")
	}
	if _, err := svc.UseSite(ctx, "B", false); err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteCustomer(ctx, only.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Customer(ctx, only.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted on its last site, the customer is still there: %v", err)
	}
	if _, err := svc.UseSite(ctx, "A", false); err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteSite(ctx, sites[1].ID); err != nil {
		t.Fatalf("B holds no customer of its own now: %v", err)
	}
}

// The list follows the current site; Query.SiteID 0 is "all sites".
func TestListFollowsTheSite(t *testing.T) {
	ctx := context.Background()
	svc, _ := twoSites(t)
	sites, _ := svc.Sites(ctx)
	mustCreate(t, svc, &domain.Customer{LastName: "Martin"}) // created on B only
	for _, tc := range []struct {
		site int64
		want string
	}{{sites[0].ID, "Les vélos Durand"}, {sites[1].ID, "Les vélos Durand,Martin"}, {0, "Les vélos Durand,Martin"}} {
		rows, err := svc.Search(ctx, store.Query{SiteID: tc.site, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		n, _ := svc.Count(ctx, store.Query{SiteID: tc.site})
		if got := strings.Join(names(rows), ","); got != tc.want || n != len(rows) {
			t.Errorf("site %d: %q (count %d), want %q", tc.site, got, n, tc.want)
		}
		if rows, _ := svc.Search(ctx, store.Query{SiteID: tc.site, Text: "mar"}); tc.site == sites[0].ID && len(rows) != 0 {
			t.Errorf("search on A finds B's customer: %v", names(rows))
		}
	}
	// Text, site and archived filters together, counted as listed.
	mustCreate(t, svc, &domain.Customer{LastName: "Marchand", Archived: true}) // on B
	for _, tc := range []struct {
		q    store.Query
		want string
	}{
		{store.Query{SiteID: sites[1].ID, Text: "mar", Archived: store.FilterNo}, "Martin"},
		{store.Query{SiteID: sites[1].ID, Text: "mar", Archived: store.FilterYes}, "Marchand"},
		{store.Query{SiteID: sites[0].ID, Text: "mar", Archived: store.FilterAny}, ""},
		{store.Query{SiteID: sites[1].ID, Archived: store.FilterYes}, "Marchand"},
		{store.Query{SiteID: sites[0].ID, Archived: store.FilterNo}, "Les vélos Durand"},
	} {
		rows, err := svc.Search(ctx, tc.q)
		n, _ := svc.Count(ctx, tc.q)
		if got := strings.Join(names(rows), ","); err != nil || got != tc.want || n != len(rows) {
			t.Errorf("%+v: %q (count %d, %v), want %q", tc.q, got, n, err, tc.want)
		}
	}
}

// Subordinates are listed under their buying group, which shows its mark;
// the mark cannot be taken off while they are attached.
func TestSubordinatesUnderTheirBuyingGroup(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	central := mustCreate(t, svc, &domain.Customer{Code: "CENTRALE", Kind: domain.KindCompany, CompanyName: "Centrale Vélo", IsBuyingGroup: true})
	mustCreate(t, svc, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Cycles Martin", BuyingGroup: "centrale"})
	mustCreate(t, svc, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Vélo Bernard", BuyingGroup: "CENTRALE"})
	mustCreate(t, svc, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Indépendant"})
	subs, err := svc.Subordinates(ctx, central.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(subs), ","); got != "Cycles Martin,Vélo Bernard" {
		t.Errorf("subordinates = %q", got)
	}
	all, _ := svc.Search(ctx, store.Query{Limit: 10})
	for _, r := range all {
		if r.BuyingGroup != (r.ID == central.ID) {
			t.Errorf("%s: buying-group mark %v", r.Name, r.BuyingGroup)
		}
	}
	err = svc.CreateCustomer(ctx, &domain.Customer{LastName: "X", BuyingGroup: "C000001"})
	if err == nil {
		t.Error("a customer that is not a buying group took subordinates")
	}
	c, _ := svc.Customer(ctx, central.ID)
	c.IsBuyingGroup = false
	if err := svc.UpdateCustomer(ctx, c); err == nil {
		t.Error("the buying-group mark came off with subordinates attached")
	}
}

// The EU VAT number can be changed only while the EU declaration is on.
func TestEUVATFieldsFollowTheSetting(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Boulangerie", VATNumber: "FR44732829320"})
	if err := svc.SetEUDeclaration(ctx, false); err != nil {
		t.Fatal(err)
	}
	c.VATNumber = ""
	if err := svc.UpdateCustomer(ctx, c); !errors.Is(err, domain.ErrEUDeclarationOff) {
		t.Fatalf("VAT cleared with the EU declaration off: %v", err)
	}
	c.VATNumber, c.CompanyName = "FR44732829320", "Boulangerie Martin"
	if err := svc.UpdateCustomer(ctx, c); err != nil {
		t.Fatalf("other fields still change with the declaration off: %v", err)
	}
	if err := svc.SetEUDeclaration(ctx, true); err != nil {
		t.Fatal(err)
	}
	c.VATNumber = ""
	if err := svc.UpdateCustomer(ctx, c); err != nil {
		t.Fatalf("declaration on: %v", err)
	}
}
