package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// newTwoSiteUI opens a window on a file with sites PRINCIPAL and B, C1
// "Les vélos Durand" on both, and B chosen in the window.
func newTwoSiteUI(t *testing.T) (*ui, *domain.Customer) {
	t.Helper()
	u := newTestUI(t)
	ctx := context.Background()
	b, err := u.svc.AddSite(ctx, "B", "Dépôt", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.svc.PutSiteListEntry(ctx, b.ID, domain.SiteBankCodes, domain.SiteEntry{Code: "BNP-VLB", Label: "BNP Villeurbanne"}); err != nil {
		t.Fatal(err)
	}
	c := &domain.Customer{Code: "C1", Kind: domain.KindCompany, CompanyName: "Les vélos Durand", Site: domain.SiteFields{Notes: "Notes du siège"}}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.AddToSites(ctx, c.ID, []string{"B"}); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.CreateCustomer(ctx, &domain.Customer{Code: "C2", LastName: "Seul au siège"}); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.siteBar.load() })
	u.settle(t)
	u.act(func() { u.siteBar.choice.SetSelected(siteLabel(domain.Site{Code: "B", Name: "Dépôt"})) })
	u.settle(t)
	return u, c
}

// With one site, the window shows no site choice and no site filter; a
// second site brings both, and the list follows the site chosen.
func TestSiteChoiceFollowsTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.settle(t)
	if u.siteBar.content.Visible() || u.clients.siteBox.Visible() {
		t.Fatal("a single-site file shows the site choice")
	}
	u2, _ := newTwoSiteUI(t)
	if !u2.siteBar.content.Visible() || !u2.clients.siteBox.Visible() {
		t.Fatal("two sites and no site choice")
	}
	if got := u2.clients.siteFilter.Selected; got != "Ce site\u00a0: B" {
		t.Errorf("the site filter reads %q", got)
	}
	if u2.clients.model.total != 1 || !strings.Contains(u2.windowTexts(), "Les vélos Durand") {
		t.Errorf("site B lists %d customers:\n%s", u2.clients.model.total, u2.windowTexts())
	}
	u2.act(func() { u2.clients.siteFilter.SetSelectedIndex(1) })
	u2.settle(t)
	if u2.clients.model.total != 2 {
		t.Errorf("all sites list %d customers, want 2", u2.clients.model.total)
	}
	if got, _ := u2.svc.CurrentSite(context.Background()); got.Code != "B" {
		t.Errorf("the service works on %s after choosing B", got.Code)
	}
}

// The seed's example in the window: on B, the form keeps the shared record
// and B's own part in separate sections; the name changed on B is A's too,
// B's notes and bank code stay B's.
func TestFormSeparatesSharedAndSiteFields(t *testing.T) {
	u, c := newTwoSiteUI(t)
	ctx := context.Background()
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	f := u.lastForm
	if got := f.sections.Items[tabSite].Text; got != "Site B" {
		t.Errorf("the site section is titled %q", got)
	}
	if !strings.Contains(u.windowTexts(), "Fiche partagée par les sites PRINCIPAL, B") {
		t.Errorf("the form does not say which sites share the record:\n%s", u.windowTexts())
	}
	if f.fields.notes.Text != "" {
		t.Errorf("B shows the main site's notes %q", f.fields.notes.Text)
	}
	u.act(func() {
		f.fields.companyName.SetText("Les vélos Dupuis")
		f.fields.notes.SetText("Notes de B")
		f.fields.site.lists["bank_code"].SetSelected("BNP-VLB — BNP Villeurbanne")
		test.Tap(f.save)
	})
	u.settle(t)
	both, err := u.svc.CustomerOnSites(ctx, c.ID)
	if err != nil || len(both) != 2 {
		t.Fatalf("sites: %v %d", err, len(both))
	}
	main, b := both[0], both[1]
	if main.Name() != "Les vélos Dupuis" || main.Site.Notes != "Notes du siège" || main.Site.BankCode != "" {
		t.Errorf("main site after the save on B: %q, %+v", main.Name(), main.Site)
	}
	if b.Site.Notes != "Notes de B" || b.Site.BankCode != "BNP-VLB" {
		t.Errorf("B's part: %+v (form: %q)", b.Site, f.errors.Text)
	}
}

