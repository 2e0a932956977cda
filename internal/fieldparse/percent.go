package fieldparse

import "strings"

// Percent parses a discount percentage between 0 and 100 and returns it in
// hundredths of a percent: "10" → 1000, "10 %" → 1000, "10,5%" → 1050,
// "12.5" → 1250, "100" → 10000.
//
// Decisions:
//   - the % sign is optional and may follow a space or U+00A0/U+202F;
//   - a value written with a decimal separator, greater than 0 and at most 1,
//     and without % ("0,15", "1,0") is read literally (0,15 %) with a Warning
//     that it may be a fraction (0,15 = 15 %, which is how a spreadsheet
//     stores a cell formatted as percentage);
//   - more than two decimals: rounded to the hundredth, with a Warning;
//   - below 0 or above 100: Error.
//
// An empty cell returns empty == true.
func Percent(s string) (hundredths int64, empty bool, p *Problem) {
	cell, t, empty, p := openNumber(s)
	if empty || p != nil {
		return 0, empty, p
	}
	hasPercent := false
	if strings.HasSuffix(t, "%") {
		hasPercent = true
		t = trimCell(t[:len(t)-1])
	}
	neg := false
	if t != "" {
		if n, minus := signPrefix(t); n > 0 {
			neg = minus
			t = trimCell(t[n:])
		}
	}
	v, f, e := scanDecimal(t, 2, 6)
	if e != numOK && e != numTooLarge {
		return 0, false, newError(CodePercentInvalid,
			qfr(cell)+" n’est pas un pourcentage. Écrivez un nombre entre 0 et 100, par exemple 10 ou 12,5 % (virgule décimale).",
			qen(cell)+" is not a percentage. Write a number between 0 and 100, such as 10 or 12,5 % (decimal comma).")
	}
	if neg && (v > 0 || e == numTooLarge) {
		return 0, false, newError(CodePercentNegative,
			"Le pourcentage "+qfr(cell)+" ne peut pas être négatif. Saisissez une remise entre 0 et 100.",
			"The percentage "+qen(cell)+" cannot be negative. Enter a discount between 0 and 100.")
	}
	if e == numTooLarge || v > 10000 {
		return 0, false, newError(CodePercentRange,
			"Le pourcentage "+qfr(cell)+" ne peut pas dépasser 100. Saisissez une remise entre 0 et 100.",
			"The percentage "+qen(cell)+" cannot exceed 100. Enter a discount between 0 and 100.")
	}
	fraction := !hasPercent && f&(fmtDecComma|fmtDecDot) != 0 && v > 0 && v <= 100
	if !fraction && f&fmtRounded == 0 {
		return v, false, nil // the common case: no message to build
	}
	fr, en := formatScaled(v, 2, true)+" %", formatScaled(v, 2, false)+"%"
	switch {
	case fraction:
		w, _, _ := scanDecimal(t, 4, 6) // the same digits read as a fraction, in hundredths of a percent
		return v, false, newWarning(CodePercentFraction,
			qfr(cell)+" est lu comme "+fr+". S’il s’agit d’une fraction ("+t+" = "+formatTrim(w, 2, true)+" %), saisissez "+formatTrim(w, 2, true)+" ou "+formatTrim(w, 2, true)+" % dans le tableur.",
			qen(cell)+" is read as "+en+". If it is a fraction ("+t+" = "+formatTrim(w, 2, false)+"%), enter "+formatTrim(w, 2, false)+" or "+formatTrim(w, 2, false)+"% in the spreadsheet.")
	default:
		return v, false, newWarning(CodePercentRounded,
			qfr(cell)+" a plus de deux décimales : arrondi à "+fr+". Si cet arrondi ne convient pas, corrigez la cellule.",
			qen(cell)+" has more than two decimals: rounded to "+en+". If that rounding is wrong, fix the cell.")
	}
}

// Int parses a whole number written the French way ("1 234", "-12", "+3");
// repeated dots or commas are grouping ("1.234.567"); "12,0" and XLSX values
// such as "12.000000000001" are accepted; a real fraction ("1,5", and "1,234"
// whose separator is read as decimal) is an Error. An empty cell returns
// empty == true.
func Int(s string) (n int64, empty bool, p *Problem) {
	cell, t, empty, p := openNumber(s)
	if empty || p != nil {
		return 0, empty, p
	}
	neg := false
	if k, minus := signPrefix(t); k > 0 {
		neg = minus
		t = trimCell(t[k:])
	}
	v, f, e := scanDecimal(t, 0, 18)
	switch {
	case e == numTooLarge:
		return 0, false, newError(CodeIntTooLarge,
			qfr(cell)+" est trop grand (18 chiffres au plus). Vérifiez la cellule ; s’il s’agit d’un identifiant, associez la colonne à un champ texte.",
			qen(cell)+" is too large (18 digits at most). Check the cell; if it is an identifier, map the column to a text field.")
	case e != numOK:
		return 0, false, newError(CodeIntInvalid,
			qfr(cell)+" n’est pas un nombre entier. Saisissez des chiffres seulement, par exemple 30 ou 1 234.",
			qen(cell)+" is not a whole number. Enter digits only, such as 30 or 1 234.")
	case f&fmtRounded != 0:
		return 0, false, newError(CodeIntNotInteger,
			qfr(cell)+" a une partie décimale : un nombre entier est attendu. S’il s’agit de "+onlyDigits(t)+", retirez le séparateur ; sinon arrondissez la valeur dans le tableur.",
			qen(cell)+" has a fractional part: a whole number is expected. If you meant "+onlyDigits(t)+", remove the separator; otherwise round the value in the spreadsheet.")
	}
	if neg {
		v = -v
	}
	return v, false, nil
}
