package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// An export walks the list with EachCustomer: every customer must come out
// exactly as the form loads it (groups, shipping addresses, applicable
// discount, custom fields), in the list's order, with its filters.
func TestEachCustomerGivesTheListWhole(t *testing.T) {
	ctx := context.Background()
	svc, err := service.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	gold, err := svc.CreateGroup(ctx, "or", 1500)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateGroup(ctx, "Amis", 500); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		c := &domain.Customer{Kind: domain.KindPerson, LastName: fmt.Sprintf("Nom%02d", (i*7)%40), Email: fmt.Sprintf("c%d@example.fr", i),
			Phones: []domain.Phone{{Number: "+33612345678", Label: "mobile"}}, Site: domain.SiteFields{Notes: "ligne 1\nligne 2"}, Archived: i%10 == 0}
		if i%3 == 0 {
			c.Groups = []string{"or", "Amis"}
		}
		if i%4 == 0 {
			c.Shipping = []domain.Address{{Label: "Dépôt", Line1: "1 rue A", City: "Lyon"}, {Line1: "2 rue B", City: "Nice"}}
		}
		if err := svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// A value holding the walk's separator (a control character the form
	// refuses, but an old file may hold) must not shift the columns.
	if _, err := svc.Store.ReadDB().Exec(`UPDATE customers SET legal_form = 'a' || char(31) || 'b' WHERE email = 'c5@example.fr'`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.Query{
		{Archived: store.FilterNo},
		{Archived: store.FilterAny, Sort: store.SortEmail, Desc: true},
		{GroupID: gold},
		{Text: "Nom1"},
	} {
		want, err := svc.Search(ctx, store.Query{Text: q.Text, GroupID: q.GroupID, Archived: q.Archived, Sort: q.Sort, Desc: q.Desc, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var got []*domain.Customer
		if err := svc.EachCustomer(ctx, q, func(c *domain.Customer) error { got = append(got, c); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%+v: %d customers walked, the list shows %d", q, len(got), len(want))
		}
		for i, c := range got {
			if c.ID != want[i].ID {
				t.Fatalf("%+v: customer %d is #%d, the list shows #%d there", q, i, c.ID, want[i].ID)
			}
			loaded, err := svc.Customer(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c, loaded) {
				t.Errorf("walked customer differs from the loaded one:\n walked %+v\n loaded %+v", c, loaded)
			}
		}
	}
}

func TestEachCustomerStopsOnTheCallersError(t *testing.T) {
	ctx := context.Background()
	svc, err := service.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	for i := 0; i < 600; i++ {
		if err := svc.CreateCustomer(ctx, &domain.Customer{Kind: domain.KindPerson, LastName: "X"}); err != nil {
			t.Fatal(err)
		}
	}
	stop := fmt.Errorf("disk full")
	n := 0
	err = svc.EachCustomer(ctx, store.Query{}, func(*domain.Customer) error {
		if n++; n == 300 {
			return stop
		}
		return nil
	})
	if err != stop || n != 300 {
		t.Fatalf("err %v after %d customers, want the caller's error at 300", err, n)
	}
}
