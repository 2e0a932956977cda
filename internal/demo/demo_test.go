package demo

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"carnet/internal/store"
)

// TestGenerateIsAllOrNothing: stopped halfway, the sample leaves no
// customer behind (a killed run used to leave 15k, 25k or 40k); run to the
// end, it leaves them all.
func TestGenerateIsAllOrNothing(t *testing.T) {
	defer func(n int) { progressEvery = n }(progressEvery)
	progressEvery = 50
	st, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	err = Generate(ctx, st, 400, 1, func(done, total int) {
		if done >= 200 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled sample returned %v", err)
	}
	count := func() int {
		n, err := st.Count(context.Background(), store.Query{Archived: store.FilterAny})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("%d customers left by a cancelled sample", n)
	}
	if err := Generate(context.Background(), st, 400, 1, nil); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 400 {
		t.Fatalf("%d customers after a whole sample, want 400", n)
	}
}
