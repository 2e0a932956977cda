package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// The customers the three mailing writers are tried on, built by hand.
func elise() *domain.Customer {
	return &domain.Customer{
		ID: 42, Code: "C00042", Kind: domain.KindPerson, Civility: "Mme", FirstName: "Élise", LastName: "Dupont",
		Email: "elise.dupont@example.fr",
		Phones: []domain.Phone{
			{Number: "+33612345678", Label: "Portable"},
			{Number: "+33478000000", Label: "Fixe bureau"},
		},
		Billing: domain.Address{
			Line1: "12 rue de la République prolongée et place des Terreaux", Line2: "Bâtiment B, 3e étage",
			Postcode: "69002", City: "Lyon", Country: "FR",
		},
		Site: domain.SiteFields{Notes: "payé en retard, ne pas relancer avant mars"},
	}
}

func muller() *domain.Customer {
	return &domain.Customer{
		ID: 7, Code: "C00007", Kind: domain.KindCompany, Civility: "M.", CompanyName: "Müller Bäckerei; Söhne, GmbH",
		Email:   "kontakt@mueller.example.de",
		Billing: domain.Address{Line1: "Hauptstraße 5", Postcode: "10115", City: "Berlin", Country: "DE"},
	}
}

func martinNoEmail() *domain.Customer {
	return &domain.Customer{
		ID: 8, Code: "C00008", Kind: domain.KindPerson, Civility: "M.", FirstName: "Jean", LastName: "Martin",
		Billing: domain.Address{Line1: "3 chemin des Vignes", Postcode: "42000", City: "Saint-Étienne"},
	}
}

func zoeNoAddress() *domain.Customer {
	return &domain.Customer{
		ID: 9, Code: "C00009", Kind: domain.KindPerson, FirstName: "Zoé", LastName: "Bernard",
		Email: "zoe@example.fr", Billing: domain.Address{Line2: "Bâtiment C"},
	}
}

func nobody() *domain.Customer {
	return &domain.Customer{ID: 10, Code: "C00010", Kind: domain.KindPerson, LastName: "Inconnu"}
}

func formulaName() *domain.Customer {
	return &domain.Customer{
		ID: 11, Code: "C00011", Kind: domain.KindPerson, FirstName: "+Paul", LastName: `=HYPERLINK("http://x.example")`,
		Email:   "paul@example.fr",
		Billing: domain.Address{Line1: "-1 impasse du Moulin", Postcode: "75011", City: "Paris", Country: "FR"},
	}
}

// writeAll runs customers through s and returns the skip reason of each.
func writeAll(t *testing.T, s sink, customers ...*domain.Customer) []string {
	t.Helper()
	var skips []string
	for _, c := range customers {
		skip, err := s.Write(c)
		if err != nil {
			t.Fatalf("Write(%s): %v", c.Code, err)
		}
		skips = append(skips, skip)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return skips
}

func TestMailingCSV(t *testing.T) {
	cases := []struct {
		lang      string
		comma     rune
		header    []string
		germany   string
		otherSepr string // the separator of the other language, which must not split cells
	}{
		{"fr", ';', []string{"Civilité", "Nom", "Prénom", "Raison sociale", "Destinataire", "Adresse",
			"Complément d’adresse", "Code postal", "Ville", "Pays", "E-mail"}, "Allemagne", ","},
		{"en", ',', []string{"Title", "Last name", "First name", "Company name", "Recipient", "Address",
			"Address line 2", "Postcode", "City", "Country", "Email"}, "Germany", ";"},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			var out bytes.Buffer
			skips := writeAll(t, newMailingCSV(&out, tc.lang),
				elise(), muller(), martinNoEmail(), zoeNoAddress(), nobody(), formulaName())
			if want := []string{"", "", "", "", SkipNoContact, ""}; strings.Join(skips, "|") != strings.Join(want, "|") {
				t.Errorf("skips = %q, want %q", skips, want)
			}

			data := out.String()
			if !strings.HasPrefix(data, "\ufeff") {
				t.Fatalf("no UTF-8 BOM: file starts %q", data[:min(len(data), 10)])
			}
			data = strings.TrimPrefix(data, "\ufeff")
			if n, crlf := strings.Count(data, "\n"), strings.Count(data, "\r\n"); n != crlf || n != 6 {
				t.Errorf("%d line ends, %d of them CRLF; want 6 CRLF (header + 5 customers)", n, crlf)
			}
			r := csv.NewReader(strings.NewReader(data))
			r.Comma = tc.comma
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("the file does not read back as CSV with %q: %v", tc.comma, err)
			}
			if got := strings.Join(rows[0], "|"); got != strings.Join(tc.header, "|") {
				t.Errorf("header\n got %s\nwant %s", got, strings.Join(tc.header, "|"))
			}
			byEmail := map[string]map[string]string{}
			for _, row := range rows[1:] {
				cells := map[string]string{}
				for i, h := range rows[0] {
					cells[h] = row[i]
				}
				byEmail[row[len(row)-1]] = cells
			}
			col := func(i int) string { return tc.header[i] }
			e := byEmail["elise.dupont@example.fr"]
			for i, want := range []string{"Mme", "Dupont", "Élise", "", "Dupont Élise",
				"12 rue de la République prolongée et place des Terreaux", "Bâtiment B, 3e étage", "69002", "Lyon", ""} {
				if e[col(i)] != want {
					t.Errorf("Élise's %s = %q, want %q", col(i), e[col(i)], want)
				}
			}
			m := byEmail["kontakt@mueller.example.de"]
			if m[col(3)] != "Müller Bäckerei; Söhne, GmbH" || m[col(4)] != "Müller Bäckerei; Söhne, GmbH" {
				t.Errorf("company name with both separators = %q / %q", m[col(3)], m[col(4)])
			}
			if m[col(0)] != "" {
				t.Errorf("a company got a civility: %q", m[col(0)])
			}
			if m[col(9)] != tc.germany {
				t.Errorf("country = %q, want %q", m[col(9)], tc.germany)
			}
			if j := byEmail[""]; j[col(1)] != "Martin" || j[col(8)] != "Saint-Étienne" {
				t.Errorf("the customer without email but with an address is missing or wrong: %v", j)
			}
			if z := byEmail["zoe@example.fr"]; z[col(1)] != "Bernard" {
				t.Errorf("the customer with an email but no address is missing: %v", z)
			}
			p := byEmail["paul@example.fr"]
			for _, c := range []struct{ column, want string }{
				{col(1), `'=HYPERLINK("http://x.example")`}, {col(2), "'+Paul"}, {col(5), "'-1 impasse du Moulin"},
			} {
				if p[c.column] != c.want {
					t.Errorf("formula cell %s = %q, want %q (neutralised)", c.column, p[c.column], c.want)
				}
			}
		})
	}
}

// An empty selection still gives a file with its header, so that a mail
// merge can be prepared before the first customer exists.
func TestMailingCSVEmpty(t *testing.T) {
	var out bytes.Buffer
	writeAll(t, newMailingCSV(&out, "fr"))
	if got := out.String(); !strings.HasPrefix(got, "\ufeffCivilité;Nom;") || strings.Count(got, "\r\n") != 1 {
		t.Errorf("empty mailing = %q, want the BOM and the header line only", got)
	}
}
