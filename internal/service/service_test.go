package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/store"
)

func openTest(t *testing.T) *Service {
	t.Helper()
	svc, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	return svc
}

func mustCreate(t *testing.T, svc *Service, c *domain.Customer) *domain.Customer {
	t.Helper()
	if err := svc.CreateCustomer(context.Background(), c); err != nil {
		t.Fatalf("create %+v: %v", c, err)
	}
	return c
}

func names(rows []store.ListRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Name
	}
	return out
}

func TestSearchIsSubstringAccentAndCaseInsensitive(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	mustCreate(t, svc, &domain.Customer{LastName: "Martin", FirstName: "Élise", Email: "elise.martin@orange.fr",
		Phones: []domain.Phone{{Number: "06 12 34 56 78"}}, Billing: domain.Address{City: "Saint-Étienne", Postcode: "42000"}})
	mustCreate(t, svc, &domain.Customer{Kind: domain.KindCompany, CompanyName: "Boulangerie Dupont", Reference: "2000000012345",
		Phones: []domain.Phone{{Number: "+33 4 72 00 00 00"}}, Billing: domain.Address{City: "Lyon"}})
	mustCreate(t, svc, &domain.Customer{LastName: "Dupond", FirstName: "Hervé", Billing: domain.Address{City: "Nantes"}})
	mustCreate(t, svc, &domain.Customer{LastName: "Lubin", Phones: []domain.Phone{{Number: "0590 12 34 56"}}})

	cases := []struct {
		query string
		want  []string
	}{
		{"elise", []string{"Martin Élise"}},
		{"ÉLISE", []string{"Martin Élise"}},
		{"etienne", []string{"Martin Élise"}},
		{"0612", []string{"Martin Élise"}},
		{"06 12 34", []string{"Martin Élise"}},
		{"+33 6 12", []string{"Martin Élise"}},
		{"0033 6 12 34", []string{"Martin Élise"}},
		{"+33 (0)4 72", []string{"Boulangerie Dupont"}},
		{"+590 590 12", []string{"Lubin"}},
		{"0590 12 34", []string{"Lubin"}},
		{"langer", []string{"Boulangerie Dupont"}},
		{"dupont", []string{"Boulangerie Dupont"}},
		{"dupo", []string{"Boulangerie Dupont", "Dupond Hervé"}},
		{"herve dupond", []string{"Dupond Hervé"}},
		{"elise martin", []string{"Martin Élise"}},
		{"C0000002", []string{"Boulangerie Dupont"}},
		{"000002", []string{"Boulangerie Dupont"}},
		{"orange.fr", []string{"Martin Élise"}},
		{"du", []string{"Dupond Hervé"}}, // under 3 characters: names starting with it
		{"zzz", nil},
	}
	for _, c := range cases {
		rows, err := svc.Search(ctx, store.Query{Text: c.query})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		got := names(rows)
		if len(got) != len(c.want) {
			t.Errorf("search %q = %v, want %v", c.query, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("search %q = %v, want %v", c.query, got, c.want)
				break
			}
		}
		n, err := svc.Count(ctx, store.Query{Text: c.query})
		if err != nil || n != len(c.want) {
			t.Errorf("count %q = %d, %v; want %d", c.query, n, err, len(c.want))
		}
	}
}

func TestSearchFiltersSortAndWindow(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	gid, err := svc.CreateGroup(ctx, "VIP", 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Bernard", "Arnaud", "Dubois", "Colin", "Petit"} {
		c := &domain.Customer{LastName: n}
		if n == "Dubois" || n == "Arnaud" {
			c.Groups = []string{"VIP"}
		}
		c.Supplier = n == "Colin"
		c.Archived = n == "Petit"
		mustCreate(t, svc, c)
	}
	check := func(q store.Query, want ...string) {
		t.Helper()
		rows, err := svc.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got := names(rows)
		if len(got) != len(want) {
			t.Fatalf("%+v: got %v, want %v", q, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%+v: got %v, want %v", q, got, want)
			}
		}
	}
	check(store.Query{Archived: store.FilterNo}, "Arnaud", "Bernard", "Colin", "Dubois")
	check(store.Query{Archived: store.FilterNo, Desc: true, Limit: 2}, "Dubois", "Colin")
	check(store.Query{Archived: store.FilterNo, Offset: 1, Limit: 2}, "Bernard", "Colin")
	check(store.Query{GroupID: gid}, "Arnaud", "Dubois")
	check(store.Query{Supplier: store.FilterYes}, "Colin")
	check(store.Query{Archived: store.FilterYes}, "Petit")
	check(store.Query{Sort: store.SortCode}, "Bernard", "Arnaud", "Dubois", "Colin", "Petit")
	rows, _ := svc.Search(ctx, store.Query{Text: "dubois"})
	if len(rows) != 1 || rows[0].Groups != "VIP" {
		t.Errorf("list row groups = %+v", rows)
	}
}

