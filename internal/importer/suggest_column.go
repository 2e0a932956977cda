package importer

import (
	"sort"
	"strings"

	"carnet/internal/domain"
)

// synonym is one spelling of a field (its key, a label or a synonym) in
// headerKey form.
type synonym struct {
	key    string
	tokens []string
	field  string
}

// synonyms lists every spelling in the order of domain.Fields, so that a
// tie goes to the same field on every run.
var synonyms = func() []synonym {
	var out []synonym
	seen := map[[2]string]bool{}
	for _, f := range domain.Fields {
		for _, s := range append([]string{f.Key, f.FR, f.EN}, f.Synonyms...) {
			k := headerKey(s)
			if k == "" || seen[[2]string{k, f.Key}] {
				continue
			}
			seen[[2]string{k, f.Key}] = true
			out = append(out, synonym{k, strings.Fields(k), f.Key})
		}
	}
	return out
}()

// synonymFields maps a spelling to the fields it names, in the order of
// domain.Fields: "Entreprise" is seed 002's kind column (Oui or empty) in
// one file and the company's name in another.
var synonymFields = func() map[string][]string {
	m := map[string][]string{}
	for _, s := range synonyms {
		m[s.key] = append(m[s.key], s.field)
	}
	return m
}()

// pickField chooses among the fields one spelling names: the first whose
// values fit, else the first.
func pickField(fields, values []string) (string, float64) {
	for _, k := range fields {
		if fit := typeFits(k, values); fit >= 0.5 {
			return k, fit
		}
	}
	return fields[0], typeFits(fields[0], values)
}

