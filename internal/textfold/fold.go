// Package textfold folds text for comparisons and search, so that "elise"
// finds "Élise" and "Code  Postal" matches "code postal".
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, without accents (canonical decomposition, then
// combining marks U+0300… dropped), with œ/æ/ß spelled oe/ae/ss, typographic
// apostrophes made plain, and white space (any Unicode space, line breaks,
// U+00A0, U+202F…) collapsed to single spaces and trimmed; ø, ł, đ and ı,
// which have no decomposition, become o, l, d and i. Two header or
// group names are "the same" when their folds are equal:
// Fold(" Code  Postal ") == Fold("code postal"), Fold("Élève") == "eleve".
//
// It runs once per cell: ASCII input that is already folded is returned as
// is without allocating, other input costs one allocation.
func Fold(s string) string {
	space := true // previous byte was a space, or start of string
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return foldSlow(s)
		case c >= 'A' && c <= 'Z':
			clean = false
		case c == ' ':
			if space {
				clean = false
			}
			space = true
			continue
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			clean = false
		}
		space = false
	}
	if clean && (s == "" || !space) {
		return s
	}
	return foldSlow(s)
}

func foldSlow(s string) string {
	var f folder
	f.b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || (c >= '\t' && c <= '\r') {
				f.pending = true
			} else {
				f.letter(rune(c))
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		props := norm.NFD.PropertiesString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			f.pending = true
			continue
		}
		d := props.Decomposition()
		if d == nil {
			f.letter(r)
			continue
		}
		for j := 0; j < len(d); {
			dr, dsize := utf8.DecodeRune(d[j:])
			j += dsize
			f.letter(dr)
		}
	}
	return f.b.String()
}

// folder accumulates the folded string; pending records a space owed before
// the next character (spaces are collapsed and trimmed).
type folder struct {
	b       strings.Builder
	pending bool
}

// letter writes one decomposed rune: combining marks dropped, lower case,
// ligatures and letters without decomposition spelled in ASCII.
func (f *folder) letter(r rune) {
	if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
		return
	}
	if f.pending && f.b.Len() > 0 {
		f.b.WriteByte(' ')
	}
	f.pending = false
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		f.b.WriteByte(byte(r))
		return
	}
	r = unicode.ToLower(r)
	switch r {
	case 'œ':
		f.b.WriteString("oe")
	case 'æ':
		f.b.WriteString("ae")
	case 'ß':
		f.b.WriteString("ss")
	case 'ø':
		f.b.WriteByte('o')
	case 'ł':
		f.b.WriteByte('l')
	case 'đ':
		f.b.WriteByte('d')
	case 'ı':
		f.b.WriteByte('i')
	case '\u2019', '\u2018', '\u02bc', '\u00b4':
		f.b.WriteByte('\'')
	default:
		f.b.WriteRune(r)
	}
}
