package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"carnet/internal/demo"
	"carnet/internal/store"
)

// TestPositionMatchesTheList: for every sort and direction, with and
// without a search text, each customer's position is its index in what
// Search lists; a customer the filters leave out has none.
func TestPositionMatchesTheList(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Generate(ctx, st, 400, 7, nil); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, text := range []string{"", "mar"} {
		for _, sort := range []string{store.SortName, store.SortCode, store.SortCity, store.SortEmail, store.SortPhone, store.SortBalance} {
			for _, desc := range []bool{false, true} {
				q := store.Query{Text: text, Sort: sort, Desc: desc, Archived: store.FilterAny, Limit: 10000}
				rows, err := st.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for want := 0; want < len(rows); want += 13 {
					got, ok, err := st.Position(ctx, q, rows[want].ID)
					if err != nil || !ok || got != want {
						t.Fatalf("%q sort %s desc %v: %s is row %d, Position says %d (%v, %v)", text, sort, desc, rows[want].Name, want, got, ok, err)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d positions checked", checked)
	}
	archived, err := st.Search(ctx, store.Query{Archived: store.FilterYes, Limit: 1})
	if err != nil || len(archived) == 0 {
		t.Fatalf("the demo has no archived customer (%v)", err)
	}
	if _, ok, err := st.Position(ctx, store.Query{Archived: store.FilterNo}, archived[0].ID); ok || err != nil {
		t.Errorf("an archived customer has a position among the active ones (%v)", err)
	}
}
