package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/store"
)

// TestAnOutputNeverDestroysAFile: an errors workbook named like the file
// imported, the database, or an existing file without --force is refused
// before anything is read or written, and the file stays whole.
func TestAnOutputNeverDestroysAFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	csv := filepath.Join(dir, "s.csv")
	data := "Nom;E-mail\nDurand;durand@exemple.fr\nMartin;martin@@exemple\n"
	os.WriteFile(csv, []byte(data), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"the input", []string{"--errors-xlsx", csv}, "le fichier lu"},
		{"the input by another path", []string{"--errors-xlsx", filepath.Join(dir, ".", "s.csv")}, "le fichier lu"},
		{"the database", []string{"--errors-xlsx", db}, "la base de clients"},
		{"an existing file", []string{"--errors-xlsx", filepath.Join(dir, "existe.xlsx")}, "--force"},
	} {
		os.WriteFile(filepath.Join(dir, "existe.xlsx"), []byte("à garder"), 0o644)
		_, errs, code := run(t, append([]string{"import", csv, "--db", db}, tc.args...)...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, %q", tc.name, code, errs)
		}
		if b, _ := os.ReadFile(csv); string(b) != data {
			t.Fatalf("%s: the imported file was changed: %q", tc.name, b)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "existe.xlsx")); string(b) != "à garder" {
		t.Errorf("an existing file was replaced without --force")
	}
	if _, err := os.Stat(db); err == nil {
		if out, _, _ := run(t, "clients", "--db", db, "--json"); !strings.Contains(out, `"total": 0`) {
			t.Errorf("a refused command imported customers:\n%s", out)
		}
	}
	// With --force the existing workbook is replaced, whole.
	out := filepath.Join(dir, "existe.xlsx")
	if _, errs, code := run(t, "import", csv, "--db", db, "--errors-xlsx", out, "--force"); code != 3 {
		t.Fatalf("import with --force: exit %d, %s", code, errs)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("the errors workbook is not a workbook: %q", b[:min(8, len(b))])
	}
	if _, errs, code := run(t, "template", out); code != 2 || !strings.Contains(errs, "--force") {
		t.Errorf("template over an existing file: exit %d, %s", code, errs)
	}
}

// TestNewerDatabaseIsOnlyRead: the commands that write refuse a database
// from a newer Carnet and say to update; the ones that read still answer.
func TestNewerDatabaseIsOnlyRead(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if _, errs, code := run(t, "demo", "--clients", "20", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	raw.Exec("PRAGMA user_version = 99")
	raw.Close()
	csv := filepath.Join(dir, "a.csv")
	os.WriteFile(csv, []byte("Nom\nDurand\n"), 0o644)
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{{"import", csv}, {"demo", "--clients", "5"}, {"undo", "1"}} {
		_, errs, code := run(t, append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errs, "mettez Carnet à jour") {
			t.Errorf("%s on a newer database: exit %d, %q", args[0], code, errs)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("%s changed the newer database", args[0])
		}
	}
	if out, errs, code := run(t, "clients", "--db", db, "--json", "--archived"); code != 0 || !strings.Contains(out, `"total": 20`) {
		t.Errorf("clients on a newer database: exit %d, %s %s", code, errs, out)
	}
}

// TestMistypedDatabasePathCreatesNothing: --db into a folder that does not
// exist is an error and no folder or file appears; reading a missing
// database says so.
func TestMistypedDatabasePathCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "Documnets", "carnet.db")
	_, errs, code := run(t, "demo", "--clients", "5", "--db", typo)
	if code != 1 || !strings.Contains(errs, "n’existe pas") {
		t.Errorf("demo into a missing folder: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Error("the mistyped folder was created")
	}
	missing := filepath.Join(dir, "absent.db")
	if _, errs, code := run(t, "clients", "--db", missing); code != 1 || !strings.Contains(errs, "pas de base de clients") {
		t.Errorf("clients on a missing file: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("reading a missing database created it")
	}
}

// TestUsageErrorsInTheUsersLanguage: a wrong option is said in French, or
// in English, without the flag package's English usage dump.
func TestUsageErrorsInTheUsersLanguage(t *testing.T) {
	_, errs, code := run(t, "import", "a.csv", "--bogus")
	if code != 2 || !strings.Contains(errs, "option inconnue : -bogus") || strings.Contains(errs, "Usage of") {
		t.Errorf("fr: exit %d, %q", code, errs)
	}
	var out, eb bytes.Buffer
	code = Run(context.Background(), []string{"demo", "--clients"}, &Env{Stdout: &out, Stderr: &eb, Lang: "en"})
	if code != 2 || !strings.Contains(eb.String(), "option -clients needs a value") {
		t.Errorf("en: exit %d, %q", code, eb.String())
	}
	if _, errs, code := run(t, "nimporte"); code != 2 || !strings.Contains(errs, "commande inconnue") {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
}

// TestBackupBackupsRestore: a backup on demand, its listing, and a restore
// that brings deleted customers back after saving the current file.
func TestBackupBackupsRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if _, errs, code := run(t, "demo", "--clients", "30", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := run(t, "backup", "--db", db)
	if code != 0 || !strings.Contains(out, "sauvegardes") {
		t.Fatalf("backup: exit %d, %s %s", code, out, errs)
	}
	list, _ := store.Backups(db)
	if len(list) != 1 || list[0].Reason != store.ReasonManual {
		t.Fatalf("backups %+v", list)
	}
	raw, _ := sql.Open("sqlite", db)
	raw.Exec("DELETE FROM customers")
	raw.Close()
	if out, errs, code := run(t, "restore", list[0].Path, "--db", db); code != 0 || !strings.Contains(out, "remise en place") {
		t.Fatalf("restore: exit %d, %s %s", code, out, errs)
	}
	if out, _, _ := run(t, "clients", "--db", db, "--json", "--archived"); !strings.Contains(out, `"total": 30`) {
		t.Errorf("after the restore:\n%.300s", out)
	}
	out, _, _ = run(t, "backups", "--db", db)
	if !strings.Contains(out, "à la demande") || !strings.Contains(out, "avant une restauration") {
		t.Errorf("backups listing:\n%s", out)
	}
	if _, errs, code := run(t, "restore", filepath.Join(dir, "nope.db"), "--db", db); code != 1 || !strings.Contains(errs, "pas de base de clients") {
		t.Errorf("restoring a missing file: exit %d, %q", code, errs)
	}
}
