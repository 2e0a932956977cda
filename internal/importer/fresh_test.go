package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/sheet"
	"carnet/internal/store"
)

// The parse workers build the customers rows may create (fresh.go); the
// writer takes them only for rows that match no one. Whether they guess or
// not must change nothing a user sees: the same rows, problems, changes and
// database, on a file whose rows go from creations to updates of stored
// customers and back to creations, with invalid rows, kinds to infer,
// phones, groups and balances.
func TestWorkersGuessesChangeNoOutcome(t *testing.T) {
	const stored, last = 400, 600
	var b strings.Builder
	b.WriteString("Code client;Nom;Prénom;Raison sociale;SIRET;E-mail;Téléphone;Groupes;Solde\n")
	created, refused := 0, 1 // the last row, below
	creation := func(i int) {
		company, siret, mobile := "", "", "06 12"
		switch i % 9 {
		case 0:
			company = fmt.Sprintf("SARL Nouvelle %d", i) // a company: kind inferred
		case 4:
			mobile = "07 11" // no such numbers: found by the validation
		case 7:
			siret = "73282932000075" // a bad SIRET key: found reading the cell
		}
		if mobile == "07 11" || siret != "" {
			refused++
		} else {
			created++
		}
		balance := ""
		if i%13 == 0 {
			balance = "10,00"
		}
		fmt.Fprintf(&b, ";Nom%d;Prénom%d;%s;%s;n%d@exemple.fr;%s 34 %02d %02d;%s;%s\n",
			i, i, company, siret, i, mobile, i%100, i/100, []string{"", "VIP", "Grossistes, VIP"}[i%3], balance)
	}
	for i := range 300 {
		creation(i)
	}
	for i := range stored { // updates of the stored customers, found by e-mail
		fmt.Fprintf(&b, ";Stocké%d;Modifié;;;s%d@exemple.fr;07 81 22 %02d %02d;Revendeurs;\n", i, i, i%100, i/100)
	}
	for i := 300; i < last; i++ {
		creation(i)
	}
	fmt.Fprintf(&b, ";Double;Ligne;;;n%d@exemple.fr;;;\n", last-1) // the e-mail of a row above
	path := writeFile(t, "guesses.csv", b.String(), false)

	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	taken, thrown := 0, 0
	defer func() { freshTaken = nil }()
	freshTaken = func(_ int, took bool) {
		if took {
			taken++
		} else {
			thrown++
		}
	}
	run := func(guess bool) (rows []string, db string) {
		defer func(was bool) { guessCreations = was }(guessCreations)
		guessCreations = guess
		im, svc := newImporter(t)
		im.Now = func() time.Time { return at }
		if err := svc.Store.Update(context.Background(), func(tx *store.Tx) error {
			for i := range stored {
				c := &domain.Customer{Code: fmt.Sprintf("S%04d", i), Kind: domain.KindPerson, LastName: fmt.Sprintf("Stocké%d", i),
					Email: fmt.Sprintf("s%d@exemple.fr", i), CreatedAt: at, UpdatedAt: at}
				if err := tx.InsertCustomer(context.Background(), c, store.SaveOptions{}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		req := request(t, im, path)
		req.Options.ApplyBalance = true
		req.DescribeCreations = true
		req.OnRow = func(rp RowPlan) error {
			rows = append(rows, fmt.Sprintf("%d %s %s %s %+v %+v", rp.Line, rp.Action, rp.Code, rp.Name, rp.Changes, rp.Problems))
			return nil
		}
		res := commit(t, im, req)
		if guess && (res.Counts.Created != created || res.Counts.Updated != stored || res.Counts.Errors != refused) {
			t.Errorf("counts %+v, want %d created, %d updated, %d errors", res.Counts, created, stored, refused)
		}
		return rows, dump(t, svc)
	}
	guessedRows, guessedDB := run(true)
	if taken == 0 {
		t.Error("no worker-built customer was taken: the comparison proves nothing")
	}
	taken, thrown = 0, 0
	rows, db := run(false)
	if taken+thrown != 0 {
		t.Errorf("workers built customers while told not to guess")
	}
	sameLines(t, "rows reported", "with guesses", strings.Join(guessedRows, "\n"), "without guesses", strings.Join(rows, "\n"))
	sameLines(t, "databases", "with guesses", guessedDB, "without guesses", db)
}

// The workers stop guessing once a batch has more updates than creations,
// and start again once creations are back; while stopped they build
// nothing. (The whole pipeline holds eight batches ahead of the writer: an
// import long enough to show it end to end takes minutes under the race
// detector.)
func TestWorkersStopGuessingWhileRowsUpdate(t *testing.T) {
	defer func(was bool) { guessCreations = was }(guessCreations)
	guessCreations = true
	im, _ := newImporter(t)
	r := &run{im: im, exclude: map[int]bool{}, columnOf: map[string]int{}}
	r.speculate.Store(true)
	line := &parsedLine{row: sheet.Row{Line: 2}, parsed: parsedRow{values: map[string]cellValue{"last_name": {v: "Martin"}}}}
	steps := []struct {
		created, matched int
		guess            bool
	}{{256, 0, true}, {100, 156, false}, {0, 0, false}, {0, 256, false}, {128, 128, true}, {0, 0, true}, {128, 129, false}}
	for _, s := range steps {
		r.noteOutcome(s.created, s.matched)
		if got := r.prepareFresh(line) != nil; got != s.guess {
			t.Fatalf("after a batch of %d creations and %d updates: guessing %v, want %v", s.created, s.matched, got, s.guess)
		}
	}
}
