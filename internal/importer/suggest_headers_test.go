package importer

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// Headers as bookkeepers and other programs write them get the field a
// bookkeeper expects: the general rules behind the corpus figure of
// TestMappingAccuracy, on layouts the corpus does not hold.
func TestSuggestReadsHeadersLikeABookkeeper(t *testing.T) {
	im, _ := newImporter(t)
	cases := []struct {
		name    string
		headers string // ";"-separated
		row     string // one sample row, ";"-separated
		want    []string
	}{
		{"a company named by Nom + Société", "Nom Société;SIRET;Ville", "Durand SARL;73282932000074;Lyon",
			[]string{"company_name", "siret", "city"}},
		{"other spellings of the company's name", "Nom de l'entreprise;Prénom;Company Name", "Durand SARL;Léa;",
			[]string{"company_name", "first_name", Ignore}}, // company_name once: the first, surer column keeps it
		{"seed 002: Entreprise holds Oui", "Nom;Prénom;Entreprise", "Durand;Léa;Oui",
			[]string{"last_name", "first_name", "kind"}},
		{"Société holding names is the company", "Nom;Prénom;Société", "Durand;Léa;Durand SARL",
			[]string{"last_name", "first_name", "company_name"}},
		{"Dolibarr third parties are companies", "Name* (s.nom);Customer* (s.client);IdProf1 (s.siret);SupplierCode (s.code_fournisseur)",
			"ACME;3;73282932000074;SU01", []string{"company_name", Ignore, "siret", Ignore}},
		{"a bare Name without company identifiers stays a name", "Name;Is a company;Street2", "Grocery Outlet;1;#401",
			[]string{"last_name", "kind", "billing_line2"}},
		{"Odoo export paths", "name;country_id/name;parent_id/email;category_id/name", "Bob;France;x@exemple.fr;VIP",
			[]string{"last_name", "country", Ignore, "groups"}},
		{"numbers of another table", "Titles ID (Mr = 1, Ms = 2, else 0);group_id;Email;Cities", "1;3;a@exemple.fr;Lyon",
			[]string{Ignore, Ignore, "email", "city"}},
		{"whose value: the customer's or another record's", "billing_first_name;shipping_first_name;Customer e-mail;Contact Phone Number;Address type",
			"Léa;Léa;lea@exemple.fr;0612345678;Contact", []string{"first_name", Ignore, "email", "phones", Ignore}},
		{"vague words are no field", "Nom;Customer;Price;Other;Sales;Number", "Durand;True;12;x;4;7",
			[]string{"last_name", Ignore, Ignore, Ignore, Ignore, Ignore}},
		{"values that do not look like the field", "Nom;_website;Title", "Durand;base;Test 5",
			[]string{"last_name", Ignore, Ignore}},
		{"values that do", "Nom;Site;Titre", "Durand;www.exemple.fr;Mme",
			[]string{"last_name", "website", "civility"}},
		{"French little words", "Nom;N° de téléphone;Ville de facturation;Code postal de livraison", "Durand;0612345678;Lyon;69001",
			[]string{"last_name", "phones", "city", "shipping_postcode"}},
	}
	for _, c := range cases {
		headers := strings.Split(c.headers, ";")
		got, _, err := im.Suggest(context.Background(), headers, [][]string{strings.Split(c.row, ";")})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range got {
			if s.Field != c.want[i] {
				t.Errorf("%s: %q suggested %q (%s), want %q", c.name, s.Header, s.Field, s.Reason.EN, c.want[i])
			}
		}
	}
}

// The same file gets the same suggestions every time: ties between fields
// are broken by the order of the fields, not by chance.
func TestSuggestIsStable(t *testing.T) {
	im, _ := newImporter(t)
	headers := []string{"Customer", "Nom Société", "Price model", "Contact", "order_notes", "customer_note", "Mobile Phone", "Phone"}
	sample := [][]string{{"Durand", "Durand SARL", "CPM", "Léa", "x", "y", "0612345678", "0412345678"}}
	first, _, err := im.Suggest(context.Background(), headers, sample)
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		again, _, err := im.Suggest(context.Background(), headers, sample)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(MappingOf(again), MappingOf(first)) {
			t.Fatalf("suggestions changed between two runs: %q then %q", MappingOf(first), MappingOf(again))
		}
	}
}
