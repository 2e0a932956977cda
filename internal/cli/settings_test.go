package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runAs runs a command in lang with no terminal on standard input, so
// that a PIN comes from the environment or not at all.
func runAs(t *testing.T, lang string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &Env{Stdout: &out, Stderr: &errb, Lang: lang, Stdin: strings.NewReader("")})
	return out.String(), errb.String(), code
}

// jsonOf decodes one JSON document printed by a command.
func jsonOf(t *testing.T, out string) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	return doc
}

// demoDB is a database with n sample customers.
func demoDB(t *testing.T, n string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	if _, errs, code := runAs(t, "fr", "demo", "--clients", n, "--db", db); code != 0 {
		t.Fatalf("demo: exit %d %s", code, errs)
	}
	return db
}

// TestEachSettingIsSavedAndReadBack: every setting set from the command
// line reads back the same in text and JSON, one by one and in the
// overview, and the numbering rule is applied to the next new customer.
func TestEachSettingIsSavedAndReadBack(t *testing.T) {
	db := demoDB(t, "20")
	for _, tc := range []struct {
		key, value, text string
		json             any
	}{
		{"code_prefix", "WEB", "WEB", "WEB"},
		{"code_length", "9", "9", 9.0},
		{"phone_region", "be", "BE (Belgique)", "BE"},
		{"sundry_account", "411DIV", "411DIV", "411DIV"},
		{"account_prefix", "411", "411", "411"},
		{"backup_keep", "7", "7", 7.0},
	} {
		out, errs, code := runAs(t, "fr", "settings", tc.key, tc.value, "--db", db)
		if code != 0 || out == "" {
			t.Errorf("%s %s: exit %d, %q %q", tc.key, tc.value, code, out, errs)
			continue
		}
		if out, _, _ := runAs(t, "fr", "settings", tc.key, "--db", db); strings.TrimSpace(out) != tc.text {
			t.Errorf("%s reads %q, want %q", tc.key, out, tc.text)
		}
		if out, _, _ := runAs(t, "fr", "settings", tc.key, "--db", db, "--json"); jsonOf(t, out)[tc.key] != tc.json {
			t.Errorf("%s --json: %s, want %v", tc.key, out, tc.json)
		}
	}
	// The next code follows the new rule and the sequence: 20 customers
	// were numbered before.
	if out, _, _ := runAs(t, "fr", "settings", "next_code", "--db", db); strings.TrimSpace(out) != "WEB000021" {
		t.Errorf("next_code %q, want WEB000021", out)
	}
	out, _, _ := runAs(t, "fr", "settings", "--db", db)
	for _, line := range []string{"code_prefix", "Préfixe des codes clients", "WEB", "phone_region", "BE (Belgique)", "account_prefix", "411"} {
		if !strings.Contains(out, line) {
			t.Errorf("overview lacks %q:\n%s", line, out)
		}
	}
	all := jsonOf(t, mustRun(t, "settings", "--db", db, "--json"))
	if all["code_prefix"] != "WEB" || all["code_length"] != 9.0 || all["next_code"] != "WEB000021" || all["operators_on"] != false {
		t.Errorf("overview JSON: %v", all)
	}
	for _, list := range []string{"marketing_sources", "price_types", "civilities", "custom_fields", "operators"} {
		if _, ok := all[list].([]any); !ok {
			t.Errorf("overview JSON: %s is not a list: %v", list, all[list])
		}
	}

	// An empty account prefix frees account numbers again.
	if _, errs, code := runAs(t, "fr", "settings", "account_prefix", "", "--db", db); code != 0 {
		t.Errorf("account_prefix \"\": exit %d %s", code, errs)
	}
	if out, _, _ := runAs(t, "fr", "settings", "account_prefix", "--db", db, "--json"); jsonOf(t, out)["account_prefix"] != "" {
		t.Errorf("account_prefix not freed: %s", out)
	}

	// Applied: the customer imported next gets the code the preview said.
	csv := filepath.Join(t.TempDir(), "un.csv")
	os.WriteFile(csv, []byte("Nom;E-mail\nNouveau;nouveau@exemple.fr\n"), 0o644)
	if _, errs, code := runAs(t, "fr", "import", csv, "--db", db); code != 0 {
		t.Fatalf("import: exit %d %s", code, errs)
	}
	if out := mustRun(t, "clients", "nouveau", "--db", db, "--json"); !strings.Contains(out, `"code": "WEB000021"`) {
		t.Errorf("new customer's code:\n%s", out)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runAs(t, "fr", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d %s", args, code, errs)
	}
	return out
}

// TestARefusedSettingSaysWhatIsExpected: a value the service refuses
// exits 1 with what is expected, a badly written one exits 2, and neither
// changes anything.
func TestARefusedSettingSaysWhatIsExpected(t *testing.T) {
	db := demoDB(t, "20")
	before := mustRun(t, "settings", "--db", db, "--json")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"code_length", "2"}, 1, "passez la longueur à"},
		{[]string{"code_length", "abc"}, 2, "nombre entier"},
		{[]string{"code_prefix", "C é"}, 1, "sans espace ni accent"},
		{[]string{"phone_region", "XX"}, 1, "FR, BE, CH"},
		{[]string{"sundry_account", "411-000"}, 1, "1 à 20 lettres et chiffres"},
		{[]string{"account_prefix", "41a"}, 1, "1 à 10 chiffres"},
		{[]string{"backup_keep", "0"}, 1, "de 1 à 1000"},
		{[]string{"operators_on", "on"}, 1, "opérateur propriétaire"},
		{[]string{"operators_on", "peut-être"}, 2, "on ou off"},
		{[]string{"next_code", "C9"}, 2, "se lit seulement"},
		{[]string{"marketing_sources", "Salon"}, 2, "+Nom pour ajouter"},
		{[]string{"couleur", "bleu"}, 2, "code_prefix, code_length"},
		{[]string{"code_prefix", "A", "B"}, 2, "trop d’arguments"},
	} {
		_, errs, code := runAs(t, "fr", append(append([]string{"settings"}, tc.args...), "--db", db)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d %q, want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
	if after := mustRun(t, "settings", "--db", db, "--json"); after != before {
		t.Errorf("a refused value changed the settings:\n%s\n%s", before, after)
	}
	// In English when the environment says so.
	_, errs, code := runAs(t, "en", "settings", "phone_region", "XX", "--db", db)
	if code != 1 || !strings.Contains(errs, "is not an offered region") {
		t.Errorf("en: exit %d %q", code, errs)
	}
}

// TestReferenceListsTakePlusMinusEquals: a marketing source added with
// +Name is offered and an import that names it passes; -Name archives it
// (the customer keeps it), +Name brings it back, Old=New renames it.
func TestReferenceListsTakePlusMinusEquals(t *testing.T) {
	db := demoDB(t, "3")
	csv := filepath.Join(t.TempDir(), "salon.csv")
	os.WriteFile(csv, []byte("Nom;E-mail;Source marketing\nDurand;durand@exemple.fr;Salon Lyon\n"), 0o644)
	if _, _, code := runAs(t, "fr", "import", csv, "--db", db, "--dry-run"); code != 3 {
		t.Fatalf("an unknown source should be an error row: exit %d", code)
	}
	out := mustRun(t, "settings", "marketing_sources", "+Salon Lyon", "--db", db)
	if !strings.Contains(out, "« Salon Lyon »") {
		t.Errorf("confirmation: %q", out)
	}
	if out := mustRun(t, "settings", "marketing_sources", "--db", db); !strings.Contains(out, "Salon Lyon") {
		t.Errorf("the new source is not listed:\n%s", out)
	}
	if out, errs, code := runAs(t, "fr", "import", csv, "--db", db, "--json"); code != 0 || jsonOf(t, out)["created"] != 1.0 {
		t.Fatalf("import naming the new source: exit %d %s\n%s", code, errs, out)
	}

	source := func() map[string]any {
		t.Helper()
		for _, v := range jsonOf(t, mustRun(t, "settings", "marketing_sources", "--db", db, "--json"))["marketing_sources"].([]any) {
			if e := v.(map[string]any); strings.HasPrefix(e["name"].(string), "Salon Lyon") {
				return e
			}
		}
		t.Fatal("Salon Lyon is gone from the list")
		return nil
	}
	mustRun(t, "settings", "marketing_sources", "-Salon Lyon", "--db", db)
	if s := source(); s["archived"] != true || s["uses"] != 1.0 {
		t.Errorf("after -Salon Lyon: %v", s)
	}
	if out := mustRun(t, "settings", "marketing_sources", "--db", db); !strings.Contains(out, "Salon Lyon") || !strings.Contains(out, "oui") {
		t.Errorf("an archived entry should be listed as archived:\n%s", out)
	}
	mustRun(t, "settings", "marketing_sources", "+salon lyon", "--db", db)
	if s := source(); s["archived"] != false || s["name"] != "Salon Lyon" {
		t.Errorf("after +salon lyon: %v", s)
	}
	mustRun(t, "settings", "marketing_sources", "Salon Lyon=Salon Lyon 2026", "--db", db)
	if s := source(); s["name"] != "Salon Lyon 2026" || s["uses"] != 1.0 {
		t.Errorf("after the rename: %v (the customer should follow)", s)
	}
	if _, errs, code := runAs(t, "fr", "settings", "marketing_sources", "-Inconnue", "--db", db); code != 1 || !strings.Contains(errs, "n’est pas dans la liste") {
		t.Errorf("archiving an unknown entry: exit %d %q", code, errs)
	}

	// The other lists take the same syntax.
	mustRun(t, "settings", "price_types", "+Revendeur", "--db", db)
	mustRun(t, "settings", "civilities", "+Maître", "--db", db)
	if all := mustRun(t, "settings", "--db", db); !strings.Contains(all, "Revendeur") {
		t.Errorf("overview lacks the new price type:\n%s", all)
	}
	if out := mustRun(t, "settings", "civilities", "--db", db); !strings.Contains(out, "Maître") {
		t.Errorf("civilities lack the new one:\n%s", out)
	}
}

// TestCustomFieldsFromTheCommandLine: a field is created with its type, a
// list with its values; it is archived, renamed and moved, and its type
// never changes.
func TestCustomFieldsFromTheCommandLine(t *testing.T) {
	db := demoDB(t, "3")
	if out := mustRun(t, "settings", "custom_fields", "+Passeport:text", "--db", db); !strings.Contains(out, "créé") {
		t.Errorf("create: %q", out)
	}
	mustRun(t, "settings", "custom_fields", "+Taille:list:S|M|L", "--db", db)
	fields := func() []any {
		return jsonOf(t, mustRun(t, "settings", "custom_fields", "--db", db, "--json"))["custom_fields"].([]any)
	}
	f := fields()
	if len(f) != 2 {
		t.Fatalf("fields: %v", f)
	}
	if p, s := f[0].(map[string]any), f[1].(map[string]any); p["name"] != "Passeport" || p["type"] != "text" ||
		s["type"] != "list" || len(s["options"].([]any)) != 3 {
		t.Errorf("fields: %v", f)
	}
	for _, tc := range []struct {
		value string
		code  int
		want  string
	}{
		{"+Passeport:number", 1, "un type ne change pas"},
		{"+Âge", 2, "donnez le type"},
		{"+Âge:decimal", 2, "type « decimal » inconnu"},
		{"+Couleur:list", 2, "+Couleur:list:A|B|C"},
		{"+Nom:text", 1, "déjà un champ de la fiche"},
	} {
		_, errs, code := runAs(t, "fr", "settings", "custom_fields", tc.value, "--db", db)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d %q, want %d and %q", tc.value, code, errs, tc.code, tc.want)
		}
	}
	mustRun(t, "settings", "custom_fields", "Taille=Pointure", "--db", db)
	mustRun(t, "settings", "custom_fields", "Pointure@1", "--db", db)
	mustRun(t, "settings", "custom_fields", "-Passeport", "--db", db)
	f = fields()
	if p, s := f[1].(map[string]any), f[0].(map[string]any); s["name"] != "Pointure" || p["name"] != "Passeport" || p["archived"] != true {
		t.Errorf("after rename, move and archive: %v", f)
	}
	out := mustRun(t, "settings", "custom_fields", "--db", db)
	if !strings.Contains(out, "Pointure") || !strings.Contains(out, "S|M|L") {
		t.Errorf("text listing:\n%s", out)
	}

	// The field defined here is imported by its column name, checked
	// against its values, and counted in the listing.
	csv := filepath.Join(t.TempDir(), "pointures.csv")
	os.WriteFile(csv, []byte("Nom;E-mail;Pointure\nDurand;durand@exemple.fr;m\nMartin;martin@exemple.fr;XXL\n"), 0o644)
	if out, errs, code := runAs(t, "fr", "import", csv, "--db", db, "--json"); code != 3 || jsonOf(t, out)["created"] != 1.0 {
		t.Fatalf("import with a Pointure column: exit %d %s\n%s", code, errs, out)
	}
	if out := mustRun(t, "clients", "durand", "--db", db, "--json"); !strings.Contains(out, `"Pointure": "M"`) {
		t.Errorf("Durand's Pointure:\n%s", out)
	}
	if f := fields(); f[0].(map[string]any)["uses"] != 1.0 {
		t.Errorf("use count after the import: %v", f[0])
	}
}

func TestGlobalFlagsMayComeBeforeTheCommand(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"--db x.db settings", "settings --db x.db"},
		{"--operator Marie --db=x.db import a.csv", "import --operator Marie --db=x.db a.csv"},
		{"settings --db x.db", "settings --db x.db"},
		{"--json settings", "--json settings"},
		{"--db", "--db"},
	} {
		if got := strings.Join(globalFlagsAfterCommand(strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}
