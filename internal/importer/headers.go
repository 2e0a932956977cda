package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"carnet/internal/textfold"
)

// Fingerprint identifies a file layout: a hash of its folded headers in
// column order. Order matters because a profile maps columns by position;
// folding makes "Code Postal" and "code postal" the same layout.
func Fingerprint(headers []string) string {
	h := sha256.New()
	for _, s := range headers {
		h.Write([]byte(textfold.Fold(s)))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

var (
	// "Birthday (yyyy-mm-dd)", "Groups (x,y,z...)", Dolibarr "IdProf1 (s.siret)".
	parenthesised = regexp.MustCompile(`\(([^()]*)\)`)
	// Dolibarr's "table.field" inside the parentheses.
	tableField = regexp.MustCompile(`^[a-z]{1,3}\.([a-z_0-9]+)$`)
	nonWord    = regexp.MustCompile(`[^a-z0-9]+`)
)

// headerForms returns the spellings of a header worth looking up, best
// first: the folded header without marks ("Email *" → "email"), the
// header without its parenthesised hint, and the field named in a
// Dolibarr-style "(s.field)".
func headerForms(header string) []string {
	folded := textfold.Fold(header)
	var forms []string
	add := func(s string) {
		s = strings.TrimSpace(nonWord.ReplaceAllString(s, " "))
		if s == "" {
			return
		}
		for _, f := range forms {
			if f == s {
				return
			}
		}
		forms = append(forms, s)
	}
	add(folded)
	for _, m := range parenthesised.FindAllStringSubmatch(folded, -1) {
		if tf := tableField.FindStringSubmatch(strings.TrimSpace(m[1])); tf != nil {
			add(tf[1])
		}
	}
	add(parenthesised.ReplaceAllString(folded, " "))
	return forms
}

// normalForm is how synonyms and labels are compared: folded, punctuation
// and underscores as single spaces.
func normalForm(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(textfold.Fold(s), " "))
}
