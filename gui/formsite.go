package gui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// The form's site section holds the part of the customer the current site
// keeps for itself (seed 001): its lists are the site's, and the other
// sites keep their own values. Everything on the other sections is shared.

// siteListKeys are the site fields chosen from one of the site's lists, in
// the order the section shows them.
var siteListKeys = []string{"customer_type", "price_code", "end_user_type", "invoice_category", "bank_code",
	"site_country", "language", "nature_code", "nature_code2", "delivery_terms", "territory", "sales_force"}

// siteSection holds the site section's widgets.
type siteSection struct {
	present  bool
	lists    map[string]*widget.Select
	taxID    *formEntry
	taxCode  *formEntry
	limit    *formEntry
	lastDate *formEntry
	lastPaid *formEntry
	avgDays  *formEntry
	highest  *formEntry
	shipping []shippingSiteSelects
	// notPresent says the customer is not on the site, with the button
	// that adds it; the fields stay disabled until then.
	notPresent *fyne.Container
	inputs     []fyne.Disableable
}

type shippingSiteSelects struct{ warehouse, carrier *widget.Select }

// listSelect is a choice among a list's entries ("CODE — Label"), with none
// first; a stored value the list no longer has is kept as a choice.
func listSelect(entries []domain.SiteEntry, current string, changed func()) *widget.Select {
	opts := []string{lang.L("Not set")}
	selected := opts[0]
	for _, e := range entries {
		o := e.Code
		if e.Label != "" && e.Label != e.Code {
			o += " — " + e.Label
		}
		opts = append(opts, o)
		if strings.EqualFold(e.Code, current) {
			selected = o
		}
	}
	if current != "" && selected == opts[0] {
		opts = append(opts, current)
		selected = current
	}
	s := widget.NewSelect(opts, func(string) { changed() })
	s.Selected = selected
	return s
}

// listCode is the code a listSelect shows ("" for none).
func listCode(s *widget.Select) string {
	if s.SelectedIndex() <= 0 {
		return ""
	}
	code, _, _ := strings.Cut(s.Selected, " — ")
	return code
}

// newSiteFields makes the site section's widgets for c on the current site.
func (ff *formFields) newSiteFields(c *domain.Customer, d formData) {
	s := &siteSection{present: c.ID == 0 || c.Site.Present, lists: map[string]*widget.Select{}}
	ff.site = s
	changed := ff.f.fieldChanged
	for _, key := range siteListKeys {
		sel := listSelect(d.siteChoices[key], c.Get(key).(string), changed)
		s.lists[key] = sel
		ff.tabs[key], ff.focus[key] = tabSite, sel
		s.inputs = append(s.inputs, sel)
	}
	entry := func(key, v string) *formEntry {
		e := ff.fieldEntry(tabSite, key, v, nil)
		s.inputs = append(s.inputs, e)
		return e
	}
	money := func(key string, v int64) *formEntry {
		e := ff.fieldEntry(tabSite, key, "", validateMoney)
		if v != 0 {
			e.SetText(format.Money(v, uiLang))
		}
		e.SetPlaceHolder("0,00")
		s.inputs = append(s.inputs, e)
		return e
	}
	s.taxID = entry("tax_id", c.Site.TaxID)
	s.taxCode = entry("tax_code", c.Site.TaxCode)
	s.limit = money("site_credit_limit", c.Site.CreditLimit)
	s.lastDate = entry("last_payment_date", dayText(c.Site.LastPaymentDate))
	s.lastDate.SetPlaceHolder(lang.L("dd/mm/yyyy"))
	s.lastPaid = money("last_payment_amount", c.Site.LastPaymentAmount)
	s.avgDays = entry("average_days_to_pay", wholeText(c.Site.AverageDaysToPay))
	s.highest = money("highest_balance", c.Site.HighestBalance)
	for i := range c.Shipping {
		part := c.Site.ShippingAt(i)
		sh := shippingSiteSelects{
			warehouse: listSelect(d.siteChoices["shipping_warehouse"], part.Warehouse, changed),
			carrier:   listSelect(d.siteChoices["shipping_carrier"], part.Carrier, changed),
		}
		s.shipping = append(s.shipping, sh)
		s.inputs = append(s.inputs, sh.warehouse, sh.carrier)
	}
	s.inputs = append(s.inputs, ff.notes)
	add := widget.NewButton(lang.L("Add to this site"), func() {
		s.present = true
		ff.showSitePresence()
		changed()
	})
	add.Importance = widget.HighImportance
	warn := widget.NewLabel(lang.L("This customer is not on site {{.Code}} yet. Its shared record is shown on the other sections; add it to this site to keep this site’s terms.", map[string]any{"Code": d.site.Code}))
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	s.notPresent = container.NewBorder(nil, nil, nil, add, warn)
	ff.showSitePresence()
}

