package importer

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/sheet"
)

// identifyingFields are the fields that name a customer (a new one needs
// a last name or a company name) or find an existing one (the matching
// keys): a mapping needs at least one of them.
var identifyingFields = []string{"last_name", "company_name", "id", "code", "email", "siret", "vat_number"}

// identifies reports whether field names or identifies a customer.
func identifies(field string) bool {
	for _, f := range identifyingFields {
		if f == field {
			return true
		}
	}
	return false
}

// CheckMapping is the one rule a mapping must follow, for every surface:
// the engine refuses a Check or a Commit with these problems
// (Plan.Refused), the command line prints them, and the wizard shows them
// and keeps Next disabled. It refuses a mapping of the wrong length, a
// field an import cannot fill, one field on two columns (except phones), a
// mapping where every column is ignored, and one where no column names or
// identifies a customer (last name, company name, customer ID, code,
// email, SIRET, VAT number). Each problem names its column (when it has
// one) and says what to do, in French and English.
//
// The last rule asks for a name or a key, not for a name: a file that only
// updates customers found by their code or email ("Code;Solde") is
// legitimate, and a row that would create a customer without a last name
// or a company name is refused row by row anyway.
func CheckMapping(headers []string, m Mapping) []Problem {
	var out []Problem
	refuse := func(col string, msg, fix domain.Message) {
		out = append(out, Problem{Column: col, Severity: SeverityError, Code: "mapping.invalid", Message: msg, Fix: fix})
	}
	if len(m) != len(headers) {
		refuse("", domain.Message{FR: "La correspondance ne couvre pas toutes les colonnes du fichier.", EN: "The mapping does not cover every column of the file."},
			domain.Message{FR: "Refaites la correspondance pour ce fichier : une ligne par colonne.", EN: "Map this file again: one entry per column."})
		return out
	}
	seen := map[string]int{}
	mapped, identified := 0, false
	for i, field := range m {
		if field == Ignore {
			continue
		}
		mapped++
		if name, ok := strings.CutPrefix(field, domain.CustomPrefix); ok {
			if strings.TrimSpace(name) == "" {
				refuse(headers[i], domain.Message{FR: "Le champ personnalisé n’a pas de nom.", EN: "The custom field has no name."},
					domain.Message{FR: "Nommez le champ personnalisé ou ignorez la colonne.", EN: "Name the custom field or ignore the column."})
			}
		} else if !fieldImportable(field) {
			refuse(headers[i], domain.Message{FR: "« " + field + " » n’est pas un champ que l’import peut remplir.", EN: "\"" + field + "\" is not a field an import can fill."},
				domain.Message{FR: "Choisissez un autre champ pour cette colonne, ou ignorez-la.", EN: "Choose another field for this column, or ignore it."})
			continue
		}
		if j, dup := seen[field]; dup && field != "phones" {
			refuse(headers[i], domain.Message{
				FR: "Le champ « " + domain.FieldLabel(field, "fr") + " » est associé à deux colonnes, « " + headers[j] + " » et « " + headers[i] + " ».",
				EN: "Field \"" + domain.FieldLabel(field, "en") + "\" is mapped to two columns, \"" + headers[j] + "\" and \"" + headers[i] + "\"."},
				domain.Message{FR: "Gardez ce champ sur une seule colonne : choisissez-en un autre pour l’une des deux, ou ignorez-la.",
					EN: "Keep the field on one column: choose another field for one of the two, or ignore it."})
			continue
		}
		seen[field] = i
		identified = identified || identifies(field)
	}
	switch {
	case mapped == 0:
		// Often the header was not found where the names are (a title
		// above the table): say how to choose it.
		refuse("", domain.Message{FR: "Aucune colonne n’est associée à un champ.", EN: "No column is mapped to a field."},
			domain.Message{
				FR: "Associez au moins une colonne à un champ ; si les noms de colonnes lus ne sont pas les bons, " + sheet.HeaderRowHintFR + ".",
				EN: "Map at least one column to a field; if the column names read are not the right ones, " + sheet.HeaderRowHintEN + "."})
	case !identified:
		fr, en := identifyingLabels()
		refuse("", domain.Message{FR: "Aucune colonne ne nomme ni n’identifie un client.", EN: "No column names or identifies a customer."},
			domain.Message{FR: "Associez une colonne à l’un de ces champs : " + fr + " (un nom pour créer des clients, une clé pour mettre à jour ceux qui existent).",
				EN: "Map a column to one of these fields: " + en + " (a name to create customers, a key to update existing ones)."})
	}
	return out
}

// identifyingLabels lists the identifying fields by their labels.
func identifyingLabels() (fr, en string) {
	var frs, ens []string
	for _, f := range identifyingFields {
		frs = append(frs, "« "+domain.FieldLabel(f, "fr")+" »")
		ens = append(ens, "\""+domain.FieldLabel(f, "en")+"\"")
	}
	return strings.Join(frs, ", "), strings.Join(ens, ", ")
}

// ParseMap reads the command line's --map 'Header=field,...' over a
// mapping: headers are matched folded; "field" may be a key, a label,
// "custom:Name", or empty / "ignore" to ignore the column.
func ParseMap(spec string, headers []string, m Mapping) (Mapping, error) {
	out := append(Mapping(nil), m...)
	for len(out) < len(headers) {
		out = append(out, Ignore)
	}
	for _, part := range splitMapSpec(spec) {
		h, f, ok := strings.Cut(part, "=")
		if !ok {
			return nil, &domain.Error{Code: "map_syntax", Message: domain.Message{
				FR: "--map attend « En-tête=champ », pas « " + part + " ».", EN: "--map expects \"Header=field\", not \"" + part + "\"."}}
		}
		col := -1
		for i, x := range headers {
			if normalForm(x) == normalForm(h) {
				col = i
				break
			}
		}
		if col < 0 {
			return nil, &domain.Error{Code: "map_header", Message: domain.Message{
				FR: "Le fichier n’a pas de colonne « " + h + " ».", EN: "The file has no column \"" + h + "\"."}}
		}
		f = strings.TrimSpace(f)
		switch {
		case f == "" || strings.EqualFold(f, "ignore") || f == "-":
			out[col] = Ignore
		case strings.HasPrefix(f, domain.CustomPrefix):
			out[col] = f
		default:
			key, ok := synonymIndex[normalForm(f)]
			if _, known := domain.FieldByKey(f); known {
				key, ok = f, true
			}
			if !ok {
				return nil, &domain.Error{Code: "map_field", Message: domain.Message{
					FR: "Champ « " + f + " » inconnu.", EN: "Unknown field \"" + f + "\"."}}
			}
			out[col] = key
		}
	}
	return out, nil
}

// splitMapSpec splits on commas. Field names never hold a comma, so a piece
// without "=" is the start of a header that holds one ("Groups (x,y,z...)")
// and is joined to the next piece.
func splitMapSpec(spec string) []string {
	var out []string
	pending := ""
	for _, p := range strings.Split(spec, ",") {
		if !strings.Contains(p, "=") {
			pending += p + ","
			continue
		}
		out = append(out, pending+p)
		pending = ""
	}
	if strings.TrimSpace(pending) != "" {
		out = append(out, strings.TrimSuffix(pending, ","))
	}
	return out
}
