package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/store"
)

// An Excel-FR export: Windows-1252, ';', a title row, French amounts,
// a 4-digit postcode, a '-protected ID, a SIRET in scientific notation.
const excelFR = "Liste des clients au 01/03/2026\n\n" +
	"ID client;Code client;Nom;Prénom;Raison sociale;E-mail;Téléphone;CP;Ville;SIRET;Encours autorisé;Solde;Groupes;Date de création\n" +
	";;Dupont;Éloïse;;eloise@example.fr;06 12 34 56 78, 04 78 00 00 01;1000;Bourg-en-Bresse;;1 234,56;12,50;VIP, Grossistes;01/02/2020\n" +
	";C2;Martin;Paul;;paul@example.fr;;75001;Paris;7,32829E+13;;;;\n" +
	";;;;Boulangerie Lefèvre;contact@lefevre.fr;;69002;Lyon;73282932000074;;;Grossistes;\n"

func TestExcelFRCSV(t *testing.T) {
	im, svc := newImporter(t)
	path := writeFile(t, "clients.csv", excelFR, true)
	p, err := im.Preview(context.Background(), path, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if p.Detected.Encoding != "windows-1252" || p.Detected.Delimiter != ";" || p.Detected.HeaderRow != 3 {
		t.Errorf("detected %+v, want windows-1252, ';', header on row 3", p.Detected)
	}
	want := map[string]string{"ID client": "id", "Code client": "code", "Nom": "last_name", "Prénom": "first_name",
		"Raison sociale": "company_name", "E-mail": "email", "Téléphone": "phones", "CP": "postcode", "Ville": "city",
		"SIRET": "siret", "Encours autorisé": "credit_limit", "Solde": "balance", "Groupes": "groups", "Date de création": Ignore}
	for _, s := range p.Suggestions {
		if w, ok := want[s.Header]; ok && s.Field != w {
			t.Errorf("column %q suggested %q (%s), want %q", s.Header, s.Field, s.Reason.FR, w)
		}
	}
	req := request(t, im, path)
	res := commit(t, im, req)
	if c := res.Counts; c.Created != 2 || c.Errors != 1 || c.Rows != 3 {
		t.Errorf("counts %+v, want 2 created, 1 error", c)
	}
	var sci *Problem
	for i, pr := range res.Problems {
		if pr.Code == "id.scientific" {
			sci = &res.Problems[i]
		}
	}
	if sci == nil || sci.Row != 5 || sci.Column != "SIRET" || sci.Value != "7,32829E+13" || sci.Fix.FR == "" {
		t.Errorf("scientific SIRET not reported on row 5, column SIRET with a fix: %+v", sci)
	}
	c := customerByEmail(t, svc, "eloise@example.fr")
	if c.FirstName != "Éloïse" || c.Billing.Postcode != "01000" || c.CreditLimit != 123456 {
		t.Errorf("Dupont read as %q, postcode %q, credit limit %d", c.FirstName, c.Billing.Postcode, c.CreditLimit)
	}
	if len(c.Phones) != 2 || c.Phones[0].Number != "+33612345678" || c.Phones[1].Number != "+33478000001" {
		t.Errorf("phones %+v, want two E.164 numbers", c.Phones)
	}
	if len(c.Groups) != 2 || c.Balance != 0 {
		t.Errorf("groups %v balance %d: want 2 groups, no balance without the option", c.Groups, c.Balance)
	}
	co := customerByEmail(t, svc, "contact@lefevre.fr")
	if co.Kind != domain.KindCompany || co.Code == "" {
		t.Errorf("company row: kind %q code %q, want company with an allocated code", co.Kind, co.Code)
	}
	if res.Batch == 0 {
		t.Error("no batch number")
	}
}

func TestReimportIsUnchangedAndUndoRestores(t *testing.T) {
	im, svc := newImporter(t)
	ctx := context.Background()
	// An existing customer the file will update.
	old := &domain.Customer{Code: "C2", LastName: "Martin", FirstName: "Paul", Email: "paul@example.fr", CreditLimit: 50000,
		Groups: nil, Billing: domain.Address{City: "Paris"}}
	if err := svc.CreateCustomer(ctx, old); err != nil {
		t.Fatal(err)
	}
	before := dump(t, svc)
	file := "Code client;Nom;Prénom;E-mail;Ville;Encours autorisé;Solde;Groupes\n" +
		"C2;Martin;Paul;paul@example.fr;Lyon;9 999,00;-20,00;Clients web\n" +
		";Neuf;Anne;anne@example.fr;Nantes;;100,00;Clients web\n"
	path := writeFile(t, "maj.csv", file, false)
	req := request(t, im, path)
	req.Options.ApplyBalance = true
	res := commit(t, im, req)
	if c := res.Counts; c.Created != 1 || c.Updated != 1 || c.Errors != 0 {
		t.Fatalf("counts %+v, want 1 created 1 updated", c)
	}
	paul := customerByEmail(t, svc, "paul@example.fr")
	if paul.CreditLimit != 50000 {
		t.Errorf("protected credit limit overwritten: %d", paul.CreditLimit)
	}
	if paul.Billing.City != "Lyon" || paul.Balance != -2000 {
		t.Errorf("update: city %q balance %d", paul.Billing.City, paul.Balance)
	}
	var label string
	if err := svc.Store.ReadDB().QueryRow(`SELECT label FROM balance_entries WHERE customer_id = ?`, paul.ID).Scan(&label); err != nil || label != domain.ImportBalanceLabel {
		t.Errorf("balance entry label %q (%v)", label, err)
	}

	touched, err := svc.Search(ctx, store.Query{ImportBatch: res.Batch})
	if err != nil || len(touched) != 2 {
		t.Errorf("customers of import %d: %d rows (%v), want the created and the updated one", res.Batch, len(touched), err)
	}
	if n, _ := svc.Count(ctx, store.Query{ImportBatch: res.Batch, Text: "anne"}); n != 1 {
		t.Errorf("search within the import: %d", n)
	}

	again := commit(t, im, req)
	if c := again.Counts; c.Unchanged != 2 || c.Created+c.Updated+c.Errors != 0 {
		t.Errorf("re-import of the same file: %+v, want all unchanged", c)
	}

	u, err := im.Undo(ctx, res.Batch)
	if err != nil {
		t.Fatal(err)
	}
	if u.Removed != 1 || u.Restored != 1 || len(u.LeftAlone) != 0 {
		t.Errorf("undo %+v", u)
	}
	if after := dump(t, svc); after != before {
		t.Errorf("undo did not restore the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if _, err := im.Undo(ctx, res.Batch); !errors.Is(err, ErrAlreadyUndone) {
		t.Errorf("second undo: %v, want ErrAlreadyUndone", err)
	}
	journal, err := im.Journal(ctx)
	if err != nil || len(journal) != 2 || journal[1].UndoneAt == nil || journal[1].Counts.Created != 1 {
		t.Errorf("journal %+v (%v)", journal, err)
	}
}

func TestMatchingRules(t *testing.T) {
	cases := []struct {
		name      string
		file      string
		key       Key
		wantCode  string // problem code expected
		wantRow   int
		created   int
		customers int // customers in the database afterwards (1 existing)
	}{
		{"changed ID is an error, not a new customer", "ID client;Nom;E-mail\n1;Martin;paul@example.fr\n999;Martin;autre@example.fr\n", KeyAuto, "id.unknown", 3, 0, 1},
		{"two rows on one email: second reported", "Nom;E-mail\nA;dup@example.fr\nB;dup@example.fr\n", KeyAuto, "row.duplicate", 3, 1, 2},
		{"two rows on the existing customer", "Code client;Nom\nC1;Martin\nC1;Martin bis\n", KeyAuto, "row.duplicate", 3, 0, 1},
		{"unknown group without creation", "Nom;Groupes\nZ;Inconnu\n", KeyAuto, "group.unknown", 2, 0, 1},
		{"unknown marketing source", "Nom;Source marketing\nZ;Salon 2026\n", KeyAuto, "source.unknown", 2, 0, 1},
		{"key email ignores the code", "Code client;Nom;E-mail\nC1;Martin;paul@example.fr\n", KeyEmail, "", 0, 0, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			im, svc := newImporter(t)
			ctx := context.Background()
			if err := svc.CreateCustomer(ctx, &domain.Customer{Code: "C1", LastName: "Martin", Email: "paul@example.fr"}); err != nil {
				t.Fatal(err)
			}
			req := request(t, im, writeFile(t, "f.csv", tc.file, false))
			req.Options.Key = tc.key
			if tc.wantCode == "group.unknown" {
				req.Options.CreateGroups = false
			}
			res := commit(t, im, req)
			found := tc.wantCode == ""
			for _, p := range res.Problems {
				if p.Code == tc.wantCode && p.Row == tc.wantRow && p.Severity == SeverityError {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s error on row %d: %+v", tc.wantCode, tc.wantRow, res.Problems)
			}
			// The window shows these texts: no command-line flag in them.
			for _, p := range res.Problems {
				for _, m := range []domain.Message{p.Message, p.Fix} {
					if strings.Contains(m.FR, "--") || strings.Contains(m.EN, "--") {
						t.Errorf("%s names a command-line flag: %+v", p.Code, m)
					}
				}
			}
			if res.Counts.Created != tc.created {
				t.Errorf("created %d, want %d", res.Counts.Created, tc.created)
			}
			if n := count(t, svc, `SELECT count(*) FROM customers`); n != tc.customers {
				t.Errorf("%d customers, want %d", n, tc.customers)
			}
		})
	}
}

func TestCheckWritesNothing(t *testing.T) {
	im, svc := newImporter(t)
	req := request(t, im, writeFile(t, "f.csv", "Nom;E-mail;Groupes\nA;a@example.fr;Nouveau\nB;b@example.fr;\n", false))
	before := dump(t, svc)
	plan, err := im.Check(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Counts.Created != 2 || len(plan.Rows) != 2 {
		t.Errorf("plan %+v", plan.Counts)
	}
	if dump(t, svc) != before || count(t, svc, `SELECT count(*) FROM imports`) != 0 {
		t.Error("check wrote to the database")
	}
}

func TestCancelWritesNothing(t *testing.T) {
	im, svc := newImporter(t)
	var b strings.Builder
	b.WriteString("Nom;E-mail\n")
	for i := range 3000 {
		b.WriteString("Client;c" + itoa(i) + "@example.fr\n")
	}
	req := request(t, im, writeFile(t, "big.csv", b.String(), false))
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	req.OnRow = func(RowPlan) error {
		if seen++; seen == 1500 {
			cancel()
		}
		return nil
	}
	_, err := im.Commit(ctx, req, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("commit after cancel: %v", err)
	}
	if n := count(t, svc, `SELECT count(*) FROM customers`) + count(t, svc, `SELECT count(*) FROM imports`); n != 0 {
		t.Errorf("cancelled import left %d rows", n)
	}
	if v, _ := svc.Store.IntegrityCheck(context.Background()); v != "ok" {
		t.Errorf("integrity_check: %s", v)
	}
}

func TestUndoLeavesEditedCustomers(t *testing.T) {
	im, svc := newImporter(t)
	ctx := context.Background()
	req := request(t, im, writeFile(t, "f.csv", "Nom;E-mail\nA;a@example.fr\nB;b@example.fr\n", false))
	res := commit(t, im, req)
	edited := customerByEmail(t, svc, "b@example.fr")
	edited.Site.Notes = "Appelé le 2 mars"
	if err := svc.UpdateCustomer(ctx, edited); err != nil {
		t.Fatal(err)
	}
	u, err := im.Undo(ctx, res.Batch)
	if err != nil {
		t.Fatal(err)
	}
	if u.Removed != 1 || len(u.LeftAlone) != 1 || u.LeftAlone[0].CustomerID != edited.ID {
		t.Errorf("undo %+v, want 1 removed and the edited customer left alone", u)
	}
	if got := customerByEmail(t, svc, "b@example.fr"); got.Site.Notes != "Appelé le 2 mars" {
		t.Errorf("edited customer overwritten: %+v", got)
	}
}

func TestExportErrorsRoundTrip(t *testing.T) {
	im, _ := newImporter(t)
	req := request(t, im, writeFile(t, "f.csv", "Nom;E-mail;SIRET\nA;a@example.fr;\nB;pas-un-mail;\nC;c@example.fr;1,2E+13\n", false))
	out := writeFile(t, "err.xlsx", "", false)
	f, err := createFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n, err := im.ExportErrors(context.Background(), req, f)
	f.Close()
	if err != nil || n != 2 {
		t.Fatalf("exported %d rows (%v), want 2", n, err)
	}
	p, err := im.Preview(context.Background(), out, Settings{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Headers) != 4 || p.Headers[3] != ErrorColumn || len(p.Rows) != 2 || !strings.Contains(p.Rows[0].Cells[3], "E-mail") {
		t.Errorf("error workbook: headers %v rows %+v", p.Headers, p.Rows)
	}
}

func TestTemplateImportsAsIs(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			im, svc := newImporter(t)
			path := writeFile(t, "modele.xlsx", "", false)
			f, err := createFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteTemplate(f, lang); err != nil {
				t.Fatal(err)
			}
			f.Close()
			req := request(t, im, path)
			for i, field := range req.Mapping {
				if field == Ignore || strings.HasPrefix(field, domain.CustomPrefix) {
					t.Errorf("template column %d not recognised: %q", i, field)
				}
			}
			res := commit(t, im, req)
			if res.Counts.Created != 1 || res.Counts.Errors != 0 {
				t.Fatalf("template import %+v: %+v", res.Counts, res.Problems)
			}
			c := customerByEmail(t, svc, "contact@boulangerie-dupont.fr")
			if c.CompanyName != "Boulangerie Dupont" || c.Kind != domain.KindCompany || len(c.Phones) != 2 {
				t.Errorf("template customer %+v", c)
			}
		})
	}
}

// A creation in the check lists what the new customer will hold, as an
// update lists what changes: the wizard shows both.
func TestCheckListsTheFieldsOfACreation(t *testing.T) {
	im, _ := newImporter(t)
	path := writeFile(t, "new.csv", "Nom;Prénom;E-mail;Encours autorisé;Type;Téléphone\nDurand;Léa;lea@x.fr;1 500,00;Personne physique;0612345678\n", false)
	plan, err := im.Check(context.Background(), request(t, im, path), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Rows) != 1 || plan.Rows[0].Action != ActionCreate {
		t.Fatalf("rows %+v", plan.Rows)
	}
	got := map[string]string{}
	for _, ch := range plan.Rows[0].Changes {
		got[ch.Field] = ch.New
	}
	want := map[string]string{"last_name": "Durand", "first_name": "Léa", "email": "lea@x.fr",
		"credit_limit": format.Money(150000, "fr"), "kind": "Personne physique", "code": "C0000001",
		"phones": "06 12 34 56 78"}
	for f, v := range want {
		if got[f] != v {
			t.Errorf("%s: %q, want %q (all: %v)", f, got[f], v, got)
		}
	}
	if _, ok := got["iban"]; ok {
		t.Errorf("an empty field is listed: %v", got)
	}
}

// A shop's customer numbers (1, 2, 3…) are small integers like Carnet's
// IDs: in a directory that already holds customers 1 and 2, they must not
// be taken for Carnet IDs and overwrite those two with the shop's people.
// A file whose IDs do name its rows' customers (Carnet's own export) keeps
// the ID column.
func TestShopNumbersAreNotTakenForCarnetIDs(t *testing.T) {
	im, svc := newImporter(t)
	ctx := context.Background()
	for _, c := range []*domain.Customer{
		{Kind: domain.KindPerson, LastName: "Lefèvre", FirstName: "Hélène", Email: "helene@exemple.fr"},
		{Kind: domain.KindPerson, LastName: "Bérard", FirstName: "François", Email: "francois@exemple.fr"},
	} {
		if err := svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	shop := writeFile(t, "shop.csv", "Customer ID;Email;Last Name;First Name\n"+
		"1;peter.pan@shop.com;Pan;Peter\n2;wendy@shop.com;Darling;Wendy\n3;john@shop.com;Doe;John\n", false)
	req := request(t, im, shop)
	if req.Mapping[0] != Ignore {
		t.Fatalf("shop numbers mapped to %q", req.Mapping[0])
	}
	res := commit(t, im, req)
	if res.Counts.Created != 3 || res.Counts.Updated != 0 {
		t.Errorf("counts %+v: the shop's people must be new customers", res.Counts)
	}
	if c := customerByEmail(t, svc, "helene@exemple.fr"); c.LastName != "Lefèvre" {
		t.Errorf("customer 1 became %s", c.LastName)
	}

	own := writeFile(t, "own.csv", "ID client;E-mail;Nom\n1;helene@exemple.fr;Lefèvre-Martin\n2;francois@exemple.fr;Bérard\n", false)
	req = request(t, im, own)
	if req.Mapping[0] != "id" {
		t.Fatalf("Carnet's own IDs mapped to %q", req.Mapping[0])
	}
	if res := commit(t, im, req); res.Counts.Updated != 1 || res.Counts.Unchanged != 1 {
		t.Errorf("round trip counts %+v", res.Counts)
	}
}

// TestPlanValuesInTheUILanguage: the check shows a new customer's kind and
// amounts in the language asked.
func TestPlanValuesInTheUILanguage(t *testing.T) {
	im, _ := newImporter(t)
	path := writeFile(t, "f.csv", "Raison sociale;Encours autorisé;Solde\nGarage Martin;1234,5;1234,5\n", false)
	for lang, want := range map[string][2]string{"fr": {"Personne morale", "1\u202f234,50\u00a0€"}, "en": {"Company", "€1,234.50"}} {
		req := request(t, im, path)
		req.Lang = lang
		req.Options.ApplyBalance = true
		plan, err := im.Check(context.Background(), req, nil)
		if err != nil || len(plan.Rows) != 1 {
			t.Fatalf("%s: %v %+v", lang, err, plan)
		}
		got := map[string]string{}
		for _, ch := range plan.Rows[0].Changes {
			got[ch.Field] = ch.New
		}
		if got["kind"] != want[0] || got["credit_limit"] != want[1] || got["balance"] != want[1] {
			t.Errorf("%s: kind %q, credit limit %q, balance %q; want %q, %q", lang, got["kind"], got["credit_limit"], got["balance"], want[0], want[1])
		}
	}
}

// TestImportAndUndoBackUpFirst: an import into a file holding customers,
// and an undo, each write a backup first, which holds the file as it was;
// an import into an empty file has nothing to back up.
func TestImportAndUndoBackUpFirst(t *testing.T) {
	im, svc := newImporter(t)
	ctx := context.Background()
	first := commit(t, im, request(t, im, writeFile(t, "a.csv", "Nom;Ville\nDurand;Lyon\n", false)))
	if first.Backup != "" {
		t.Errorf("an import into an empty file made a backup: %s", first.Backup)
	}
	second := commit(t, im, request(t, im, writeFile(t, "b.csv", "Nom;Ville\nMartin;Nice\nPetit;Lille\n", false)))
	if second.Backup == "" {
		t.Fatal("no backup before the second import")
	}
	b, err := store.OpenReadOnly(second.Backup)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := b.Count(ctx, store.Query{Archived: store.FilterAny})
	b.Close()
	if n != 1 {
		t.Errorf("the backup before the second import holds %d customers, want 1", n)
	}
	u, err := im.Undo(ctx, second.Batch)
	if err != nil || u.Backup == "" {
		t.Fatalf("undo: %+v %v", u, err)
	}
	list, _ := store.Backups(svc.Store.Path)
	if len(list) != 2 || list[0].Reason != store.ReasonUndo || list[1].Reason != store.ReasonImport {
		t.Errorf("backups %+v", list)
	}
	if _, err := im.Undo(ctx, second.Batch); err == nil {
		t.Error("a second undo was accepted")
	}
	if list2, _ := store.Backups(svc.Store.Path); len(list2) != 2 {
		t.Errorf("a refused undo wrote a backup: %d backups", len(list2))
	}
}

// TestHeaderOnlyFileLeavesNoImportInTheJournal: a file without data rows
// imports nothing and leaves no empty import to undo.
func TestHeaderOnlyFileLeavesNoImportInTheJournal(t *testing.T) {
	im, _ := newImporter(t)
	res := commit(t, im, request(t, im, writeFile(t, "vide.csv", "Nom;Ville\n", false)))
	if res.Batch != 0 || res.Counts.Rows != 0 {
		t.Errorf("result %+v", res.Counts)
	}
	journal, err := im.Journal(context.Background())
	if err != nil || len(journal) != 0 {
		t.Errorf("journal after a header-only file: %+v %v", journal, err)
	}
}

// TestColumnsAndValuesThatGoNowhereAreReported: an unknown column and the
// values beyond the header's width are warnings, not silently dropped.
func TestColumnsAndValuesThatGoNowhereAreReported(t *testing.T) {
	im, _ := newImporter(t)
	path := writeFile(t, "f.csv", "Nom;Zorglub;Ville\nDurand;x;Lyon\nMartin;y;Nice;en trop;encore\n", false)
	plan, err := im.Check(context.Background(), request(t, im, path), nil)
	if err != nil {
		t.Fatal(err)
	}
	var ignored, extra *Problem
	for i, p := range plan.Problems {
		switch p.Code {
		case "column.ignored":
			ignored = &plan.Problems[i]
		case "row.extra_cells":
			extra = &plan.Problems[i]
		}
	}
	if ignored == nil || ignored.Column != "Zorglub" || ignored.Row != 1 || ignored.Severity != SeverityWarning {
		t.Errorf("the Zorglub column is not reported: %+v", plan.Problems)
	}
	if extra == nil || extra.Row != 3 || !strings.Contains(extra.Message.FR, "« en trop »") {
		t.Errorf("the values beyond the last column are not reported: %+v", plan.Problems)
	}
	if plan.Counts.Warnings < 2 || plan.Counts.Created != 2 {
		t.Errorf("counts %+v", plan.Counts)
	}
}

// TestCellsInAnotherEncodingAreRepairedAndSaid: a UTF-8 file with a column
// name and a cell pasted from a Windows-1252 file imports them readable,
// and each repair is a warning naming the row and column.
func TestCellsInAnotherEncodingAreRepairedAndSaid(t *testing.T) {
	im, svc := newImporter(t)
	// UTF-8 accents in the header and first row; the last column name and
	// a city typed in Windows-1252.
	text := "Nom;Prénom;Ville;Remarqu\xe9\nDurand;Éloïse;Lyon;x\nMartin;Paul;Orl\xe9ans;y\n"
	path := writeFile(t, "mixte.csv", text, false)
	req := request(t, im, path)
	res := commit(t, im, req)
	var header, cell *Problem
	for i, p := range res.Problems {
		if p.Code != "encoding_repaired" {
			continue
		}
		switch p.Row {
		case 1:
			header = &res.Problems[i]
		case 3:
			cell = &res.Problems[i]
		}
	}
	if header == nil || header.Value != "Remarqué" {
		t.Errorf("the repaired column name is not reported: %+v", res.Problems)
	}
	if cell == nil || cell.Column != "Ville" || cell.Value != "Orléans" || cell.Severity != SeverityWarning {
		t.Errorf("the repaired cell is not reported with its column: %+v", res.Problems)
	}
	list, err := svc.SearchCustomers(context.Background(), store.Query{Text: "Martin"})
	if err != nil || len(list) != 1 || list[0].Billing.City != "Orléans" {
		t.Errorf("the repaired city is not stored readable: %+v %v", list, err)
	}
}

// TestNothingMappedPointsToTheHeaderChoice: when no column could be mapped
// the refusal says how to choose another header row, on both surfaces.
func TestNothingMappedPointsToTheHeaderChoice(t *testing.T) {
	problems := CheckMapping([]string{"Liste des clients", ""}, Mapping{Ignore, Ignore})
	if len(problems) != 1 || !strings.Contains(problems[0].Fix.FR, "--header-row") ||
		!strings.Contains(problems[0].Fix.FR, "Ligne d’en-tête") {
		t.Errorf("refusal %+v", problems)
	}
}
