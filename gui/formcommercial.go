package gui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// refSelect offers the active names of a reference list (civilities, price
// types, marketing sources) and an empty choice. A value the list no
// longer offers (archived) stays offered to the customer that has it: it
// keeps it unless the user picks another. none is shown when the choice is
// empty ("Aucune"; a blank where the word's gender would not fit).
func refSelect(names []string, current, none string, changed func()) *widget.Select {
	opts := append([]string{""}, names...)
	selected := current
	for _, n := range names {
		if strings.EqualFold(n, current) {
			selected = n // the list's spelling
		}
	}
	if current != "" && !containsFold(names, current) {
		opts = append(opts, current)
	}
	s := widget.NewSelect(opts, func(string) { changed() })
	s.PlaceHolder = none
	s.Selected = selected
	return s
}

// consentSelect offers the three answers to marketing by their names in
// the interface language, showing current.
func consentSelect(current domain.Consent, changed func()) *widget.Select {
	opts := make([]string, len(domain.Consents))
	for i, c := range domain.Consents {
		opts[i] = c.Label().In(uiLang)
	}
	s := widget.NewSelect(opts, func(string) { changed() })
	s.Selected = current.Label().In(uiLang)
	return s
}

// selectedConsent is the answer s shows. Its options are the answers'
// names, which read back; nothing chosen is "not asked".
func selectedConsent(s *widget.Select) domain.Consent {
	c, _ := domain.ParseConsent(s.Selected)
	return c
}

// applicableDiscount is the discount a till would apply with the fields as
// typed: the own discount on sales if set, else the best of the groups
// ticked. An own discount that does not read counts as none.
func (ff *formFields) applicableDiscount() domain.Applicable {
	own, err := parsePercent(ff.discSales.Text)
	if err != nil {
		own = 0
	}
	groups := map[string]int64{}
	for _, g := range ff.groups.Selected {
		groups[g] = ff.groupDiscounts[g]
	}
	return domain.ApplicableDiscount(own, groups)
}

// showApplicable writes the applicable discount line under the own
// discount: "Remise applicable : 10 % (groupe Pro)".
func (ff *formFields) showApplicable() {
	if ff.applicable == nil {
		return
	}
	ff.applicable.SetText(applicableText(ff.applicableDiscount()))
}

// applicableText is the applicable discount with where it comes from.
func applicableText(a domain.Applicable) string {
	if a.Source == "" || a.Percent == 0 {
		return lang.L("Applicable discount: none")
	}
	return lang.L("Applicable discount: {{.Percent}} ({{.Source}})",
		map[string]any{"Percent": format.Percent(a.Percent, uiLang), "Source": a.Describe(uiLang)})
}

// discountCell is the applicable discount in the list: "10 % (Pro)" when a
// group gives it, the bare figure when it is the customer's own.
func discountCell(a domain.Applicable) string {
	if a.Percent == 0 {
		return ""
	}
	p := format.Percent(a.Percent, uiLang)
	if a.Source == domain.DiscountGroup {
		return p + " (" + a.Group + ")"
	}
	return p
}
