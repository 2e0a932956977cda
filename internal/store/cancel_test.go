package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// A write cancelled in the middle reports the cancel, whatever the
// statement running then said (the sample generator once returned "sql:
// statement is closed"), and leaves nothing written.
func TestCancelledWriteReportsTheCancel(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 20 { // the rollback races the next statement: try both orders
		ctx, cancel := context.WithCancel(context.Background())
		err := st.Update(ctx, func(tx *store.Tx) error {
			for k := range 50 {
				if k == 10 {
					cancel()
					if i%2 == 1 {
						// Let database/sql's rollback win the race.
						time.Sleep(20 * time.Millisecond)
					}
				}
				c := &domain.Customer{Code: "C" + string(rune('A'+i)) + string(rune('a'+k%26)) + string(rune('0'+k/26)), Kind: domain.KindPerson, LastName: "Annulé"}
				if err := tx.InsertCustomer(ctx, c, store.SaveOptions{}); err != nil {
					return err
				}
			}
			return nil
		})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("run %d: a cancelled write returned %v, want context.Canceled", i, err)
		}
	}
	if n, err := st.Count(context.Background(), store.Query{Archived: store.FilterAny}); err != nil || n != 0 {
		t.Fatalf("%d customers (%v) after cancelled writes, want none", n, err)
	}
}
