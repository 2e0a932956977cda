package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/importer"
	"carnet/internal/service"
	"carnet/internal/store"
	"carnet/internal/testsvc"
)

// newFile opens an empty customer file with a clock that moves on.
func newFile(t *testing.T) *service.Service { return testsvc.Open(t) }

// fillFile stores customers that use every kind of value a round trip can
// spoil: leading zeros, long digit strings, French and foreign phones,
// several groups, a shipping address, custom fields of each type, money,
// a balance, text that starts like a formula, accents.
func fillFile(t *testing.T, svc *service.Service) []*domain.Customer {
	t.Helper()
	ctx := context.Background()
	for _, cf := range []domain.CustomField{
		{Name: "Passeport", Type: domain.CustomText},
		{Name: "Surface", Type: domain.CustomNumber},
		{Name: "Anniversaire", Type: domain.CustomDate},
		{Name: "VIP", Type: domain.CustomBool},
	} {
		if _, err := svc.SaveCustomField(ctx, cf); err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range []string{"Boulangeries", "Lyon"} {
		if _, err := svc.CreateGroup(ctx, g, 500); err != nil {
			t.Fatal(err)
		}
	}
	customers := []*domain.Customer{
		{Code: "C000123", Kind: domain.KindPerson, Civility: "Mme", LastName: "Lefèvre", FirstName: "Zoé",
			Email: "zoe.lefevre@example.fr", Phones: []domain.Phone{{Number: "+33612345678"}, {Number: "+3225550102"}},
			Billing:  domain.Address{Line1: "3 rue de l’Église", Line2: "Bâtiment B", Postcode: "01000", City: "Bourg-en-Bresse", Country: "FR"},
			Shipping: []domain.Address{{Line1: "Zone artisanale", Postcode: "01100", City: "Oyonnax", Country: "FR"}},
			Groups:   []string{"Boulangeries", "Lyon"}, DiscountSales: 1250, CreditLimit: 150000, Supplier: true,
			Site: domain.SiteFields{Notes: "- livrer le matin\n- sonner deux fois"}, MarketingConsent: domain.ConsentYes,
			Custom: map[string]string{"Passeport": "12AB34567", "Surface": "84.5", "Anniversaire": "1984-02-29", "VIP": "true"}},
		{Code: "C000124", Kind: domain.KindCompany, CompanyName: "=HYPERLINK(\"http://x\")", LegalForm: "SARL",
			SIRET: "73282932000074", VATNumber: "FR44732829320", IBAN: "FR7630006000011234567890189",
			Email: "contact@boulangerie.fr", Billing: domain.Address{Line1: "12 rue de la République", Postcode: "69002", City: "Lyon", Country: "FR"},
			AccountNumber: "411DUPONT", Site: domain.SiteFields{Notes: "@dupont"}, Custom: map[string]string{"VIP": "false"}, MarketingConsent: domain.ConsentNo},
		{Code: "C000125", Kind: domain.KindPerson, LastName: "Nguyễn", FirstName: "Minh", Email: "minh@example.fr"},
	}
	for _, c := range customers {
		if err := svc.CreateCustomer(ctx, c); err != nil {
			t.Fatalf("create %s: %v", c.Code, err)
		}
	}
	if err := svc.AdjustBalance(ctx, customers[0].ID, -15050, "Avoir"); err != nil {
		t.Fatal(err)
	}
	return customers
}

func exportTo(t *testing.T, svc *service.Service, f export.Format, name string) (string, export.Result) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	res, err := export.New(svc).Export(context.Background(), path, export.Request{Format: f, Lang: "fr",
		Query: store.Query{Archived: store.FilterAny}})
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return path, res
}