func TestCodesFollowTheRuleAndAreNeverReused(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	a := mustCreate(t, svc, &domain.Customer{LastName: "A"})
	if a.Code != "C0000001" {
		t.Fatalf("first code = %q", a.Code)
	}
	mustCreate(t, svc, &domain.Customer{LastName: "Hand", Code: "C0000002"}) // typed by hand
	b := mustCreate(t, svc, &domain.Customer{LastName: "B"})
	if b.Code != "C0000003" {
		t.Errorf("allocator did not skip a taken code: %q", b.Code)
	}
	if err := svc.DeleteCustomer(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetNumberingRule(ctx, domain.NumberingRule{Prefix: "CL", Length: 8}); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "C"})
	if c.Code != "CL000004" || c.ID <= b.ID {
		t.Errorf("after deletion: code %q id %d (deleted id %d)", c.Code, c.ID, b.ID)
	}
	err := svc.CreateCustomer(ctx, &domain.Customer{LastName: "D", Code: "C0000001"})
	if !errors.Is(err, domain.ErrDuplicateCode) {
		t.Errorf("duplicate code: %v", err)
	}
}

func TestInvalidCustomerIsRefusedAndNothingWritten(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	err := svc.CreateCustomer(ctx, &domain.Customer{LastName: "X", Email: "x@", Phones: []domain.Phone{{Number: "0612345678"}}})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.For("email") == nil {
		t.Fatalf("bad email accepted: %v", err)
	}
	err = svc.CreateCustomer(ctx, &domain.Customer{LastName: "Y", Groups: []string{"Nope"}})
	if err == nil || domain.UserMessage(err, "fr") == "" {
		t.Fatalf("unknown group accepted: %v", err)
	}
	if n, _ := svc.Count(ctx, store.Query{}); n != 0 {
		t.Errorf("%d customers written by refused saves", n)
	}
}

func TestDeleteGroupMovesMembersInOneStep(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	old, _ := svc.CreateGroup(ctx, "Anciens", 0)
	target, _ := svc.CreateGroup(ctx, "Fidèles", 500)
	var ids []int64
	for _, n := range []string{"A", "B", "C"} {
		ids = append(ids, mustCreate(t, svc, &domain.Customer{LastName: n, Groups: []string{"Anciens"}}).ID)
	}
	if err := svc.DeleteGroup(ctx, old, target); err != nil {
		t.Fatal(err)
	}
	members, _ := svc.GroupMembers(ctx, target)
	if len(members) != 3 {
		t.Errorf("members moved: %v, want %v", members, ids)
	}
	groups, _ := svc.Groups(ctx)
	if len(groups) != 1 || groups[0].Name != "Fidèles" || groups[0].Members != 3 {
		t.Errorf("groups after delete: %+v", groups)
	}
	// Deleting with no target just empties the group.
	if err := svc.DeleteGroup(ctx, target, 0); err != nil {
		t.Fatal(err)
	}
	c, _ := svc.Customer(ctx, ids[0])
	if len(c.Groups) != 0 {
		t.Errorf("customer still in groups %v", c.Groups)
	}
}

