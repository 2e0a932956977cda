package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// A big import into a small directory asks SQLite only for the keys its
// filter may hold (keyfilter.go); the rows decide as they would without
// it: found by a key that existed, by a key an earlier row wrote (a
// batch or more before), or by a key a write took away.
func TestKeyFilterDecidesAsTheDatabase(t *testing.T) {
	scenario := []string{
		"A1;Alpha;b@x.fr",     // update A: its email a@ → b@
		";Nouveau;a@x.fr",     // a@ is nobody's any more: a new customer
		";Encore;b@x.fr",      // b@ is A now: same customer as the first row
		"NEW9;Neuf;c@x.fr",    // a new customer with code NEW9
		"NEW9;Neuf bis;",      // NEW9 again: same as the row above
		";Neuf ter;c@x.fr",    // c@ again: same as that row too
		"A2;Beta;shared@x.fr", // B keeps its email
		";Remplissage;f0.5@x.fr",
	}
	want := []string{"update", "create", "error row.duplicate", "create", "error row.duplicate", "error row.duplicate", "unchanged", "error row.duplicate"}
	im, svc := newImporter(t)
	deferred := lowerDeferThreshold(im)
	ctx := context.Background()
	for _, c := range []*domain.Customer{
		{Code: "A1", Kind: domain.KindPerson, LastName: "Alpha", Email: "a@x.fr"},
		{Code: "A2", Kind: domain.KindPerson, LastName: "Beta", Email: "shared@x.fr"},
	} {
		if err := svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// Enough new rows first for the import to defer its indexes and make
	// its filter, then the scenario with more than a batch between rows.
	var b strings.Builder
	b.WriteString("Code client;Nom;E-mail\n")
	line := 1
	for k := range 3000 {
		line++
		fmt.Fprintf(&b, ";Début %d;d%d@x.fr\n", k, k)
	}
	lineOf := map[int]int{} // file line → scenario index
	for i, r := range scenario {
		for k := range batchRows + 5 {
			line++
			fmt.Fprintf(&b, ";Remplissage %d;f%d.%d@x.fr\n", k, i, k)
		}
		line++
		lineOf[line] = i
		b.WriteString(r + "\n")
	}
	req := request(t, im, writeFile(t, "filtre.csv", b.String(), false))
	got := make([]string, len(scenario))
	req.OnRow = func(rp RowPlan) error {
		if i, ok := lineOf[rp.Line]; ok {
			got[i] = string(rp.Action)
			for _, p := range rp.Problems {
				got[i] += " " + p.Code
			}
		}
		return nil
	}
	commit(t, im, req)
	if *deferred != 1 {
		t.Fatalf("the import deferred its indexes %d times, want once: the filter was not made", *deferred)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %q: %q, want %q", scenario[i], got[i], want[i])
		}
	}
}
