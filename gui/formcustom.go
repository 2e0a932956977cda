package gui

import (
	"errors"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
)

// The custom fields the business defines (Paramètres › Champs
// personnalisés) each get an input of their type on the form's "Notes et
// champs personnalisés" section: text, number and date in an entry, yes/no
// and list of values in a choice. Values are typed the way the user writes
// them (12,5 ; 31/12/2026) and stored the way the domain keeps them
// ("12.5", "2026-12-31").

// customInput is the input of one active custom field.
type customInput struct {
	field  domain.CustomField
	entry  *formEntry     // text, number, date
	choice *widget.Select // yes/no, list
	// problem is the field's error, written under it after a refused
	// Save until the field is right.
	problem *widget.Label
}

// newCustomInputs makes an input per active custom field, in the order of
// the settings, and keeps the customer's other values (archived or unknown
// fields) to show them read-only and save them unchanged.
func (ff *formFields) newCustomInputs(c *domain.Customer) {
	ff.kept = map[string]string{}
	for k, v := range c.Custom {
		ff.kept[k] = v
	}
	for _, f := range ff.rules.CustomFields {
		if f.Archived {
			continue
		}
		v := ""
		for k, x := range ff.kept {
			if strings.EqualFold(k, f.Name) {
				v = x
				delete(ff.kept, k)
			}
		}
		ci := &customInput{field: f, problem: widget.NewLabel("")}
		ci.problem.Importance = widget.DangerImportance
		ci.problem.Wrapping = fyne.TextWrapWord
		ci.problem.Hide()
		key := f.Key()
		ff.tabs[key] = tabNotes
		switch f.Type {
		case domain.CustomBool:
			ci.choice = widget.NewSelect([]string{"", lang.L("Yes"), lang.L("No")}, func(string) { ff.f.fieldChanged() })
			ci.choice.Selected = customText(f, v)
			ff.focus[key] = ci.choice
		case domain.CustomList:
			opts := append([]string{""}, f.Options...)
			if v != "" && !containsFold(f.Options, v) {
				opts = append(opts, v) // a value the list no longer has is kept
			}
			ci.choice = widget.NewSelect(opts, func(string) { ff.f.fieldChanged() })
			ci.choice.Selected = v
			ff.focus[key] = ci.choice
		default:
			ci.entry = ff.newEntry(customText(f, v))
			ci.entry.Validator = func(s string) error { _, err := parseCustom(f, s); return err }
			ff.validated = append(ff.validated, validatedEntry{key, ci.entry})
			ff.focus[key] = ci.entry
			switch f.Type {
			case domain.CustomNumber:
				ci.entry.SetPlaceHolder(lang.L("e.g. 12.5"))
			case domain.CustomDate:
				ci.entry.SetPlaceHolder(lang.L("yyyy-mm-dd"))
			}
		}
		if ci.choice != nil {
			ci.choice.PlaceHolder = " " // an empty choice shows empty, not "(Select one)"
		}
		ff.customs = append(ff.customs, ci)
	}
}

// customValues are the custom values as typed, in their stored form, with
// the kept ones; a value that does not read is reported in ve.
func (ff *formFields) customValues(ve *domain.ValidationError) map[string]string {
	out := map[string]string{}
	for k, v := range ff.kept {
		out[k] = v
	}
	for _, ci := range ff.customs {
		v, err := ci.value()
		if err != nil {
			ve.Errors = append(ve.Errors, &domain.FieldError{Field: ci.field.Key(), Code: "custom_invalid",
				Message: domain.Message{FR: err.Error(), EN: err.Error()}})
			continue
		}
		if v != "" {
			out[ci.field.Name] = v
		}
	}
	return out
}

// value is the input's value in its stored form.
func (ci *customInput) value() (string, error) {
	if ci.entry != nil {
		return parseCustom(ci.field, ci.entry.Text)
	}
	if ci.choice.Selected == "" {
		return "", nil
	}
	if ci.field.Type == domain.CustomBool {
		return map[bool]string{true: "true", false: "false"}[ci.choice.Selected == lang.L("Yes")], nil
	}
	return ci.choice.Selected, nil
}

