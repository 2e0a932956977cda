package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// scalarFields are the Customer fields a save writes to one column each.
func scalarFields() []string {
	var out []string
	typ := reflect.TypeFor[domain.Customer]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch f.Name {
		case "ID", "Balance", "CreatedAt", "UpdatedAt", "Code", "Kind", "BuyingGroup": // a buying group is another customer
			continue
		}
		switch f.Type.Kind() {
		case reflect.String, reflect.Int64, reflect.Bool:
			out = append(out, f.Name)
		}
	}
	site := reflect.TypeFor[domain.SiteFields]()
	for i := range site.NumField() {
		f := site.Field(i)
		if f.Name != "Site" && f.Name != "Present" && (f.Type.Kind() == reflect.String || f.Type.Kind() == reflect.Int64) {
			out = append(out, "Site."+f.Name)
		}
	}
	return append(out, "Billing.Line1", "Billing.Line2", "Billing.Postcode", "Billing.City", "Billing.Country", "Billing.State", "Phones", "Custom")
}

// customerWith returns a customer with the named fields set to values of
// their own, and every other field empty.
func customerWith(n int, fields []string) *domain.Customer {
	at := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	c := &domain.Customer{Code: fmt.Sprintf("T%05d", n), Kind: domain.KindCompany, CreatedAt: at, UpdatedAt: at}
	v := reflect.ValueOf(c).Elem()
	for i, name := range fields {
		switch name {
		case "Phones":
			c.Phones = []domain.Phone{{Number: "+33612345678", Label: "mobile"}}
			continue
		case "Custom":
			c.Custom = map[string]string{"couleur": "bleu"}
			continue
		case "MarketingConsent": // the file holds one of three answers
			c.MarketingConsent = domain.ConsentNo
			continue
		case "BalanceMethod":
			c.BalanceMethod = domain.BalanceForward
			continue
		}
		f := v.FieldByName(name)
		if parent, field, ok := strings.Cut(name, "."); ok {
			f = v.FieldByName(parent).FieldByName(field)
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(fmt.Sprintf("%s %d", name, i))
		case reflect.Int64:
			f.SetInt(int64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		}
	}
	return c
}

// Every field reads back as saved whichever others are empty: an insert
// binds only the columns that hold something, so this covers each column
// alone, all of them, and random sets — more sets than get a statement of
// their own.
func TestInsertReadsBackEveryFieldWhateverIsEmpty(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fields := scalarFields()
	var cases [][]string
	cases = append(cases, nil, fields)
	for _, f := range fields {
		cases = append(cases, []string{f})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 120 {
		var set []string
		for _, f := range fields {
			if rng.IntN(2) == 0 {
				set = append(set, f)
			}
		}
		cases = append(cases, set)
	}
	opt := store.SaveOptions{CreateGroups: true, CreateSources: true}
	for n, set := range cases {
		want := customerWith(n, set)
		err := st.Update(ctx, func(tx *store.Tx) error {
			c := *want
			if err := tx.InsertCustomer(ctx, &c, opt); err != nil {
				return err
			}
			got, err := tx.CustomerBy(ctx, "id", c.ID)
			if err != nil {
				return err
			}
			want.ID = c.ID
			want.Site.Site, want.Site.Present = "PRINCIPAL", true // created on the current site
			want.Discount = domain.Applicable{}
			if want.DiscountSales > 0 { // the customer's own discount is the one applied
				want.Discount = domain.Applicable{Percent: want.DiscountSales, Source: domain.DiscountOwn}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("fields %v:\n got %+v\nwant %+v", set, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("fields %v: %v", set, err)
		}
	}
}
