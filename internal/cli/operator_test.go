package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// operatorsOn is a database whose operators are on: Marie, owner, PIN
// 1234; Paul, employee who may import, without a PIN.
func operatorsOn(t *testing.T) string {
	t.Helper()
	db := demoDB(t, "5")
	mustRun(t, "settings", "operators", "+Marie:owner", "--db", db)
	mustRun(t, "settings", "operators", "+Paul:employee:import", "--db", db)
	t.Setenv(newPINEnv, "1234")
	mustRun(t, "settings", "operator_pin", "Marie", "--db", db)
	mustRun(t, "settings", "operators_on", "on", "--db", db)
	return db
}

// TestOperatorSignsInWithThePINFromTheEnvironment: with operators on, a
// change without --operator is refused and says how to give it; a wrong
// PIN is refused; the right one signs in, before or after the command,
// and the journal names who did it. Reading needs no operator.
func TestOperatorSignsInWithThePINFromTheEnvironment(t *testing.T) {
	db := operatorsOn(t)
	prefix := func() string {
		t.Helper()
		return strings.TrimSpace(mustRun(t, "settings", "code_prefix", "--db", db))
	}

	_, errs, code := runAs(t, "fr", "settings", "code_prefix", "WEB", "--db", db)
	if code != 2 || !strings.Contains(errs, "--operator NOM") || !strings.Contains(errs, "CARNET_PIN") {
		t.Errorf("no operator: exit %d %q", code, errs)
	}
	t.Setenv(pinEnv, "0000")
	if _, errs, code := runAs(t, "fr", "settings", "code_prefix", "WEB", "--db", db, "--operator", "Marie"); code != 1 || !strings.Contains(errs, "Code PIN incorrect") {
		t.Errorf("wrong PIN: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "settings", "code_prefix", "WEB", "--db", db, "--operator", "Personne"); code != 1 || !strings.Contains(errs, "Personne") {
		t.Errorf("unknown operator: exit %d %q", code, errs)
	}
	if prefix() != "C" {
		t.Fatalf("a refused sign-in changed the prefix to %q", prefix())
	}
	t.Setenv(pinEnv, "1234")
	if _, errs, code := runAs(t, "fr", "--operator", "marie", "settings", "code_prefix", "WEB", "--db", db); code != 0 {
		t.Fatalf("right PIN, --operator before the command: exit %d %q", code, errs)
	}
	if prefix() != "WEB" {
		t.Errorf("prefix %q after Marie's change", prefix())
	}

	// An employee signs in (no PIN asked: they have none) and is refused
	// what their permissions leave out, with the permission named.
	if _, errs, code := runAs(t, "fr", "settings", "code_prefix", "P", "--db", db, "--operator", "Paul"); code != 1 || !strings.Contains(errs, "Peut modifier les paramètres") {
		t.Errorf("employee without the settings permission: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "backups", "--keep", "3", "--db", db, "--operator", "Paul"); code != 1 || !strings.Contains(errs, "Peut modifier les paramètres") {
		t.Errorf("backups --keep by an employee: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "demo", "--clients", "2", "--db", db, "--operator", "Paul"); code != 0 {
		t.Errorf("demo by an employee who may import: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "demo", "--clients", "2", "--db", db); code != 2 || !strings.Contains(errs, "--operator") {
		t.Errorf("demo without an operator: exit %d %q", code, errs)
	}

	// Reading needs nobody.
	for _, args := range [][]string{{"settings"}, {"settings", "operators"}, {"clients"}, {"journal"}} {
		if _, errs, code := runAs(t, "fr", append(args, "--db", db)...); code != 0 {
			t.Errorf("%v with operators on: exit %d %q", args, code, errs)
		}
	}
	out := mustRun(t, "journal", "--db", db, "--json")
	found := false
	for _, e := range jsonOf(t, out)["entries"].([]any) {
		e := e.(map[string]any)
		found = found || e["operator"] == "Marie" && e["action"] == "settings" && e["subject"] == "numbering"
	}
	if !found {
		t.Errorf("the journal does not name Marie for the numbering change:\n%s", out)
	}
	if out := mustRun(t, "journal", "--db", db); !strings.Contains(out, "Marie") || !strings.Contains(out, "Paramètres modifiés") {
		t.Errorf("journal text:\n%s", out)
	}

	// Without a terminal and without CARNET_PIN, Marie's PIN cannot be asked.
	os.Unsetenv(pinEnv)
	if _, errs, code := runAs(t, "fr", "settings", "code_prefix", "C", "--db", db, "--operator", "Marie"); code != 1 || !strings.Contains(errs, "CARNET_PIN") {
		t.Errorf("no PIN at all: exit %d %q", code, errs)
	}
}

// TestImportAndUndoSignIn: import (dry run included: the importer asks
// for the import permission to check a file) and undo sign in.
func TestImportAndUndoSignIn(t *testing.T) {
	db := operatorsOn(t)
	csv := filepath.Join(t.TempDir(), "a.csv")
	os.WriteFile(csv, []byte("Nom;E-mail\nDurand;durand@exemple.fr\n"), 0o644)
	for _, extra := range []string{"--dry-run", "--json"} {
		if _, errs, code := runAs(t, "fr", "import", csv, "--db", db, extra); code != 2 || !strings.Contains(errs, "--operator") {
			t.Errorf("import %s without an operator: exit %d %q", extra, code, errs)
		}
	}
	if _, errs, code := runAs(t, "fr", "import", csv, "--db", db, "--dry-run", "--operator", "Paul"); code != 0 {
		t.Errorf("dry run by Paul: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "import", csv, "--db", db, "--operator", "Paul"); code != 0 {
		t.Fatalf("import by Paul: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "undo", "1", "--db", db); code != 2 || !strings.Contains(errs, "--operator") {
		t.Errorf("undo without an operator: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "--operator", "Paul", "undo", "1", "--db", db); code != 0 {
		t.Errorf("undo by Paul: exit %d %q", code, errs)
	}

	// Paul may import but not adjust balances: a balance import is his
	// to ask, the owner's to run.
	soldes := filepath.Join(t.TempDir(), "soldes.csv")
	os.WriteFile(soldes, []byte("Nom;E-mail;Solde\nDurand;durand@exemple.fr;12,50\n"), 0o644)
	out, errs, code := runAs(t, "fr", "import", soldes, "--db", db, "--allow-balance", "--operator", "Paul")
	if code == 0 || !strings.Contains(out+errs, "Peut ajuster le solde") {
		t.Errorf("balance import by Paul: exit %d %q %q", code, out, errs)
	}
	t.Setenv(pinEnv, "1234")
	if _, errs, code := runAs(t, "fr", "import", soldes, "--db", db, "--allow-balance", "--operator", "Marie"); code != 0 {
		t.Errorf("balance import by the owner: exit %d %q", code, errs)
	}
}

// TestOperatorsFromTheCommandLine: operators are created with a role and
// permissions, renamed and archived; the owner cannot be the last one
// archived; the PIN is set from CARNET_NEW_PIN, checked, and removed.
func TestOperatorsFromTheCommandLine(t *testing.T) {
	db := demoDB(t, "2")
	for _, tc := range []struct {
		value string
		code  int
		want  string
	}{
		{"+Marie", 2, "+Marie:owner"},
		{"+Marie:patron", 2, "rôle « patron » inconnu"},
		{"+Paul:employee:balance,voler", 2, "permission « voler » inconnue"},
		{"+Paul:employee:balance", 1, "au moins un propriétaire"},
		{"+Marie:owner", 0, "Opérateur « Marie » créé"},
		{"+Paul:employé:solde,import", 0, "Opérateur « Paul » créé"},
		{"Paul=Paul Durand", 0, "renommé"},
		{"-Marie", 1, "au moins un propriétaire"},
		{"-Paul Durand", 0, "archivé"},
	} {
		out, errs, code := runAs(t, "fr", "settings", "operators", tc.value, "--db", db)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("%s: exit %d %q %q, want %d and %q", tc.value, code, out, errs, tc.code, tc.want)
		}
	}
	ops := jsonOf(t, mustRun(t, "settings", "operators", "--db", db, "--json"))["operators"].([]any)
	if len(ops) != 2 {
		t.Fatalf("operators: %v", ops)
	}
	marie, paul := ops[0].(map[string]any), ops[1].(map[string]any)
	if marie["role"] != "owner" || paul["name"] != "Paul Durand" || paul["archived"] != true ||
		fmt.Sprint(paul["permissions"]) != "[balance import]" {
		t.Errorf("operators: %v", ops)
	}
	t.Setenv(newPINEnv, "12")
	if _, errs, code := runAs(t, "fr", "settings", "operator_pin", "Marie", "--db", db); code != 1 || !strings.Contains(errs, "4 à 12 chiffres") {
		t.Errorf("short PIN: exit %d %q", code, errs)
	}
	t.Setenv(newPINEnv, "4321")
	if out := mustRun(t, "settings", "operator_pin", "Marie", "--db", db); !strings.Contains(out, "enregistré") {
		t.Errorf("PIN set: %q", out)
	}
	out := mustRun(t, "settings", "operators", "--db", db)
	if lines := strings.Split(out, "\n"); len(lines) < 2 || strings.Join(strings.Fields(lines[1]), " ") != "Marie owner * oui non" {
		t.Errorf("operators listing:\n%s", out)
	}
	t.Setenv(newPINEnv, "")
	if out := mustRun(t, "settings", "operator_pin", "Marie", "--db", db); !strings.Contains(out, "retiré") {
		t.Errorf("PIN removed: %q", out)
	}
	os.Unsetenv(newPINEnv)
	if _, errs, code := runAs(t, "fr", "settings", "operator_pin", "Marie", "--db", db); code != 2 || !strings.Contains(errs, "CARNET_NEW_PIN") {
		t.Errorf("no terminal and no CARNET_NEW_PIN: exit %d %q", code, errs)
	}
	if _, errs, code := runAs(t, "fr", "settings", "operator_pin", "--db", db); code != 2 || !strings.Contains(errs, "operator_pin NOM") {
		t.Errorf("operator_pin without a name: exit %d %q", code, errs)
	}
}