// suggestColumn picks the field of one column. It also returns the spelling
// that matched ("" when none did), which Suggest reads again with the whole
// file in view.
func suggestColumn(header string, values []string) (Suggestion, string) {
	forms := headerForms(header)
	numbers := false // the column holds another table's row numbers
	for _, f := range forms {
		if !f.derived && referenceLike(strings.Fields(f.key)) {
			numbers = allIntegers(values)
		}
	}
	var why *domain.Message
	// misfit says why key cannot be the column's field, nil when it can.
	misfit := func(key string) *domain.Message {
		f, _ := domain.FieldByKey(key)
		switch {
		case numbers && key != "id" && (f.Type == domain.TypeText || f.Type == domain.TypeGroups ||
			f.Type == domain.TypeCountry || f.Type == domain.TypeKind):
			return &domain.Message{
				FR: "Numéros renvoyant à une autre table, pas des valeurs du champ «\u00a0" + f.FR + "\u00a0»\u00a0: colonne ignorée (ou champ personnalisé)",
				EN: "Numbers pointing to another table, not values of the \"" + f.EN + "\" field: column ignored (or a custom field)"}
		case shapeFits(key, values) < 0.5:
			return &domain.Message{
				FR: "Ces valeurs ne conviennent pas au champ «\u00a0" + f.FR + "\u00a0»\u00a0: colonne ignorée (ou champ personnalisé)",
				EN: "These values do not fit the \"" + f.EN + "\" field: column ignored (or a custom field)"}
		}
		return nil
	}
	for rank, f := range forms {
		conf := 0.95 - 0.05*float64(rank)
		if tokens := strings.Fields(f.key); !f.derived && namesACompany(tokens) && !anyIn(tokens, foreignWords) {
			return Suggestion{Header: header, Field: "company_name", Confidence: conf, Reason: domain.Message{
				FR: "Nom d’une société («\u00a0" + header + "\u00a0»)", EN: "Name of a company (\"" + header + "\")"}}, f.key
		}
		fields, ok := synonymFields[f.key]
		if !ok {
			continue
		}
		key, fit := pickField(fields, values)
		if !fieldImportable(key) {
			return Suggestion{Header: header, Field: Ignore, Confidence: 0.9, Reason: domain.Message{
				FR: "Champ calculé par Carnet\u00a0: colonne ignorée", EN: "Field computed by Carnet: column ignored"}}, ""
		}
		if m := misfit(key); m != nil {
			why = m
			continue
		}
		if f.derived && fit < 0.5 {
			continue
		}
		if fit < 0.5 {
			conf -= 0.3
		}
		return Suggestion{Header: header, Field: key, Confidence: conf, Reason: domain.Message{
			FR: "Nom de colonne reconnu («\u00a0" + f.key + "\u00a0»)", EN: "Known column name (\"" + f.key + "\")"}}, f.key
	}
	// A known name inside a longer header ("N° de SIRET", "Mobile Phone",
	// "order_currency"), accepted only if the values fit its type.
	type cand struct {
		key, spelling string
		score         float64
	}
	var cands []cand
	for _, f := range forms {
		words := strings.Fields(f.key)
		if allIn(words, neutralWords) {
			continue // "Customer", "_address_default_billing_": whose, not what
		}
		for _, s := range synonyms {
			if exactOnly[s.key] || !fieldImportable(s.field) {
				continue
			}
			dice, ok := containedIn(s.tokens, words)
			if !ok || dice < 0.5 {
				continue
			}
			if m := misfit(s.field); m != nil {
				why = m
				continue
			}
			// Below a known name's confidence: a synonym always wins.
			cands = append(cands, cand{s.field, s.key, min(0.7, dice*(0.4+0.6*typeFits(s.field, values)))})
		}
	}
	// Values alone: a column of e-mails is the email whatever its name,
	// unless the name says whose ("parent_id/email", "shipping_email").
	if len(values) > 0 && (len(forms) == 0 || !anyIn(strings.Fields(forms[0].key), foreignWords)) {
		for _, key := range []string{"email", "siret"} {
			if typeFits(key, values) >= 0.9 {
				cands = append(cands, cand{key, "", 0.7})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > 0 && cands[0].score >= 0.55 {
		s := Suggestion{Header: header, Field: cands[0].key, Confidence: cands[0].score, Reason: domain.Message{
			FR: "Nom de colonne proche et valeurs compatibles", EN: "Similar column name and matching values"}}
		for _, c := range cands[1:] {
			if c.key != s.Field && len(s.Alternatives) < 3 && !contains(s.Alternatives, c.key) {
				s.Alternatives = append(s.Alternatives, c.key)
			}
		}
		return s, cands[0].spelling
	}
	if why != nil {
		return unknownSuggestion(header, *why), ""
	}
	return unknownSuggestion(header, domain.Message{
		FR: "Colonne inconnue\u00a0: ignorée (ou champ personnalisé)", EN: "Unknown column: ignored (or a custom field)"}), ""
}

// containedIn reports whether every word of a synonym is among the
// header's words (plurals aside) while the header's other words keep the
// value the customer's own (no foreign word: "shipping_first_name") and
// about the same thing (no head word of its own: "Address type",
// "vat_request_date"). The score is the Dice coefficient of the two sets.
func containedIn(syn, header []string) (float64, bool) {
	if len(syn) == 0 || len(syn) > len(header) {
		return 0, false
	}
	used := make([]bool, len(header))
	for _, w := range syn {
		found := false
		for i, h := range header {
			if !used[i] && (w == h || w+"s" == h || w == h+"s") {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	for i, h := range header {
		if !used[i] && (foreignWords[h] || headWords[h]) {
			return 0, false
		}
	}
	return 2 * float64(len(syn)) / float64(len(syn)+len(header)), true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// companiesByName reads a bare "Name" column as the company's name when
// the file describes companies: it identifies them (SIRET, VAT number or
// legal form) and has no first-name column. Dolibarr's third parties
// ("Name* (s.nom)") are such a file; Odoo's partners, without those
// columns, keep their names as last names.
func companiesByName(out []Suggestion, spelling []string) {
	col := -1
	has := map[string]bool{}
	for i, s := range out {
		has[s.Field] = true
		if s.Field == "last_name" && (spelling[i] == "nom" || spelling[i] == "name") {
			col = i
		}
	}
	if col < 0 || has["first_name"] || has["company_name"] || !(has["siret"] || has["vat_number"] || has["legal_form"]) {
		return
	}
	out[col].Field = "company_name"
	out[col].Reason = domain.Message{
		FR: "Nom d’une société\u00a0: le fichier a un SIRET, un n° de TVA ou une forme juridique, et pas de prénom",
		EN: "Name of a company: the file has a SIRET, VAT number or legal form, and no first name"}
}
