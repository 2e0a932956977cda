package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

// TestListsOfferedByTheForm: the civility offers the civilities list, the
// price types theirs, and the marketing source the active sources, while
// a customer keeps the archived one it has.
func TestListsOfferedByTheForm(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	for l, names := range map[domain.RefList][]string{
		domain.ListCivilities: {"Maître"},
		domain.ListPriceTypes: {"Public", "Revendeur"},
		domain.ListMarketing:  {"Salon", "Flyer"},
	} {
		for _, n := range names {
			if err := u.svc.AddRef(ctx, l, n); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := &domain.Customer{LastName: "Blanc", MarketingSource: "Flyer", PriceTypeSales: "Revendeur"}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	sources, _ := u.svc.RefValues(ctx, domain.ListMarketing)
	flyer, _ := domain.FindRef(sources, "Flyer")
	if err := u.svc.ArchiveRef(ctx, domain.ListMarketing, flyer.ID, true); err != nil {
		t.Fatal(err)
	}

	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	for _, want := range []string{"M.", "Mme", "Maître"} {
		if !slices.Contains(f.fields.civility.Options, want) {
			t.Errorf("the civility offers %v, without %q", f.fields.civility.Options, want)
		}
	}
	for _, s := range []string{"Public", "Revendeur", ""} {
		if !slices.Contains(f.fields.priceSales.Options, s) || !slices.Contains(f.fields.priceOrders.Options, s) {
			t.Errorf("the price types offer %v / %v, without %q", f.fields.priceSales.Options, f.fields.priceOrders.Options, s)
		}
	}
	if !slices.Contains(f.fields.source.Options, "Salon") || slices.Contains(f.fields.source.Options, "Flyer") {
		t.Errorf("a new customer is offered the sources %v: Salon, not the archived Flyer", f.fields.source.Options)
	}

	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	g := u.lastForm
	if g.fields.source.Selected != "Flyer" || !slices.Contains(g.fields.source.Options, "Flyer") {
		t.Fatalf("the customer's archived source is not kept: %q of %v", g.fields.source.Selected, g.fields.source.Options)
	}
	u.act(func() {
		g.fields.civility.SetSelected("Maître")
		test.Tap(g.save)
	})
	u.settle(t)
	got, err := u.svc.Customer(ctx, c.ID)
	if err != nil || got.Civility != "Maître" || got.MarketingSource != "Flyer" || got.PriceTypeSales != "Revendeur" {
		t.Fatalf("after saving: %+v, %v (form says %q)", got, err, g.errors.Text)
	}
}

// TestApplicableDiscountOnTheFormAndInTheList: the form says which
// discount applies and where it comes from, as the groups and the own
// discount change; the list's Remise column shows it.
func TestApplicableDiscountOnTheFormAndInTheList(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	if _, err := u.svc.CreateGroup(ctx, "Pro", 1000); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.CreateGroup(ctx, "Amis", 500); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	ff := f.fields
	if got := ff.applicable.Text; got != "Remise applicable\u00a0: aucune" {
		t.Errorf("with no group: %q", got)
	}
	u.act(func() { ff.groups.SetSelected([]string{"Pro", "Amis"}) })
	if got := ff.applicable.Text; got != "Remise applicable\u00a0: 10\u00a0% (groupe Pro)" {
		t.Errorf("in Pro and Amis: %q", got)
	}
	u.act(func() { test.Type(ff.discSales, "12,5") })
	if got := ff.applicable.Text; got != "Remise applicable\u00a0: 12,5\u00a0% (remise propre au client)" {
		t.Errorf("with its own discount: %q", got)
	}
	u.act(func() {
		ff.discSales.SetText("")
		test.Type(ff.lastName, "Garnier")
		test.Tap(f.save)
	})
	u.settle(t)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: "Hubert", DiscountSales: 700, Groups: []string{"Pro"}}); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.clients.reload() })
	u.settle(t)
	shown := u.windowTexts()
	for _, want := range []string{"Remise", "10\u00a0% (Pro)", "7\u00a0%"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the list should show %q:\n%s", want, shown)
		}
	}
}

// TestColumnChooserShowsACustomFieldAndRemembersIt: a custom field becomes
// a column when ticked under "Colonnes…", and stays one on the next start.
func TestColumnChooserShowsACustomFieldAndRemembersIt(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	if _, err := u.svc.SaveCustomField(ctx, domain.CustomField{Name: "Pointure", Type: domain.CustomNumber}); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: "Leroy", Custom: map[string]string{"Pointure": "42.5"}}); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.clients.reload() })
	u.settle(t)
	if strings.Contains(u.windowTexts(), "42,5") {
		t.Fatal("a custom field is a column before being chosen")
	}
	u.tapIn(u.win.Canvas().Content(), "Colonnes…")
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(visibleTexts(top), "\n"), "Pointure") {
		t.Fatal("Colonnes… does not offer the custom field")
	}
	u.act(func() { u.clients.setColumnShown(domain.CustomPrefix+"Pointure", true) }) // what its check does
	u.settle(t)
	if shown := u.windowTexts(); !strings.Contains(shown, "Pointure") || !strings.Contains(shown, "42,5") {
		t.Fatalf("the Pointure column is not shown:\n%s", shown)
	}
	again := newClientsTab(u)
	if !again.shown[domain.CustomPrefix+"Pointure"] || !again.shown[colDiscount] {
		t.Errorf("the choice is not remembered: %v", again.shown)
	}
}

