package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"carnet/internal/demo"
	"carnet/internal/store"
)

// A window far down the list (read from the other end) holds exactly the
// rows a forward read would give.
func TestWindowsFarDownTheListMatchTheForwardOrder(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Generate(ctx, st, 700, 3, nil); err != nil {
		t.Fatal(err)
	}
	defer store.SetFarOffset(50)()
	for _, sort := range []string{store.SortName, store.SortCity, store.SortBalance} {
		for _, desc := range []bool{false, true} {
			q := store.Query{Archived: store.FilterNo, Desc: desc, Sort: sort, Limit: 10000}
			all, err := st.Search(ctx, q) // offset 0: the plain forward read
			if err != nil {
				t.Fatal(err)
			}
			for _, off := range []int{len(all) - 7, len(all) - 60, 400, 60} {
				q.Offset, q.Limit = off, 25
				got, err := st.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want := all[off:min(off+25, len(all))]
				if !slices.EqualFunc(got, want, func(a, b store.ListRow) bool { return a.ID == b.ID }) {
					t.Fatalf("sort %s desc=%v offset %d: got %d rows not matching the forward read", sort, desc, off, len(got))
				}
			}
			q.Offset = len(all) + 5
			if rows, _ := st.Search(ctx, q); len(rows) != 0 {
				t.Errorf("past the end: %d rows", len(rows))
			}
		}
	}
}
