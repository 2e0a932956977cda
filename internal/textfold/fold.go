// Package textfold folds text for comparisons and search: lower case, accents
// removed, so that "elise" finds "Élise" and "ELISE".
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s, removes diacritics (é→e, ç→c, œ stays œ) and maps the
// typographic spaces to a plain space. ASCII input takes a fast path without
// allocation when it is already folded.
func Fold(s string) string {
	ascii := true
	lowered := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			lowered = false
		}
	}
	if ascii {
		if lowered {
			return s
		}
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\u00a0' || r == '\u202f' || r == '\u2009':
			b.WriteByte(' ')
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// RemoveAccents strips diacritics but keeps the case ("Élise" → "Elise").
func RemoveAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
