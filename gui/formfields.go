package gui

import (
	"fmt"
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
	code, lastName, firstName, companyName *formEntry
	legalForm, siret, vat, iban            *formEntry
	identityForm                           *widget.Form // laid out: kind changes refresh it

	email, fax, website *formEntry
	phones              *repeatRows[domain.Phone]

	billing  addressEntries
	shipping *repeatRows[domain.Address]

	reference, account, discountCard              *formEntry
	groups                                        *widget.CheckGroup
	supplier, disappointed                        *widget.Check
	source, consent, priceSales, priceOrders      *widget.Select
	discSales, discServices, discMaterials        *formEntry
	salesRep                                      *formEntry
	terms, method, currency                       *formEntry
	creditLimit, insurer, otherGuarantees, reason *formEntry
	creditHold, archived                          *widget.Check
	notes                                         *formEntry
	// site is the current site's own part (formsite.go); shared the
	// shared fields the multisite seed adds (formshared.go); euOn whether
	// the EU VAT number may be changed (Settings › EU declaration).
	site   *siteSection
	shared *sharedExtras
	euOn   bool

	// rules are the settings' (phone region, account prefix, custom
	// fields); the applicable discount line follows the own discount and
	// the groups ticked, with groupDiscounts by group name.
	rules          domain.Rules
	applicable     *widget.Label
	groupDiscounts map[string]int64
	// customs are the inputs of the active custom fields, in their order;
	// kept holds the values of archived (or unknown) fields, shown
	// read-only and saved unchanged.
	customs    []*customInput
	kept       map[string]string
	customForm *widget.Form

	// validated are the entries with a rule, by field key, checked before
	// saving; tabs says which section holds each field.
	validated []validatedEntry
	tabs      map[string]int
	focus     map[string]fyne.Focusable
}

type validatedEntry struct {
	field string
	entry *formEntry
}

// The form's sections, in tab order.
const (
	tabIdentity = iota
	tabContact
	tabAddresses
	tabCommercial
	tabPayment
	tabSite
	tabNotes // the custom fields
)

// label is a field's label from the domain's registry, in the UI language.
func label(key string) string { return domain.FieldLabel(key, uiLang) }

func newFormFields(f *customerForm, c *domain.Customer, d formData) *formFields {
	ff := &formFields{f: f, orig: c, rules: d.rules, tabs: map[string]int{}, focus: map[string]fyne.Focusable{}, euOn: d.euDeclaration}
	for key, tab := range map[string]int{"kind": tabIdentity, "civility": tabIdentity, "phones": tabContact,
		"billing": tabAddresses, "shipping": tabAddresses, "groups": tabCommercial, "supplier": tabCommercial,
		"disappointed": tabCommercial, "marketing_source": tabCommercial, "marketing_consent": tabCommercial,
		"price_type_sales": tabCommercial, "price_type_orders": tabCommercial, "credit_hold": tabPayment,
		"archived": tabPayment} {
		ff.tabs[key] = tab
	}
	ff.newIdentityFields(c, d)
	ff.newContactFields(c)
	ff.newAddressFields(c)
	ff.newCommercialFields(c, d)
	ff.newPaymentFields(c)
	ff.newSharedExtras(c, d)
	ff.newNotesField(c)
	ff.newSiteFields(c, d)
	ff.newCustomInputs(c)
	if c.Kind == domain.KindCompany {
		ff.kind.Selected = lang.L("Company")
	} else {
		ff.kind.Selected = lang.L("Individual")
	}
	return ff
}

// fieldEntry makes the entry of field key on section tab, showing v, and
// checks it with validate (when not nil) before saving.
func (ff *formFields) fieldEntry(tab int, key, v string, validate func(string) error) *formEntry {
	e := ff.newEntry(v)
	ff.tabs[key], ff.focus[key] = tab, e
	if validate != nil {
		e.Validator = validate
		ff.validated = append(ff.validated, validatedEntry{key, e})
	}
	return e
}

// nameChanged updates the form's title, which shows the customer's name.
func (ff *formFields) nameChanged(string) {
	if ff.f.title != nil {
		ff.f.updateTitle()
	}
}

