package domain

import (
	"strings"
	"time"
)

// accessor reads and writes one field of a customer by its key, so that the
// importer, the exports and the change lists handle every field the same way.
type accessor struct {
	get func(c *Customer) any
	set func(c *Customer, v any)
}

func str(p func(c *Customer) *string) accessor {
	return accessor{
		get: func(c *Customer) any { return *p(c) },
		set: func(c *Customer, v any) { *p(c) = v.(string) },
	}
}

func i64(p func(c *Customer) *int64) accessor {
	return accessor{
		get: func(c *Customer) any { return *p(c) },
		set: func(c *Customer, v any) { *p(c) = v.(int64) },
	}
}

func boolean(p func(c *Customer) *bool) accessor {
	return accessor{
		get: func(c *Customer) any { return *p(c) },
		set: func(c *Customer, v any) { *p(c) = v.(bool) },
	}
}

// firstShipping returns the first shipping address, creating it on demand.
func firstShipping(c *Customer) *Address {
	if len(c.Shipping) == 0 {
		c.Shipping = append(c.Shipping, Address{})
	}
	return &c.Shipping[0]
}

func shipping(p func(a *Address) *string) accessor {
	return accessor{
		get: func(c *Customer) any {
			if len(c.Shipping) == 0 {
				return ""
			}
			return *p(&c.Shipping[0])
		},
		set: func(c *Customer, v any) {
			if v.(string) == "" && len(c.Shipping) == 0 {
				return
			}
			*p(firstShipping(c)) = v.(string)
		},
	}
}

// siteShipping reads and writes the site's part of the first shipping
// address, as the shipping_* fields do the address itself.
func siteShipping(p func(s *ShippingSite) *string) accessor {
	return accessor{
		get: func(c *Customer) any {
			s := c.Site.ShippingAt(0)
			return *p(&s)
		},
		set: func(c *Customer, v any) {
			if v.(string) == "" && len(c.Site.Shipping) == 0 {
				return
			}
			s := c.Site.ShippingAt(0)
			*p(&s) = v.(string)
			c.Site.SetShippingAt(0, s)
		},
	}
}

// consentAccessor reads and writes the marketing consent as a string, as
// the kind is, so that comparing, clearing and journalling it need no case
// of their own.
var consentAccessor = accessor{
	get: func(c *Customer) any { return string(c.MarketingConsent) },
	set: func(c *Customer, v any) { c.MarketingConsent = Consent(v.(string)) },
}

