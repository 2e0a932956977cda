package fieldparse

import "strings"

// decimalScale is how many decimals a custom number field keeps.
const decimalScale = 6

// Decimal parses a number with decimals written the French or the
// international way ("1 234,5", "1234.5", "-0,25"), under scanDecimal's
// reading rules, and returns it in the stored form custom number fields
// use: no grouping, '.' before the decimals, no trailing zeros ("1234.5").
// An empty cell returns empty == true.
func Decimal(s string) (v string, empty bool, p *Problem) {
	cell, t, empty, p := openNumber(s)
	if empty || p != nil {
		return "", empty, p
	}
	neg := false
	if k, minus := signPrefix(t); k > 0 {
		neg = minus
		t = trimCell(t[k:])
	}
	n, f, e := scanDecimal(t, decimalScale, 15)
	switch {
	case e == numTooLarge:
		return "", false, newError(CodeDecimalInvalid,
			qfr(cell)+" est trop grand (15 chiffres avant la virgule au plus).",
			qen(cell)+" is too large (15 digits before the decimal point at most).")
	case e != numOK:
		return "", false, newError(CodeDecimalInvalid,
			qfr(cell)+" n’est pas un nombre. Saisissez par exemple 12,5 ou 1 250.",
			qen(cell)+" is not a number. Enter for example 12.5 or 1250.")
	}
	if neg {
		n = -n
	}
	out := strings.ReplaceAll(formatTrim(n, decimalScale, false), ",", "")
	if out == "-0" {
		out = "0"
	}
	if f&fmtRounded != 0 {
		return out, false, newWarning(CodeDecimalRounded,
			qfr(cell)+" a plus de six décimales : arrondi à "+strings.Replace(out, ".", ",", 1)+".",
			qen(cell)+" has more than six decimals: rounded to "+out+".")
	}
	return out, false, nil
}
