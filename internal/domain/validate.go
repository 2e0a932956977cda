package domain

import (
	"strconv"
	"strings"
)

// Limits on free text, so that one pasted document cannot bloat the file.
const (
	MaxTextLen  = 200
	MaxNotesLen = 10000
)

// Rules are what the settings add to the fixed rules: the default region,
// the account numbers' required start, the custom fields and the reference
// lists. A nil list is not checked.
type Rules struct {
	Phones        PhoneParser
	Region        string // default phone region and address country; "FR" when empty
	AccountPrefix string
	CustomFields  []CustomField
	PriceTypes    []RefValue
	Civilities    []RefValue
	// SiteLists, when set, are the lists the site part and the state and
	// credit-hold reason are checked against (nil: not checked).
	SiteLists *SiteListValues
}

// Normalize is NormalizeWith with the default settings and no lists.
func (c *Customer) Normalize(phones PhoneParser) error {
	return c.NormalizeWith(Rules{Phones: phones})
}

// NormalizeWith trims and normalises every field of c in place and checks
// every rule, returning a *ValidationError listing all broken rules, or
// nil. The code is not required here: the service assigns one when it is
// empty.
func (c *Customer) NormalizeWith(r Rules) error {
	phones := r.Phones
	if r.Region == "" {
		r.Region = "FR"
	}
	var ve ValidationError
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	for _, p := range []*string{&c.Code, &c.Civility, &c.LastName, &c.FirstName, &c.CompanyName,
		&c.LegalForm, &c.Fax, &c.Website, &c.Reference, &c.AccountNumber, &c.MarketingSource,
		&c.DiscountCard, &c.PriceTypeSales, &c.PriceTypeOrders, &c.SalesRep, &c.PaymentTerms,
		&c.PaymentMethod, &c.Currency, &c.CreditHoldReason, &c.BuyingGroup, &c.BalanceMethod} {
		trim(p)
	}
	c.normalizeSitePart(&ve, r)

	if c.Kind == "" {
		c.Kind = KindPerson
	}
	if c.Kind != KindPerson && c.Kind != KindCompany {
		ve.add(&FieldError{Field: "kind", Code: "kind_invalid", Message: Message{
			FR: "Le type doit être « personne physique » ou « personne morale ».",
			EN: "The kind must be \"individual\" or \"company\"."}})
	}
	ve.add(checkName(c))
	ve.add(checkCode(c.Code))

	var fe *FieldError
	c.Email, fe = NormalizeEmail(c.Email)
	ve.add(fe)
	c.SIRET, fe = NormalizeSIRET(c.SIRET)
	ve.add(fe)
	c.VATNumber, fe = NormalizeVAT(c.VATNumber)
	ve.add(fe)
	c.IBAN, fe = NormalizeIBAN(c.IBAN)
	ve.add(fe)
	if c.SIRET != "" && strings.HasPrefix(c.VATNumber, "FR") && len(c.VATNumber) == 13 &&
		!strings.HasPrefix(c.VATNumber[4:], "000") && c.VATNumber[4:] != c.SIRET[:9] {
		ve.add(&FieldError{Field: "vat_number", Code: "vat_siren_mismatch", Message: Message{
			FR: "Le numéro de TVA ne correspond pas au SIREN " + c.SIRET[:9] + ".",
			EN: "The VAT number does not match SIREN " + c.SIRET[:9] + "."}})
	}

	region := c.Billing.Country
	if region == "" {
		region = r.Region
	}
	if phones != nil {
		c.Phones, fe = NormalizePhones(c.Phones, region, phones)
		ve.add(fe)
		if c.Fax != "" {
			fax, msg := phones.ToE164(c.Fax, region)
			if msg != nil {
				ve.add(&FieldError{Field: "fax", Code: "fax_invalid", Message: *msg})
			} else {
				c.Fax = fax
			}
		}
	}
	normalizeAddress(&c.Billing, r.Region)
	for i := range c.Shipping {
		normalizeAddress(&c.Shipping[i], r.Region)
	}
	ve.add(CheckAccount("account_number", c.AccountNumber))
	ve.add(CheckAccountFormat(c.AccountNumber, r.AccountPrefix))
	c.Civility = r.listValue(&ve, "civility", ListCivilities, r.Civilities, c.Civility)
	c.PriceTypeSales = r.listValue(&ve, "price_type_sales", ListPriceTypes, r.PriceTypes, c.PriceTypeSales)
	c.PriceTypeOrders = r.listValue(&ve, "price_type_orders", ListPriceTypes, r.PriceTypes, c.PriceTypeOrders)
	r.checkCustom(&ve, c)

	for _, d := range []struct {
		field string
		v     int64
	}{{"discount_sales", c.DiscountSales}, {"discount_services", c.DiscountServices}, {"discount_materials", c.DiscountMaterials}} {
		ve.add(CheckPercent(d.field, d.v))
	}
	for _, m := range []struct {
		field string
		v     int64
	}{{"credit_limit", c.CreditLimit}, {"insurer_guarantee", c.InsurerGuarantee}, {"other_guarantees", c.OtherGuarantees}} {
		if m.v < 0 {
			ve.add(&FieldError{Field: m.field, Code: "amount_negative", Message: Message{
				FR: "Le montant ne peut pas être négatif.", EN: "The amount cannot be negative."}})
		}
	}
	if c.CreditHold && c.CreditHoldReason == "" {
		ve.add(&FieldError{Field: "credit_hold_reason", Code: "required", Message: Message{
			FR: "Indiquez le motif du blocage crédit.", EN: "Give the reason for the credit hold."}})
	}
	if consent, ok := ParseConsent(string(c.MarketingConsent)); ok {
		c.MarketingConsent = consent
	} else {
		ve.add(&FieldError{Field: "marketing_consent", Code: "consent_invalid", Message: Message{
			FR: "Le consentement marketing est « oui », « non » ou vide (non demandé).",
			EN: "The marketing consent is \"yes\", \"no\" or empty (not asked)."}})
	}
	c.Currency = strings.ToUpper(c.Currency)
	if c.Currency != "" && (len(c.Currency) != 3 || !isUpperASCII(c.Currency)) {
		ve.add(&FieldError{Field: "currency", Code: "currency_invalid", Message: Message{
			FR: "La devise s’écrit en code ISO à 3 lettres (EUR, CHF, USD…).",
			EN: "The currency is a 3-letter ISO code (EUR, CHF, USD…)."}})
	}
	c.Groups = dedupeFolded(c.Groups)
	for _, t := range []struct {
		field string
		v     string
		max   int
	}{{"last_name", c.LastName, MaxTextLen}, {"first_name", c.FirstName, MaxTextLen},
		{"company_name", c.CompanyName, MaxTextLen}, {"notes", c.Site.Notes, MaxNotesLen}} {
		if n := len([]rune(t.v)); n > t.max {
			ve.add(&FieldError{Field: t.field, Code: "too_long", Message: Message{
				FR: "Texte trop long (" + strconv.Itoa(n) + " caractères, " + strconv.Itoa(t.max) + " au plus).",
				EN: "Text too long (" + strconv.Itoa(n) + " characters, at most " + strconv.Itoa(t.max) + ")."}})
		}
	}
	return ve.orNil()
}

