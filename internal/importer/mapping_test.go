package importer

import (
	"context"
	"strings"
	"testing"
)

// TestMappingNeedsANameOrAKey: a mapping must have a column that names a
// customer (to create one) or finds one (to update it); an update-only
// file by email, without any name column, imports.
func TestMappingNeedsANameOrAKey(t *testing.T) {
	headers := []string{"Courriel", "Ville", "Prénom"}
	for _, c := range []struct {
		m  Mapping
		ok bool
	}{
		{Mapping{"email", "city", Ignore}, true},
		{Mapping{Ignore, "city", "last_name"}, true},
		{Mapping{Ignore, "city", "first_name"}, false},
		{Mapping{Ignore, "city", "custom:Prénom"}, false},
	} {
		problems := CheckMapping(headers, c.m)
		if (len(problems) == 0) != c.ok {
			t.Errorf("%q: problems %+v, want accepted=%v", c.m, problems, c.ok)
			continue
		}
		if !c.ok {
			p := problems[0]
			if p.Severity != SeverityError || !strings.Contains(p.Fix.FR, "« E-mail »") || !strings.Contains(p.Fix.EN, "\"Company name\"") {
				t.Errorf("%q: the refusal does not say which fields would do: %+v", c.m, p)
			}
		}
	}
	// Every refusal names its column and says what to do, in both languages.
	for _, p := range CheckMapping(headers, Mapping{"email", "email", "created_at"}) {
		if p.Column == "" || p.Message.FR == "" || p.Message.EN == "" || p.Fix.FR == "" || p.Fix.EN == "" {
			t.Errorf("incomplete refusal %+v", p)
		}
	}

	im, svc := newImporter(t)
	commit(t, im, request(t, im, writeFile(t, "a.csv", "Nom;E-mail;Ville\nDurand;durand@exemple.fr;Paris\n", false)))
	req := request(t, im, writeFile(t, "b.csv", "E-mail;Ville\ndurand@exemple.fr;Lyon\n", false))
	if res := commit(t, im, req); res.Counts.Updated != 1 {
		t.Fatalf("update by email without a name column: %+v %+v", res.Counts, res.Problems)
	}
	if c := customerByEmail(t, svc, "durand@exemple.fr"); c.Billing.City != "Lyon" {
		t.Errorf("city %q, want Lyon", c.Billing.City)
	}
	req.Mapping = Mapping{Ignore, "city"}
	res, err := im.Check(context.Background(), req, nil)
	if err != nil || len(res.Refused) != 1 || res.Counts.Rows != 0 {
		t.Errorf("a mapping that neither names nor finds a customer must be refused: %+v %v", res, err)
	}
}
