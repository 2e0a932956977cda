package fieldparse

import "strings"

// The answers Consent returns: the values of domain.Consent, which this
// package does not import.
const (
	ConsentYes      = "yes"
	ConsentNo       = "no"
	ConsentNotAsked = ""
)

// CodeConsentInvalid is the problem of a cell Consent cannot read (kept
// with the parser; the other codes are in codes.go).
const CodeConsentInvalid = "consent.invalid"

// consentWords are the spellings of a marketing consent that shops, ERPs
// and spreadsheets write, folded, with "_" and "-" read as spaces.
var consentWords = map[string]string{
	// Yes/no in both languages, a ticked box, spreadsheet booleans, and
	// Shopify's "Accepts Email Marketing" (yes/no).
	"oui": ConsentYes, "o": ConsentYes, "yes": ConsentYes, "y": ConsentYes, "x": ConsentYes,
	"1": ConsentYes, "vrai": ConsentYes, "true": ConsentYes,
	"non": ConsentNo, "n": ConsentNo, "no": ConsentNo, "0": ConsentNo, "faux": ConsentNo, "false": ConsentNo,
	// Newsletter states: Magento's "Subscribed", "Not Subscribed",
	// "Unsubscribed"; Shopify's "Email Marketing Consent" subscribed,
	// not_subscribed (never ticked the box: no consent), unsubscribed,
	// pending (the confirmation e-mail is unanswered: not asked yet).
	"subscribed": ConsentYes, "abonne": ConsentYes, "inscrit": ConsentYes,
	"unsubscribed": ConsentNo, "not subscribed": ConsentNo, "desabonne": ConsentNo, "desinscrit": ConsentNo,
	"non abonne": ConsentNo, "non inscrit": ConsentNo, "refuse": ConsentNo,
	"pending": ConsentNotAsked, "en attente": ConsentNotAsked,
	// Carnet's own labels, so that an export imports back as it was.
	"non demande": ConsentNotAsked, "not asked": ConsentNotAsked,
}

// Consent reads a marketing consent cell, trimmed and case- and
// accent-insensitive: ConsentYes for Oui, Yes, X, 1, Vrai, True,
// Subscribed…; ConsentNo for Non, No, 0, Faux, False, Unsubscribed, Not
// Subscribed…; ConsentNotAsked for Pending and "Non demandé". An empty cell
// returns ConsentNotAsked with empty == true: on an update the caller keeps
// the stored answer, as for any field.
func Consent(s string) (v string, empty bool, p *Problem) {
	cell := trimCell(s)
	t := stripTextMarker(cell)
	if t == "" {
		return ConsentNotAsked, true, nil
	}
	if len(t) <= 20 {
		key := strings.Join(strings.FieldsFunc(Fold(t), func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), " ")
		if v, ok := consentWords[key]; ok {
			return v, false, nil
		}
	}
	if isSpreadsheetError(t) {
		return ConsentNotAsked, false, spreadsheetErrorProblem(t)
	}
	return ConsentNotAsked, false, newError(CodeConsentInvalid,
		qfr(cell)+" n’est pas un consentement. Saisissez Oui (ou 1, X, Subscribed), Non (ou 0, Unsubscribed), Pending ou Non demandé, ou laissez la cellule vide (non demandé).",
		qen(cell)+" is not a consent. Enter Yes (or 1, X, Subscribed), No (or 0, Unsubscribed), Pending or Not asked, or leave the cell empty (not asked).")
}
