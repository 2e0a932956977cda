package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// The writer looks rows up a batch at a time (lookup.prefetch). Whether two
// rows share a batch must not change what happens to them: this file's
// rows re-key a customer, create one and then name it again, and get the
// same outcome with no rows between them as with more than a batch of
// other rows between each.
func TestDecisionsDoNotDependOnBatches(t *testing.T) {
	scenario := []string{
		"A1;Alpha;b@x.fr",     // update A: its email a@ → b@
		";Nouveau;a@x.fr",     // a@ is nobody's any more: a new customer
		";Encore;b@x.fr",      // b@ is A now: same customer as the first row
		"NEW9;Neuf;c@x.fr",    // a new customer with code NEW9
		"NEW9;Neuf bis;",      // NEW9 again: same as the row above
		";Neuf ter;c@x.fr",    // c@ again: same as that row too
		"A2;Beta;shared@x.fr", // B keeps its email
	}
	want := []string{"update", "create", "error row.duplicate", "create", "error row.duplicate", "error row.duplicate", "unchanged"}
	for _, gap := range []int{0, batchRows + 5} {
		t.Run(fmt.Sprintf("gap %d", gap), func(t *testing.T) {
			im, svc := newImporter(t)
			ctx := context.Background()
			for _, c := range []*domain.Customer{
				{Code: "A1", Kind: domain.KindPerson, LastName: "Alpha", Email: "a@x.fr"},
				{Code: "A2", Kind: domain.KindPerson, LastName: "Beta", Email: "shared@x.fr"},
			} {
				if err := svc.CreateCustomer(ctx, c); err != nil {
					t.Fatal(err)
				}
			}
			var b strings.Builder
			b.WriteString("Code client;Nom;E-mail\n")
			lineOf := map[int]int{} // file line → scenario index
			line := 1
			for i, r := range scenario {
				for k := 0; k < gap && i > 0; k++ {
					line++
					fmt.Fprintf(&b, ";Remplissage %d;f%d.%d@x.fr\n", k, i, k)
				}
				line++
				lineOf[line] = i
				b.WriteString(r + "\n")
			}
			req := request(t, im, writeFile(t, "batch.csv", b.String(), false))
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
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("row %q: %q, want %q", scenario[i], got[i], want[i])
				}
			}
			if c := customerByEmail(t, svc, "b@x.fr"); c.Code != "A1" {
				t.Errorf("b@x.fr is %s, want A1", c.Code)
			}
			if c := customerByEmail(t, svc, "a@x.fr"); c.LastName != "Nouveau" {
				t.Errorf("a@x.fr is %s, want the new customer", c.LastName)
			}
		})
	}
}

// Codes the import generates skip the codes the same file types in, even
// after the allocator has read which codes of its block are taken.
func TestGeneratedCodesSkipCodesOfTheFile(t *testing.T) {
	im, svc := newImporter(t)
	var b strings.Builder
	b.WriteString("Code client;Nom\n")
	b.WriteString(";Premier\n")      // C0000001
	b.WriteString("C0000003;Typé\n") // typed: taken from now on
	b.WriteString(";Deuxième\n")     // C0000002
	b.WriteString(";Troisième\n")    // not C0000003: C0000004
	res := commit(t, im, request(t, im, writeFile(t, "codes.csv", b.String(), false)))
	if res.Counts.Created != 4 || res.Counts.Errors != 0 {
		t.Fatalf("counts %+v, problems %+v", res.Counts, res.Problems)
	}
	if n := count(t, svc, `SELECT count(*) FROM customers WHERE last_name = 'Troisième' AND code = 'C0000004'`); n != 1 {
		t.Errorf("third generated code is not C0000004:\n%s", dump(t, svc))
	}
}