func TestDeletingACustomerKeepsItsDocuments(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Durand", FirstName: "Noël"})
	if _, err := svc.AddDocument(ctx, c.ID, "invoice", "FA0001", 12345); err != nil {
		t.Fatal(err)
	}
	if err := svc.AdjustBalance(ctx, c.ID, 5000, "Avoir"); err != nil {
		t.Fatal(err)
	}
	if _, sum, _ := svc.Ledger(ctx, c.ID); sum != 5000 {
		t.Errorf("balance = %d", sum)
	}
	if err := svc.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Customer(ctx, c.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted customer still found: %v", err)
	}
	docs, err := svc.DocumentsByCode(ctx, c.Code)
	if err != nil || len(docs) != 1 || docs[0].CustomerName != "Durand Noël" || docs[0].Total != 12345 {
		t.Errorf("documents after delete: %+v, %v", docs, err)
	}
	if n, _ := svc.Count(ctx, store.Query{Text: "durand"}); n != 0 {
		t.Errorf("deleted customer still in search")
	}
}

func TestBalanceIsTheSumOfItsEntries(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Leroy"})
	for _, a := range []int64{10000, -2550, 300} {
		if err := svc.AdjustBalance(ctx, c.ID, a, "ajustement"); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.AdjustBalance(ctx, c.ID, 100, "  "); err == nil {
		t.Error("adjustment without a label accepted")
	}
	entries, sum, _ := svc.Ledger(ctx, c.ID)
	rows, _ := svc.Search(ctx, store.Query{Text: "leroy"})
	if len(entries) != 3 || sum != 7750 || rows[0].Balance != 7750 {
		t.Errorf("entries %d sum %d list balance %d", len(entries), sum, rows[0].Balance)
	}
}

func TestUpdateKeepsCreationDateAndReindexes(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Morel", Billing: domain.Address{City: "Brest"}})
	c.Billing.City = "Quimper"
	if err := svc.UpdateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.Count(ctx, store.Query{Text: "brest"}); n != 0 {
		t.Error("old city still indexed")
	}
	if n, _ := svc.Count(ctx, store.Query{Text: "quimper"}); n != 1 {
		t.Error("new city not indexed")
	}
	got, _ := svc.Customer(ctx, c.ID)
	if !got.CreatedAt.Equal(c.CreatedAt) || got.Billing.City != "Quimper" {
		t.Errorf("after update: %+v", got)
	}
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	svc, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, svc, &domain.Customer{LastName: "Roux"})
	svc.Close()
	svc, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if n, _ := svc.Count(context.Background(), store.Query{}); n != 1 {
		t.Errorf("count after reopen = %d", n)
	}
	if v, _ := svc.Store.IntegrityCheck(context.Background()); v != "ok" {
		t.Errorf("integrity_check = %q", v)
	}
}

// TestGroupDeletionSaysWhatBecomesOfTheDiscounts: members moving from a
// 10 % group to a 5 % one drop to 5 %, unless another group of theirs
// gives more; archived members are counted apart in the group list.
func TestGroupDeletionSaysWhatBecomesOfTheDiscounts(t *testing.T) {
	svc := openTest(t)
	ctx := context.Background()
	vip, _ := svc.CreateGroup(ctx, "VIP", 1000)
	pros, _ := svc.CreateGroup(ctx, "Pros", 500)
	if _, err := svc.CreateGroup(ctx, "Fidèles", 1500); err != nil {
		t.Fatal(err)
	}
	for i, groups := range [][]string{{"VIP"}, {"VIP"}, {"VIP", "Fidèles"}, {"VIP", "Pros"}} {
		c := &domain.Customer{LastName: "Membre", Groups: groups, Archived: i == 1}
		if err := svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := svc.GroupDeletion(ctx, vip, pros)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.DiscountShift{{From: 1000, To: 500, Customers: 3}, {From: 1500, To: 1500, Customers: 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("moving VIP to Pros: %+v, want %+v", got, want)
	}
	got, _ = svc.GroupDeletion(ctx, vip, 0)
	want = []domain.DiscountShift{{From: 1000, To: 0, Customers: 2}, {From: 1000, To: 500, Customers: 1}, {From: 1500, To: 1500, Customers: 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("VIP's members to no group: %+v, want %+v", got, want)
	}
	groups, _ := svc.Groups(ctx)
	for _, g := range groups {
		if g.Name == "VIP" && (g.Members != 4 || g.Archived != 1) {
			t.Errorf("VIP lists %d members, %d archived; want 4 and 1", g.Members, g.Archived)
		}
	}
	if n, _ := svc.Count(ctx, store.Query{}); n != 4 {
		t.Errorf("the preview changed something: %d customers", n)
	}
}
