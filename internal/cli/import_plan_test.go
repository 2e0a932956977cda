package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// planDoc is the part of import --json a script reads to see the plan.
type planDoc struct {
	Rows, Created, Updated, Unchanged int
	ConflictRows                      int `json:"conflict_rows"`
	Conflicts                         []struct {
		Line   int
		Code   string
		By     string
		Taken  bool
		Fields []struct{ Field, Old, New string }
	}
	Plan []struct {
		Line     int
		Action   string
		Code     string
		Changes  []struct{ Field, Old, New string }
		Conflict *struct {
			Fields []struct{ Field, Old, New string }
		}
		Problems []struct{ Field, Code string }
	}
	PlanTruncated bool `json:"plan_truncated"`
	LeftOut       int  `json:"plan_rows_left_out"`
}

func readPlan(t *testing.T, out string) planDoc {
	t.Helper()
	var doc planDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	return doc
}

// TestDryRunJSONGivesThePlan: import --dry-run --json lists, per row, the
// action, the code and each field's change {field, old, new}, the identity
// conflicts apart, and --changes-limit bounds the list, not the counts.
func TestDryRunJSONGivesThePlan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	first := filepath.Join(dir, "a.csv")
	os.WriteFile(first, []byte("Code;Nom;E-mail;Ville\nC0020001;Morel;morel@example.fr;Lyon\nC0020002;Petit;petit@example.fr;Lyon\n"), 0o644)
	if _, errs, code := run(t, "import", first, "--db", db); code != 0 {
		t.Fatalf("first import: %d %s", code, errs)
	}
	second := filepath.Join(dir, "b.csv")
	os.WriteFile(second, []byte("Code;Nom;E-mail;Ville\nC0001;Morel;morel@example.fr;Paris\nC0020002;Petit;petit@example.fr;Nice\n;Durand;durand@example.fr;Lyon\n"), 0o644)

	out, errs, code := run(t, "import", second, "--db", db, "--dry-run", "--json", "--key", "email")
	if code != 0 {
		t.Fatalf("dry run: exit %d %s\n%s", code, errs, out)
	}
	doc := readPlan(t, out)
	if doc.Rows != 3 || doc.Created != 1 || doc.Updated != 2 || doc.ConflictRows != 1 || len(doc.Plan) != 3 || doc.PlanTruncated {
		t.Fatalf("plan: %+v", doc)
	}
	morel := doc.Plan[0]
	if morel.Line != 2 || morel.Action != "update" || morel.Code != "C0020001" || len(morel.Changes) != 1 ||
		morel.Changes[0].Field != "city" || morel.Changes[0].Old != "Lyon" || morel.Changes[0].New != "Paris" {
		t.Errorf("row 2: %+v", morel)
	}
	if morel.Conflict == nil || morel.Conflict.Fields[0].Old != "C0020001" || morel.Conflict.Fields[0].New != "C0001" {
		t.Errorf("row 2's conflict: %+v", morel.Conflict)
	}
	if len(doc.Conflicts) != 1 || doc.Conflicts[0].Line != 2 || doc.Conflicts[0].By != "email" || doc.Conflicts[0].Taken {
		t.Errorf("conflicts: %+v", doc.Conflicts)
	}
	created := doc.Plan[2]
	if created.Action != "create" || created.Code == "" || len(created.Changes) == 0 {
		t.Errorf("row 4: %+v", created)
	}

	out, _, _ = run(t, "import", second, "--db", db, "--dry-run", "--json", "--key", "email", "--changes-limit", "1")
	doc = readPlan(t, out)
	if len(doc.Plan) != 1 || !doc.PlanTruncated || doc.LeftOut != 2 || doc.Rows != 3 || doc.Created != 1 || doc.Updated != 2 {
		t.Errorf("--changes-limit 1: %d rows listed, truncated %v, left out %d; counts %d/%d/%d", len(doc.Plan), doc.PlanTruncated, doc.LeftOut, doc.Rows, doc.Created, doc.Updated)
	}

	// The human output names the conflict and how to decide it.
	out, _, _ = run(t, "import", second, "--db", db, "--dry-run", "--key", "email")
	if !strings.Contains(out, "« C0020001 » enregistré, « C0001 » dans le fichier (gardé)") || !strings.Contains(out, "--identity file") {
		t.Errorf("human output:\n%s", out)
	}
	// Taken for that row: the file's code is written.
	if _, errs, code := run(t, "import", second, "--db", db, "--key", "email", "--identity-rows", "2"); code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	out, _, _ = run(t, "clients", "--db", db, "--json")
	if !strings.Contains(out, `"C0001"`) || strings.Contains(out, `"C0020001"`) {
		t.Errorf("after --identity-rows 2 the stored code is not the file's:\n%s", out)
	}
}

// TestImportRowFlagsRefuseNonsense: row lists and the identity choice are
// checked before anything is read.
func TestImportRowFlagsRefuseNonsense(t *testing.T) {
	for _, args := range [][]string{{"--skip-rows", "3,x"}, {"--identity", "mine"}, {"--identity-rows", "0"}, {"--changes-limit", "-1"}} {
		_, errs, code := run(t, append([]string{"import", "f.csv"}, args...)...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d %q, want a usage error", args, code, errs)
		}
	}
}

// TestSkipRowsAndCodeRequired: --skip-rows leaves rows out, --code-required
// refuses a row without a code.
func TestSkipRowsAndCodeRequired(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	csv := filepath.Join(dir, "a.csv")
	os.WriteFile(csv, []byte("Code;Nom\nC1;Morel\n;Petit\nC3;Durand\n"), 0o644)
	out, _, code := run(t, "import", csv, "--db", db, "--json", "--skip-rows", "4", "--code-required")
	if code != 3 || !strings.Contains(out, `"created": 1`) || !strings.Contains(out, `"skipped": 1`) || !strings.Contains(out, `"code": "code.required"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}
