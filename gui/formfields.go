package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// formFields holds one widget per field of domain.Customer and turns them
// back into a customer.
type formFields struct {
	f    *customerForm
	orig *domain.Customer

	kind                                   *widget.RadioGroup
	civility                               *widget.Select
	code, lastName, firstName, companyName *widget.Entry
	legalForm, siret, vat, iban            *widget.Entry
	built                                  bool // identity section laid out

	email, fax, website *widget.Entry
	phones              *repeatRows[domain.Phone]

	billing  addressEntries
	shipping *repeatRows[domain.Address]

	reference, account, discountCard              *widget.Entry
	groups                                        *widget.CheckGroup
	supplier, disappointed                        *widget.Check
	source                                        *widget.Select
	discSales, discServices, discMaterials        *widget.Entry
	priceSales, priceOrders, salesRep             *widget.Entry
	terms, method, currency, language             *widget.Entry
	creditLimit, insurer, otherGuarantees, reason *widget.Entry
	creditHold, archived                          *widget.Check
	notes                                         *widget.Entry
	custom                                        *repeatRows[customField]
}

type customField struct{ key, value string }

// label is a field's label from the domain's registry, in the UI language.
func label(key string) string { return domain.FieldLabel(key, uiLang) }

func newFormFields(f *customerForm, c *domain.Customer, d formData) *formFields {
	ff := &formFields{f: f, orig: c}
	onName := func(string) {
		if f.title != nil {
			f.updateTitle()
		}
	}
	entry := func(v string, validate func(string) error) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(v)
		if validate != nil {
			e.Validator = validate
			f.entries = append(f.entries, e)
		}
		return e
	}
	ff.kind = widget.NewRadioGroup([]string{lang.L("Individual"), lang.L("Company")}, func(string) { ff.showKind() })
	ff.kind.Horizontal = true
	ff.civility = widget.NewSelect(domain.Civilities, nil)
	ff.civility.PlaceHolder = lang.L("None")
	ff.civility.Selected = c.Civility
	ff.code = entry(c.Code, nil)
	ff.code.SetPlaceHolder(lang.L("Assigned automatically when empty"))
	ff.lastName, ff.firstName, ff.companyName = entry(c.LastName, nil), entry(c.FirstName, nil), entry(c.CompanyName, nil)
	for _, e := range []*widget.Entry{ff.lastName, ff.firstName, ff.companyName} {
		e.OnChanged = onName
	}
	ff.legalForm = entry(c.LegalForm, nil)
	ff.siret, ff.vat, ff.iban = entry(c.SIRET, validateSIRET), entry(c.VATNumber, validateVAT), entry(c.IBAN, validateIBAN)

	ff.email = entry(c.Email, validateEmail)
	ff.email.SetPlaceHolder("nom@domaine.fr")
	ff.fax = entry(phoneText(c.Fax), validatePhone)
	ff.website = entry(c.Website, nil)
	ff.phones = newRepeatRows(c.Phones, func(p domain.Phone) (fyne.CanvasObject, func() domain.Phone) {
		num := widget.NewEntry()
		num.SetText(phoneText(p.Number))
		num.Validator = validatePhone
		num.SetPlaceHolder("06 12 34 56 78")
		lbl := widget.NewEntry()
		lbl.SetText(p.Label)
		lbl.SetPlaceHolder(lang.L("mobile, office…"))
		return container.NewGridWithColumns(2, num, lbl), func() domain.Phone {
			return domain.Phone{Number: num.Text, Label: lbl.Text}
		}
	})

	ff.billing = newAddressEntries(c.Billing)
	ff.shipping = newRepeatRows(c.Shipping, func(a domain.Address) (fyne.CanvasObject, func() domain.Address) {
		ae := newAddressEntries(a)
		return ae.form(true), ae.read
	})

	ff.reference, ff.account, ff.discountCard = entry(c.Reference, nil), entry(c.AccountNumber, nil), entry(c.DiscountCard, nil)
	ff.account.SetPlaceHolder(lang.L("Empty: sundry customers account"))
	names := make([]string, len(d.groups))
	for i, g := range d.groups {
		names[i] = g.Name
	}
	ff.groups = widget.NewCheckGroup(names, nil)
	ff.groups.Horizontal = true
	ff.groups.Selected = append([]string(nil), c.Groups...)
	ff.supplier = widget.NewCheck(label("supplier"), nil)
	ff.supplier.Checked = c.Supplier
	ff.disappointed = widget.NewCheck(label("disappointed"), func(bool) { onName("") })
	ff.disappointed.Checked = c.Disappointed
	sources := []string{""}
	for _, s := range d.sources {
		sources = append(sources, s.Name)
	}
	ff.source = widget.NewSelect(sources, nil)
	ff.source.PlaceHolder = lang.L("None")
	ff.source.Selected = c.MarketingSource
	pct := func(v int64, field string) *widget.Entry {
		e := entry("", percentValidator(field))
		if v != 0 {
			e.SetText(strings.TrimSpace(strings.TrimSuffix(format.Percent(v, uiLang), "%")))
		}
		e.SetPlaceHolder("0")
		return e
	}
	ff.discSales = pct(c.DiscountSales, "discount_sales")
	ff.discServices = pct(c.DiscountServices, "discount_services")
	ff.discMaterials = pct(c.DiscountMaterials, "discount_materials")
	ff.priceSales, ff.priceOrders, ff.salesRep = entry(c.PriceTypeSales, nil), entry(c.PriceTypeOrders, nil), entry(c.SalesRep, nil)

	ff.terms, ff.method = entry(c.PaymentTerms, nil), entry(c.PaymentMethod, nil)
	ff.currency, ff.language = entry(c.Currency, nil), entry(c.Language, nil)
	money := func(v int64) *widget.Entry {
		e := entry("", validateMoney)
		if v != 0 {
			// Written as the list and the balance write it; read back
			// the same way.
			e.SetText(format.Money(v, uiLang))
		}
		e.SetPlaceHolder("0,00")
		return e
	}
	ff.creditLimit, ff.insurer, ff.otherGuarantees = money(c.CreditLimit), money(c.InsurerGuarantee), money(c.OtherGuarantees)
	ff.creditHold = widget.NewCheck(label("credit_hold"), nil)
	ff.creditHold.Checked = c.CreditHold
	ff.reason = entry(c.CreditHoldReason, nil)
	ff.archived = widget.NewCheck(label("archived"), nil)
	ff.archived.Checked = c.Archived
	ff.notes = widget.NewMultiLineEntry()
	ff.notes.SetText(c.Notes)
	ff.notes.SetMinRowsVisible(6)
	var kv []customField
	for k, v := range c.Custom {
		kv = append(kv, customField{k, v})
	}
	ff.custom = newRepeatRows(kv, func(v customField) (fyne.CanvasObject, func() customField) {
		k, val := widget.NewEntry(), widget.NewEntry()
		k.SetText(v.key)
		k.SetPlaceHolder(lang.L("Field name"))
		val.SetText(v.value)
		val.SetPlaceHolder(lang.L("Value"))
		return container.NewGridWithColumns(2, k, val), func() customField { return customField{k.Text, val.Text} }
	})
	if c.Kind == domain.KindCompany {
		ff.kind.Selected = lang.L("Company")
	} else {
		ff.kind.Selected = lang.L("Individual")
	}
	return ff
}