// showSitePresence enables the site's fields when the customer is on it.
func (ff *formFields) showSitePresence() {
	s := ff.site
	for _, w := range s.inputs {
		if s.present {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if s.present {
		s.notPresent.Hide()
	} else {
		s.notPresent.Show()
	}
}

// siteTitle is the site section's tab title.
func siteTitle(d formData) string {
	if !d.multiSite {
		return lang.L("Notes & terms")
	}
	return lang.L("Site {{.Code}}", map[string]any{"Code": d.site.Code})
}

// sitePart lays out the site section.
func (ff *formFields) sitePart(d formData) fyne.CanvasObject {
	s, item := ff.site, ff.item
	intro := widget.NewLabel(lang.L("These values belong to this site: the other sites keep their own."))
	if d.multiSite {
		intro.SetText(lang.L("These values belong to site {{.Code}} — {{.Name}}: the other sites keep their own.", map[string]any{"Code": d.site.Code, "Name": d.site.Name}))
	}
	intro.Wrapping = fyne.TextWrapWord
	terms := widget.NewForm()
	for _, key := range siteListKeys {
		terms.AppendItem(item(key, s.lists[key]))
	}
	terms.AppendItem(item("tax_id", s.taxID))
	terms.AppendItem(item("tax_code", s.taxCode))
	credit := widget.NewForm(item("site_credit_limit", s.limit), item("last_payment_date", s.lastDate),
		item("last_payment_amount", s.lastPaid), item("average_days_to_pay", s.avgDays), item("highest_balance", s.highest))
	parts := []fyne.CanvasObject{s.notPresent, intro, terms, widget.NewSeparator(),
		heading(lang.L("Credit and payment history on this site")), credit}
	if len(s.shipping) > 0 {
		parts = append(parts, widget.NewSeparator(), heading(lang.L("Shipping addresses on this site")))
		ship := widget.NewForm()
		for i, sh := range s.shipping {
			name := ff.orig.Shipping[i].Label
			if name == "" {
				name = strings.TrimSpace(ff.orig.Shipping[i].Line1 + " " + ff.orig.Shipping[i].City)
			}
			ship.AppendItem(widget.NewFormItem(name, container.NewGridWithColumns(2, ff.wheel(sh.warehouse), ff.wheel(sh.carrier))))
		}
		parts = append(parts, widget.NewLabel(lang.L("Warehouse and carrier of each address (saved addresses only).")), ship)
	}
	parts = append(parts, widget.NewSeparator(), widget.NewForm(item("notes", ff.notes)))
	return scroll(parts...)
}

// readSite writes the site section into c, listing what does not read.
func (ff *formFields) readSite(c *domain.Customer, ve *domain.ValidationError) {
	s := ff.site
	c.Site.Present = s.present
	if !s.present {
		return // nothing typed here is stored: the fields were disabled
	}
	for _, key := range siteListKeys {
		c.Set(key, listCode(s.lists[key]))
	}
	c.Site.TaxID, c.Site.TaxCode, c.Site.Notes = s.taxID.Text, s.taxCode.Text, ff.notes.Text
	bad := func(key string, err error) {
		ve.Errors = append(ve.Errors, &domain.FieldError{Field: key, Code: "invalid", Message: domain.Message{FR: err.Error(), EN: err.Error()}})
	}
	for _, m := range []struct {
		key string
		e   *formEntry
		dst *int64
	}{{"site_credit_limit", s.limit, &c.Site.CreditLimit}, {"last_payment_amount", s.lastPaid, &c.Site.LastPaymentAmount},
		{"highest_balance", s.highest, &c.Site.HighestBalance}} {
		v, err := parseMoney(m.e.Text)
		if err != nil {
			bad(m.key, err)
		}
		*m.dst = v
	}
	days, err := parseWhole(s.avgDays.Text)
	if err != nil {
		bad("average_days_to_pay", err)
	}
	c.Site.AverageDaysToPay = days
	day, err := parseDay(s.lastDate.Text)
	if err != nil {
		bad("last_payment_date", err)
	}
	c.Site.LastPaymentDate = day
	c.Site.Shipping = nil
	for i, sh := range s.shipping {
		c.Site.SetShippingAt(i, domain.ShippingSite{Warehouse: listCode(sh.warehouse), Carrier: listCode(sh.carrier)})
	}
}

// dayText shows a stored YYYY-MM-DD date the French way.
func dayText(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}

// parseDay reads dd/mm/yyyy (or yyyy-mm-dd) into YYYY-MM-DD.
func parseDay(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", errText(lang.L("Write the date as dd/mm/yyyy, for instance 31/03/2026."))
}

func wholeText(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// parseWhole reads a whole number of days (empty is 0).
func parseWhole(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, errText(lang.L("Write a whole number of days, for instance 45."))
	}
	return n, nil
}

// errText is an error whose text is already the user's message.
type errText string

func (e errText) Error() string { return string(e) }

// offerFromOtherSite follows a new customer refused for its code: when
// that code is a customer of another site, it offers to add that customer
// to this site, its shared record filled in (seed 001: "importées par
// défaut"), instead of a second record; otherwise the refusal shows.
func (f *customerForm) offerFromOtherSite(code string, refusal error) {
	svc := f.u.svc
	f.u.work.Go(func() {
		existing, err := svc.CustomerByCodeForSite(context.Background(), code)
		f.u.work.Do(func() {
			if err != nil || existing.Site.Present {
				f.refuse(nil, refusal)
				return
			}
			msg := lang.L("Customer {{.Code}} “{{.Name}}” already exists on another site. Add it to site {{.Site}}? Its shared record (name, address, e-mail…) is filled in; this site’s terms are yours to enter.",
				map[string]any{"Code": existing.Code, "Name": existing.Name(), "Site": existing.Site.Site})
			dialog.ShowConfirm(lang.L("Customer of another site"), msg, func(ok bool) {
				if !ok {
					f.refuse(nil, refusal)
					return
				}
				f.close()
				existing.Site.Present = true
				f.u.loadFormData(existing, 0)
			}, f.u.win)
		})
	})
}
