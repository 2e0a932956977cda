package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/store"
)

func TestNumberingRuleAppliesToNewCodesAndNeverRenumbers(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	old := mustCreate(t, svc, &domain.Customer{LastName: "Avant"})
	if err := svc.SetNumberingRule(ctx, domain.NumberingRule{Prefix: "WEB", Length: 10}); err != nil {
		t.Fatal(err)
	}
	preview, err := svc.NextCode(ctx, domain.NumberingRule{Prefix: "WEB", Length: 10})
	if err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "Après"})
	if c.Code != "WEB0000002" || preview != c.Code {
		t.Errorf("new code %q, preview %q; want WEB0000002 for both (the sequence carries on)", c.Code, preview)
	}
	again, _ := svc.Customer(ctx, old.ID)
	if again.Code != old.Code {
		t.Errorf("existing customer renumbered: %q → %q", old.Code, again.Code)
	}
	st, _ := svc.Settings(ctx)
	if st.Numbering != (domain.NumberingRule{Prefix: "WEB", Length: 10}) {
		t.Errorf("rule read back %+v", st.Numbering)
	}
}

func TestNumberingRuleWithoutRoomIsRefusedWithTheLengthToChoose(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	mustCreate(t, svc, &domain.Customer{LastName: "Un"})
	err := svc.SetNumberingRule(ctx, domain.NumberingRule{Prefix: "C", Length: 3}) // C01..C99
	var fe *domain.FieldError
	if !errors.As(err, &fe) || !strings.Contains(fe.Message.FR, "passez la longueur à 5") {
		t.Fatalf("got %v, want a refusal that names length 5", err)
	}
	if st, _ := svc.Settings(ctx); st.Numbering != domain.DefaultNumbering {
		t.Errorf("refused rule stored anyway: %+v", st.Numbering)
	}
	if err := svc.SetNumberingRule(ctx, domain.NumberingRule{Prefix: "C é", Length: 8}); err == nil {
		t.Error("a prefix with a space and an accent was accepted")
	}
}

func TestPhoneRegionAppliesToNumbersWithoutPrefix(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	if err := svc.SetPhoneRegion(ctx, "re"); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "Payet", Phones: []domain.Phone{{Number: "0692 12 34 56"}}})
	if c.Phones[0].Number != "+262692123456" {
		t.Errorf("phone %q, want +262692123456 read in La Réunion", c.Phones[0].Number)
	}
	if err := svc.SetPhoneRegion(ctx, "US"); err == nil {
		t.Error("a region that is not offered was accepted")
	}
}

func TestAccountPrefixIsCheckedOnCustomersAndAgainstTheFile(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Compte", AccountNumber: "401DUPONT"})
	err := svc.SetAccounting(ctx, "411000", "411")
	if err == nil || !strings.Contains(err.Error(), c.Code) {
		t.Fatalf("prefix refused? %v (should name %s)", err, c.Code)
	}
	c.AccountNumber = "411DUPONT"
	if err := svc.UpdateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetAccounting(ctx, "411000", "411"); err != nil {
		t.Fatal(err)
	}
	err = svc.CreateCustomer(ctx, &domain.Customer{LastName: "Autre", AccountNumber: "512X"})
	if err == nil || !strings.Contains(err.Error(), "411") {
		t.Errorf("account 512X accepted under prefix 411: %v", err)
	}
	if st, _ := svc.Settings(ctx); st.SundryAccount != "411000" || st.AccountPrefix != "411" {
		t.Errorf("read back %+v", st)
	}
	if err := svc.SetAccounting(ctx, "467000", "411"); err == nil {
		t.Error("a sundry account outside the prefix was accepted")
	}
}

