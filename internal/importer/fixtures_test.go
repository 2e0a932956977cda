package importer

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the expected plans of the top-level testdata/ fixtures:
// go test ./internal/importer -run TestTopLevelFixtures -update, then read
// the diff before committing it.
var update = flag.Bool("update", false, "rewrite testdata/import/*.plan.txt from the current plans")

// fixture is a file of the repository's top-level testdata/import folder.
func fixture(name string) string { return filepath.Join("..", "..", "testdata", "import", name) }

// planText is what a user reads of a check, one line per fact, stable
// from run to run (no IDs, no timings): the counts, then each row's
// action, code, changes, problems and identity conflict.
func planText(p *Plan) string {
	var b strings.Builder
	c := p.Counts
	fmt.Fprintf(&b, "rows %d: created %d, updated %d, unchanged %d, errors %d, skipped %d, warnings %d, conflicts %d\n",
		c.Rows, c.Created, c.Updated, c.Unchanged, c.Errors, c.Skipped, c.Warnings, c.Conflicts)
	for _, rp := range p.Rows {
		fmt.Fprintf(&b, "row %d: %s %s\n", rp.Line, rp.Action, rp.Code)
		for _, ch := range rp.Changes {
			fmt.Fprintf(&b, "  %s: %q → %q\n", ch.Field, ch.Old, ch.New)
		}
		for _, pr := range rp.Problems {
			fmt.Fprintf(&b, "  %s %s [%s] %s\n", pr.Severity, pr.Code, pr.Column, pr.Message.FR)
		}
	}
	for _, k := range p.Conflicts {
		fmt.Fprintf(&b, "conflict row %d (by %s, taken %v):", k.Line, k.By, k.Taken)
		for _, f := range k.Fields {
			fmt.Fprintf(&b, " %s %q stored, %q in the file;", f.Field, f.Old, f.New)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestTopLevelFixtures checks the small files kept in testdata/import
// against their expected plans (issue 12 point 11): an Excel-FR export in
// Windows-1252, a row with every kind of problem at once, and a file from
// another program that names stored customers by other codes.
func TestTopLevelFixtures(t *testing.T) {
	for _, tc := range []struct {
		file, stored string
		key          Key
	}{
		{file: "excel-fr-cp1252.csv"},
		{file: "every-problem.csv"},
		{file: "identity-other-program.csv", stored: "identity-stored.csv", key: KeyEmail},
	} {
		t.Run(tc.file, func(t *testing.T) {
			im, _ := newImporter(t)
			if tc.stored != "" {
				commit(t, im, request(t, im, fixture(tc.stored)))
			}
			req := request(t, im, fixture(tc.file))
			req.Options.Key = tc.key
			plan, err := im.Check(context.Background(), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := planText(plan)
			golden := fixture(strings.TrimSuffix(tc.file, filepath.Ext(tc.file)) + ".plan.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (write it with -update, then read it)", err)
			}
			if got != string(want) {
				t.Errorf("plan of %s changed:\n--- got\n%s--- want (%s)\n%s", tc.file, got, golden, want)
			}
		})
	}
}
