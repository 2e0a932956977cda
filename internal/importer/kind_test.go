package importer

import (
	"testing"

	"carnet/internal/domain"
)

// TestKindInferredWithoutAKindColumn: a row with a company name, a SIRET or
// a VAT number is a company (a company name with its contact's name was
// planned as a person); a row with none of them stays a person.
func TestKindInferredWithoutAKindColumn(t *testing.T) {
	im, svc := newImporter(t)
	path := writeFile(t, "kind.csv", "Raison sociale;Nom;Prénom;SIRET;N° TVA;E-mail\n"+
		"Boulangerie Morel;Morel;Jeanne;;;morel@example.fr\n"+
		";Garage Petit;;73282932000074;;garage@example.fr\n"+
		";Durand;Paul;;FR40303265045;durand@example.fr\n"+
		";Simon;Léa;;;simon@example.fr\n", false)
	res := commit(t, im, request(t, im, path))
	if res.Counts.Created != 4 || res.Counts.Errors != 0 {
		t.Fatalf("counts %+v, problems %+v", res.Counts, res.Problems)
	}
	for _, want := range []struct {
		email         string
		kind          domain.Kind
		company, last string
	}{
		{"morel@example.fr", domain.KindCompany, "Boulangerie Morel", "Morel"},
		{"garage@example.fr", domain.KindCompany, "Garage Petit", ""},
		{"durand@example.fr", domain.KindCompany, "Durand Paul", "Durand"},
		{"simon@example.fr", domain.KindPerson, "", "Simon"},
	} {
		c := customerByEmail(t, svc, want.email)
		if c.Kind != want.kind || c.CompanyName != want.company || c.LastName != want.last {
			t.Errorf("%s: kind %q, company %q, last name %q; want %q, %q, %q",
				want.email, c.Kind, c.CompanyName, c.LastName, want.kind, want.company, want.last)
		}
	}
}
