package importwizard

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/textfold"
)

// The field choice of one column of the mapping: what it offers (ignore,
// the column as a custom field, new or defined, then the customer
// fields), and the field a choice's text names.

// customKey is the custom field column col maps to when chosen as one: the
// defined field the engine recognised by the column's name, or the one a
// profile applied to the file gives it, else a field named after the
// column.
func (s *mappingStep) customKey(col int) string {
	if c := s.columns[col].custom; c != "" {
		return c
	}
	if f := s.columns[col].suggestion.Field; strings.HasPrefix(f, domain.CustomPrefix) {
		return f
	}
	return domain.CustomPrefix + strings.TrimSpace(s.w.preview.Headers[col])
}

// customIsNew reports whether column col's custom field would be created
// by the import: the engine suggests a defined custom field for a column
// of the same name, so a field named after a column not suggested as one
// is new. (One a profile names is taken as defined: the check says if
// the import creates it.)
func (s *mappingStep) customIsNew(col int) bool {
	return s.columns[col].custom == "" && !strings.HasPrefix(s.columns[col].suggestion.Field, domain.CustomPrefix)
}

// labelOf is how column col's choice shows field: a new custom field is
// called so, the others by their label.
func (s *mappingStep) labelOf(col int, field string) string {
	if field == s.customKey(col) && s.customIsNew(col) {
		return tr("New custom field “%s”", strings.TrimPrefix(field, domain.CustomPrefix))
	}
	return fieldLabel(field, s.w.d.Lang)
}

// fieldOptions lists the choices for column col, those that contain
// filter first (accent- and case-insensitive): ignore, the column as a
// custom field, then the customer fields.
func (s *mappingStep) fieldOptions(col int, filter string) []string {
	all := []string{fieldLabel(importer.Ignore, s.w.d.Lang), s.labelOf(col, s.customKey(col))}
	for _, f := range domain.Fields {
		if !f.Computed || f.Key == "balance" {
			all = append(all, f.Label(s.w.d.Lang))
		}
	}
	filter = textfold.Fold(strings.TrimSpace(filter))
	if filter == "" {
		return all
	}
	var out []string
	for _, o := range all {
		if strings.Contains(textfold.Fold(o), filter) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// fieldFor reads back the mapping value of column col's choice text; ok is
// false when the text names no field.
func (s *mappingStep) fieldFor(col int, text string) (string, bool) {
	lang := s.w.d.Lang
	t := textfold.Fold(strings.TrimSpace(text))
	if t == textfold.Fold(fieldLabel(importer.Ignore, lang)) {
		return importer.Ignore, true
	}
	custom := s.customKey(col)
	if t == textfold.Fold(s.labelOf(col, custom)) || t == textfold.Fold(fieldLabel(custom, lang)) {
		return custom, true
	}
	for _, f := range domain.Fields {
		if (!f.Computed || f.Key == "balance") && (t == textfold.Fold(f.Label(lang)) || t == f.Key) {
			return f.Key, true
		}
	}
	return "", false
}
