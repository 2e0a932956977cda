package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// A big import into a small directory writes its new customers in
// multi-row statements (store.QueueCustomer); the database it leaves is the
// one the row-by-row import leaves, with rows that name customers the same
// batch created (refused as the same customer as an earlier row: found
// while still queued), a balance on new customers, codes given by the
// numbering and a stored customer updated.
func TestQueuedImportEqualsRowByRow(t *testing.T) {
	var b strings.Builder
	b.WriteString("Code client;Nom;Prénom;E-mail;Groupes;Solde;Notes\n")
	for i := 1; i <= 3000; i++ {
		code := fmt.Sprintf("Q%04d", i)
		if i%50 == 0 {
			code = "" // numbered by the import
		}
		group := []string{"", "VIP", "Grossistes"}[i%3]
		balance := ""
		if i%40 == 0 {
			balance = "12,50"
		}
		notes := "" // a site term: the customer's part on the site is written whole
		if i%7 == 0 {
			notes = fmt.Sprintf("Livrer le matin %d", i)
		}
		fmt.Fprintf(&b, "%s;Nom%d;Prénom%d;p%d@exemple.fr;%s;%s;%s\n", code, i, i, i, group, balance, notes)
	}
	// The same batch as rows 2,817–3,000 (256 rows a batch; the bulk path
	// is taken after 8 batches):
	b.WriteString("Z0001;Autre;Nom;p2999@exemple.fr;;;\n")                   // e-mail of row 2,999
	b.WriteString("Q2998;Nom2998;Marie;p2998@exemple.fr;;;\n")               // code of row 2,998
	b.WriteString("S0001;Stocké;Modifié;stocke@exemple.fr;;;Note du site\n") // the stored customer: updated
	b.WriteString("Q0003;Double;Code;autre@exemple.fr;;;\n")                 // code of row 3, batches ago
	path := writeFile(t, "queued.csv", b.String(), false)

	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	run := func(queued bool) (string, Counts) {
		im, svc := newImporter(t)
		im.Now = func() time.Time { return at }
		deferred := new(int)
		if queued {
			deferred = lowerDeferThreshold(im)
		}
		stored := &domain.Customer{Code: "S0001", Kind: domain.KindPerson, LastName: "Stocké", Email: "stocke@exemple.fr", CreatedAt: at, UpdatedAt: at}
		if err := svc.Store.Update(context.Background(), func(tx *store.Tx) error {
			return tx.InsertCustomer(context.Background(), stored, store.SaveOptions{})
		}); err != nil {
			t.Fatal(err)
		}
		req := request(t, im, path)
		req.Options.ApplyBalance = true
		res := commit(t, im, req)
		if queued && *deferred != 1 {
			t.Fatalf("the big import did not take the bulk path (deferred %d times)", *deferred)
		}
		return dump(t, svc), res.Counts
	}
	queued, queuedCounts := run(true)
	rowByRow, counts := run(false)
	if queuedCounts != counts {
		t.Errorf("counts: queued %+v, row by row %+v", queuedCounts, counts)
	}
	if counts.Created != 3000 || counts.Updated != 1 || counts.Errors != 3 {
		t.Errorf("counts %+v, want 3,000 created, 1 updated, 3 errors", counts)
	}
	if n := strings.Count(queued, "Livrer le matin"); n != 3000/7 {
		t.Errorf("%d notes stored, want %d", n, 3000/7)
	}
	sameLines(t, "databases", "queued", queued, "row by row", rowByRow)
}
