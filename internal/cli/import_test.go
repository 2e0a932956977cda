package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportUndoTemplateCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	csv := filepath.Join(dir, "clients.csv")
	os.WriteFile(csv, []byte("Nom;Prénom;E-mail;CP;SIRET\nDupont;Marie;marie@example.fr;1000;\nMartin;Paul;paul@example.fr;75001;4,04833E+13\n"), 0o644)

	out, errs, code := run(t, "import", csv, "--db", db, "--dry-run", "--json")
	if code != 3 {
		t.Fatalf("dry run with a row in error: exit %d, want 3 (%s)", code, errs)
	}
	var doc struct {
		File, Encoding, Delimiter string
		HeaderRow                 int `json:"header_row"`
		Mapping                   map[string]string
		Rows, Created, Skipped    int
		Batch                     int64
		Errors                    []struct {
			Row           int
			Column, Value string
			Message       string
		}
		Warnings []struct{ Row int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	if doc.Delimiter != ";" || doc.HeaderRow != 1 || doc.Mapping["E-mail"] != "email" || doc.Rows != 2 || doc.Created != 1 || doc.Batch != 0 {
		t.Errorf("dry run JSON: %+v", doc)
	}
	if len(doc.Errors) != 1 || doc.Errors[0].Row != 3 || doc.Errors[0].Column != "SIRET" || doc.Errors[0].Message == "" {
		t.Errorf("errors %+v", doc.Errors)
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0].Row != 2 {
		t.Errorf("4-digit postcode warning missing: %+v", doc.Warnings)
	}

	out, _, code = run(t, "import", csv, "--db", db, "--json", "--errors-xlsx", filepath.Join(dir, "erreurs.xlsx"))
	if code != 3 || !strings.Contains(out, `"batch": 1`) {
		t.Fatalf("import: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "erreurs.xlsx")); err != nil {
		t.Errorf("errors workbook: %v", err)
	}
	out, _, code = run(t, "imports", "--db", db, "--json")
	if code != 0 || !strings.Contains(out, "clients.csv") {
		t.Errorf("imports: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "undo", "1", "--db", db, "--json")
	if code != 0 || !strings.Contains(out, `"removed": 1`) {
		t.Errorf("undo: exit %d\n%s", code, out)
	}
	if _, _, code = run(t, "undo", "1", "--db", db); code != 1 {
		t.Errorf("second undo: exit %d, want 1", code)
	}

	// The template of this file has a column for its custom field, which
	// the import of the template as it is maps back (no column ignored).
	if _, errs, code := run(t, "settings", "custom_fields", "+Pointure:number", "--db", db); code != 0 {
		t.Fatalf("custom field: exit %d %s", code, errs)
	}
	tpl := filepath.Join(dir, "modele.xlsx")
	if _, errs, code := run(t, "template", tpl, "--db", db); code != 0 {
		t.Fatalf("template: exit %d %s", code, errs)
	}
	out, errs, code = run(t, "import", tpl, "--db", db, "--json")
	if code != 0 || !strings.Contains(out, `"created": 1`) || !strings.Contains(out, `"Pointure": "custom:Pointure"`) {
		t.Errorf("template import: exit %d %s\n%s", code, errs, out)
	}
	if _, _, code := run(t, "import", filepath.Join(dir, "absent.csv"), "--db", db); code != 1 {
		t.Errorf("unreadable file: exit %d, want 1", code)
	}
}

// TestFixesNameTheFlagOnlyOnTheCommandLine: the engine's fixes name an
// option as the window shows it; the command line adds the flag that turns
// it on.
func TestFixesNameTheFlagOnlyOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	csv := filepath.Join(dir, "soldes.csv")
	os.WriteFile(csv, []byte("Nom;Solde;Source marketing\nDurand;12,50;Salon 2026\n"), 0o644)
	out, errs, _ := run(t, "import", csv, "--db", db, "--dry-run", "--json")
	var doc struct {
		Errors, Warnings []struct{ Code, Fix string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s%s", err, out, errs)
	}
	want := map[string]string{"balance.ignored": "(--allow-balance)", "source.unknown": "(--create-sources)"}
	for _, p := range append(doc.Errors, doc.Warnings...) {
		if flag, ok := want[p.Code]; ok {
			if !strings.HasSuffix(p.Fix, flag) || strings.Count(p.Fix, "--") != 1 {
				t.Errorf("%s: fix %q should end with %s", p.Code, p.Fix, flag)
			}
			delete(want, p.Code)
		}
	}
	if len(want) > 0 {
		t.Errorf("problems not reported: %v\n%s", want, out)
	}
}
