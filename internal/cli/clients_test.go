package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/textfold"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &Env{Stdout: &out, Stderr: &errb, Lang: "fr"})
	return out.String(), errb.String(), code
}

func TestDemoThenClientsJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, errs, code := run(t, "demo", "--clients", "600", "--db", db); code != 0 {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	out, errs, code := run(t, "clients", "martin", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("clients exit %d: %s", code, errs)
	}
	var doc struct {
		Total     int              `json:"total"`
		Customers []map[string]any `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	if doc.Total == 0 || len(doc.Customers) == 0 {
		t.Fatalf("no Martin among 600 demo customers: %s", out)
	}
	for _, c := range doc.Customers {
		for _, key := range []string{"id", "code", "kind", "name", "email", "phones", "billing", "balance", "created_at",
			"postcode", "city", "country", "applicable_discount", "custom"} {
			if _, ok := c[key]; !ok {
				t.Errorf("customer JSON lacks %q: %v", key, c)
			}
		}
		billing := c["billing"].(map[string]any)
		for _, key := range []string{"postcode", "city", "country"} {
			if c[key] != billing[key] || c[key] == "" {
				t.Errorf("top-level %s %q, billing %q", key, c[key], billing[key])
			}
		}
		text := textfold.Fold(c["name"].(string) + " " + c["email"].(string) + " " + c["company_name"].(string) + " " + c["code"].(string))
		if !strings.Contains(text, "martin") {
			t.Errorf("%v does not match martin", c["name"])
		}
	}
	// Human output: a header, rows and the count line.
	out, _, code = run(t, "clients", "--db", db, "martin")
	if code != 0 || !strings.Contains(out, "Code client") || !strings.Contains(out, "clients") {
		t.Errorf("table output:\n%s", out)
	}
}

func TestCLIErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, errs, code := run(t, "demo", "--clients", "3", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, "nope"); code != 2 || !strings.Contains(errs, "commande inconnue") {
		t.Errorf("unknown command: exit %d %q", code, errs)
	}
	if _, errs, code := run(t, "clients", "--db", db, "--group", "Inconnu"); code != 1 || !strings.Contains(errs, "n’existe pas") {
		t.Errorf("unknown group: exit %d %q", code, errs)
	}
	if _, _, code := run(t, "demo", "--clients", "x", "--db", db); code != 2 {
		t.Errorf("bad flag: exit %d", code)
	}
}
