package importer

import (
	"context"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
)

// Custom fields in an import: a column mapped to "custom:<Name>" fills the
// custom field of that name (without case), read by the field's type. A
// name no field has yet creates a text field when the import is written;
// the check says so, and undo removes it again with the import.

// prepareCustomFields indexes the defined fields and creates (commit) or
// foresees (check) those the mapping names that do not exist yet.
func (run *run) prepareCustomFields(ctx context.Context) error {
	run.custom = map[string]domain.CustomField{}
	for _, f := range run.rules.CustomFields {
		run.custom[strings.ToLower(f.Name)] = f
	}
	for i, field := range run.req.Mapping {
		name, ok := strings.CutPrefix(field, domain.CustomPrefix)
		if !ok {
			continue
		}
		if _, known := run.custom[strings.ToLower(strings.TrimSpace(name))]; known {
			continue
		}
		f, fe := domain.CheckCustomField(domain.CustomField{Name: name, Type: domain.CustomText}, run.rules.CustomFields)
		if fe != nil {
			return &domain.Error{Code: "custom_field_refused", Message: domain.Message{
				FR: "Colonne « " + run.headers[i] + " » : " + fe.Message.FR + " Associez-la à un autre champ dans l’étape Colonnes.",
				EN: "Column \"" + run.headers[i] + "\": " + fe.Message.EN + " Map it to another field in the Columns step."}}
		}
		if run.commit {
			id, err := run.tx.SaveCustomField(ctx, f)
			if err != nil {
				return err
			}
			f.ID = id
			if err := run.journalCreated(ctx, "custom_field", f.Name); err != nil {
				return err
			}
		}
		run.custom[strings.ToLower(f.Name)] = f
		run.rules.CustomFields = append(run.rules.CustomFields, f)
		run.res.Counts.Warnings++
		run.res.Problems = append(run.res.Problems, Problem{Row: run.res.Detected.HeaderRow, Column: run.headers[i],
			Field: field, Severity: SeverityWarning, Code: "custom.created",
			Message: domain.Message{
				FR: "Le champ personnalisé « " + f.Name + " » n’existe pas : l’importation le crée, de type texte.",
				EN: "Custom field \"" + f.Name + "\" does not exist: the import creates it, as text."},
			Fix: domain.Message{
				FR: "Pour un autre type (nombre, date, oui / non, liste), créez-le d’abord dans " + customFieldsWhere.FR + ".",
				EN: "For another type (number, date, yes / no, list), create it first in " + customFieldsWhere.EN + "."}})
	}
	return nil
}

// customFieldsWhere is the screen where custom fields are defined.
var customFieldsWhere = domain.Message{FR: "Paramètres › Champs personnalisés", EN: "Settings › Custom fields"}

// parseCustom reads a custom field's cell by the field's type, into the
// stored form domain.CustomField.Check accepts.
func (run *run) parseCustom(key, raw string) (cellValue, *fieldparse.Problem) {
	name := strings.TrimPrefix(key, domain.CustomPrefix)
	f, ok := run.custom[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		f = domain.CustomField{Name: name, Type: domain.CustomText}
	}
	text := func(s string, p *fieldparse.Problem) (cellValue, *fieldparse.Problem) {
		return cellValue{v: s, empty: s == ""}, p
	}
	switch f.Type {
	case domain.CustomNumber:
		v, empty, p := fieldparse.Decimal(raw)
		return cellValue{v: v, empty: empty}, p
	case domain.CustomDate:
		t, p := fieldparse.Date(raw, fieldparse.DateOptions{})
		if t.IsZero() {
			return cellValue{empty: true}, p
		}
		return text(t.Format("2006-01-02"), p)
	case domain.CustomBool:
		b, empty, p := fieldparse.Bool(raw)
		if empty || p.IsError() {
			return cellValue{empty: true}, p
		}
		return text(map[bool]string{true: "true", false: "false"}[b], p)
	case domain.CustomList:
		s, p := fieldparse.Text(raw, domain.MaxTextLen)
		if s == "" || p.IsError() {
			return cellValue{empty: true}, p
		}
		folded := fieldparse.Fold(s)
		for _, o := range f.Options {
			if fieldparse.Fold(o) == folded {
				return text(o, p)
			}
		}
		return cellValue{empty: true}, &fieldparse.Problem{Code: "custom.list", Severity: fieldparse.Error,
			FR: "« " + s + " » n’est pas une valeur de la liste « " + f.Name + " » (" + strings.Join(f.Options, ", ") +
				") : corrigez la cellule, ou ajoutez la valeur dans " + customFieldsWhere.FR + ".",
			EN: "\"" + s + "\" is not a value of list \"" + f.Name + "\" (" + strings.Join(f.Options, ", ") +
				"): fix the cell, or add the value in " + customFieldsWhere.EN + "."}
	}
	return text(fieldparse.Text(raw, domain.MaxTextLen))
}
