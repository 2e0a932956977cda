package importer

import (
	"context"
	"testing"

	"carnet/internal/domain"
)

func TestParseCell(t *testing.T) {
	cases := []struct {
		field, cell string
		want        any
		problem     string // "", "warning" or "error"
	}{
		{"credit_limit", "1 234,56", int64(123456), ""},
		{"credit_limit", "1.234,56", int64(123456), "warning"},
		{"credit_limit", "12,00 €", int64(1200), ""},
		{"discount_sales", "12,5 %", int64(1250), ""},
		{"supplier", "Oui", true, ""},
		{"supplier", "X", true, ""},
		{"kind", "Personne morale", "company", ""},
		{"kind", "Oui", "company", ""},
		{"kind", "Particulier", "person", ""},
		{"kind", "peut-être", nil, "error"},
		{"country", "Belgique", "BE", ""},
		{"country", "fr", "FR", ""},
		{"country", "Atlantide", nil, "error"},
		{"postcode", "1000", "01000", "warning"},
		{"code", "'00042", "00042", ""},
		{"siret", "4,04833E+13", nil, "error"},
		{"id", "'42", int64(42), ""},
		{"id", "abc", nil, "error"},
		{"email", " Jean.Dupont@Example.FR ", "jean.dupont@example.fr", ""},
		{"groups", "VIP; Grossistes, vip", []string{"VIP", "Grossistes"}, ""},
	}
	for _, tc := range cases {
		cv, p := parseCell(tc.field, tc.cell, "")
		got := ""
		if p != nil {
			got = p.Severity.String()
		}
		if got != tc.problem {
			t.Errorf("%s %q: problem %q (%v), want %q", tc.field, tc.cell, got, p, tc.problem)
			continue
		}
		if tc.want != nil && !sameValue(cv.v, tc.want) {
			t.Errorf("%s %q: %#v, want %#v", tc.field, tc.cell, cv.v, tc.want)
		}
	}
}

func TestSavedProfileIsChosenNextTime(t *testing.T) {
	im, _ := newImporter(t)
	ctx := context.Background()
	path := writeFile(t, "f.csv", "Bizarre;Mail\nX;a@example.fr\n", false)
	p, err := im.Preview(ctx, path, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMap("Bizarre=custom:Passeport", p.Headers, MappingOf(p.Suggestions))
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.EmptyClears = true
	if err := im.SaveProfile(ctx, Profile{Name: "Fichier du comptable", Headers: p.Headers, Mapping: m, Options: opts}); err != nil {
		t.Fatal(err)
	}
	// The same layout, folded differently, next month.
	again, err := im.Preview(ctx, writeFile(t, "g.csv", "BIZARRE;mail\nY;b@example.fr\n", false), Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if again.Profile != "Fichier du comptable" || MappingOf(again.Suggestions)[0] != "custom:Passeport" || !again.Options.EmptyClears {
		t.Errorf("profile not chosen: %q %v %+v", again.Profile, MappingOf(again.Suggestions), again.Options)
	}
}

func TestMappingRefused(t *testing.T) {
	im, _ := newImporter(t)
	path := writeFile(t, "f.csv", "Nom;Nom de famille;Tél;Portable\nA;B;0612345678;0761234567\n", false)
	req := request(t, im, path)
	req.Mapping = Mapping{"last_name", "last_name", "phones", "phones"}
	res, err := im.Commit(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Refused) != 1 || res.Refused[0].Column != "Nom de famille" || res.Batch != 0 {
		t.Errorf("last_name twice must be refused (phones twice is fine): %+v", res.Refused)
	}
	req.Mapping = Mapping{"last_name", Ignore, "phones", "phones"}
	res = commit(t, im, req)
	if res.Counts.Created != 1 {
		t.Errorf("two phone columns: %+v %+v", res.Counts, res.Problems)
	}
}

func TestEmptyCellsKeepOrClear(t *testing.T) {
	for _, clears := range []bool{false, true} {
		im, svc := newImporter(t)
		ctx := context.Background()
		if err := svc.CreateCustomer(ctx, &domain.Customer{Code: "C1", LastName: "Martin", Email: "m@example.fr", Billing: domain.Address{City: "Lyon"}}); err != nil {
			t.Fatal(err)
		}
		req := request(t, im, writeFile(t, "f.csv", "Code client;Nom;Ville\nC1;Martin;\n", false))
		req.Options.EmptyClears = clears
		commit(t, im, req)
		city := customerByEmail(t, svc, "m@example.fr").Billing.City
		if (clears && city != "") || (!clears && city != "Lyon") {
			t.Errorf("empty clears=%v: city %q", clears, city)
		}
	}
}