// TestEmployeeWithoutPermissionIsToldWhyAndNothingChanges: with operators
// on, an employee who may not delete nor adjust balances is told which
// permission is missing, and the customer and its balance stay.
func TestEmployeeWithoutPermissionIsToldWhyAndNothingChanges(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	c := &domain.Customer{LastName: "Fabre"}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.SaveOperator(ctx, domain.Operator{Name: "Patron", Role: domain.RoleOwner}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.SaveOperator(ctx, domain.Operator{Name: "Léa", Role: domain.RoleEmployee,
		Permissions: []domain.Permission{domain.PermImport}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.SetOperatorsOn(ctx, true); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.SignIn(ctx, "Léa", ""); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	f := u.lastForm
	overlays := len(u.win.Canvas().Overlays().List())
	u.act(func() { test.Tap(f.del) })
	u.settle(t)
	if n := len(u.win.Canvas().Overlays().List()); n != overlays {
		t.Errorf("Delete asked for confirmation (%d layers, %d before) when it cannot be done", n, overlays)
	}
	// The service's own message: who, and which permission is missing.
	deny := "« " + domain.PermDelete.Label().FR + " »"
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, deny) || !strings.Contains(f.errors.Text, "Léa") {
		t.Fatalf("Delete should say Léa lacks %s; the form says %q", deny, f.errors.Text)
	}
	u.act(func() { f.delete() }) // the service refuses too, if asked
	u.settle(t)
	if !strings.Contains(f.errors.Text, deny) {
		t.Fatalf("the service's refusal shows %q", f.errors.Text)
	}
	if _, err := u.svc.Customer(ctx, c.ID); err != nil {
		t.Fatalf("the customer is gone: %v", err)
	}

	// The balance: its button is greyed out with the reason, and the
	// dialog shows the service's refusal.
	u.act(func() { f.sections.SelectIndex(tabNotes + 1) })
	u.settle(t)
	adjust := findButton(f.sections.Selected().Content, "Ajuster le solde")
	if adjust == nil || !adjust.Disabled() {
		t.Errorf("Ajuster le solde is not greyed out for Léa")
	}
	adjustDeny := "« " + domain.PermBalance.Label().FR + " »"
	if !strings.Contains(u.windowTexts(), adjustDeny) {
		t.Errorf("the balance does not say which permission is missing:\n%s", u.windowTexts())
	}
	u.act(func() { u.adjustBalanceDialog(c, func() {}) })
	top := u.win.Canvas().Overlays().Top()
	amount := uitest.Find(top, func(e *widget.Entry) bool { return e.Text == "" })
	if amount == nil {
		t.Fatal("no amount entry in the dialog")
	}
	u.act(func() { test.Type(amount, "10,00") })
	u.tapIn(top, "Enregistrer")
	u.settle(t)
	if !strings.Contains(strings.Join(visibleTexts(top), "\n"), adjustDeny) {
		t.Errorf("the dialog does not show the refusal:\n%s", strings.Join(visibleTexts(top), "\n"))
	}
	if _, total, _ := u.svc.Ledger(ctx, c.ID); total != 0 {
		t.Errorf("the balance changed to %d", total)
	}
}

// TestFormChecksWithTheSettings: the default phone region and the account
// prefix of the settings apply to what the form accepts.
func TestFormChecksWithTheSettings(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	brussels := "02 512 34 56" // nine digits: Belgian, not French
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	if err := u.lastForm.fields.checkPhone(brussels); err == nil {
		t.Fatal("a Brussels number is accepted with France as the default region")
	}
	if err := u.svc.SetPhoneRegion(ctx, "BE"); err != nil {
		t.Fatal(err)
	}
	if err := u.svc.SetAccounting(ctx, "411000", "411"); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		test.Type(f.fields.lastName, "Peeters")
		f.fields.account.SetText("512000")
		test.Tap(f.save)
	})
	u.settle(t)
	if !strings.Contains(f.errors.Text, "411") {
		t.Fatalf("an account outside 411 should be refused: %q", f.errors.Text)
	}
	u.act(func() { f.fields.account.SetText("411PEETERS") })
	num := uitest.Find(f.fields.phones.box, func(e *formEntry) bool { return e.PlaceHolder == "06 12 34 56 78" })
	if num == nil {
		t.Fatal("no phone entry")
	}
	u.act(func() {
		test.Type(num, brussels)
		test.Tap(f.save)
	})
	u.settle(t)
	if f.errors.Visible() {
		t.Fatalf("refused: %s", f.errors.Text)
	}
	c, err := u.svc.CustomerByReference(ctx, firstCode(t, u))
	if err != nil || len(c.Phones) != 1 || c.Phones[0].Number != "+3225123456" || c.AccountNumber != "411PEETERS" {
		t.Fatalf("stored %+v, %v", c, err)
	}
}
