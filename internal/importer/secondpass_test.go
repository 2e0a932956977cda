package importer

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// codesOf lists the problem codes of one row, in order.
func codesOf(ps []Problem, line int) []string {
	var out []string
	for _, p := range ps {
		if p.Row == line && p.Severity == SeverityError {
			out = append(out, p.Field+":"+p.Code)
		}
	}
	return out
}

// TestEveryProblemOfARowAtOnce: a row whose e-mail cell holds two
// addresses, whose SIRET fails the Luhn key and whose VAT number has a
// wrong key lists the three problems in one check (the SIRET and VAT ones
// appeared only once the e-mail was fixed).
func TestEveryProblemOfARowAtOnce(t *testing.T) {
	im, _ := newImporter(t)
	path := writeFile(t, "row.csv", "Raison sociale;E-mail;SIRET;N° TVA\n"+
		"Garage Petit;a@example.fr, b@example.fr;73282932000075;FR00303265045\n"+
		"Boulangerie Morel;morel@example.fr;73282932000074;\n", false)
	plan, err := im.Check(context.Background(), request(t, im, path), nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Counts.Errors != 1 || plan.Counts.Created != 1 {
		t.Fatalf("counts %+v, problems %+v", plan.Counts, plan.Problems)
	}
	got := codesOf(plan.Problems, 2)
	fields := map[string]bool{}
	for _, g := range got {
		fields[strings.Split(g, ":")[0]] = true
	}
	for _, f := range []string{"email", "siret", "vat_number"} {
		if !fields[f] {
			t.Errorf("row 2: no problem on %s; problems: %v", f, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("row 2: %d errors %v, want one per field", len(got), got)
	}
	// The rows' plan carries the same list, for the wizard and --json.
	for _, rp := range plan.Rows {
		if rp.Line == 2 && len(codesOf(rp.Problems, 2)) != 3 {
			t.Errorf("row 2's plan lists %v", codesOf(rp.Problems, 2))
		}
	}
	// So does the errors workbook's "Erreur" cell: one line per problem.
	out := writeFile(t, "erreurs.xlsx", "", false)
	f, err := createFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = im.ExportErrors(context.Background(), request(t, im, path), f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	back, err := im.Preview(context.Background(), out, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	cell := back.Rows[0].Cells[len(back.Headers)-1]
	if lines := strings.Split(cell, "\n"); len(lines) != 3 || !strings.Contains(cell, "SIRET") || !strings.Contains(cell, "TVA") {
		t.Errorf("errors workbook's cell %q, want three lines naming the e-mail, the SIRET and the VAT", cell)
	}
}

// TestEveryProblemOfAnUpdateRow: a row matched to a stored customer, with
// a bad cell, is checked as that customer (not as a new one without a
// name) and an unknown group is reported with the bad cell when groups
// may not be created.
func TestEveryProblemOfAnUpdateRow(t *testing.T) {
	im, _ := newImporter(t)
	commit(t, im, request(t, im, writeFile(t, "a.csv", "Code;Nom;E-mail\nC1;Morel;morel@example.fr\n", false)))
	path := writeFile(t, "b.csv", "Code;E-mail;Groupes\nC1;x@;Inconnu\n", false)
	req := request(t, im, path)
	req.Options.CreateGroups = false
	plan, err := im.Check(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := codesOf(plan.Problems, 2)
	if len(got) != 2 || !strings.HasPrefix(got[0], "email:") || got[1] != "groups:group.unknown" {
		t.Fatalf("row 2's errors %v, want the e-mail and the unknown group only", got)
	}
}

// TestWeakKeyMatchKeepsTheStoredIdentity: a row matched by e-mail whose
// code and name differ is a conflict, not a change: by default the stored
// code and name stay, the other fields are updated; taken for that row, or
// for all, the file's are written.
func TestWeakKeyMatchKeepsTheStoredIdentity(t *testing.T) {
	im, svc := newImporter(t)
	commit(t, im, request(t, im, writeFile(t, "a.csv", "Code;Nom;E-mail;Ville\nC0020001;Morel;morel@example.fr;Lyon\nC0020002;Petit;petit@example.fr;Lyon\n", false)))
	path := writeFile(t, "b.csv", "Code;Nom;E-mail;Ville\nC0001;Morel-Durand;morel@example.fr;Paris\nC0002;Petit;petit@example.fr;Lyon\n", false)
	req := request(t, im, path)
	req.Options.Key = KeyEmail

	plan, err := im.Check(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Counts.Conflicts != 2 || len(plan.Conflicts) != 2 {
		t.Fatalf("conflicts %d %+v, want 2", plan.Counts.Conflicts, plan.Conflicts)
	}
	first := plan.Conflicts[0]
	if first.Line != 2 || first.Code != "C0020001" || first.By != "email" || first.Taken ||
		!slices.Equal(first.Fields, []Change{{Field: "code", Old: "C0020001", New: "C0001"}, {Field: "last_name", Old: "Morel", New: "Morel-Durand"}}) {
		t.Fatalf("first conflict %+v", first)
	}
	for _, rp := range plan.Rows {
		for _, ch := range rp.Changes {
			if ch.Field == "code" || ch.Field == "last_name" {
				t.Errorf("row %d: identity field %s planned as an ordinary change", rp.Line, ch.Field)
			}
		}
	}
	if plan.Counts.Updated != 1 || plan.Counts.Unchanged != 1 {
		t.Fatalf("counts %+v: the city is updated, the kept row unchanged", plan.Counts)
	}

	// Taken for row 3 only (the options decide each row the other way).
	req.Options.IdentityLines = []int{3}
	commit(t, im, req)
	morel, petit := customerByEmail(t, svc, "morel@example.fr"), customerByEmail(t, svc, "petit@example.fr")
	if morel.Code != "C0020001" || morel.LastName != "Morel" || morel.Get("city") != "Paris" {
		t.Errorf("kept row: %s %s %s", morel.Code, morel.LastName, morel.Get("city"))
	}
	if petit.Code != "C0002" {
		t.Errorf("row taken: code %s, want the file's C0002", petit.Code)
	}

	// Taken for all: the first row's code and name are the file's.
	req.Options.IdentityFromFile, req.Options.IdentityLines = true, nil
	res := commit(t, im, req)
	if res.Counts.Conflicts != 1 || !res.Conflicts[0].Taken {
		t.Fatalf("conflicts %+v", res.Conflicts)
	}
	morel = customerByEmail(t, svc, "morel@example.fr")
	if morel.Code != "C0001" || morel.LastName != "Morel-Durand" {
		t.Errorf("taken for all: %s %s", morel.Code, morel.LastName)
	}
}

// TestCodeMatchIsNoConflict: matched by its code, a new name is an
// ordinary change.
func TestCodeMatchIsNoConflict(t *testing.T) {
	im, svc := newImporter(t)
	commit(t, im, request(t, im, writeFile(t, "a.csv", "Code;Nom;E-mail\nC1;Morel;morel@example.fr\n", false)))
	res := commit(t, im, request(t, im, writeFile(t, "b.csv", "Code;Nom;E-mail\nC1;Durand;morel@example.fr\n", false)))
	if res.Counts.Conflicts != 0 || res.Counts.Updated != 1 {
		t.Fatalf("counts %+v", res.Counts)
	}
	if c := customerByEmail(t, svc, "morel@example.fr"); c.LastName != "Durand" {
		t.Errorf("last name %q", c.LastName)
	}
}

// TestCodeRequired: with the option, a row without a code is refused
// instead of numbered, and a mapping without a code column is refused.
func TestCodeRequired(t *testing.T) {
	im, svc := newImporter(t)
	path := writeFile(t, "codes.csv", "Code;Nom\nC1;Morel\n;Petit\n", false)
	req := request(t, im, path)
	req.Options.CodeRequired = true
	res := commit(t, im, req)
	if res.Counts.Created != 1 || res.Counts.Errors != 1 {
		t.Fatalf("counts %+v", res.Counts)
	}
	if got := codesOf(res.Problems, 3); !slices.Equal(got, []string{"code:code.required"}) {
		t.Errorf("row 3: %v", got)
	}
	if n := count(t, svc, `SELECT count(*) FROM customers`); n != 1 {
		t.Errorf("%d customers, want the one with a code", n)
	}

	noCode := request(t, im, writeFile(t, "nocode.csv", "Nom\nMorel\n", false))
	noCode.Options.CodeRequired = true
	plan, err := im.Check(context.Background(), noCode, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Refused) != 1 || plan.Refused[0].Code != "mapping.code_required" {
		t.Fatalf("refused %+v", plan.Refused)
	}
}