// A customer of the main site opened on B: its site fields wait for "Add
// to this site", which puts it on B when saved.
func TestFormAddsACustomerToTheSite(t *testing.T) {
	u, _ := newTwoSiteUI(t)
	ctx := context.Background()
	u.act(func() { u.clients.siteFilter.SetSelectedIndex(1) })
	u.settle(t)
	rows, _ := u.svc.Search(ctx, store.Query{Text: "Seul"})
	u.act(func() { u.openCustomer(rows[0].ID) })
	u.settle(t)
	f := u.lastForm
	if !f.fields.notes.Disabled() || !f.fields.site.notPresent.Visible() {
		t.Fatal("the site fields of a customer not on B are open")
	}
	u.act(func() { f.sections.SelectIndex(tabSite) })
	u.tapIn(f.sections.Items[tabSite].Content, "Ajouter à ce site")
	u.act(func() {
		f.fields.notes.SetText("Arrivé sur B")
		test.Tap(f.save)
	})
	u.settle(t)
	on, _ := u.svc.CustomerSites(ctx, rows[0].ID)
	if len(on) != 2 {
		t.Errorf("after Add to this site the customer is on %d sites (form: %q)", len(on), f.errors.Text)
	}
}

// A buying group shows its mark in the list, and its subordinates from
// the form; the EU VAT number is locked while the declaration is off.
func TestBuyingGroupMarkAndEUVATLock(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	central := &domain.Customer{Code: "CENT", Kind: domain.KindCompany, CompanyName: "Centrale Vélo", IsBuyingGroup: true}
	if err := u.svc.CreateCustomer(ctx, central); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.CreateCustomer(ctx, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Cycles Martin", BuyingGroup: "CENT"}); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.SetEUDeclaration(ctx, false); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.Refresh() })
	u.settle(t)
	if !strings.Contains(u.windowTexts(), "Centrale Vélo — centrale") || strings.Contains(u.windowTexts(), "Cycles Martin — centrale") {
		t.Errorf("the list shows no buying-group mark:\n%s", u.windowTexts())
	}
	u.act(func() { u.openCustomer(central.ID) })
	u.settle(t)
	f := u.lastForm
	if !f.fields.vat.Disabled() {
		t.Error("the EU VAT number can be typed with the EU declaration off")
	}
	u.act(func() { test.Tap(f.fields.shared.subordinates) })
	u.settle(t)
	if !strings.Contains(u.windowTexts(), "Cycles Martin") || !strings.Contains(u.windowTexts(), "1 client subordonné") {
		t.Errorf("the subordinates dialog does not list Cycles Martin:\n%s", u.windowTexts())
	}
}

// A new customer given, on B, the code of a customer of the main site is
// offered to join B with its shared record filled in (seed 001), instead
// of being refused as a duplicate.
func TestNewCustomerWithAnotherSitesCodeJoinsTheSite(t *testing.T) {
	u, _ := newTwoSiteUI(t)
	ctx := context.Background()
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		f.fields.code.SetText("C2")
		f.fields.lastName.SetText("Autre nom")
		test.Tap(f.save)
	})
	u.settle(t)
	if !strings.Contains(u.windowTexts(), "existe déjà sur un autre site") {
		t.Fatalf("no offer to add C2 to site B:\n%s", u.windowTexts())
	}
	var yes *widget.Button
	for _, o := range u.win.Canvas().Overlays().List() {
		if b := findButton(o, "Oui"); b != nil {
			yes = b
		}
	}
	if yes == nil {
		t.Fatalf("the offer has no Oui:\n%s", u.windowTexts())
	}
	u.act(func() { test.Tap(yes) })
	u.settle(t)
	g := u.lastForm
	if g == f || g.fields.lastName.Text != "Seul au siège" || g.fields.notes.Disabled() {
		t.Fatalf("the form reopened with %q (site fields open: %v)", g.fields.lastName.Text, !g.fields.notes.Disabled())
	}
	u.act(func() {
		g.fields.notes.SetText("Client aussi du dépôt")
		test.Tap(g.save)
	})
	u.settle(t)
	rows, _ := u.svc.Search(ctx, store.Query{Text: "Seul", Archived: store.FilterAny})
	if len(rows) != 1 {
		t.Fatalf("%d customers named Seul: a second record was made", len(rows))
	}
	if on, _ := u.svc.CustomerSites(ctx, rows[0].ID); len(on) != 2 {
		t.Errorf("C2 is on %d sites after joining B (form: %q)", len(on), g.errors.Text)
	}
}
