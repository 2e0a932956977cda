package importer

import (
	"strings"

	"carnet/internal/domain"
)

// minOwnLabels is how many of Carnet's own column labels a header row must
// hold to be read as a Carnet export.
const minOwnLabels = 5

// ownExportSuggestions maps a file that Carnet exported (and the user
// edited in a spreadsheet) without a saved profile: when every header is
// one of Carnet's own field labels, in French or English, or the name of a
// custom field, each column goes to its field at full confidence, and the
// columns Carnet computes (applicable discount, dates) are ignored at full
// confidence too. Any other header and the file is read as any file.
func ownExportSuggestions(headers []string, custom []domain.CustomField) ([]Suggestion, bool) {
	out := make([]Suggestion, len(headers))
	own := 0
	for i, h := range headers {
		if s, ok := customSuggestion(h, custom); ok {
			s.Column = i
			out[i] = s
			continue
		}
		f, ok := ownLabels[fold(strings.TrimSpace(h))]
		if !ok {
			return nil, false
		}
		own++
		reason := domain.Message{FR: "Colonne d’un export de Carnet", EN: "Column of a Carnet export"}
		key := f.Key
		if !fieldImportable(key) {
			key = Ignore
			reason = domain.Message{FR: "Colonne calculée par Carnet : ignorée", EN: "Column computed by Carnet: ignored"}
		}
		out[i] = Suggestion{Column: i, Header: h, Field: key, Confidence: 1, Reason: reason}
	}
	return out, own >= minOwnLabels
}

// ownLabels maps the folded French and English labels of every field to it.
var ownLabels = func() map[string]domain.FieldDef {
	m := map[string]domain.FieldDef{}
	for _, f := range domain.Fields {
		m[fold(f.FR)] = f
		m[fold(f.EN)] = f
	}
	return m
}()