func checkName(c *Customer) *FieldError {
	if c.Kind == KindCompany && c.CompanyName == "" {
		return &FieldError{Field: "company_name", Code: "required", Message: Message{
			FR: "La raison sociale est obligatoire pour une personne morale.",
			EN: "The company name is required for a company."}}
	}
	if c.Kind == KindPerson && c.LastName == "" && c.FirstName == "" && c.CompanyName == "" {
		return &FieldError{Field: "last_name", Code: "required", Message: Message{
			FR: "Le nom est obligatoire.", EN: "The name is required."}}
	}
	return nil
}

// checkCode refuses codes that would break lists and exports.
func checkCode(code string) *FieldError {
	if len([]rune(code)) > 32 {
		return &FieldError{Field: "code", Code: "too_long", Message: Message{
			FR: "Le code client fait au plus 32 caractères.", EN: "The customer code is at most 32 characters."}}
	}
	for _, r := range code {
		if r < ' ' || r == 0x7f {
			return &FieldError{Field: "code", Code: "code_invalid", Message: Message{
				FR: "Le code client contient un caractère de contrôle.", EN: "The customer code contains a control character."}}
		}
	}
	return nil
}

// CheckPercent enforces the 0–100 % range on a value in hundredths.
func CheckPercent(field string, v int64) *FieldError {
	if v < 0 || v > 10000 {
		return &FieldError{Field: field, Code: "percent_range", Message: Message{
			FR: "La remise est un pourcentage entre 0 et 100.", EN: "The discount is a percentage between 0 and 100."}}
	}
	return nil
}

// listValue checks that v names an entry of list (archived ones too: a
// customer keeps a value that was archived), and returns the list's
// spelling.
func (r Rules) listValue(ve *ValidationError, field string, l RefList, list []RefValue, v string) string {
	if v == "" || list == nil {
		return v
	}
	find := FindRef
	if l == ListCivilities {
		find = FindCivility
	}
	if e, ok := find(list, v); ok {
		return e.Name
	}
	ve.add(ErrUnknownRef(field, l, v))
	return v
}

// checkCustom checks each custom value against its field's type; a value
// for a field that is not defined is refused.
func (r Rules) checkCustom(ve *ValidationError, c *Customer) {
	if r.CustomFields == nil {
		return
	}
	for name, v := range c.Custom {
		f, ok := FindCustomField(r.CustomFields, name)
		if !ok {
			ve.add(&FieldError{Field: CustomPrefix + name, Code: "custom_unknown", Message: Message{
				FR: "Le champ personnalisé « " + name + " » n’existe pas : créez-le dans Paramètres › Champs personnalisés.",
				EN: "Custom field \"" + name + "\" does not exist: create it in Settings › Custom fields."}})
			continue
		}
		norm, fe := f.Check(v)
		ve.add(fe)
		delete(c.Custom, name)
		if fe != nil {
			norm = v
		}
		if norm != "" {
			c.Custom[f.Name] = norm // the field's own spelling
		}
	}
	if len(c.Custom) == 0 {
		c.Custom = nil
	}
}

func normalizeAddress(a *Address, region string) {
	for _, p := range []*string{&a.Label, &a.Line1, &a.Line2, &a.Postcode, &a.City, &a.Country} {
		*p = strings.TrimSpace(*p)
	}
	a.Country = strings.ToUpper(a.Country)
	if a.Country == "" && !a.IsEmpty() {
		a.Country = region
	}
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// dedupeFolded trims names and drops empty ones and repeats that differ only
// by case, keeping the first spelling.
func dedupeFolded(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}
