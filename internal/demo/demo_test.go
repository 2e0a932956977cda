package demo

import (
	"context"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/phone"
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

// TestSamplePhonesAreValid: every sample phone reads back as itself through
// the importer's phone parser, so that a sample customer exported and
// imported again is not refused for its phone (06 96… after +33 was).
func TestSamplePhonesAreValid(t *testing.T) {
	g := &generator{r: rand.New(rand.NewPCG(7, 0x5eed)), now: time.Now()}
	var p phone.Parser
	for i := range 20000 {
		for _, ph := range g.customer(i).Phones {
			if got, msg := p.ToE164(phone.National(ph.Number), "FR"); msg != nil || got != ph.Number {
				t.Fatalf("sample phone %s reads back as %q (%v)", ph.Number, got, msg)
			}
		}
	}
}
