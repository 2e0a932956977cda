package export

import (
	"strconv"
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/phone"
)

// cellKind says how a column's values are written: XLSX keeps numbers and
// dates as such, CSV writes them in the user's format.
type cellKind int

const (
	cellText       cellKind = iota
	cellIdentifier          // text that must stay text: leading zeros, long digits
	cellInteger             // the internal ID
	cellMoney               // cents, written with two decimals
	cellPercent             // hundredths of a percent, written as 12.5
	cellDate                // a day
)

// column is one column of a spreadsheet export.
type column struct {
	header string
	kind   cellKind
	// value returns the cell: a string (text and identifier), an int64
	// (integer, money, percent) or a time.Time (date, zero when empty).
	value func(c *domain.Customer) any
}

// readOnlyColumns go out after the fields an import writes: what Carnet
// computes. The importer recognises their headers and leaves them alone.
var readOnlyColumns = []string{"applicable_discount", "created_at", "updated_at"}

// spreadsheetColumns are the columns of a re-importable export, headed by
// the labels the importer recognises in lang: the internal ID, every field
// an import can write (the balance included), the active custom fields by
// name, then the read-only ones.
func spreadsheetColumns(lang string, custom []domain.CustomField) []column {
	var cols []column
	for _, f := range domain.Fields {
		if f.Computed && f.Key != "balance" {
			continue
		}
		cols = append(cols, fieldColumn(f, lang))
	}
	for _, cf := range custom {
		cols = append(cols, customColumn(cf, lang))
	}
	for _, key := range readOnlyColumns {
		if f, ok := domain.FieldByKey(key); ok {
			cols = append(cols, fieldColumn(f, lang))
		}
	}
	return cols
}

// fieldColumn is the column of one built-in field.
func fieldColumn(f domain.FieldDef, lang string) column {
	col := column{header: f.Label(lang)}
	text := func(get func(c *domain.Customer) string) {
		col.kind, col.value = cellText, func(c *domain.Customer) any { return get(c) }
	}
	switch f.Type {
	case domain.TypeIdentifier, domain.TypePostcode, domain.TypeSIRET, domain.TypeVAT, domain.TypeIBAN,
		domain.TypePhones, domain.TypePhone:
		text(stringField(f.Key, lang))
		col.kind = cellIdentifier
	case domain.TypeID:
		col.kind, col.value = cellInteger, func(c *domain.Customer) any { return c.ID }
	case domain.TypeMoney:
		col.kind, col.value = cellMoney, moneyField(f.Key)
	case domain.TypePercent:
		col.kind, col.value = cellPercent, percentField(f.Key)
	case domain.TypeDate:
		col.kind, col.value = cellDate, dateField(f.Key)
	default:
		text(stringField(f.Key, lang))
	}
	return col
}

// customColumn is the column of a custom field, headed by its name, which
// the importer matches.
func customColumn(cf domain.CustomField, lang string) column {
	col := column{header: cf.Name, kind: cellText}
	name := cf.Name
	switch cf.Type {
	case domain.CustomNumber:
		// Stored with a dot; the spreadsheet gets a number or the user's
		// decimal mark.
		col.value = func(c *domain.Customer) any {
			v := c.Custom[name]
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return f
			}
			return v
		}
	case domain.CustomDate:
		col.kind = cellDate
		col.value = func(c *domain.Customer) any {
			t, err := time.Parse(time.DateOnly, c.Custom[name])
			if err != nil {
				return time.Time{}
			}
			return t
		}
	case domain.CustomBool:
		col.value = func(c *domain.Customer) any {
			switch c.Custom[name] {
			case "true":
				return yesNo(true, lang)
			case "false":
				return yesNo(false, lang)
			}
			return ""
		}
	default:
		col.value = func(c *domain.Customer) any { return c.Custom[name] }
	}
	return col
}

func yesNo(v bool, lang string) string {
	if v {
		return domain.Message{FR: "Oui", EN: "Yes"}.In(lang)
	}
	return domain.Message{FR: "Non", EN: "No"}.In(lang)
}

// stringField returns the reader of a text field, written the way the
// importer reads it back.
func stringField(key, lang string) func(c *domain.Customer) string {
	switch key {
	case "code":
		return func(c *domain.Customer) string { return c.Code }
	case "kind":
		return func(c *domain.Customer) string {
			if c.Kind == domain.KindCompany {
				return domain.Message{FR: "Personne morale", EN: "Company"}.In(lang)
			}
			return domain.Message{FR: "Personne physique", EN: "Individual"}.In(lang)
		}
	case "phones":
		return func(c *domain.Customer) string {
			parts := make([]string, len(c.Phones))
			for i, p := range c.Phones {
				parts[i] = readablePhone(p.Number)
			}
			return strings.Join(parts, ", ")
		}
	case "fax":
		return func(c *domain.Customer) string { return readablePhone(c.Fax) }
	case "groups":
		return func(c *domain.Customer) string { return strings.Join(c.Groups, ", ") }
	case "shipping_line1", "shipping_line2", "shipping_postcode", "shipping_city", "shipping_country":
		part := addressPart(strings.TrimPrefix(key, "shipping_"))
		return func(c *domain.Customer) string {
			if len(c.Shipping) == 0 {
				return ""
			}
			return part(c.Shipping[0])
		}
	case "billing_line1", "billing_line2", "postcode", "city", "country":
		part := addressPart(strings.TrimPrefix(key, "billing_"))
		return func(c *domain.Customer) string { return part(c.Billing) }
	}
	if get, ok := textFields[key]; ok {
		return get
	}
	if get, ok := boolFields[key]; ok {
		return func(c *domain.Customer) string { return yesNo(get(c), lang) }
	}
	if get, ok := extraFields[key]; ok {
		return func(c *domain.Customer) string { return get(c, lang) }
	}
	return func(*domain.Customer) string { return "" }
}

