package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	db := demoDB(t, "200")
	dir := t.TempDir()

	// The format follows the extension; --json says what was written.
	for _, tc := range []struct{ file, format string }{
		{"clients.xlsx", "xlsx"}, {"clients.csv", "csv"}, {"cartes.vcf", "vcard"}, {"etiquettes.pdf", "labels"},
	} {
		out := mustRun(t, "export", filepath.Join(dir, tc.file), "--db", db, "--json", "--archived")
		var doc struct {
			File    string  `json:"file"`
			Format  string  `json:"format"`
			Written int     `json:"written"`
			Seconds float64 `json:"seconds"`
			Skipped []struct {
				Reason string `json:"reason"`
				Count  int    `json:"count"`
			} `json:"skipped"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: not JSON: %v\n%s", tc.file, err, out)
		}
		skipped := 0
		for _, s := range doc.Skipped {
			skipped += s.Count
		}
		if doc.Format != tc.format || doc.Written == 0 || doc.Written+skipped != 200 {
			t.Errorf("%s: %+v, want format %s and the 200 customers written or skipped", tc.file, doc, tc.format)
		}
		if st, err := os.Stat(filepath.Join(dir, tc.file)); err != nil || st.Size() == 0 {
			t.Errorf("%s: no file (%v)", tc.file, err)
		}
	}

	// A search and --format: the accounts of the customers it finds.
	out := mustRun(t, "export", filepath.Join(dir, "comptes.txt"), "--db", db, "--format", "accounts", "--query", "martin")
	if !strings.Contains(out, "client(s) écrit(s)") {
		t.Errorf("human output: %s", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "comptes.txt"))
	lines := strings.Split(strings.TrimSpace(string(data)), "\r\n")
	if len(lines) < 2 || len(lines) > 200 || !strings.HasPrefix(lines[0], "\uFEFFCompte;Nom;") {
		t.Errorf("accounts of a search: %d lines, header %q", len(lines), lines[0])
	}

	// Refusals: an existing file without --force, an unknown group, an
	// extension that says nothing, an unknown format.
	for _, args := range [][]string{
		{"export", filepath.Join(dir, "clients.xlsx")},
		{"export", filepath.Join(dir, "g.xlsx"), "--group", "Nulle part"},
		{"export", filepath.Join(dir, "clients.dat")},
		{"export", filepath.Join(dir, "x.csv"), "--format", "ods"},
	} {
		_, errs, code := run(t, append(args, "--db", db)...)
		if code == 0 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a refusal that says why", args, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "g.xlsx")); err == nil {
		t.Error("a refused export wrote its file")
	}
}