// reimport checks path as a bookkeeper would re-import it: the suggested
// mapping, no saved profile.
func reimport(t *testing.T, svc *service.Service, path string, opt func(*importer.Options)) (*importer.Importer, importer.Request, *importer.Plan) {
	t.Helper()
	ctx := context.Background()
	im := importer.New(svc)
	p, err := im.Preview(ctx, path, importer.Settings{}, 5)
	if err != nil {
		t.Fatalf("preview %s: %v", path, err)
	}
	for _, s := range p.Suggestions {
		if s.Confidence < 1 {
			t.Errorf("%s: column %q suggested as %q at confidence %.2f (%s), want full confidence",
				filepath.Base(path), s.Header, s.Field, s.Confidence, s.Reason.FR)
		}
	}
	req := importer.Request{Path: path, Mapping: importer.MappingOf(p.Suggestions), Options: p.Options}
	if opt != nil {
		opt(&req.Options)
	}
	plan, err := im.Check(ctx, req, nil)
	if err != nil {
		t.Fatalf("check %s: %v", path, err)
	}
	return im, req, plan
}

func describe(plan *importer.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v", plan.Counts)
	for _, r := range plan.Rows {
		fmt.Fprintf(&b, "\n  line %d %s %s: %+v %+v", r.Line, r.Action, r.Code, r.Changes, r.Problems)
	}
	for _, p := range plan.Problems {
		fmt.Fprintf(&b, "\n  problem line %d %s %q: %s", p.Row, p.Column, p.Value, p.Message.FR)
	}
	return b.String()
}

func TestRoundTripReportsEveryRowUnchanged(t *testing.T) {
	for _, tc := range []struct {
		format export.Format
		name   string
	}{
		{export.FormatXLSX, "clients.xlsx"},
		{export.FormatCSV, "clients.csv"},
		{export.FormatCSV1252, "clients-ancien-excel.csv"},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			svc := newFile(t)
			customers := fillFile(t, svc)
			if tc.format == export.FormatCSV1252 {
				// "ễ" has no place in Windows-1252: that customer is the
				// subject of another test.
				if err := svc.DeleteCustomer(context.Background(), customers[2].ID); err != nil {
					t.Fatal(err)
				}
				customers = customers[:2]
			}
			path, res := exportTo(t, svc, tc.format, tc.name)
			if res.Written != len(customers) {
				t.Fatalf("written %d, want %d", res.Written, len(customers))
			}
			_, _, plan := reimport(t, svc, path, nil)
			c := plan.Counts
			if c.Unchanged != len(customers) || c.Created+c.Updated+c.Errors+c.Skipped+c.Conflicts != 0 {
				t.Fatalf("re-import of an unchanged export: %s", describe(plan))
			}
		})
	}
}

func TestRoundTripBalanceUnchangedWritesNoAdjustment(t *testing.T) {
	svc := newFile(t)
	customers := fillFile(t, svc)
	path, _ := exportTo(t, svc, export.FormatXLSX, "clients.xlsx")
	im, req, plan := reimport(t, svc, path, func(o *importer.Options) { o.ApplyBalance = true })
	if plan.Counts.Unchanged != len(customers) {
		t.Fatalf("with balances applied: %s", describe(plan))
	}
	if _, err := im.Commit(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	entries, balance, err := svc.Ledger(context.Background(), customers[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || balance != -15050 {
		t.Fatalf("after re-import with balances applied: %d entries, balance %d; want the one entry, -150,50", len(entries), balance)
	}
}

// Every field a customer has a value in reaches the file: a field the
// export forgot would come back empty, and an empty cell keeps the stored
// value, so the round trip alone would not see it.
func TestExportWritesEveryFieldItHas(t *testing.T) {
	svc := newFile(t)
	customers := fillFile(t, svc)
	path, _ := exportTo(t, svc, export.FormatCSV, "clients.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := records[0]
	for _, c := range customers {
		loaded, err := svc.Customer(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var row []string
		for _, rec := range records[1:] {
			if rec[columnOf(header, "Code client")] == c.Code {
				row = rec
			}
		}
		if row == nil {
			t.Fatalf("%s not exported", c.Code)
		}
		for _, f := range domain.Fields {
			col := columnOf(header, f.FR)
			if col < 0 {
				t.Errorf("no column %q", f.FR)
				continue
			}
			if !domain.IsZeroValue(loaded.Get(f.Key)) && row[col] == "" {
				t.Errorf("%s: %s holds %v, its cell is empty", c.Code, f.Key, loaded.Get(f.Key))
			}
		}
	}
}
