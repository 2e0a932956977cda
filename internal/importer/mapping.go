package importer

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/sheet"
)

// checkMapping refuses a mapping that cannot be imported: wrong length,
// unknown or computed fields, one field on two columns (except phones).
func checkMapping(headers []string, m Mapping) []Problem {
	var out []Problem
	refuse := func(col string, fr, en string) {
		out = append(out, Problem{Column: col, Severity: SeverityError, Code: "mapping.invalid",
			Message: domain.Message{FR: fr, EN: en},
			Fix:     domain.Message{FR: "Corrigez la correspondance des colonnes.", EN: "Fix the column mapping."}})
	}
	if len(m) != len(headers) {
		refuse("", "La correspondance ne couvre pas toutes les colonnes du fichier.", "The mapping does not cover every column of the file.")
		return out
	}
	seen := map[string]int{}
	mapped := 0
	for i, field := range m {
		if field == Ignore {
			continue
		}
		mapped++
		if name, ok := strings.CutPrefix(field, domain.CustomPrefix); ok {
			if strings.TrimSpace(name) == "" {
				refuse(headers[i], "Le champ personnalisé n’a pas de nom.", "The custom field has no name.")
			}
		} else if !fieldImportable(field) {
			refuse(headers[i], "« "+field+" » n’est pas un champ que l’import peut remplir.", "\""+field+"\" is not a field an import can fill.")
			continue
		}
		if j, dup := seen[field]; dup && field != "phones" {
			label := domain.FieldLabel(field, "fr")
			refuse(headers[i], "Le champ « "+label+" » est déjà associé à la colonne « "+headers[j]+" ».",
				"Field \""+domain.FieldLabel(field, "en")+"\" is already mapped to column \""+headers[j]+"\".")
			continue
		}
		seen[field] = i
	}
	if mapped == 0 {
		// Often the header was not found where the names are (a title
		// above the table): say how to choose it.
		out = append(out, Problem{Severity: SeverityError, Code: "mapping.invalid",
			Message: domain.Message{FR: "Aucune colonne n’est associée à un champ.", EN: "No column is mapped to a field."},
			Fix: domain.Message{
				FR: "Associez au moins une colonne à un champ ; si les noms de colonnes lus ne sont pas les bons, " + sheet.HeaderRowHintFR + ".",
				EN: "Map at least one column to a field; if the column names read are not the right ones, " + sheet.HeaderRowHintEN + "."}})
	}
	return out
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
