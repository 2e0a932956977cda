package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// rekeyRows re-key a stored customer (A1, a@x.fr), create one and then
// name it again, by code and by e-mail; rekeyWant is what each must get.
var (
	rekeyRows = []string{
		"A1;Alpha;b@x.fr",     // update A: its email a@ → b@
		";Nouveau;a@x.fr",     // a@ is nobody's any more: a new customer
		";Encore;b@x.fr",      // b@ is A now: same customer as the first row
		"NEW9;Neuf;c@x.fr",    // a new customer with code NEW9
		"NEW9;Neuf bis;",      // NEW9 again: same as the row above
		";Neuf ter;c@x.fr",    // c@ again: same as that row too
		"A2;Beta;shared@x.fr", // B keeps its email
	}
	rekeyWant = []string{"update", "create", "error row.duplicate", "create", "error row.duplicate", "error row.duplicate", "unchanged"}
)

// importRekeying stores A1 (Alpha, a@x.fr) and A2 (Beta, shared@x.fr),
// then imports lead new customers followed by rows, each after gap filler
// rows (filler i.k has the e-mail fi.k@x.fr), and returns each of rows'
// action and problem codes.
func importRekeying(t *testing.T, im *Importer, rows []string, lead, gap int) []string {
	t.Helper()
	ctx := context.Background()
	for _, c := range []*domain.Customer{
		{Code: "A1", Kind: domain.KindPerson, LastName: "Alpha", Email: "a@x.fr"},
		{Code: "A2", Kind: domain.KindPerson, LastName: "Beta", Email: "shared@x.fr"},
	} {
		if err := im.svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	b.WriteString("Code client;Nom;E-mail\n")
	line := 1
	for k := range lead {
		line++
		fmt.Fprintf(&b, ";Début %d;d%d@x.fr\n", k, k)
	}
	lineOf := map[int]int{} // file line → index in rows
	for i, r := range rows {
		for k := range gap {
			line++
			fmt.Fprintf(&b, ";Remplissage %d;f%d.%d@x.fr\n", k, i, k)
		}
		line++
		lineOf[line] = i
		b.WriteString(r + "\n")
	}
	req := request(t, im, writeFile(t, "rekey.csv", b.String(), false))
	got := make([]string, len(rows))
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
	return got
}

// The writer looks rows up a batch at a time (lookup.prefetch). Whether two
// rows share a batch must not change what happens to them: the re-keying
// rows get the same outcome with no rows between them as with more than a
// batch of other rows between each.
func TestDecisionsDoNotDependOnBatches(t *testing.T) {
	for _, gap := range []int{0, batchRows + 5} {
		t.Run(fmt.Sprintf("gap %d", gap), func(t *testing.T) {
			im, svc := newImporter(t)
			got := importRekeying(t, im, rekeyRows, 0, gap)
			for i := range rekeyWant {
				if got[i] != rekeyWant[i] {
					t.Errorf("row %q: %q, want %q", rekeyRows[i], got[i], rekeyWant[i])
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
