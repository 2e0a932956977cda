package importer

import (
	"context"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// An import into site B: shared columns update the shared record, site
// columns B's part; a customer of A the file names joins B; a new one is
// created on B only; a value outside B's lists is a row error naming the
// list and the site; undo takes the customer off B again.
func TestImportIntoASite(t *testing.T) {
	ctx := context.Background()
	im, svc := newImporter(t)
	main, err := svc.CurrentSite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := svc.AddSite(ctx, "B", "Dépôt", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.PutSiteListEntry(ctx, b.ID, domain.SiteBankCodes, domain.SiteEntry{Code: "BNP-VLB"}); err != nil {
		t.Fatal(err)
	}
	old := &domain.Customer{Code: "C1", Kind: domain.KindCompany, CompanyName: "Les vélos Durand", Email: "durand@example.fr",
		Site: domain.SiteFields{Notes: "Notes de A"}}
	if err := svc.CreateCustomer(ctx, old); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "b.csv", "Code client;Raison sociale;E-mail;Notes;Code banque\n"+
		"C1;Les vélos Dupuis;durand@example.fr;Notes de B;BNP-VLB\n"+
		"C2;Cycles Martin;martin@example.fr;;BNP-VLB\n"+
		"C3;Vélos Bernard;bernard@example.fr;;CA-LYON\n", false)
	req := request(t, im, path)
	req.Options.Site = "B"
	res := commit(t, im, req)
	if c := res.Counts; c.Updated != 1 || c.Created != 1 || c.Errors != 1 {
		t.Fatalf("counts %+v, want 1 updated, 1 created, 1 error", c)
	}
	var bad *Problem
	for i, p := range res.Problems {
		if p.Field == "bank_code" {
			bad = &res.Problems[i]
		}
	}
	if bad == nil || bad.Row != 4 || !strings.Contains(bad.Message.FR, "Codes banque") || !strings.Contains(bad.Message.FR, "site B") {
		t.Errorf("A's bank code on B: %+v", bad)
	}
	onA := customerByEmail(t, svc, "durand@example.fr") // the service is still on the main site
	if onA.Name() != "Les vélos Dupuis" || onA.Site.Site != main.Code || onA.Site.Notes != "Notes de A" || onA.Site.BankCode != "" {
		t.Errorf("on A after the import into B: name %q, site part %+v", onA.Name(), onA.Site)
	}
	sites, _ := svc.CustomerOnSites(ctx, onA.ID)
	if len(sites) != 2 || sites[1].Site.Notes != "Notes de B" || sites[1].Site.BankCode != "BNP-VLB" {
		t.Errorf("C1's sites after the import: %d, B's part %+v", len(sites), sites[len(sites)-1].Site)
	}
	created := customerByEmail(t, svc, "martin@example.fr")
	if on, _ := svc.CustomerSites(ctx, created.ID); len(on) != 1 || on[0].Code != "B" {
		t.Errorf("the new customer is on %+v, want B only", on)
	}
	if _, err := im.Undo(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	back := customerByEmail(t, svc, "durand@example.fr")
	if on, _ := svc.CustomerSites(ctx, back.ID); back.Name() != "Les vélos Durand" || len(on) != 1 {
		t.Errorf("after undo: name %q, on %d sites, want the old name on A only", back.Name(), len(on))
	}
}
