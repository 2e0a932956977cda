package importer

import (
	"context"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Shop and ERP exports from ../shared/corpus: the obvious columns are
// suggested right and the import creates the customers a user expects.
func TestCorpusExports(t *testing.T) {
	cases := []struct {
		file    string
		mapping map[string]string // header → expected field
		created int               // -1: not checked
		email   string            // a customer that must exist afterwards
		last    string            // its last name
		errCol  string            // a column that must hold an error ("": none expected)
	}{
		{"ecommerce/prestashop/ps16_customers_import.csv", map[string]string{"Email *": "email", "Last Name *": "last_name",
			"First Name *": "first_name", "Groups (x,y,z...)": "groups", "Customer ID": Ignore}, 9, "peter.pan@prestashop.com", "Pan", ""},
		{"ecommerce/woocommerce/wcs-import-sample.csv", map[string]string{"customer_email": "email", "billing_first_name": "first_name",
			"billing_last_name": "last_name", "billing_postcode": "postcode", "billing_city": "city", "billing_country": "country",
			"shipping_address_1": "shipping_line1"}, 1, "", "", "customer_email"}, // one customer, many subscriptions
		{"ecommerce/magento/m2_sample_customer.csv", map[string]string{"email": "email", "firstname": "first_name", "lastname": "last_name",
			"created_at": Ignore}, 1, "jondoe@example.com", "Doe", ""},
		{"erp/dolibarr/Example_import_company_1.csv", map[string]string{"Email (s.email)": "email", "IdProf1 (s.siret)": "siret",
			"CustomerCode (s.code_client)": "code", "Zip (s.cp)": "postcode", "Town (s.ville)": "city", "VATIntraShort (s.tva_intra)": "vat_number"}, 0, "", "", "VATIntraShort (s.tva_intra)"}, // invalid VAT key
		{"erp/odoo/odoo_base_import_res.partner.csv", map[string]string{"Name": "last_name", "City": "city", "ZIP": "postcode",
			"Country": "country", "Email": "email", "Phone": "phones", "Mobile": "phones", "Street": "billing_line1", "Company Type": "kind"}, -1, "", "", "Phone"}, // US numbers without a country
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			path := corpus(t, tc.file)
			im, svc := newImporter(t)
			p, err := im.Preview(context.Background(), path, Settings{}, 5)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range p.Suggestions {
				if want, ok := tc.mapping[s.Header]; ok && s.Field != want {
					t.Errorf("%q suggested %q (%s), want %q", s.Header, s.Field, s.Reason.EN, want)
				}
			}
			res := commit(t, im, Request{Path: path, Mapping: MappingOf(p.Suggestions), Options: p.Options})
			if tc.created >= 0 && res.Counts.Created != tc.created {
				t.Errorf("created %d, want %d; problems: %+v", res.Counts.Created, tc.created, res.Problems)
			}
			if tc.errCol != "" {
				found := false
				for _, p := range res.Problems {
					found = found || (p.Column == tc.errCol && p.Severity == SeverityError && p.Row > 1)
				}
				if !found {
					t.Errorf("no error on column %q: %+v", tc.errCol, res.Problems)
				}
			}
			if tc.email != "" {
				if c := customerByEmail(t, svc, tc.email); c.LastName != tc.last {
					t.Errorf("%s: last name %q, want %q", tc.email, c.LastName, tc.last)
				}
			}
			t.Logf("%+v", res.Counts)
		})
	}
}

// An XLSX workbook with a title row and a blank row above the header.
func TestXLSXWithTitleRow(t *testing.T) {
	im, svc := newImporter(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Export clients — mars 2026"},
		{},
		{"Code client", "Nom", "Prénom", "Mail", "Code postal", "Portable", "Encours"},
		{"00042", "Lefèvre", "Zoé", "ZOE@Example.FR", "01000", "0612345678", 1500.5},
		{"00043", "Noël", "Gaëlle", "gaelle@example.fr", "97110", "0690 12 34 56", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := writeFile(t, "clients.xlsx", "", false)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	req := request(t, im, path)
	res := commit(t, im, req)
	if res.Detected.HeaderRow != 3 || res.Counts.Created != 2 {
		t.Fatalf("header row %d, counts %+v, problems %+v", res.Detected.HeaderRow, res.Counts, res.Problems)
	}
	z := customerByEmail(t, svc, "zoe@example.fr")
	if z.Code != "00042" || z.FirstName != "Zoé" || z.CreditLimit != 150050 || z.Phones[0].Number != "+33612345678" {
		t.Errorf("Zoé read as %+v", z)
	}
	g := customerByEmail(t, svc, "gaelle@example.fr")
	if len(g.Phones) != 1 || g.Phones[0].Number != "+590690123456" {
		t.Errorf("Guadeloupe mobile read as %+v", g.Phones)
	}
}
