package gui

import (
	"errors"
	"sort"
	"strings"

	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// A problem of the customer form: the field it concerns ("" for the whole
// record) and what to tell the user.
type formProblem struct {
	field, text string
}

// verdict is a problem the service found on saving, with the field's text
// at that moment: it stays listed until the field changes.
type verdict struct {
	formProblem
	was string
}

// problems checks every field as typed: the entries' own rules (email,
// SIRET, phones…) and the record's (a name, amounts, percentages).
func (f *customerForm) problems() []formProblem {
	var out []formProblem
	add := func(field, msg string) {
		p := formProblem{field, domain.Labelled(label(field), msg, uiLang)}
		for _, q := range out {
			if q == p {
				return
			}
		}
		out = append(out, p)
	}
	for _, v := range f.fields.validated {
		if v.entry.Disabled() {
			continue // the other kind's fields are not saved
		}
		if err := v.entry.Validate(); err != nil {
			add(v.field, err.Error())
		}
	}
	for _, p := range f.fields.phones.values() {
		if err := f.fields.checkPhone(p.Number); err != nil {
			add("phones", err.Error())
		}
	}
	if _, err := f.fields.customer(); err != nil {
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				add(fe.Field, fe.In(uiLang))
			}
		} else {
			out = append(out, formProblem{"", domain.UserMessage(err, uiLang)})
		}
	}
	return out
}

// verdicts turns the service's refusal into problems by field.
func (f *customerForm) verdictsOf(err error) []verdict {
	var out []verdict
	add := func(field, text string) {
		out = append(out, verdict{formProblem{field, text}, f.fieldText(field)})
	}
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		for _, fe := range ve.Errors {
			add(fe.Field, domain.Labelled(label(fe.Field), fe.In(uiLang), uiLang))
		}
	case errors.Is(err, domain.ErrDuplicateCode):
		add("code", domain.UserMessage(err, uiLang))
	default:
		add("", domain.UserMessage(err, uiLang))
	}
	return out
}

// fieldText is what field holds now, when it is typed in an entry.
func (f *customerForm) fieldText(field string) string {
	if e, ok := f.fields.focus[field].(*formEntry); ok {
		return e.Text
	}
	return ""
}

// refuse lists probs (or the service's err), shows the section holding
// the first and puts the cursor in its field.
func (f *customerForm) refuse(probs []formProblem, err error) {
	f.refused = map[string]bool{}
	f.verdicts = nil
	if err != nil {
		f.verdicts = f.verdictsOf(err)
		for _, v := range f.verdicts {
			probs = append(probs, v.formProblem)
		}
	}
	for _, p := range probs {
		f.refused[p.field] = true
	}
	f.list(probs)
	if len(probs) == 0 {
		return
	}
	first := probs[0].field
	if tab, ok := f.fields.tabs[first]; ok && tab < len(f.sections.Items) {
		f.sections.SelectIndex(tab)
	}
	if w := f.fields.focus[first]; w != nil {
		f.u.win.Canvas().Focus(w)
	}
}

// fieldChanged lists again, after a refused Save, the errors that remain:
// one goes as soon as its field is right. New errors wait for Save.
func (f *customerForm) fieldChanged() {
	if f.refused == nil {
		return
	}
	var probs []formProblem
	for _, p := range f.problems() {
		if f.refused[p.field] {
			probs = append(probs, p)
		}
	}
	for _, v := range f.verdicts {
		if v.field == "" || f.fieldText(v.field) == v.was {
			probs = append(probs, v.formProblem)
		}
	}
	f.list(probs)
}

// list shows probs under the sections, in the order of the sections, or
// hides the list when there is none.
func (f *customerForm) list(probs []formProblem) {
	f.fields.showCustomProblems(probs)
	if len(probs) == 0 {
		f.errors.Hide()
		f.body.Refresh()
		return
	}
	sort.SliceStable(probs, func(i, j int) bool { return f.tabOf(probs[i].field) < f.tabOf(probs[j].field) })
	texts := make([]string, len(probs))
	for i, p := range probs {
		texts[i] = p.text
	}
	f.showMessage(widget.DangerImportance, strings.Join(texts, "\n"))
}

func (f *customerForm) tabOf(field string) int {
	if t, ok := f.fields.tabs[field]; ok {
		return t
	}
	return -1 // the whole record: first
}