// extraFields are the text fields whose reader needs the language; a file
// of its own adds to them (consent).
var extraFields = map[string]func(c *domain.Customer, lang string) string{}

func addressPart(part string) func(a domain.Address) string {
	switch part {
	case "line1":
		return func(a domain.Address) string { return a.Line1 }
	case "line2":
		return func(a domain.Address) string { return a.Line2 }
	case "postcode":
		return func(a domain.Address) string { return a.Postcode }
	case "city":
		return func(a domain.Address) string { return a.City }
	}
	return func(a domain.Address) string { return a.Country }
}

var textFields = map[string]func(c *domain.Customer) string{
	"civility":           func(c *domain.Customer) string { return c.Civility },
	"last_name":          func(c *domain.Customer) string { return c.LastName },
	"first_name":         func(c *domain.Customer) string { return c.FirstName },
	"company_name":       func(c *domain.Customer) string { return c.CompanyName },
	"legal_form":         func(c *domain.Customer) string { return c.LegalForm },
	"siret":              func(c *domain.Customer) string { return c.SIRET },
	"vat_number":         func(c *domain.Customer) string { return c.VATNumber },
	"iban":               func(c *domain.Customer) string { return c.IBAN },
	"email":              func(c *domain.Customer) string { return c.Email },
	"website":            func(c *domain.Customer) string { return c.Website },
	"reference":          func(c *domain.Customer) string { return c.Reference },
	"account_number":     func(c *domain.Customer) string { return c.AccountNumber },
	"marketing_source":   func(c *domain.Customer) string { return c.MarketingSource },
	"discount_card":      func(c *domain.Customer) string { return c.DiscountCard },
	"price_type_sales":   func(c *domain.Customer) string { return c.PriceTypeSales },
	"price_type_orders":  func(c *domain.Customer) string { return c.PriceTypeOrders },
	"sales_rep":          func(c *domain.Customer) string { return c.SalesRep },
	"payment_terms":      func(c *domain.Customer) string { return c.PaymentTerms },
	"payment_method":     func(c *domain.Customer) string { return c.PaymentMethod },
	"currency":           func(c *domain.Customer) string { return c.Currency },
	"language":           func(c *domain.Customer) string { return c.Language },
	"credit_hold_reason": func(c *domain.Customer) string { return c.CreditHoldReason },
	"notes":              func(c *domain.Customer) string { return c.Notes },
}

var boolFields = map[string]func(c *domain.Customer) bool{
	"supplier":     func(c *domain.Customer) bool { return c.Supplier },
	"disappointed": func(c *domain.Customer) bool { return c.Disappointed },
	"credit_hold":  func(c *domain.Customer) bool { return c.CreditHold },
	"archived":     func(c *domain.Customer) bool { return c.Archived },
}

func moneyField(key string) func(c *domain.Customer) any {
	get := map[string]func(c *domain.Customer) int64{
		"credit_limit":      func(c *domain.Customer) int64 { return c.CreditLimit },
		"insurer_guarantee": func(c *domain.Customer) int64 { return c.InsurerGuarantee },
		"other_guarantees":  func(c *domain.Customer) int64 { return c.OtherGuarantees },
		"balance":           func(c *domain.Customer) int64 { return c.Balance },
	}[key]
	if get == nil {
		return func(*domain.Customer) any { return "" }
	}
	return func(c *domain.Customer) any { return get(c) }
}

func percentField(key string) func(c *domain.Customer) any {
	get := map[string]func(c *domain.Customer) int64{
		"discount_sales":      func(c *domain.Customer) int64 { return c.DiscountSales },
		"discount_services":   func(c *domain.Customer) int64 { return c.DiscountServices },
		"discount_materials":  func(c *domain.Customer) int64 { return c.DiscountMaterials },
		"applicable_discount": func(c *domain.Customer) int64 { return c.Discount.Percent },
	}[key]
	if get == nil {
		return func(*domain.Customer) any { return "" }
	}
	return func(c *domain.Customer) any { return get(c) }
}

func dateField(key string) func(c *domain.Customer) any {
	if key == "updated_at" {
		return func(c *domain.Customer) any { return c.UpdatedAt }
	}
	return func(c *domain.Customer) any { return c.CreatedAt }
}

// readablePhone writes a stored E.164 number the way people read it: the
// national form for France (06 12 34 56 78, which cannot be taken for a
// formula), the international one elsewhere. The importer reads both back
// to the same number. French mobile and fixed numbers, nearly all of them,
// take the fast path without the phone library.
func readablePhone(e164 string) string {
	if len(e164) == 12 && strings.HasPrefix(e164, "+33") && e164[3] >= '1' && e164[3] <= '9' && allDigits(e164[3:]) {
		d := e164[3:]
		return "0" + d[0:1] + " " + d[1:3] + " " + d[3:5] + " " + d[5:7] + " " + d[7:9]
	}
	if e164 == "" {
		return ""
	}
	return phone.National(e164)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
