package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/corpustest"
)

func TestSyncCommand(t *testing.T) {
	customers := corpustest.File(t, "ecommerce/prestashop/ps16_customers_import.csv")
	addresses := corpustest.File(t, "ecommerce/prestashop/ps16_addresses_import.csv")
	db := filepath.Join(t.TempDir(), "s.db")

	// Rules saved once, then used by every sync.
	out := mustRun(t, "sync", "--db", db, "--shop", "prestashop", "--code-prefix", "PS", "--code-length", "8",
		"--ledger-mode", "per_customer", "--ledger-prefix", "411PS", "--ledger-length", "10", "--upper-name", "--save")
	if !strings.Contains(out, "ID 42 → code PS000042, compte 411PS00042") {
		t.Errorf("saved rules said %q", out)
	}
	_, errs, code := run(t, "sync", "--db", db, "--code-length", "2", "--save")
	if code == 0 || !strings.Contains(errs, "aucune place") {
		t.Errorf("a length that leaves no room: exit %d, %q", code, errs)
	}

	out = mustRun(t, "sync", addresses, customers, "--db", db, "--dry-run", "--json")
	var plan struct {
		Counts struct{ Customers, Created, Refused int } `json:"counts"`
		Rows   []struct {
			Code, Name, Email, Action string
		} `json:"rows"`
		Batch int64 `json:"batch"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if plan.Counts.Created == 0 || plan.Batch != 0 {
		t.Fatalf("dry run %+v", plan.Counts)
	}
	var pan string
	for _, r := range plan.Rows {
		if strings.EqualFold(r.Email, "peter.pan@prestashop.com") {
			pan = r.Code + " " + r.Name
		}
	}
	if pan != "PS000001 PAN PETER" {
		t.Errorf("Peter Pan planned as %q", pan)
	}
	if c := mustRun(t, "clients", "--db", db, "--json"); !strings.Contains(c, `"total": 0`) {
		t.Fatalf("the dry run wrote customers: %s", c)
	}

	out = mustRun(t, "sync", customers, addresses, "--db", db)
	if !strings.Contains(out, "carnet undo") {
		t.Fatalf("run: %s", out)
	}
	c := mustRun(t, "clients", "pan", "--db", db, "--json")
	if !strings.Contains(c, `"code": "PS000001"`) || !strings.Contains(c, `"account_number": "411PS00001"`) {
		t.Errorf("Peter Pan stored as %s", c)
	}
	hist := mustRun(t, "imports", "--db", db, "--json")
	if !strings.Contains(hist, "Synchronisation PrestaShop") {
		t.Errorf("the journal does not show the sync: %s", hist)
	}
}
