package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"

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

// headerForm is one reading of a header, in headerKey form.
type headerForm struct {
	key string
	// derived readings drop words (the customer's own qualifiers, a
	// plural): they are trusted only when the values fit the field.
	derived bool
}

// headerForms returns the readings of a header worth looking up, best
// first: the whole header without marks ("Email *" → "email"), the column
// of a Dolibarr-style "Label (table.column)" ("IdProf1 (s.siret)" →
// "siret"), the header without its parenthesised hint, its camel-case words
// ("CustomerCode" → "customer code"), the attribute an Odoo path names
// ("country_id/name" → "country"); then, derived, each of them without the
// words that only say the value is the customer's own ("Customer e-mail",
// "_address_street") and in the singular ("Cities").
func headerForms(header string) []headerForm {
	var forms []headerForm
	add := func(s string, derived bool) {
		k := headerKey(s)
		if k == "" {
			return
		}
		for _, f := range forms {
			if f.key == k {
				return
			}
		}
		forms = append(forms, headerForm{k, derived})
	}
	folded := textfold.Fold(header)
	add(folded, false)
	for _, m := range parenthesised.FindAllStringSubmatch(folded, -1) {
		if tf := tableField.FindStringSubmatch(strings.TrimSpace(m[1])); tf != nil {
			add(tf[1], false)
		}
	}
	add(parenthesised.ReplaceAllString(folded, " "), false)
	add(camelWords(parenthesised.ReplaceAllString(header, " ")), false)
	if rel, attr, ok := odooPath(folded); ok {
		add(rel+" "+attr, false)
	}
	for _, f := range append([]headerForm(nil), forms...) {
		var kept []string
		for _, t := range strings.Fields(f.key) {
			if !neutralWords[t] {
				kept = append(kept, t)
			}
		}
		add(strings.Join(kept, " "), true)
	}
	for _, f := range append([]headerForm(nil), forms...) {
		add(singular(f.key), true)
	}
	return forms
}

// headerKey is the form in which headers and synonyms are compared for
// suggestions: normalForm, letters apart from digits ("Street2" →
// "street 2", "address1" → "address 1"), without stop words ("N° de
// téléphone" → "n telephone").
func headerKey(s string) string {
	var out []string
	for _, t := range strings.Fields(splitDigits(normalForm(s))) {
		if !stopWords[t] {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// splitDigits puts a space between a letter and a digit that touch.
func splitDigits(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		isDigit, wasDigit := r >= '0' && r <= '9', prev >= '0' && prev <= '9'
		isLetter, wasLetter := r >= 'a' && r <= 'z', prev >= 'a' && prev <= 'z'
		if (isDigit && wasLetter) || (isLetter && wasDigit) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// camelWords splits "CustomerCode" into "Customer Code" and
// "VATIntraShort" into "VAT Intra Short", as Dolibarr's labels are written.
func camelWords(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// odooPath reads Odoo's export paths: "country_id/name" is the country,
// "parent_id/email" the parent's e-mail. rel is the relation without its
// "_id(s)" ending, attr the attribute ("" for an identifier or a name,
// which stand for the related record itself).
func odooPath(folded string) (rel, attr string, ok bool) {
	if !odooPathRE.MatchString(folded) {
		return "", "", false
	}
	parts := strings.Split(folded, "/")
	rel = strings.TrimSuffix(strings.TrimSuffix(parts[0], "_ids"), "_id")
	attr = parts[len(parts)-1]
	switch attr {
	case "id", ".id", "name", "display_name", "code":
		attr = ""
	}
	return rel, attr, true
}

var odooPathRE = regexp.MustCompile(`^[a-z_]+(/[a-z_.]+)+$`)

// singular reads every word of a form in the singular ("cities" → "city",
// "emails" → "email").
func singular(key string) string {
	words := strings.Fields(key)
	for i, w := range words {
		switch {
		case len(w) > 4 && strings.HasSuffix(w, "ies"):
			words[i] = w[:len(w)-3] + "y"
		case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			words[i] = w[:len(w)-1]
		}
	}
	return strings.Join(words, " ")
}

// normalForm is how synonyms and labels are compared: folded, punctuation
// and underscores as single spaces.
func normalForm(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(textfold.Fold(s), " "))
}
