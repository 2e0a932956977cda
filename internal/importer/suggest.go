package importer

import (
	"context"
	"errors"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// synonymIndex maps every normalised label, key and synonym to its field
// (the first field that claims it): the field names --map accepts.
// Suggestions read headers more closely (suggest_column.go).
var synonymIndex = func() map[string]string {
	m := map[string]string{}
	for _, f := range domain.Fields {
		for _, s := range append([]string{f.Key, f.FR, f.EN}, f.Synonyms...) {
			n := normalForm(s)
			if _, taken := m[n]; !taken && n != "" {
				m[n] = f.Key
			}
		}
	}
	return m
}()

// Suggest proposes a field for every column: the saved profile whose
// fingerprint matches, else synonyms, else fuzzy matching checked against
// the sample values. It returns the suggestions and the profile's name
// ("" when none matched).
func (im *Importer) Suggest(ctx context.Context, headers []string, sample [][]string) ([]Suggestion, string, error) {
	if p, ok, err := im.profileFor(ctx, Fingerprint(headers)); err != nil {
		return nil, "", err
	} else if ok && len(p.Mapping) == len(headers) {
		out := make([]Suggestion, len(headers))
		for i, h := range headers {
			out[i] = Suggestion{Column: i, Header: h, Field: p.Mapping[i], Confidence: 1,
				Reason: domain.Message{FR: "Profil enregistré « " + p.Name + " »", EN: "Saved profile \"" + p.Name + "\""}}
		}
		return out, p.Name, nil
	}
	custom, err := im.svc.ActiveCustomFields(ctx)
	if err != nil {
		return nil, "", err
	}
	if out, ok := ownExportSuggestions(headers, custom); ok {
		if err := im.checkIDColumn(ctx, out, sample); err != nil {
			return nil, "", err
		}
		return out, "", nil
	}
	out := make([]Suggestion, len(headers))
	used := map[string]int{}                 // field → column holding it
	spelling := make([]string, len(headers)) // the synonym each column matched
	for i, h := range headers {
		values := columnValues(sample, i)
		s, ok := customSuggestion(h, custom)
		if !ok {
			s, spelling[i] = suggestColumn(h, values)
		}
		s.Column = i
		if s.Field != "" && s.Field != "phones" && !strings.HasPrefix(s.Field, domain.CustomPrefix) {
			if j, dup := used[s.Field]; dup {
				// Keep the surer of the two; the other becomes a custom field
				// the user can re-map.
				if out[j].Confidence >= s.Confidence {
					s = unknownSuggestion(h, domain.Message{FR: "Champ déjà pris par la colonne « " + headers[j] + " »",
						EN: "Field already taken by column \"" + headers[j] + "\""})
					s.Column = i
				} else {
					out[j] = unknownSuggestion(headers[j], domain.Message{FR: "Champ déjà pris par la colonne « " + h + " »",
						EN: "Field already taken by column \"" + h + "\""})
					out[j].Column = j
					used[s.Field] = i
				}
			} else {
				used[s.Field] = i
			}
		}
		out[i] = s
	}
	companiesByName(out, spelling)
	if err := im.checkIDColumn(ctx, out, sample); err != nil {
		return nil, "", err
	}
	return out, "", nil
}

func columnValues(sample [][]string, col int) []string {
	var out []string
	for _, row := range sample {
		if col < len(row) && strings.TrimSpace(row[col]) != "" {
			out = append(out, row[col])
		}
	}
	return out
}

// unknownSuggestion leaves a column out; the reason offers the custom field
// (seed 002), which the user picks in the wizard or with --map
// 'Header=custom:Header'. Defaulting to ignore keeps shop exports'
// dozens of technical columns out of the customer file.
func unknownSuggestion(header string, why domain.Message) Suggestion {
	return Suggestion{Header: header, Field: Ignore, Confidence: 0.2, Reason: why,
		Alternatives: []string{domain.CustomPrefix + strings.TrimSpace(header)}}
}

// customSuggestion maps a column named like a custom field the settings
// define (without case or accents) to that field, at full confidence: the
// user named the column so (issue 12 point 5).
func customSuggestion(header string, fields []domain.CustomField) (Suggestion, bool) {
	h := fold(header)
	for _, f := range fields {
		if fold(f.Name) == h {
			return Suggestion{Header: header, Field: f.Key(), Confidence: 1, Reason: domain.Message{
				FR: "Champ personnalisé « " + f.Name + " » (" + f.Type.Label().FR + ")",
				EN: "Custom field \"" + f.Name + "\" (" + f.Type.Label().EN + ")"}}, true
		}
	}
	return Suggestion{}, false
}

// fieldImportable reports whether an import can write key (computed fields
// cannot, except the balance).
func fieldImportable(key string) bool {
	f, ok := domain.FieldByKey(key)
	return ok && (!f.Computed || key == "balance")
}

// checkIDColumn keeps a column suggested as Carnet's internal ID only if
// its numbers name the customers the rows describe. A shop's or another
// program's customer numbers (PrestaShop's "Customer ID" 1, 2, 3…) are
// small integers too, and in a young directory they are also Carnet IDs —
// of other customers, whom matching on them would overwrite. So the
// customers the sample's numbers find must share the row's e-mail, code or
// name, at least for half the rows that carry one; none found at all, the
// numbers are not Carnet's either.
func (im *Importer) checkIDColumn(ctx context.Context, out []Suggestion, sample [][]string) error {
	idCol := -1
	identity := map[string]int{} // email, code, last_name, company_name → column
	for i, s := range out {
		switch s.Field {
		case "id":
			idCol = i
		case "email", "code", "last_name", "company_name":
			identity[s.Field] = i
		}
	}
	if idCol < 0 {
		return nil
	}
	var known, compared, agree int
	err := im.svc.Store.View(ctx, func(tx *store.Tx) error {
		for _, row := range sample {
			if idCol >= len(row) {
				continue
			}
			cv, p := parseCell("id", row[idCol], "")
			if p.IsError() || cv.empty {
				continue
			}
			c, err := tx.CustomerBy(ctx, "id", cv.v)
			if errors.Is(err, domain.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			known++
			seen, same := false, false
			for field, col := range identity {
				if col >= len(row) || strings.TrimSpace(row[col]) == "" {
					continue
				}
				seen = true
				if fold(row[col]) == fold(c.Get(field).(string)) {
					same = true
				}
			}
			if seen {
				compared++
				if same {
					agree++
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	h := out[idCol].Header
	switch {
	case len(columnValues(sample, idCol)) > 0 && known == 0:
		out[idCol] = unknownSuggestion(h, domain.Message{
			FR: "Ces numéros ne sont pas des ID Carnet : colonne ignorée (ou champ personnalisé)",
			EN: "These numbers are not Carnet IDs: column ignored (or a custom field)"})
	case compared > 0 && 2*agree < compared:
		out[idCol] = unknownSuggestion(h, domain.Message{
			FR: "Ces numéros désignent dans Carnet d’autres clients (e-mail, code ou nom différents) : colonne ignorée pour ne pas les écraser",
			EN: "In Carnet these numbers are other customers (different e-mail, code or name): column ignored so as not to overwrite them"})
	default:
		return nil
	}
	out[idCol].Column = idCol
	return nil
}