// newIdentityFields makes the widgets of the Identity section.
func (ff *formFields) newIdentityFields(c *domain.Customer, d formData) {
	f, entry := ff.f, ff.fieldEntry
	ff.kind = widget.NewRadioGroup([]string{lang.L("Individual"), lang.L("Company")}, func(string) {
		ff.showKind()
		f.fieldChanged()
	})
	ff.kind.Horizontal = true
	ff.civility = refSelect(d.civilities, c.Civility, lang.L("None"), f.fieldChanged)
	ff.code = entry(tabIdentity, "code", c.Code, nil)
	ff.code.SetPlaceHolder(lang.L("Assigned automatically when empty"))
	ff.lastName = entry(tabIdentity, "last_name", c.LastName, nil)
	ff.firstName = entry(tabIdentity, "first_name", c.FirstName, nil)
	ff.companyName = entry(tabIdentity, "company_name", c.CompanyName, nil)
	for _, e := range []*formEntry{ff.lastName, ff.firstName, ff.companyName} {
		changed := e.OnChanged
		e.OnChanged = func(s string) { changed(s); ff.nameChanged(s) }
	}
	ff.legalForm = entry(tabIdentity, "legal_form", c.LegalForm, nil)
	ff.siret = entry(tabIdentity, "siret", c.SIRET, validateSIRET)
	ff.vat = entry(tabIdentity, "vat_number", c.VATNumber, validateVAT)
	ff.iban = entry(tabIdentity, "iban", c.IBAN, validateIBAN)
}

// newContactFields makes the widgets of the Contact section.
func (ff *formFields) newContactFields(c *domain.Customer) {
	entry := ff.fieldEntry
	ff.email = entry(tabContact, "email", c.Email, validateEmail)
	ff.email.SetPlaceHolder("nom@domaine.fr")
	ff.fax = entry(tabContact, "fax", phoneText(c.Fax), ff.checkPhone)
	ff.website = entry(tabContact, "website", c.Website, nil)
	ff.phones = newRepeatRows(ff.f.fieldChanged, c.Phones, func(p domain.Phone) (fyne.CanvasObject, func() domain.Phone) {
		num := ff.newEntry(phoneText(p.Number))
		num.Validator = ff.checkPhone
		num.SetPlaceHolder("06 12 34 56 78")
		// Checked with the rows that remain (problems reads them): a
		// removed row's number must not block Save.
		if ff.focus["phones"] == nil {
			ff.focus["phones"] = num
		}
		lbl := ff.newEntry(p.Label)
		lbl.SetPlaceHolder(lang.L("mobile, office…"))
		return container.NewGridWithColumns(2, ff.wheel(num), ff.wheel(lbl)), func() domain.Phone {
			return domain.Phone{Number: num.Text, Label: lbl.Text}
		}
	})
}

// newAddressFields makes the widgets of the Addresses section.
func (ff *formFields) newAddressFields(c *domain.Customer) {
	ff.billing = ff.newAddressEntries(c.Billing)
	ff.shipping = newRepeatRows(ff.f.fieldChanged, c.Shipping, func(a domain.Address) (fyne.CanvasObject, func() domain.Address) {
		ae := ff.newAddressEntries(a)
		return ae.form(true), ae.read
	})
}

// newCommercialFields makes the widgets of the Commercial section; the
// applicable discount line follows the own sales discount and the groups.
func (ff *formFields) newCommercialFields(c *domain.Customer, d formData) {
	f, entry := ff.f, ff.fieldEntry
	ff.reference = entry(tabCommercial, "reference", c.Reference, nil)
	ff.account = entry(tabCommercial, "account_number", c.AccountNumber, ff.checkAccount)
	ff.discountCard = entry(tabCommercial, "discount_card", c.DiscountCard, nil)
	ff.account.SetPlaceHolder(lang.L("Empty: sundry customers account"))
	names := make([]string, len(d.groups))
	ff.groupDiscounts = map[string]int64{}
	for i, g := range d.groups {
		names[i] = g.Name
		ff.groupDiscounts[g.Name] = g.Discount
	}
	ff.groups = widget.NewCheckGroup(names, func([]string) { ff.showApplicable(); f.fieldChanged() })
	ff.groups.Horizontal = true
	ff.groups.Selected = append([]string(nil), c.Groups...)
	ff.supplier = widget.NewCheck(label("supplier"), func(bool) { f.fieldChanged() })
	ff.supplier.Checked = c.Supplier
	ff.disappointed = widget.NewCheck(label("disappointed"), func(bool) { ff.nameChanged(""); f.fieldChanged() })
	ff.disappointed.Checked = c.Disappointed
	ff.source = refSelect(d.sources, c.MarketingSource, lang.L("None"), f.fieldChanged)
	ff.consent = consentSelect(c.MarketingConsent, f.fieldChanged)
	ff.discSales = ff.percentEntry(c.DiscountSales, "discount_sales")
	ff.discServices = ff.percentEntry(c.DiscountServices, "discount_services")
	ff.discMaterials = ff.percentEntry(c.DiscountMaterials, "discount_materials")
	ff.applicable = widget.NewLabel("")
	ff.applicable.Importance = widget.LowImportance
	changed := ff.discSales.OnChanged
	ff.discSales.OnChanged = func(s string) { ff.showApplicable(); changed(s) }
	ff.showApplicable()
	ff.priceSales = refSelect(d.priceTypes, c.PriceTypeSales, " ", f.fieldChanged)
	ff.priceOrders = refSelect(d.priceTypes, c.PriceTypeOrders, " ", f.fieldChanged)
	ff.focus["price_type_sales"], ff.focus["price_type_orders"] = ff.priceSales, ff.priceOrders
	ff.focus["civility"], ff.focus["marketing_source"], ff.focus["marketing_consent"] = ff.civility, ff.source, ff.consent
	ff.salesRep = entry(tabCommercial, "sales_rep", c.SalesRep, nil)
}

