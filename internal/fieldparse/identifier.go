package fieldparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Identifier cleans a cell holding a text identifier: customer code, SIRET,
// postcode, phone, IBAN, account number, loyalty card… Its value is text:
// leading zeros are kept ("01", "00.11" stay as they are).
//
//   - edges trimmed, and a leading ' (text marker of Excel and Shopify
//     exports: '75001, '+33 6…) removed;
//   - scientific notation (4,04833E+13, 4.04833e13, 6,12E+08, 1E+15) is an
//     Error: the spreadsheet has already replaced digits by zeros, the
//     original number cannot be rebuilt;
//   - digits, E, digits without separator or exponent sign (12E45) is a
//     Warning: it may be a real code or a number the spreadsheet reformatted;
//   - digits followed by ".0" or ",0" (612345678.0, 75001.0: a number cell
//     read back as a float) lose that suffix, with a Warning;
//   - control characters (line breaks, tabs, NUL) are an Error.
//
// An empty cell returns "" and no problem.
func Identifier(s string) (string, *Problem) {
	cell := trimCell(s)
	t := stripTextMarker(cell)
	if t == "" {
		return "", nil
	}
	if isSpreadsheetError(t) {
		return "", spreadsheetErrorProblem(t)
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 0x20 || c == 0x7f {
			return "", newError(CodeIDControlChar,
				qfr(cell)+" contient un caractère de contrôle (retour à la ligne, tabulation…) : un identifiant tient sur une ligne. Corrigez la cellule dans le tableur.",
				qen(cell)+" contains a control character (line break, tab…): an identifier fits on one line. Fix the cell in the spreadsheet.")
		}
	}
	if isScientific(t) {
		if hasExponentMark(t) {
			return "", newError(CodeIDScientific,
				qfr(cell)+" est en notation scientifique : le tableur a déjà perdu des chiffres, impossible de retrouver le numéro. Dans le tableur, formatez la colonne en Texte et ressaisissez les numéros (ou réexportez-les depuis le logiciel d’origine).",
				qen(cell)+" is in scientific notation: the spreadsheet has already lost digits, the number cannot be recovered. In the spreadsheet, format the column as Text and enter the numbers again (or export them again from the original software).")
		}
		return t, newWarning(CodeIDMaybeScientific,
			qfr(cell)+" ressemble à un nombre en notation scientifique. S’il s’agit bien d’un code, ignorez cet avertissement ; sinon formatez la colonne en Texte dans le tableur et ressaisissez la valeur.",
			qen(cell)+" looks like a number in scientific notation. If it really is a code, ignore this warning; otherwise format the column as Text in the spreadsheet and enter the value again.")
	}
	if n := floatSuffix(t); n > 0 {
		v := t[:len(t)-n]
		return v, newWarning(CodeIDFloatArtefact,
			qfr(cell)+" a été lu comme un nombre à virgule par le tableur : corrigé en "+qfr(v)+". Pour l’éviter, formatez la colonne en Texte dans le tableur.",
			qen(cell)+" was read as a decimal number by the spreadsheet: corrected to "+qen(v)+". To avoid this, format the column as Text in the spreadsheet.")
	}
	return t, nil
}

// hasExponentMark reports whether a scientific-notation cell has the marks a
// spreadsheet puts there (a decimal separator or a signed exponent), as
// opposed to a code like 12E45.
func hasExponentMark(t string) bool {
	return strings.ContainsAny(t, ".,+-")
}

// floatSuffix returns the length of a ".0"/",0" (or ".00"…) suffix after at
// least one digit, when the rest is digits only; 0 otherwise.
func floatSuffix(t string) int {
	dot := strings.LastIndexAny(t, ".,")
	if dot < 1 || dot == len(t)-1 || !isDigits(t[:dot]) || !allZeros(t[dot+1:]) {
		return 0
	}
	return len(t) - dot
}

// frenchPostcodeCountries use La Poste's five-digit postcodes: France and the
// overseas departments and collectivities with their own ISO code, plus
// Monaco (980xx).
var frenchPostcodeCountries = map[string]bool{
	"": true, "FR": true, "FRA": true, "FRANCE": true, "FX": true,
	"GP": true, "MQ": true, "GF": true, "RE": true, "YT": true, "PM": true,
	"BL": true, "MF": true, "WF": true, "PF": true, "NC": true, "MC": true,
}

// FrenchPostcode cleans a postcode. country is the address's country ("",
// "FR" or "France" mean France; overseas ISO codes such as RE and GP, and
// Monaco, use the same system); other countries' postcodes are returned as
// cleaned by Identifier, untouched otherwise.
//
// For France:
//   - five digits: accepted (inner spaces removed: "75 001" → "75001");
//   - four digits (1000–9999): Warning, left-padded to 01000–09999, since the
//     spreadsheet dropped the leading zero (departments 01 to 09);
//   - "2A…"/"2B…" (Corsican department codes, not postcodes): Warning;
//   - a "F-" or "FR-" prefix is removed;
//   - anything else: Warning, returned as written.
func FrenchPostcode(s, country string) (string, *Problem) {
	t, p := Identifier(s)
	if t == "" || p.IsError() {
		return t, p
	}
	if !frenchPostcodeCountries[strings.ToUpper(trimCell(country))] {
		return t, p
	}
	cell := trimCell(s)
	code := t
	for _, prefix := range [...]string{"FR-", "FR ", "F-", "F "} {
		if len(code) > len(prefix) && strings.EqualFold(code[:len(prefix)], prefix) {
			code = trimCell(code[len(prefix):])
			break
		}
	}
	code = removeSpaces(code)
	switch {
	case len(code) == 5 && isDigits(code):
		return code, p
	case len(code) == 4 && isDigits(code) && code[0] != '0':
		fixed := "0" + code
		return fixed, newWarning(CodePostcodeLostZero,
			"Code postal à 4 chiffres "+qfr(cell)+" : le zéro initial a sans doute été perdu par le tableur (01000 à 09999) ; corrigé en "+fixed+". Formatez la colonne en Texte dans le tableur pour garder les zéros.",
			"Four-digit postcode "+qen(cell)+": the spreadsheet probably dropped the leading zero (01000 to 09999); corrected to "+fixed+". Format the column as Text in the spreadsheet to keep the zeros.")
	case len(code) == 5 && code[0] == '2' && (code[1]|0x20 == 'a' || code[1]|0x20 == 'b') && isDigits(code[2:]):
		return t, newWarning(CodePostcodeCorsica,
			qfr(cell)+" n’est pas un code postal : 2A et 2B sont les numéros des départements corses, dont les codes postaux commencent par 20 (par exemple 20000 Ajaccio, 20200 Bastia). Corrigez la cellule.",
			qen(cell)+" is not a postcode: 2A and 2B are the Corsican department numbers, whose postcodes start with 20 (e.g. 20000 Ajaccio, 20200 Bastia). Fix the cell.")
	}
	return t, newWarning(CodePostcodeFormat,
		qfr(cell)+" n’est pas un code postal français (5 chiffres). Vérifiez le code postal, ou le pays de l’adresse s’il n’est pas en France.",
		qen(cell)+" is not a French postcode (5 digits). Check the postcode, or the address’s country if it is not in France.")
}

// removeSpaces drops every space (Unicode included) from s, allocating only
// when there is one.
func removeSpaces(s string) string {
	has := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