func (ff *formFields) isCompany() bool { return ff.kind.Selected == lang.L("Company") }

// showKind enables the person or the company fields.
func (ff *formFields) showKind() {
	if !ff.built {
		return
	}
	company := []fyne.Disableable{ff.companyName, ff.legalForm, ff.siret, ff.vat}
	for _, w := range company {
		if ff.isCompany() {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if ff.isCompany() {
		ff.civility.Disable()
	} else {
		ff.civility.Enable()
	}
	if ff.f.title != nil {
		ff.f.updateTitle()
	}
}

func item(key string, o fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(label(key), o) }

func scroll(o ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(o...)))
}

func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (ff *formFields) identity() fyne.CanvasObject {
	// One form keeps the labels aligned; the fields of the other kind are
	// disabled rather than hidden, so the layout does not jump.
	ff.built = true
	ff.showKind()
	return scroll(widget.NewForm(item("kind", ff.kind), item("code", ff.code), item("civility", ff.civility),
		item("last_name", ff.lastName), item("first_name", ff.firstName), item("company_name", ff.companyName),
		item("legal_form", ff.legalForm), item("siret", ff.siret), item("vat_number", ff.vat), item("iban", ff.iban)))
}

func (ff *formFields) contact() fyne.CanvasObject {
	return scroll(widget.NewForm(item("email", ff.email)),
		heading(label("phones")), ff.phones.view(lang.L("Add a phone")),
		widget.NewForm(item("fax", ff.fax), item("website", ff.website)))
}

func (ff *formFields) addresses() fyne.CanvasObject {
	return scroll(heading(lang.L("Billing address")), ff.billing.form(false),
		widget.NewSeparator(),
		heading(lang.L("Shipping addresses")), ff.shipping.view(lang.L("Add a shipping address")))
}

