package domain

import (
	"errors"
	"testing"
)

// digitsPhones is a stand-in numbering plan for the domain's own tests: it
// accepts 10-digit French numbers, so that the rules here are tested alone.
type digitsPhones struct{}

func (digitsPhones) ToE164(raw, region string) (string, *Message) {
	d := stripSeparators(raw)
	if len(d) == 10 && d[0] == '0' && allDigits(d) {
		return "+33" + d[1:], nil
	}
	return "", &Message{FR: "numéro invalide", EN: "invalid number"}
}

func TestNormalizeCustomer(t *testing.T) {
	c := Customer{LastName: "  Dupont ", FirstName: "Élise", Email: " ELISE@Example.fr",
		Phones: []Phone{{Number: "06 12 34 56 78"}, {Number: " "}}, Groups: []string{"VIP", "vip", " Pros "},
		Billing: Address{City: "Lyon", Postcode: "69001"}}
	if err := c.Normalize(digitsPhones{}); err != nil {
		t.Fatalf("valid customer refused: %v", err)
	}
	if c.Kind != KindPerson || c.LastName != "Dupont" || c.Email != "elise@example.fr" ||
		len(c.Phones) != 1 || c.Phones[0].Number != "+33612345678" || c.Billing.Country != "FR" ||
		len(c.Groups) != 2 || c.Name() != "Dupont Élise" {
		t.Errorf("not normalised: %+v", c)
	}
}

func TestNormalizeCustomerReportsEveryBrokenRule(t *testing.T) {
	c := Customer{Kind: KindCompany, Email: "pas-un-mail", SIRET: "732829321", DiscountSales: 12000,
		Phones: []Phone{{Number: "12"}}, CreditHold: true}
	err := c.Normalize(digitsPhones{})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a ValidationError, got %v", err)
	}
	for _, field := range []string{"company_name", "email", "siret", "discount_sales", "phones", "credit_hold_reason"} {
		fe := ve.For(field)
		if fe == nil {
			t.Errorf("no error for %s in %v", field, err)
			continue
		}
		if fe.FR == "" || fe.EN == "" {
			t.Errorf("%s: message missing a language: %+v", field, fe)
		}
	}
	if msg := UserMessage(err, "fr"); msg == "" || UserMessage(err, "en") == msg {
		t.Errorf("user messages not localised: %q", msg)
	}
}

func TestVATMustMatchSIREN(t *testing.T) {
	c := Customer{Kind: KindCompany, CompanyName: "ACME", SIRET: "732829320", VATNumber: "FR83404833048"}
	var ve *ValidationError
	if err := c.Normalize(nil); !errors.As(err, &ve) || ve.For("vat_number") == nil {
		t.Errorf("mismatching VAT accepted: %v", err)
	}
}

func TestEveryFieldHasAnAccessor(t *testing.T) {
	for _, f := range Fields {
		if _, ok := accessors[f.Key]; !ok {
			t.Errorf("field %q has no accessor", f.Key)
		}
		if f.FR == "" || f.EN == "" {
			t.Errorf("field %q lacks a label", f.Key)
		}
	}
	var c Customer
	c.Set("city", "Nantes")
	c.Set("shipping_city", "Rezé")
	c.Set("custom:Passeport", "X1")
	if c.Get("city") != "Nantes" || c.Get("shipping_city") != "Rezé" || c.Get("custom:Passeport") != "X1" {
		t.Errorf("Set/Get round trip failed: %+v", c)
	}
}

func TestDomainErrorsMatchByCode(t *testing.T) {
	wrapped := errors.Join(errors.New("context"), ErrDuplicateCode)
	if !errors.Is(wrapped, ErrDuplicateCode) || errors.Is(wrapped, ErrNotFound) {
		t.Error("errors.Is does not match domain errors by code")
	}
}
