package domain

import (
	"strings"
	"time"
)

// normalizeSitePart trims the site part and the shared multisite fields
// and checks their rules: amounts and days not negative, a known balance
// method, a real date, a buying group that is not the customer itself, and
// every listed value in its site's list when the lists are given.
func (c *Customer) normalizeSitePart(ve *ValidationError, r Rules) {
	s := &c.Site
	for _, p := range []*string{&s.CustomerType, &s.PriceCode, &s.EndUserType, &s.InvoiceCategory, &s.BankCode,
		&s.Country, &s.Language, &s.NatureCode, &s.NatureCode2, &s.DeliveryTerms, &s.Territory, &s.SalesForce,
		&s.TaxID, &s.TaxCode, &s.Notes, &s.LastPaymentDate, &c.Billing.State} {
		*p = strings.TrimSpace(*p)
	}
	s.Country = strings.ToUpper(s.Country)
	for i := range s.Shipping {
		s.Shipping[i].Warehouse = strings.TrimSpace(s.Shipping[i].Warehouse)
		s.Shipping[i].Carrier = strings.TrimSpace(s.Shipping[i].Carrier)
	}
	for len(s.Shipping) > 0 && s.Shipping[len(s.Shipping)-1] == (ShippingSite{}) {
		s.Shipping = s.Shipping[:len(s.Shipping)-1]
	}
	for _, m := range []struct {
		field string
		v     int64
	}{{"site_credit_limit", s.CreditLimit}, {"amount_over_invoice", c.AmountOverInvoice},
		{"days_over_due", c.DaysOverDue}, {"average_days_to_pay", s.AverageDaysToPay}} {
		if m.v < 0 {
			ve.add(&FieldError{Field: m.field, Code: "amount_negative", Message: Message{
				FR: "La valeur ne peut pas être négative.", EN: "The value cannot be negative."}})
		}
	}
	known := false
	for _, m := range BalanceMethods {
		known = known || m.Key == c.BalanceMethod
	}
	if !known {
		ve.add(&FieldError{Field: "balance_method", Code: "balance_method_invalid", Message: Message{
			FR: "La méthode de solde est « open_item » (pièce par pièce) ou « balance_forward » (solde reporté).",
			EN: "The balance method is \"open_item\" or \"balance_forward\"."}})
	}
	if s.LastPaymentDate != "" {
		if _, err := time.Parse("2006-01-02", s.LastPaymentDate); err != nil {
			ve.add(&FieldError{Field: "last_payment_date", Code: "date_invalid", Message: Message{
				FR: "« " + s.LastPaymentDate + " » n’est pas une date (aaaa-mm-jj).",
				EN: "\"" + s.LastPaymentDate + "\" is not a date (yyyy-mm-dd)."}})
		}
	}
	if c.BuyingGroup != "" && strings.EqualFold(c.BuyingGroup, c.Code) {
		ve.add(&FieldError{Field: "buying_group", Code: "buying_group_self", Message: Message{
			FR: "Un client ne peut pas être rattaché à lui-même comme centrale d’achat.",
			EN: "A customer cannot be a member of itself as a buying group."}})
	}
	if c.IsBuyingGroup && c.BuyingGroup != "" {
		ve.add(&FieldError{Field: "buying_group", Code: "buying_group_nested", Message: Message{
			FR: "Une centrale d’achat n’est pas elle-même rattachée à une centrale.",
			EN: "A buying group is not itself a member of another buying group."}})
	}
	if r.SiteLists != nil {
		for _, e := range r.SiteLists.CheckCustomer(c) {
			ve.add(e)
		}
	}
}
