package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/store"
)

func TestCreateCustomerThroughFormShowsInTable(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	if f == nil {
		t.Fatal("the form did not open")
	}
	u.act(func() { test.Type(f.fields.lastName, "Dupré") })
	u.act(func() { test.Type(f.fields.firstName, "Élodie") })
	u.act(func() { test.Type(f.fields.email, "Elodie.Dupre@Exemple.fr") })
	u.act(func() { test.Type(f.fields.creditLimit, "1 234,56") })
	u.act(func() { f.fields.disappointed.SetChecked(true) })
	u.act(func() { test.Tap(f.save) })
	u.settle(t)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	u.act(func() { u.clients.search.SetText("dupré") })
	u.settle(t)
	got := u.windowTexts()
	if got := u.clients.count.Text; got != "1 client" {
		t.Errorf("the count says %q, want \"1 client\"", got)
	}
	for _, want := range []string{"Dupré Élodie", "elodie.dupre@exemple.fr"} {
		if !strings.Contains(got, want) {
			t.Errorf("table should show %q; window shows:\n%s", want, got)
		}
	}
	c, err := u.svc.CustomerByReference(context.Background(), firstCode(t, u))
	if err != nil || c.CreditLimit != 123456 || !c.Disappointed {
		t.Fatalf("stored %+v, %v", c, err)
	}
}

func firstCode(t *testing.T, u *ui) string {
	rows, err := u.svc.Search(context.Background(), store.Query{Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no customer: %v", err)
	}
	return rows[0].Code
}

func TestBadEmailShowsMessageAndBlocksSave(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() { test.Type(f.fields.lastName, "Martin") })
	u.act(func() { test.Type(f.fields.email, "martin@@exemple") })
	if err := f.fields.email.Validate(); err == nil || !strings.Contains(err.Error(), "n’est pas une adresse e-mail valide") {
		t.Fatalf("validator says %v", err)
	}
	u.act(func() { test.Tap(f.save) })
	u.settle(t)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "n’est pas une adresse e-mail valide") {
		t.Fatalf("error shown: %q", f.errors.Text)
	}
	if n, _ := u.svc.Count(context.Background(), store.Query{}); n != 0 {
		t.Fatalf("%d customers saved despite the bad email", n)
	}
}

func TestDeleteGroupMovesMembers(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	if _, err := u.svc.CreateGroup(ctx, "VIP", 1000); err != nil {
		t.Fatal(err)
	}
	proID, err := u.svc.CreateGroup(ctx, "Pros", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Alpha", "Bravo", "Charlie"} {
		if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: n, Groups: []string{"VIP"}}); err != nil {
			t.Fatal(err)
		}
	}
	u.act(func() { u.groups.reload() })
	u.settle(t)
	var vip domain.Group
	for _, g := range u.groups.groups {
		if g.Name == "VIP" {
			vip = g
		}
	}
	if vip.Members != 3 {
		t.Fatalf("VIP shows %d members", vip.Members)
	}
	u.act(func() { u.groups.deleteDialog(vip) })
	// the dialog offers the other groups; the user picks Pros and confirms
	if !strings.Contains(u.windowTexts(), "Déplacer ses clients vers") {
		t.Fatalf("the delete dialog does not ask where members go:\n%s", u.windowTexts())
	}
	u.act(func() { u.groups.delete(vip.ID, proID) })
	u.settle(t)
	members, err := u.svc.GroupMembers(ctx, proID)
	if err != nil || len(members) != 3 {
		t.Fatalf("Pros has %d members (%v)", len(members), err)
	}
	u.act(func() { u.groups.showMembers(domain.Group{ID: proID, Name: "Pros"}) })
	u.settle(t)
	got := u.windowTexts()
	for _, n := range []string{"Alpha", "Bravo", "Charlie", "3 clients"} {
		if !strings.Contains(got, n) {
			t.Errorf("Clients tab filtered on Pros should show %q:\n%s", n, got)
		}
	}
}

func TestDeleteCustomerKeepsDocuments(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	c := &domain.Customer{Kind: domain.KindCompany, CompanyName: "Boulangerie Lefèvre"}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.AddDocument(ctx, c.ID, "invoice", "F-0001", 4250); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	f := u.lastForm
	u.act(func() { f.delete() }) // what the confirmation's OK runs
	u.settle(t)
	if _, err := u.svc.Customer(ctx, c.ID); err == nil {
		t.Fatal("customer still in the directory")
	}
	if strings.Contains(u.windowTexts(), "Boulangerie Lefèvre") {
		t.Fatal("deleted customer still listed")
	}
	u.act(func() { u.showHistoryByCode(c.Code) })
	u.settle(t)
	got := u.windowTexts()
	for _, want := range []string{c.Code + " — Boulangerie Lefèvre", "Facture F-0001", "42,50"} {
		if !strings.Contains(got, want) {
			t.Errorf("history should show %q:\n%s", want, got)
		}
	}
}