// parseCustom reads what the user typed in f's entry and returns it in the
// stored form, or says what is expected.
func parseCustom(f domain.CustomField, s string) (string, error) {
	v := strings.TrimSpace(s)
	switch f.Type {
	case domain.CustomNumber:
		d, empty, p := fieldparse.Decimal(s)
		if p.IsError() {
			return "", errors.New(p.Message(uiLang))
		}
		if empty {
			return "", nil
		}
		v = d
	case domain.CustomDate:
		t, p := fieldparse.Date(s, fieldparse.DateOptions{})
		if p.IsError() {
			// The parser's messages speak of files and spreadsheets: the
			// domain's says what the form expects.
			if _, fe := f.Check(v); fe != nil {
				return "", fieldErr(fe)
			}
			return "", errors.New(p.Message(uiLang))
		}
		if t.IsZero() {
			return "", nil
		}
		v = t.Format(time.DateOnly)
	}
	norm, fe := f.Check(v)
	if fe != nil {
		return "", fieldErr(fe)
	}
	return norm, nil
}

// customText shows a stored value the way the user reads it: 12,5 and
// 31/12/2026 in French, yes/no in words.
func customText(f domain.CustomField, v string) string {
	switch f.Type {
	case domain.CustomNumber:
		if uiLang == "fr" {
			return strings.Replace(v, ".", ",", 1)
		}
	case domain.CustomDate:
		if t, err := time.Parse(time.DateOnly, v); err == nil && uiLang == "fr" {
			return t.Format("02/01/2006")
		}
	case domain.CustomBool:
		switch v {
		case "true":
			return lang.L("Yes")
		case "false":
			return lang.L("No")
		}
	}
	return v
}

// notesSection is the notes, then one line per custom field; the values
// of archived fields follow, read-only.
func (ff *formFields) notesSection() fyne.CanvasObject {
	form := widget.NewForm()
	for _, ci := range ff.customs {
		var o fyne.CanvasObject = ci.choice
		if ci.entry != nil {
			o = ci.entry
		}
		form.AppendItem(widget.NewFormItem(ci.field.Name, container.NewVBox(ff.wheel(o), ci.problem)))
	}
	for _, k := range sortedKeys(ff.kept) {
		f, ok := domain.FindCustomField(ff.rules.CustomFields, k)
		if !ok {
			f = domain.CustomField{Name: k, Type: domain.CustomText}
		}
		item := widget.NewFormItem(k, widget.NewLabel(customText(f, ff.kept[k])))
		item.HintText = lang.L("Archived field: its value is kept, and cannot be changed.")
		form.AppendItem(item)
	}
	ff.customForm = form
	parts := []fyne.CanvasObject{heading(lang.L("Custom fields"))}
	if len(form.Items) == 0 {
		none := widget.NewLabel(lang.L("No custom field yet: define them in Settings › Custom fields."))
		none.Importance = widget.LowImportance
		none.Wrapping = fyne.TextWrapWord
		parts = append(parts, none)
	} else {
		parts = append(parts, form)
	}
	return scroll(parts...)
}

// showCustomProblems writes under each custom field its problem among
// probs (those the form lists), or nothing.
func (ff *formFields) showCustomProblems(probs []formProblem) {
	msgs := map[string]string{}
	for _, p := range probs {
		if _, ok := msgs[p.field]; !ok {
			msgs[p.field] = strings.TrimPrefix(p.text, domain.Labelled(label(p.field), "", uiLang))
		}
	}
	changed := false
	for _, ci := range ff.customs {
		m := msgs[ci.field.Key()]
		if m == ci.problem.Text && (m != "") == ci.problem.Visible() {
			continue
		}
		changed = true
		ci.problem.SetText(m)
		if m == "" {
			ci.problem.Hide()
		} else {
			ci.problem.Show()
		}
	}
	if changed && ff.customForm != nil {
		ff.customForm.Refresh() // the lines under the fields take or give back room
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