func (ff *formFields) commercial() fyne.CanvasObject {
	return scroll(widget.NewForm(item("reference", ff.reference), item("account_number", ff.account),
		item("groups", ff.groups), widget.NewFormItem("", container.NewHBox(ff.supplier, ff.disappointed)),
		item("marketing_source", ff.source), item("discount_card", ff.discountCard),
		item("discount_sales", ff.discSales), item("discount_services", ff.discServices),
		item("discount_materials", ff.discMaterials), item("price_type_sales", ff.priceSales),
		item("price_type_orders", ff.priceOrders), item("sales_rep", ff.salesRep)))
}

func (ff *formFields) payment() fyne.CanvasObject {
	return scroll(widget.NewForm(item("payment_terms", ff.terms), item("payment_method", ff.method),
		item("currency", ff.currency), item("language", ff.language),
		item("credit_limit", ff.creditLimit), item("insurer_guarantee", ff.insurer),
		item("other_guarantees", ff.otherGuarantees), widget.NewFormItem("", ff.creditHold),
		item("credit_hold_reason", ff.reason), widget.NewFormItem("", ff.archived)))
}

func (ff *formFields) notesSection() fyne.CanvasObject {
	return scroll(widget.NewForm(item("notes", ff.notes)),
		heading(lang.L("Custom fields")), ff.custom.view(lang.L("Add a custom field")))
}

// read returns the customer as typed, ignoring amounts that do not parse
// (for the title); customer is the strict version used to save.
func (ff *formFields) read() *domain.Customer {
	c, _ := ff.build()
	return c
}

func (ff *formFields) customer() (*domain.Customer, error) { return ff.build() }

func (ff *formFields) build() (*domain.Customer, error) {
	c := *ff.orig
	c.Kind = domain.KindPerson
	if ff.isCompany() {
		c.Kind = domain.KindCompany
	}
	c.Code = ff.code.Text
	c.Civility, c.LastName, c.FirstName = ff.civility.Selected, ff.lastName.Text, ff.firstName.Text
	c.CompanyName, c.LegalForm, c.SIRET, c.VATNumber = ff.companyName.Text, ff.legalForm.Text, ff.siret.Text, ff.vat.Text
	if c.Kind == domain.KindPerson {
		// hidden company fields must not block a person's record
		c.SIRET, c.VATNumber, c.LegalForm = "", "", ""
	} else {
		c.Civility = ""
	}
	c.IBAN = ff.iban.Text
	c.Email, c.Fax, c.Website = ff.email.Text, ff.fax.Text, ff.website.Text
	c.Phones = ff.phones.values()
	c.Billing = ff.billing.read()
	c.Shipping = nil
	for _, a := range ff.shipping.values() {
		if !a.IsEmpty() {
			c.Shipping = append(c.Shipping, a)
		}
	}
	c.Reference, c.AccountNumber, c.DiscountCard = ff.reference.Text, ff.account.Text, ff.discountCard.Text
	c.Groups = append([]string(nil), ff.groups.Selected...)
	c.Supplier, c.Disappointed = ff.supplier.Checked, ff.disappointed.Checked
	c.MarketingSource = ff.source.Selected
	c.PriceTypeSales, c.PriceTypeOrders, c.SalesRep = ff.priceSales.Text, ff.priceOrders.Text, ff.salesRep.Text
	c.PaymentTerms, c.PaymentMethod, c.Currency, c.Language = ff.terms.Text, ff.method.Text, ff.currency.Text, ff.language.Text
	c.CreditHold, c.CreditHoldReason, c.Archived = ff.creditHold.Checked, ff.reason.Text, ff.archived.Checked
	c.Notes = ff.notes.Text
	c.Custom = map[string]string{}
	for _, kv := range ff.custom.values() {
		if k := strings.TrimSpace(kv.key); k != "" {
			c.Custom[k] = kv.value
		}
	}
	var ve domain.ValidationError
	num := func(dst *int64, key string, e *widget.Entry, parse func(string) (int64, error)) {
		v, err := parse(e.Text)
		if err != nil {
			ve.Errors = append(ve.Errors, &domain.FieldError{Field: key, Code: "invalid",
				Message: domain.Message{FR: err.Error(), EN: err.Error()}})
			return
		}
		*dst = v
	}
	num(&c.DiscountSales, "discount_sales", ff.discSales, parsePercent)
	num(&c.DiscountServices, "discount_services", ff.discServices, parsePercent)
	num(&c.DiscountMaterials, "discount_materials", ff.discMaterials, parsePercent)
	num(&c.CreditLimit, "credit_limit", ff.creditLimit, parseMoney)
	num(&c.InsurerGuarantee, "insurer_guarantee", ff.insurer, parseMoney)
	num(&c.OtherGuarantees, "other_guarantees", ff.otherGuarantees, parseMoney)
	if len(ve.Errors) > 0 {
		return &c, &ve
	}
	return &c, nil
}