// percentEntry is the entry of the percentage field on the Commercial
// section, showing v without its % sign (empty for 0).
func (ff *formFields) percentEntry(v int64, field string) *formEntry {
	e := ff.fieldEntry(tabCommercial, field, "", percentValidator(field))
	if v != 0 {
		e.SetText(strings.TrimSpace(strings.TrimSuffix(format.Percent(v, uiLang), "%")))
	}
	e.SetPlaceHolder("0")
	return e
}

// newPaymentFields makes the widgets of the Payment section.
func (ff *formFields) newPaymentFields(c *domain.Customer) {
	f, entry := ff.f, ff.fieldEntry
	ff.terms = entry(tabPayment, "payment_terms", c.PaymentTerms, nil)
	ff.method = entry(tabPayment, "payment_method", c.PaymentMethod, nil)
	ff.currency = entry(tabPayment, "currency", c.Currency, nil)
	ff.creditLimit = ff.moneyEntry("credit_limit", c.CreditLimit)
	ff.insurer = ff.moneyEntry("insurer_guarantee", c.InsurerGuarantee)
	ff.otherGuarantees = ff.moneyEntry("other_guarantees", c.OtherGuarantees)
	ff.creditHold = widget.NewCheck(label("credit_hold"), func(bool) { f.fieldChanged() })
	ff.creditHold.Checked = c.CreditHold
	ff.reason = entry(tabPayment, "credit_hold_reason", c.CreditHoldReason, nil)
	ff.archived = widget.NewCheck(label("archived"), func(bool) { f.fieldChanged() })
	ff.archived.Checked = c.Archived
}

// moneyEntry is the entry of the amount field on the Payment section,
// showing v (empty for 0).
func (ff *formFields) moneyEntry(field string, v int64) *formEntry {
	e := ff.fieldEntry(tabPayment, field, "", validateMoney)
	if v != 0 {
		// Written as the list and the balance write it; read back
		// the same way.
		e.SetText(format.Money(v, uiLang))
	}
	e.SetPlaceHolder("0,00")
	return e
}

// newNotesField makes the notes entry of the Notes section.
func (ff *formFields) newNotesField(c *domain.Customer) {
	ff.notes = newFormMultiLineEntry()
	ff.track(ff.notes)
	ff.notes.SetText(c.Site.Notes)
	ff.notes.SetMinRowsVisible(6)
	ff.tabs["notes"], ff.focus["notes"] = tabSite, ff.notes
}

func (ff *formFields) isCompany() bool { return ff.kind.Selected == lang.L("Company") }

// newEntry is a form entry showing v: Escape in it cancels the form, and
// every change rechecks the errors shown.
func (ff *formFields) newEntry(v string) *formEntry {
	e := newFormEntry()
	e.SetText(v)
	ff.track(e)
	return e
}

// track wires e to the form: Escape cancels, a change rechecks.
func (ff *formFields) track(e *formEntry) {
	e.onEscape = func() { ff.f.cancel() }
	e.OnChanged = func(string) { ff.f.fieldChanged() }
}

// wheel lets the mouse wheel scroll the section over a one-line entry.
func (ff *formFields) wheel(o fyne.CanvasObject) fyne.CanvasObject {
	return wheelThrough(o, ff.f.sectionScroll)
}

// showKind enables the person or the company fields; the form greys the
// labels of the disabled ones when refreshed, which is done at once.
func (ff *formFields) showKind() {
	if ff.identityForm == nil {
		return
	}
	company := []fyne.Disableable{ff.companyName, ff.legalForm, ff.siret, ff.vat}
	for _, w := range company {
		if ff.isCompany() && (w != ff.vat || ff.euOn) {
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
	ff.identityForm.Refresh()
	if ff.f.title != nil {
		ff.f.updateTitle()
	}
}

// item is the form line of field key: its label and its widget.
func (ff *formFields) item(key string, o fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(label(key), ff.wheel(o))
}

func scroll(o ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(o...)))
}

