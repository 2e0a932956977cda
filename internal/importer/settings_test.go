package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/service"

	"github.com/xuri/excelize/v2"
)

// A custom field defined in Settings is matched by its column's name and
// read by its type; a column naming an undefined field creates a text
// field, which undo removes again.
func TestCustomFieldsImportByNameAndType(t *testing.T) {
	ctx := context.Background()
	im, svc := newImporter(t)
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Pointure", Type: domain.CustomNumber}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Fidélité depuis", Type: domain.CustomDate}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Canal", Type: domain.CustomList, Options: []string{"Boutique", "Web"}}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "perso.csv", "Nom;E-mail;POINTURE;Fidelite depuis;Canal;Passeport\n"+
		"Pied;pied@example.fr;42,5;05/06/2019;web;AB123\n"+
		"Faux;faux@example.fr;grand;31/02/2020;Salon;\n", false)
	req := request(t, im, path)
	want := []string{"custom:Pointure", "custom:Fidélité depuis", "custom:Canal"}
	for i, w := range want {
		if req.Mapping[i+2] != w {
			t.Errorf("column %d suggested %q, want %q", i+2, req.Mapping[i+2], w)
		}
	}
	// At full confidence: the user named the column like the field.
	preview, err := im.Preview(ctx, path, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if c := preview.Suggestions[2].Confidence; c != 1 {
		t.Errorf("custom field suggested at %v, want full confidence", c)
	}
	req.Mapping[5] = "custom:Passeport"
	res := commit(t, im, req)
	if res.Counts.Created != 1 || res.Counts.Errors != 1 {
		t.Fatalf("counts %+v, want the second row refused", res.Counts)
	}
	cols := map[string]bool{}
	for _, p := range res.Problems {
		if p.Row == 3 && p.Severity == SeverityError {
			cols[p.Column] = true
		}
	}
	for _, c := range []string{"POINTURE", "Fidelite depuis", "Canal"} {
		if !cols[c] {
			t.Errorf("no error on row 3, column %q: %+v", c, res.Problems)
		}
	}
	c := customerByEmail(t, svc, "pied@example.fr")
	if got := c.Custom; got["Pointure"] != "42.5" || got["Fidélité depuis"] != "2019-06-05" || got["Canal"] != "Web" || got["Passeport"] != "AB123" {
		t.Errorf("custom values %v", got)
	}
	fields, _ := svc.CustomFields(ctx)
	if len(fields) != 4 || fields[3].Name != "Passeport" || fields[3].Type != domain.CustomText {
		t.Fatalf("fields after the import %+v, want Passeport created as text", fields)
	}
	if _, err := im.Undo(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	if fields, _ := svc.CustomFields(ctx); len(fields) != 3 {
		t.Errorf("undo left %d fields, want the 3 defined in Settings", len(fields))
	}
}

// A marketing source added in Settings makes an import naming it pass; the
// refusal before says where to add it.
func TestMarketingSourceAddedInSettingsLetsTheImportPass(t *testing.T) {
	ctx := context.Background()
	im, svc := newImporter(t)
	path := writeFile(t, "src.csv", "Nom;Source marketing\nSalonard;Salon de Lyon\n", false)
	res := commit(t, im, request(t, im, path))
	if res.Counts.Errors != 1 || !strings.Contains(res.Problems[len(res.Problems)-1].Fix.FR, "Paramètres › Listes › Sources marketing") {
		t.Fatalf("unknown source: %+v %+v", res.Counts, res.Problems)
	}
	if err := svc.AddRef(ctx, domain.ListMarketing, "Salon de Lyon"); err != nil {
		t.Fatal(err)
	}
	res = commit(t, im, request(t, im, path))
	if res.Counts.Created != 1 || res.Counts.Errors != 0 {
		t.Errorf("after adding the source: %+v %+v", res.Counts, res.Problems)
	}
}

// A title the list does not have is left out with a warning; the usual
// spellings land on the list's entry.
func TestCivilityReadAgainstTheList(t *testing.T) {
	im, svc := newImporter(t)
	path := writeFile(t, "civ.csv", "Civilité;Nom;E-mail\nMonsieur;Un;un@example.fr\nSir;Deux;deux@example.fr\n", false)
	res := commit(t, im, request(t, im, path))
	if res.Counts.Created != 2 {
		t.Fatalf("counts %+v", res.Counts)
	}
	if c := customerByEmail(t, svc, "un@example.fr"); c.Civility != "M." {
		t.Errorf("Monsieur stored as %q", c.Civility)
	}
	if c := customerByEmail(t, svc, "deux@example.fr"); c.Civility != "" {
		t.Errorf("Sir stored as %q", c.Civility)
	}
	warned := false
	for _, p := range res.Problems {
		warned = warned || p.Code == "civility.unknown" && p.Row == 3 && strings.Contains(p.Message.FR, "Paramètres › Listes › Civilités")
	}
	if !warned {
		t.Errorf("no warning for Sir: %+v", res.Problems)
	}
}

func signedIn(t *testing.T, svc *service.Service, name, pin string) {
	t.Helper()
	if _, err := svc.SignIn(context.Background(), name, pin); err != nil {
		t.Fatal(err)
	}
}

// An employee who may import but not adjust balances is refused a balance
// import (and told how to import the rest) and may import without the
// balances; the owner may do both; the journal names who did what.
func TestBalanceImportNeedsTheBalancePermission(t *testing.T) {
	ctx := context.Background()
	im, svc := newImporter(t)
	pin := "4321"
	if _, err := svc.SaveOperator(ctx, domain.Operator{Name: "Anne", Role: domain.RoleOwner}, &pin); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveOperator(ctx, domain.Operator{Name: "Bruno", Role: domain.RoleEmployee,
		Permissions: []domain.Permission{domain.PermImport}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetOperatorsOn(ctx, true); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "soldes.csv", "Nom;E-mail;Solde\nSolde;solde@example.fr;12,50\n", false)
	req := request(t, im, path)
	req.Options.ApplyBalance = true

	signedIn(t, svc, "Bruno", "")
	_, err := im.Commit(ctx, req, nil)
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != "permission" || !strings.Contains(de.Message.FR, "décochez « Appliquer les soldes »") {
		t.Fatalf("employee's balance import: %v", err)
	}
	if _, err := im.Check(ctx, req, nil); err == nil {
		t.Error("the check let the employee go on to a refused import")
	}
	if n := count(t, svc, `SELECT count(*) FROM customers`); n != 0 {
		t.Fatalf("refused import wrote %d customers", n)
	}
	noBalance := req
	noBalance.Options.ApplyBalance = false
	res := commit(t, im, noBalance)
	if res.Counts.Created != 1 {
		t.Fatalf("import without balances: %+v", res.Counts)
	}
	if _, err := im.Undo(ctx, res.Batch); err != nil {
		t.Fatalf("employee undoing their import: %v", err)
	}

	signedIn(t, svc, "Anne", pin)
	res = commit(t, im, req)
	if c := customerByEmail(t, svc, "solde@example.fr"); c.Balance != 1250 {
		t.Errorf("owner's balance import: balance %d", c.Balance)
	}
	signedIn(t, svc, "Bruno", "")
	if _, err := im.Undo(ctx, res.Batch); err == nil || !strings.Contains(err.Error(), "balances") {
		t.Errorf("employee undoing a balance import: %v", err)
	}

	batches, _ := im.Journal(ctx)
	if batches[0].Operator != "Anne" || batches[1].Operator != "Bruno" || batches[1].UndoneBy != "Bruno" {
		t.Errorf("imports journal %+v", batches)
	}
	entries, _, _ := svc.Journal(ctx, 20, 0)
	var seen []string
	for _, e := range entries {
		if e.Action == domain.JournalImport || e.Action == domain.JournalUndo {
			seen = append(seen, e.Action+":"+e.Operator)
		}
	}
	if strings.Join(seen, " ") != "import:Anne undo:Bruno import:Bruno" {
		t.Errorf("journal %v", seen)
	}
	var op string
	if err := svc.Store.ReadDB().QueryRow(`SELECT operator FROM balance_entries`).Scan(&op); err != nil || op != "Anne" {
		t.Errorf("balance entry operator %q (%v)", op, err)
	}
}

// The settings' default region reads numbers written without their
// international prefix.
func TestImportReadsPhonesInTheDefaultRegion(t *testing.T) {
	im, svc := newImporter(t)
	if err := svc.SetPhoneRegion(context.Background(), "GP"); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "tel.csv", "Nom;E-mail;Téléphone\nLubin;lubin@example.fr;0690 12 34 56\n", false)
	commit(t, im, request(t, im, path))
	if c := customerByEmail(t, svc, "lubin@example.fr"); len(c.Phones) != 1 || c.Phones[0].Number != "+590690123456" {
		t.Errorf("phones %+v, want +590690123456 read in Guadeloupe", c.Phones)
	}
}

// The template of a customer file lists its custom fields as columns,
// which the import maps back to them, and describes each in "Lisez-moi".
func TestTemplateListsTheCustomFields(t *testing.T) {
	ctx := context.Background()
	im, svc := newImporter(t)
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Canal", Type: domain.CustomList, Options: []string{"Boutique", "Web"}}); err != nil {
		t.Fatal(err)
	}
	archived, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Ancien code", Type: domain.CustomText})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{ID: archived, Name: "Ancien code", Type: domain.CustomText, Archived: true}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "modele.xlsx", "", false)
	f, err := createFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := im.WriteTemplateFor(ctx, f, "fr"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	req := request(t, im, path)
	if last := req.Mapping[len(req.Mapping)-1]; last != "custom:Canal" {
		t.Errorf("last template column maps to %q, want custom:Canal (the archived field left out)", last)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Lisez-moi")
	found := false
	for _, r := range rows {
		found = found || len(r) > 2 && r[0] == "Canal" && strings.Contains(r[2], "Boutique, Web")
	}
	if !found {
		t.Errorf("Lisez-moi does not describe Canal: %v", rows)
	}
}
