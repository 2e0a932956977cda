package fieldparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isTrimmed reports whether r is removed at the edges of a cell: Unicode
// white space (which includes U+00A0, U+202F, U+2009 and line breaks) plus
// the invisible U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER and U+FEFF (a BOM
// that leaked into a cell).
func isTrimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// trimCell trims the edges of a cell without allocating.
func trimCell(s string) string {
	if s == "" {
		return s
	}
	// Fast path: printable ASCII at both ends.
	if c, d := s[0], s[len(s)-1]; c > ' ' && c < utf8.RuneSelf && d > ' ' && d < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isTrimmed)
}

// stripTextMarker removes the leading apostrophe that Excel, LibreOffice and
// Shopify exports put in front of numbers meant as text ('06 12…, '75001).
func stripTextMarker(s string) string {
	if len(s) > 0 && s[0] == '\'' {
		return trimCell(s[1:])
	}
	return s
}

// spreadsheetErrors are the error values spreadsheets write into a cell whose
// formula failed, in English, French (Excel and LibreOffice) and German.
var spreadsheetErrors = [...]string{
	"#N/A", "#N/D", "#NV",
	"#VALUE!", "#VALEUR!", "#WERT!",
	"#REF!", "#BEZUG!",
	"#DIV/0!",
	"#NAME?", "#NOM?",
	"#NUM!", "#NOMBRE!", "#ZAHL!",
	"#NULL!", "#NUL!",
	"#SPILL!", "#PROPAGATION!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BUSY!",
}

// isSpreadsheetError reports whether s (trimmed) is a spreadsheet error value
// such as #N/A or #VALEUR!, a LibreOffice "Err:502", or a run of # that a
// too-narrow column displays.
func isSpreadsheetError(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '#':
		if strings.Trim(s, "#") == "" {
			return true
		}
		for _, e := range spreadsheetErrors {
			if strings.EqualFold(s, e) {
				return true
			}
		}
	case 'E', 'e':
		if len(s) == 7 && strings.EqualFold(s[:4], "err:") && isDigits(s[4:]) {
			return true
		}
	}
	return false
}

func spreadsheetErrorProblem(s string) *Problem {
	return newError(CodeSpreadsheetError,
		"La cellule contient "+qfr(s)+", une valeur d’erreur du tableur (formule en échec ou colonne trop étroite) : corrigez la formule ou remplacez-la par sa valeur dans le tableur, puis réimportez.",
		"The cell holds "+qen(s)+", a spreadsheet error value (failed formula or column too narrow): fix the formula or replace it with its value in the spreadsheet, then import again.")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDigits reports whether s is non-empty and made only of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isGroupSpace reports whether r separates thousands in a French number:
// space, no-break space, narrow no-break space (CLDR 34+), thin space and
// figure space.
func isGroupSpace(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

// openNumber trims a numeric cell and strips its text marker. An empty cell
// gives empty; a spreadsheet error value (#N/A…) gives its Problem: the
// number parsers return those as they are.
func openNumber(s string) (cell, t string, empty bool, p *Problem) {
	cell = trimCell(s)
	t = stripTextMarker(cell)
	if t == "" {
		return cell, t, true, nil
	}
	if isSpreadsheetError(t) {
		return cell, t, false, spreadsheetErrorProblem(t)
	}
	return cell, t, false, nil
}