func TestReferenceListsRenameArchiveAndCheck(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	if err := svc.AddRef(ctx, domain.ListPriceTypes, "Revendeur"); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "Prix", PriceTypeSales: "revendeur", Civility: "Monsieur"})
	if c.PriceTypeSales != "Revendeur" || c.Civility != "M." {
		t.Errorf("stored %q / %q, want the list's spellings Revendeur / M.", c.PriceTypeSales, c.Civility)
	}
	if err := svc.CreateCustomer(ctx, &domain.Customer{LastName: "X", PriceTypeSales: "Grossiste"}); err == nil ||
		!strings.Contains(err.Error(), "Settings › Lists › Price types") {
		t.Errorf("unknown price type: %v", err)
	}
	vs, _ := svc.RefValues(ctx, domain.ListPriceTypes)
	if len(vs) != 1 || vs[0].Uses != 1 {
		t.Fatalf("price types %+v, want Revendeur used once", vs)
	}
	if err := svc.RenameRef(ctx, domain.ListPriceTypes, vs[0].ID, "Pro"); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.Customer(ctx, c.ID); got.PriceTypeSales != "Pro" {
		t.Errorf("customer keeps %q after the rename", got.PriceTypeSales)
	}
	if err := svc.ArchiveRef(ctx, domain.ListPriceTypes, vs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if names, _ := svc.RefNames(ctx, domain.ListPriceTypes); len(names) != 0 {
		t.Errorf("archived entry still offered: %v", names)
	}
	got, _ := svc.Customer(ctx, c.ID)
	got.FirstName = "Jean"
	if err := svc.UpdateCustomer(ctx, got); err != nil || got.PriceTypeSales != "Pro" {
		t.Errorf("a customer with an archived price type cannot be saved: %v", err)
	}
	if err := svc.AddRef(ctx, domain.ListMarketing, "  Salon   du livre "); err != nil {
		t.Fatal(err)
	}
	if names, _ := svc.RefNames(ctx, domain.ListMarketing); len(names) != 1 || names[0] != "Salon du livre" {
		t.Errorf("sources %v", names)
	}
	if err := svc.AddRef(ctx, domain.ListMarketing, "salon du LIVRE"); err == nil {
		t.Error("a duplicate source was accepted")
	}
}

func TestCustomFieldsAreTypedRenamedAndSearched(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	size, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Pointure", Type: domain.CustomNumber})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Canal", Type: domain.CustomList, Options: []string{"Boutique", "Web"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Ville"}); err == nil {
		t.Error("a custom field named like a built-in field was accepted")
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "Pied", Custom: map[string]string{"pointure": "42.5", "Canal": "web"}})
	if c.Custom["Pointure"] != "42.5" || c.Custom["Canal"] != "Web" {
		t.Errorf("custom %v", c.Custom)
	}
	err = svc.CreateCustomer(ctx, &domain.Customer{LastName: "X", Custom: map[string]string{"Pointure": "grand"}})
	if err == nil || !strings.Contains(err.Error(), "grand") {
		t.Errorf("a number field took %q: %v", "grand", err)
	}
	if err := svc.CreateCustomer(ctx, &domain.Customer{LastName: "X", Custom: map[string]string{"Inconnu": "1"}}); err == nil {
		t.Error("a value for an undefined field was accepted")
	}
	if _, err := svc.SaveCustomField(ctx, domain.CustomField{ID: size, Name: "Taille de pied", Type: domain.CustomText}); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.Customer(ctx, c.ID)
	if got.Custom["Taille de pied"] != "42.5" {
		t.Errorf("after the rename: %v", got.Custom)
	}
	fields, _ := svc.CustomFields(ctx)
	if fields[0].Name != "Taille de pied" || fields[0].Type != domain.CustomNumber || fields[0].Uses != 1 {
		t.Errorf("fields %+v: the rename must keep the type and count the use", fields)
	}
	rows, _ := svc.Search(ctx, store.Query{Text: "web", Limit: 10})
	if len(rows) != 1 || rows[0].ID != c.ID {
		t.Errorf("search for a list value found %d rows", len(rows))
	}
	canal := fields[1]
	canal.Options = []string{"Boutique"}
	if _, err := svc.SaveCustomField(ctx, canal); err == nil {
		t.Error("a list value still used by a customer was dropped")
	}
}

func TestApplicableDiscountComesFromTheCustomerOrItsBestGroup(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	if _, err := svc.CreateGroup(ctx, "Pro", 1000); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateGroup(ctx, "Fidèle", 500); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, svc, &domain.Customer{LastName: "Remise", Groups: []string{"Fidèle", "Pro"}})
	got, _ := svc.Customer(ctx, c.ID)
	if got.Discount.Percent != 1000 || got.Discount.Group != "Pro" {
		t.Errorf("applicable %+v, want 10 %% from Pro", got.Discount)
	}
	got.DiscountSales = 300
	if err := svc.UpdateCustomer(ctx, got); err != nil {
		t.Fatal(err)
	}
	got, _ = svc.Customer(ctx, c.ID)
	if got.Discount.Percent != 300 || got.Discount.Source != domain.DiscountOwn {
		t.Errorf("applicable %+v, want the customer's own 3 %%", got.Discount)
	}
	rows, _ := svc.Search(ctx, store.Query{Limit: 10})
	if len(rows) != 1 || rows[0].Discount.Percent != 300 {
		t.Errorf("list row discount %+v", rows)
	}
}