func TestSortToggleAndIndicator(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	for _, n := range []string{"Abel", "Zoé"} {
		if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: n}); err != nil {
			t.Fatal(err)
		}
	}
	u.act(func() { u.Refresh() })
	u.settle(t)
	if r := u.clients.model.row(0); r == nil || r.Name != "Abel" {
		t.Fatalf("first row %+v", r)
	}
	u.act(func() { u.clients.sortBy(store.SortName) })
	u.settle(t)
	if r := u.clients.model.row(0); r == nil || r.Name != "Zoé" {
		t.Fatalf("after toggling, first row %+v", r)
	}
	name := findButton(u.win.Canvas().Content(), "Nom")
	if name == nil || name.Icon != theme.MenuDropDownIcon() {
		t.Errorf("the Nom header should show the descending icon: %+v", name)
	}
	if b := findButton(u.win.Canvas().Content(), "Code"); b == nil || b.Icon != nil {
		t.Errorf("the unsorted Code header should be a button without icon: %+v", b)
	}
	// Groups cannot sort: a plain label, not a button that does nothing.
	if b := findButton(u.win.Canvas().Content(), "Groupes"); b != nil {
		t.Errorf("the Groupes header looks clickable but cannot sort")
	}
	if !strings.Contains(u.windowTexts(), "Groupes") {
		t.Errorf("the Groupes header is gone:\n%s", u.windowTexts())
	}
}

func TestEmptyFileShowsFirstLaunchActions(t *testing.T) {
	u := newTestUI(t)
	got := u.windowTexts()
	for _, want := range []string{"Importer un fichier", "Charger des exemples"} {
		if !strings.Contains(got, want) {
			t.Errorf("first launch should offer %q:\n%s", want, got)
		}
	}
}

func TestScanningLoyaltyCardOpensCustomer(t *testing.T) {
	u := newTestUI(t)
	c := &domain.Customer{LastName: "Moreau", FirstName: "Hélène", Reference: "2900000123457", Disappointed: true}
	if err := u.svc.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.Refresh() })
	u.settle(t)
	u.act(func() {
		u.win.Canvas().Focus(u.clients.search)
		test.Type(u.clients.search, c.Reference)
		u.clients.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	u.settle(t)
	if u.lastForm == nil {
		t.Fatal("scanning the card did not open the customer")
	}
	if got := u.lastForm.title.Text; got != "Moreau Hélène" {
		t.Errorf("form title %q", got)
	}
	if !u.lastForm.mark.Visible() {
		t.Error("the disappointed customer's form title has no red mark")
	}
}

func TestShortcuts(t *testing.T) {
	u := newTestUI(t)
	if err := u.svc.CreateCustomer(context.Background(), &domain.Customer{LastName: "Petit"}); err != nil {
		t.Fatal(err)
	}
	u.act(u.Refresh) // the search box shows once the file is not empty
	u.settle(t)
	keys := u.shortcutActions()
	u.act(keys[fyne.KeyI])
	if u.tabs.Selected() != u.importItem {
		t.Error("Ctrl+I did not show the Import tab")
	}
	u.act(keys[fyne.KeyF])
	if u.tabs.Selected() != u.clientsItem || u.win.Canvas().Focused() != u.clients.search {
		t.Error("Ctrl+F did not focus the search box")
	}
	u.act(keys[fyne.KeyN])
	u.settle(t)
	if u.lastForm == nil || !strings.Contains(u.windowTexts(), "Nouveau client") {
		t.Fatal("Ctrl+N did not open a new customer form")
	}
}

// While an import holds the database, Save waits; the form says why, and
// saves once the import is over.
func TestSaveDuringAnImportSaysItWaits(t *testing.T) {
	defer func(old time.Duration) { saveWaitNotice = old }(saveWaitNotice)
	saveWaitNotice = 50 * time.Millisecond
	u := newTestUI(t)
	held, release := make(chan struct{}), make(chan struct{})
	go u.svc.Store.Update(context.Background(), func(tx *store.Tx) error {
		close(held) // the import's transaction, as long as release is open
		<-release
		return nil
	})
	<-held
	u.act(func() { u.openNewCustomer() })
	u.settle(t) // the form's lists load from the read connections
	f := u.lastForm
	u.act(func() { test.Type(f.fields.lastName, "Lambert") })
	u.act(func() { test.Tap(f.save) })
	var text string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		u.act(func() {
			if f.errors.Visible() {
				text = f.errors.Text
			}
		})
		if text != "" {
			break
		}
	}
	if !strings.Contains(text, "En attente de la fin de l’importation") {
		t.Errorf("while the import runs the form says %q", text)
	}
	close(release)
	u.settle(t)
	if n, err := u.svc.Count(context.Background(), store.Query{Text: "lambert"}); err != nil || n != 1 {
		t.Errorf("after the import: %d customers named Lambert, %v", n, err)
	}
}

// TestFormWritesMoneyAsTheListDoes: an amount reads the same in the form as
// in the list and the balance, in each language, and saving the form
// unchanged keeps it.
func TestFormWritesMoneyAsTheListDoes(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	c := &domain.Customer{LastName: "Roux", CreditLimit: 123456}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	f := u.lastForm
	if got, want := f.fields.creditLimit.Text, format.Money(123456, "fr"); got != want {
		t.Errorf("the form shows %q, the list %q", got, want)
	}
	u.act(func() { test.Tap(f.save) })
	u.settle(t)
	got, err := u.svc.Customer(ctx, c.ID)
	if err != nil || got.CreditLimit != 123456 {
		t.Fatalf("after saving unchanged: %d (%v); form says %q", got.CreditLimit, err, f.errors.Text)
	}
}
