package shopsync

import (
	"context"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
	"carnet/internal/testsvc"
)

func newSyncer(t *testing.T) (*Syncer, *service.Service) {
	svc := testsvc.Open(t)
	return New(svc), svc
}

// shopifySettings fit Shopify's 13-digit customer IDs: WEB + ID in 16.
func shopifySettings() Settings {
	set := DefaultSettings
	set.Shop, set.CodeLength = ShopShopify, 16
	set.LedgerMode, set.LedgerPrefix, set.LedgerLength = LedgerPerCustomer, "411", 16
	set.SalesRep = "Julie"
	return set
}

func rowOf(t *testing.T, p *Plan, email string) Row {
	t.Helper()
	for _, r := range p.Rows {
		if r.Email == email {
			return r
		}
	}
	t.Fatalf("no row for %s in %+v", email, p.Rows)
	return Row{}
}

func TestShopifySyncDryRunThenRunThenAgainThenUndo(t *testing.T) {
	ctx := context.Background()
	s, svc := newSyncer(t)
	req := Request{Shop: ShopShopify, Files: []string{fixture("shopify_customers_2022.csv")}, Settings: shopifySettings()}

	dry, err := s.DryRun(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if dry.Counts.Created != 4 || dry.Batch != 0 {
		t.Fatalf("dry run: %+v", dry.Counts)
	}
	if n, _ := svc.Count(ctx, storeAll()); n != 0 {
		t.Fatalf("a dry run wrote %d customers", n)
	}
	camille := rowOf(t, dry, "camille.martin@example.com")
	if camille.Code != "WEB7123456789012" || camille.Action != ActionCreate || camille.Orders != 1 {
		t.Errorf("Camille in the dry run: %+v", camille)
	}

	run, err := s.Run(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if run.Counts.Created != 4 || run.Batch == 0 || run.Counts.Orders != dry.Counts.Orders {
		t.Fatalf("run: %+v batch %d, dry run said %+v", run.Counts, run.Batch, dry.Counts)
	}
	c, err := customerByCode(ctx, svc, "WEB7123456789012")
	if err != nil {
		t.Fatal(err)
	}
	if c.Email != "camille.martin@example.com" || c.AccountNumber != "4117123456789012" || c.SalesRep != "Julie" ||
		c.MarketingConsent != domain.ConsentYes || c.Billing.Postcode != "69003" || len(c.Phones) == 0 {
		t.Errorf("Camille stored as %+v", c)
	}
	docs, err := svc.Documents(ctx, c.ID)
	if err != nil || len(docs) != 1 || docs[0].Total != 18450 || docs[0].CustomerCode != c.Code {
		t.Fatalf("Camille's orders: %+v, %v", docs, err)
	}

	again, err := s.Run(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Orders != 0 {
		t.Fatalf("the same export synced again: %+v", again.Counts)
	}

	hist, err := s.History(ctx)
	if err != nil || len(hist) != 2 || hist[0].ID != again.Batch || !strings.Contains(hist[0].File, "shopify_customers_2022.csv") {
		t.Fatalf("history %+v, %v", hist, err)
	}
	if _, err := s.Undo(ctx, again.Batch); err != nil {
		t.Fatal(err)
	}
	undo, err := s.Undo(ctx, run.Batch)
	if err != nil {
		t.Fatal(err)
	}
	if undo.Removed != 4 || undo.Documents != run.Counts.Orders {
		t.Fatalf("undo: %+v", undo)
	}
	if n, _ := svc.Count(ctx, storeAll()); n != 0 {
		t.Fatalf("%d customers left after the undo", n)
	}
}

func TestEmailFirstAttachesAndKeepsTheStoredCode(t *testing.T) {
	ctx := context.Background()
	s, svc := newSyncer(t)
	known := &domain.Customer{Code: "C0001", Kind: domain.KindPerson, LastName: "Martin", FirstName: "Camille",
		Email: "camille.martin@example.com", SalesRep: "Paul", Billing: domain.Address{Line1: "1 rue Ancienne", Postcode: "69001", City: "Lyon"}}
	if err := svc.CreateCustomer(ctx, known); err != nil {
		t.Fatal(err)
	}
	set := shopifySettings()
	set.UpdateBilling = false
	plan, err := s.Run(ctx, Request{Shop: ShopShopify, Files: []string{fixture("shopify_customers_2022.csv")}, Settings: set})
	if err != nil {
		t.Fatal(err)
	}
	r := rowOf(t, plan, "camille.martin@example.com")
	if r.Code != "C0001" || r.Action == ActionCreate || r.Why.FR != "même e-mail" {
		t.Fatalf("Camille, known by e-mail: %+v", r)
	}
	c, _ := svc.Customer(ctx, known.ID)
	if c.Code != "C0001" || c.SalesRep != "Paul" || c.Billing.Line1 != "1 rue Ancienne" {
		t.Errorf("a found customer's code, representative or billing address (update off) changed: %+v", c)
	}
	if docs, _ := svc.Documents(ctx, known.ID); len(docs) != 1 {
		t.Errorf("her order is not on her record: %+v", docs)
	}
}

func TestCatchAllPutsEveryOrderOnOneCustomer(t *testing.T) {
	ctx := context.Background()
	s, svc := newSyncer(t)
	set := shopifySettings()
	set.AccountMode, set.CatchAllCode, set.EmailFirst = AccountCatchAll, "WEBDIVERS", false
	req := Request{Shop: ShopShopify, Files: []string{fixture("shopify_customers_2022.csv")}, Settings: set}
	if _, err := s.DryRun(ctx, req); err == nil || !strings.Contains(domain.UserMessage(err, "fr"), "WEBDIVERS") {
		t.Fatalf("a catch-all customer that does not exist: %v", err)
	}
	divers := &domain.Customer{Code: "WEBDIVERS", Kind: domain.KindCompany, CompanyName: "Clients web divers"}
	if err := svc.CreateCustomer(ctx, divers); err != nil {
		t.Fatal(err)
	}
	plan, err := s.Run(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Counts.Created != 0 || plan.Counts.Attached != 4 {
		t.Fatalf("catch-all: %+v", plan.Counts)
	}
	docs, _ := svc.Documents(ctx, divers.ID)
	if len(docs) != plan.Counts.Orders || len(docs) == 0 {
		t.Fatalf("catch-all documents %d, plan said %d", len(docs), plan.Counts.Orders)
	}
	if n, _ := svc.Count(ctx, storeAll()); n != 1 {
		t.Errorf("%d customers: web customers were created in catch-all mode", n)
	}
}

func TestAnIDThatDoesNotFitIsRefusedNamingIt(t *testing.T) {
	s, _ := newSyncer(t)
	set := shopifySettings()
	set.CodeLength = 10 // WEB + 13 digits cannot fit
	plan, err := s.DryRun(context.Background(), Request{Shop: ShopShopify, Files: []string{fixture("shopify_customers_2022.csv")}, Settings: set})
	if err != nil {
		t.Fatal(err)
	}
	r := rowOf(t, plan, "camille.martin@example.com")
	if plan.Counts.Refused != 4 || r.Action != ActionRefuse || !strings.Contains(r.Why.FR, "7123456789012") || !strings.Contains(r.Why.FR, "rien n’est tronqué") {
		t.Fatalf("refusal: %+v %+v", plan.Counts, r)
	}
}

func TestGenericShopGoesToTheWizard(t *testing.T) {
	s, _ := newSyncer(t)
	set := DefaultSettings
	set.Shop = ShopGeneric
	_, err := s.DryRun(context.Background(), Request{Shop: ShopGeneric, Files: []string{fixture("shopify_customers_2022.csv")}, Settings: set})
	if err != ErrGeneric {
		t.Fatalf("err = %v", err)
	}
}

func storeAll() store.Query { return store.Query{Archived: store.FilterAny} }

func customerByCode(ctx context.Context, svc *service.Service, code string) (*domain.Customer, error) {
	var c *domain.Customer
	err := svc.Store.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.CustomerBy(ctx, "code", code)
		return err
	})
	return c, err
}

// Magento's customer files carry no customer number: a customer already
// here is found by e-mail and updated, a new one is refused with the way
// out.
func TestWithoutShopIDOnlyKnownCustomersComeIn(t *testing.T) {
	ctx := context.Background()
	file := corpusFile(t, "magento/m2_sample_customer_composite.csv")
	s, svc := newSyncer(t)
	set := DefaultSettings
	set.Shop = ShopMagento
	req := Request{Shop: ShopMagento, Files: []string{file}, Settings: set}
	plan, err := s.DryRun(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if r := rowOf(t, plan, "jondoe@example.com"); r.Action != ActionRefuse || !strings.Contains(r.Why.FR, "grille Clients") {
		t.Fatalf("an unknown customer without a shop number: %+v", r)
	}
	jon := &domain.Customer{Code: "C0042", Kind: domain.KindPerson, LastName: "Doe", FirstName: "Jon", Email: "jondoe@example.com"}
	if err := svc.CreateCustomer(ctx, jon); err != nil {
		t.Fatal(err)
	}
	plan, err = s.Run(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	r := rowOf(t, plan, "jondoe@example.com")
	if r.Action != ActionUpdate || r.Code != "C0042" {
		t.Fatalf("a known customer without a shop number: %+v", r)
	}
	c, _ := svc.Customer(ctx, jon.ID)
	if c.Code != "C0042" || c.Billing.Line1 != "Main Street 1" || c.Billing.Line2 != "Suite 200" || c.Billing.City != "Campbell" {
		t.Errorf("Jon after the sync: %+v", c.Billing)
	}
}
