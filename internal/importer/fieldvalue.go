package importer

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
)

// ParseFieldValue reads raw as the value of field key exactly as an import
// cell of that field is read, so that "carnet client set code=… " and a
// spreadsheet column accept the same writings ("1 234,56 €", "oui",
// "Personne morale", "31/12/2025"…). country is the customer's billing
// country (ISO-2, "" for France), which decides how a postcode reads.
// custom holds the defined custom fields, for a "custom:Name" key.
//
// The value returned has the type domain.Customer.Set takes for key; an
// empty raw gives the field's empty value (setting it clears the field).
// An unknown or computed key is refused with a Problem naming it; field
// rules beyond the writing (SIRET key, e-mail domain, lists…) stay with the
// service's validation.
func ParseFieldValue(key, raw, country string, custom []domain.CustomField) (any, *fieldparse.Problem) {
	if strings.HasPrefix(key, domain.CustomPrefix) {
		r := &run{custom: map[string]domain.CustomField{}}
		for _, f := range custom {
			r.custom[strings.ToLower(f.Name)] = f
		}
		cv, p := r.parseCustom(key, raw)
		if cv.empty || p.IsError() {
			return "", p
		}
		return cv.v, p
	}
	f, ok := domain.FieldByKey(key)
	if !ok || f.Computed || f.Key == "id" {
		return nil, &fieldparse.Problem{Code: "field.not_settable", Severity: fieldparse.Error,
			FR: "« " + key + " » n’est pas un champ que l’on peut modifier.",
			EN: "\"" + key + "\" is not a field that can be changed."}
	}
	cv, p := parseCell(key, raw, country)
	if p.IsError() {
		return nil, p
	}
	if cv.empty {
		return zeroOf(new(domain.Customer).Get(key)), p
	}
	return cv.v, p
}

// FieldValueText writes a value of field key (as domain.Customer.Get
// returns it) the way the import's change list does: amounts and
// percentages as lang writes them, the kind and the consent by their names,
// phones in national form.
func FieldValueText(key string, v any, lang string) string {
	if b, ok := v.(bool); ok {
		return map[bool]domain.Message{true: {FR: "Oui", EN: "Yes"}, false: {FR: "Non", EN: "No"}}[b].In(lang)
	}
	f, ok := domain.FieldByKey(key)
	if !ok {
		return display(v)
	}
	return displayField(f, v, lang)
}