func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (ff *formFields) identity() fyne.CanvasObject {
	// One form keeps the labels aligned; the fields of the other kind are
	// disabled rather than hidden, so the layout does not jump.
	item := ff.item
	ff.identityForm = widget.NewForm(item("kind", ff.kind), item("code", ff.code), item("civility", ff.civility),
		item("last_name", ff.lastName), item("first_name", ff.firstName), item("company_name", ff.companyName),
		item("legal_form", ff.legalForm), item("siret", ff.siret), ff.vatItem(), item("iban", ff.iban))
	ff.showKind()
	return scroll(ff.identityForm)
}

// vatItem is the EU VAT number's line: greyed out, saying why, while the
// EU declaration is off (seed 001).
func (ff *formFields) vatItem() *widget.FormItem {
	it := ff.item("vat_number", ff.vat)
	if !ff.euOn {
		it.HintText = lang.L("Locked: turn on the EU declaration in Settings to change it.")
	}
	return it
}

func (ff *formFields) contact() fyne.CanvasObject {
	item := ff.item
	return scroll(widget.NewForm(item("email", ff.email)),
		heading(label("phones")), ff.phones.view(lang.L("Add a phone")),
		widget.NewForm(item("fax", ff.fax), item("website", ff.website)))
}

func (ff *formFields) addresses() fyne.CanvasObject {
	return scroll(heading(lang.L("Billing address")), ff.billing.form(false),
		widget.NewForm(ff.item("state", ff.shared.state)),
		widget.NewSeparator(),
		heading(lang.L("Shipping addresses")), ff.shipping.view(lang.L("Add a shipping address")))
}

func (ff *formFields) commercial() fyne.CanvasObject {
	item := ff.item
	return scroll(widget.NewForm(item("reference", ff.reference), item("account_number", ff.account),
		item("groups", ff.groups), widget.NewFormItem("", container.NewHBox(ff.supplier, ff.disappointed)),
		item("marketing_source", ff.source), item("marketing_consent", ff.consent), item("discount_card", ff.discountCard),
		item("discount_sales", ff.discSales), widget.NewFormItem("", ff.applicable),
		item("discount_services", ff.discServices),
		item("discount_materials", ff.discMaterials), item("price_type_sales", ff.priceSales),
		item("price_type_orders", ff.priceOrders), item("sales_rep", ff.salesRep),
		widget.NewFormItem("", container.NewHBox(ff.shared.isGroup, ff.shared.subordinates)),
		item("buying_group", ff.shared.memberOf)))
}

func (ff *formFields) payment() fyne.CanvasObject {
	item := ff.item
	return scroll(widget.NewForm(item("payment_terms", ff.terms), item("payment_method", ff.method),
		item("currency", ff.currency), item("balance_method", ff.shared.balanceMethod),
		item("credit_limit", ff.creditLimit), item("insurer_guarantee", ff.insurer),
		item("other_guarantees", ff.otherGuarantees), widget.NewFormItem("", ff.creditHold),
		item("credit_hold_reason", ff.reason), item("amount_over_invoice", ff.shared.overInvoice),
		item("days_over_due", ff.shared.overDays), widget.NewFormItem("", ff.archived)))
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
	c.MarketingSource, c.MarketingConsent = ff.source.Selected, selectedConsent(ff.consent)
	c.PriceTypeSales, c.PriceTypeOrders, c.SalesRep = ff.priceSales.Selected, ff.priceOrders.Selected, ff.salesRep.Text
	c.PaymentTerms, c.PaymentMethod, c.Currency = ff.terms.Text, ff.method.Text, ff.currency.Text
	c.CreditHold, c.CreditHoldReason, c.Archived = ff.creditHold.Checked, ff.reason.Text, ff.archived.Checked
	var ve domain.ValidationError
	ff.readShared(&c, &ve)
	ff.readSite(&c, &ve)
	c.Custom = ff.customValues(&ve)
	num := func(dst *int64, key string, e *formEntry, parse func(string) (int64, error)) {
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

// snapshot is the fields as typed, amounts as their text: equal snapshots
// mean the user changed nothing.
func (ff *formFields) snapshot() string {
	c, _ := ff.build()
	var b strings.Builder
	fmt.Fprintf(&b, "%+v", *c)
	for _, e := range []*formEntry{ff.discSales, ff.discServices, ff.discMaterials, ff.creditLimit, ff.insurer, ff.otherGuarantees,
		ff.shared.overInvoice, ff.shared.overDays, ff.site.limit, ff.site.lastDate, ff.site.lastPaid, ff.site.avgDays, ff.site.highest} {
		b.WriteString("|" + e.Text)
	}
	for _, ci := range ff.customs {
		if ci.entry != nil {
			b.WriteString("|" + ci.entry.Text) // a value that does not read yet
		}
	}
	return b.String()
}