var accessors = map[string]accessor{
	"id":   {get: func(c *Customer) any { return c.ID }, set: func(c *Customer, v any) { c.ID = v.(int64) }},
	"code": str(func(c *Customer) *string { return &c.Code }),
	"kind": {get: func(c *Customer) any { return string(c.Kind) }, set: func(c *Customer, v any) { c.Kind = Kind(v.(string)) }},

	"civility":     str(func(c *Customer) *string { return &c.Civility }),
	"last_name":    str(func(c *Customer) *string { return &c.LastName }),
	"first_name":   str(func(c *Customer) *string { return &c.FirstName }),
	"company_name": str(func(c *Customer) *string { return &c.CompanyName }),
	"legal_form":   str(func(c *Customer) *string { return &c.LegalForm }),
	"siret":        str(func(c *Customer) *string { return &c.SIRET }),
	"vat_number":   str(func(c *Customer) *string { return &c.VATNumber }),
	"iban":         str(func(c *Customer) *string { return &c.IBAN }),
	"email":        str(func(c *Customer) *string { return &c.Email }),
	"phones": {
		get: func(c *Customer) any { return c.Phones },
		set: func(c *Customer, v any) { c.Phones = v.([]Phone) },
	},
	"fax":     str(func(c *Customer) *string { return &c.Fax }),
	"website": str(func(c *Customer) *string { return &c.Website }),

	"billing_line1": str(func(c *Customer) *string { return &c.Billing.Line1 }),
	"billing_line2": str(func(c *Customer) *string { return &c.Billing.Line2 }),
	"postcode":      str(func(c *Customer) *string { return &c.Billing.Postcode }),
	"city":          str(func(c *Customer) *string { return &c.Billing.City }),
	"country":       str(func(c *Customer) *string { return &c.Billing.Country }),

	"shipping_line1":    shipping(func(a *Address) *string { return &a.Line1 }),
	"shipping_line2":    shipping(func(a *Address) *string { return &a.Line2 }),
	"shipping_postcode": shipping(func(a *Address) *string { return &a.Postcode }),
	"shipping_city":     shipping(func(a *Address) *string { return &a.City }),
	"shipping_country":  shipping(func(a *Address) *string { return &a.Country }),

	"reference":      str(func(c *Customer) *string { return &c.Reference }),
	"account_number": str(func(c *Customer) *string { return &c.AccountNumber }),
	"groups": {
		get: func(c *Customer) any { return c.Groups },
		set: func(c *Customer, v any) { c.Groups = v.([]string) },
	},
	"supplier":            boolean(func(c *Customer) *bool { return &c.Supplier }),
	"disappointed":        boolean(func(c *Customer) *bool { return &c.Disappointed }),
	"marketing_source":    str(func(c *Customer) *string { return &c.MarketingSource }),
	"marketing_consent":   consentAccessor,
	"discount_card":       str(func(c *Customer) *string { return &c.DiscountCard }),
	"discount_sales":      i64(func(c *Customer) *int64 { return &c.DiscountSales }),
	"discount_services":   i64(func(c *Customer) *int64 { return &c.DiscountServices }),
	"discount_materials":  i64(func(c *Customer) *int64 { return &c.DiscountMaterials }),
	"price_type_sales":    str(func(c *Customer) *string { return &c.PriceTypeSales }),
	"price_type_orders":   str(func(c *Customer) *string { return &c.PriceTypeOrders }),
	"sales_rep":           str(func(c *Customer) *string { return &c.SalesRep }),
	"payment_terms":       str(func(c *Customer) *string { return &c.PaymentTerms }),
	"payment_method":      str(func(c *Customer) *string { return &c.PaymentMethod }),
	"currency":            str(func(c *Customer) *string { return &c.Currency }),
	"balance_method":      str(func(c *Customer) *string { return &c.BalanceMethod }),
	"credit_limit":        i64(func(c *Customer) *int64 { return &c.CreditLimit }),
	"insurer_guarantee":   i64(func(c *Customer) *int64 { return &c.InsurerGuarantee }),
	"other_guarantees":    i64(func(c *Customer) *int64 { return &c.OtherGuarantees }),
	"credit_hold":         boolean(func(c *Customer) *bool { return &c.CreditHold }),
	"credit_hold_reason":  str(func(c *Customer) *string { return &c.CreditHoldReason }),
	"amount_over_invoice": i64(func(c *Customer) *int64 { return &c.AmountOverInvoice }),
	"days_over_due":       i64(func(c *Customer) *int64 { return &c.DaysOverDue }),
	"is_buying_group":     boolean(func(c *Customer) *bool { return &c.IsBuyingGroup }),
	"buying_group":        str(func(c *Customer) *string { return &c.BuyingGroup }),
	"state":               str(func(c *Customer) *string { return &c.Billing.State }),

	"customer_type":       str(func(c *Customer) *string { return &c.Site.CustomerType }),
	"price_code":          str(func(c *Customer) *string { return &c.Site.PriceCode }),
	"end_user_type":       str(func(c *Customer) *string { return &c.Site.EndUserType }),
	"invoice_category":    str(func(c *Customer) *string { return &c.Site.InvoiceCategory }),
	"bank_code":           str(func(c *Customer) *string { return &c.Site.BankCode }),
	"site_country":        str(func(c *Customer) *string { return &c.Site.Country }),
	"language":            str(func(c *Customer) *string { return &c.Site.Language }),
	"nature_code":         str(func(c *Customer) *string { return &c.Site.NatureCode }),
	"nature_code2":        str(func(c *Customer) *string { return &c.Site.NatureCode2 }),
	"delivery_terms":      str(func(c *Customer) *string { return &c.Site.DeliveryTerms }),
	"territory":           str(func(c *Customer) *string { return &c.Site.Territory }),
	"sales_force":         str(func(c *Customer) *string { return &c.Site.SalesForce }),
	"tax_id":              str(func(c *Customer) *string { return &c.Site.TaxID }),
	"tax_code":            str(func(c *Customer) *string { return &c.Site.TaxCode }),
	"notes":               str(func(c *Customer) *string { return &c.Site.Notes }),
	"site_credit_limit":   i64(func(c *Customer) *int64 { return &c.Site.CreditLimit }),
	"last_payment_date":   str(func(c *Customer) *string { return &c.Site.LastPaymentDate }),
	"last_payment_amount": i64(func(c *Customer) *int64 { return &c.Site.LastPaymentAmount }),
	"average_days_to_pay": i64(func(c *Customer) *int64 { return &c.Site.AverageDaysToPay }),
	"highest_balance":     i64(func(c *Customer) *int64 { return &c.Site.HighestBalance }),
	"shipping_warehouse":  siteShipping(func(s *ShippingSite) *string { return &s.Warehouse }),
	"shipping_carrier":    siteShipping(func(s *ShippingSite) *string { return &s.Carrier }),
	"archived":            boolean(func(c *Customer) *bool { return &c.Archived }),
	"balance":             {get: func(c *Customer) any { return c.Balance }},
	"applicable_discount": {get: func(c *Customer) any { return c.Discount.Percent }},
	"created_at":          {get: func(c *Customer) any { return c.CreatedAt }},
	"updated_at":          {get: func(c *Customer) any { return c.UpdatedAt }},
}

// Get returns the value of field key: string, int64, bool, []string, []Phone
// or time.Time according to the field's type. Custom fields ("custom:Name")
// are strings. Unknown keys give nil.
func (c *Customer) Get(key string) any {
	if name, ok := strings.CutPrefix(key, CustomPrefix); ok {
		return c.Custom[name]
	}
	if a, ok := accessors[key]; ok {
		return a.get(c)
	}
	return nil
}

// Set writes field key. v must have the type Get returns for that key;
// computed fields (balance, dates) cannot be set and are ignored.
func (c *Customer) Set(key string, v any) {
	if name, ok := strings.CutPrefix(key, CustomPrefix); ok {
		s := v.(string)
		if s == "" {
			delete(c.Custom, name)
			return
		}
		if c.Custom == nil {
			c.Custom = map[string]string{}
		}
		c.Custom[name] = s
		return
	}
	if a, ok := accessors[key]; ok && a.set != nil {
		a.set(c, v)
	}
}

// IsZeroValue reports whether v is the empty value of its type.
func IsZeroValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case int64:
		return x == 0
	case bool:
		return !x
	case []string:
		return len(x) == 0
	case []Phone:
		return len(x) == 0
	case time.Time:
		return x.IsZero()
	}
	return false
}
