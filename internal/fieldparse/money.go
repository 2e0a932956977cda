package fieldparse

import (
	"strings"
	"unicode/utf8"
)

// maxMoneyDigits bounds the integer part of an amount: 999 999 999 999 999 €
// fits an int64 of cents with room to add a few of them.
const maxMoneyDigits = 15

// Money parses an amount in euros and returns it in cents.
//
// Accepted: 1234,56 · 1 234,56 (grouping by space, U+00A0, U+202F, U+2009) ·
// 12,00 € · € 12 · 12 EUR · EUR 12 · 12 euros · -12,5 · +12 · 12- (trailing
// minus of accounting exports) · (150,00) = −150 · −12 (U+2212) · 1234.56
// (dot decimal, as in XLSX raw values) · ,5 · a leading ' (text marker).
//
// Decisions on doubtful input, all accepted with a Warning that spells out
// the reading:
//   - 1.234,56 → 1 234,56 € (dot as thousands separator);
//   - 1,234.56 → 1 234,56 € (English format);
//   - 1.234.567 and 1,234,567 → grouping (1 234 567 €);
//   - a lone separator followed by exactly three digits (1,234 or 1.234) is
//     read as a decimal separator, as everywhere else in a French file, and
//     the amount is rounded to 1,23 €; the message says how to write 1 234 €;
//   - more than two decimals: rounded half away from zero to the cent
//     (12,345 → 12,35 €); binary float noise from XLSX values
//     (12.300000000000001) is rounded silently;
//   - a lone "-" (how the Comptabilité format shows zero) → 0.
//
// Rejected: other currencies, %, scientific notation (digits already lost),
// malformed grouping (12 34), more than 15 integer digits, spreadsheet error
// values, anything else that is not a number.
//
// An empty cell returns empty == true, 0 and no problem, so that callers can
// tell "no value" from 0,00 €.
func Money(s string) (cents int64, empty bool, p *Problem) {
	cell, t, empty, p := openNumber(s)
	if empty || p != nil {
		return 0, empty, p
	}
	body, neg, signs, ok := stripSignCurrency(t)
	if !ok {
		return 0, false, moneyInvalid(cell, t)
	}
	if body == "" {
		if signs == 1 && neg {
			return 0, false, newWarning(CodeMoneyDashZero,
				qfr(cell)+" est lu comme 0,00 € (c’est ainsi que le format Comptabilité affiche zéro). Laissez la cellule vide si le montant est inconnu.",
				qen(cell)+" is read as €0.00 (the Accounting format shows zero that way). Leave the cell empty if the amount is unknown.")
		}
		return 0, false, moneyInvalid(cell, t)
	}
	v, f, e := scanDecimal(body, 2, maxMoneyDigits)
	switch e {
	case numScientific:
		return 0, false, newError(CodeMoneyScientific,
			qfr(cell)+" est en notation scientifique : le tableur a arrondi le montant. Dans le tableur, formatez la colonne en Nombre avec 2 décimales, puis réexportez.",
			qen(cell)+" is in scientific notation: the spreadsheet has rounded the amount. In the spreadsheet, format the column as Number with 2 decimals, then export again.")
	case numTooLarge:
		return 0, false, newError(CodeMoneyTooLarge,
			qfr(cell)+" est trop grand pour un montant (15 chiffres avant la virgule au plus). Vérifiez la cellule.",
			qen(cell)+" is too large for an amount (at most 15 digits before the decimal separator). Check the cell.")
	case numGrouping:
		return 0, false, newError(CodeMoneyGrouping,
			"Les séparateurs de "+qfr(cell)+" sont mal placés. Écrivez le montant comme 1 234,56 (espace tous les trois chiffres, virgule décimale) ou sans séparateur de milliers : 1234,56.",
			"The separators in "+qen(cell)+" are misplaced. Write the amount as 1 234,56 (a space every three digits, decimal comma) or without thousands separator: 1234,56.")
	case numInvalid:
		return 0, false, moneyInvalid(cell, t)
	}
	if neg {
		v = -v
	}
	return v, false, moneyWarning(cell, body, v, f)
}

// moneyWarning returns the warning a number format deserves, if any.
func moneyWarning(cell, body string, v int64, f numFormat) *Problem {
	if f&(fmtAmbiguous|fmtGroupDot|fmtGroupComma|fmtRounded) == 0 {
		return nil // the common case: no message to build
	}
	fr, en := formatScaled(v, 2, true)+" €", "€"+formatScaled(v, 2, false)
	if v < 0 {
		en = "-€" + formatScaled(-v, 2, false)
	}
	switch {
	case f&fmtAmbiguous != 0:
		sep := ","
		if f&fmtDecDot != 0 {
			sep = "."
		}
		whole := onlyDigits(body)
		return newWarning(CodeMoneyAmbiguous,
			qfr(cell)+" est ambigu : le « "+sep+" » est lu comme séparateur décimal, soit "+fr+" après arrondi au centime. S’il s’agit de "+formatScaled(atoi(whole), 0, true)+" €, écrivez "+whole+" sans séparateur.",
			qen(cell)+" is ambiguous: the \""+sep+"\" is read as the decimal separator, giving "+en+" once rounded to the cent. If you meant €"+formatScaled(atoi(whole), 0, false)+", write "+whole+" without a separator.")
	case f&fmtGroupDot != 0:
		return newWarning(CodeMoneyThousandsDot,
			qfr(cell)+" utilise le point comme séparateur de milliers : lu comme "+fr+". Si ce n’est pas le bon montant, corrigez la cellule (format français : 1 234,56).",
			qen(cell)+" uses a dot as the thousands separator: read as "+en+". If that is not the right amount, fix the cell (French format: 1 234,56).")
	case f&fmtGroupComma != 0:
		return newWarning(CodeMoneyThousandsComma,
			qfr(cell)+" est au format anglais (virgule pour les milliers, point décimal) : lu comme "+fr+". Si ce n’est pas le bon montant, corrigez la cellule (format français : 1 234,56).",
			qen(cell)+" is in English format (comma for thousands, decimal point): read as "+en+". If that is not the right amount, fix the cell (French format: 1 234,56).")
	case f&fmtRounded != 0:
		return newWarning(CodeMoneyRounded,
			qfr(cell)+" a plus de deux décimales : arrondi au centime, soit "+fr+". Si cet arrondi ne convient pas, corrigez la cellule.",
			qen(cell)+" has more than two decimals: rounded to the cent, giving "+en+". If that rounding is wrong, fix the cell.")
	}
	return nil
}

// moneyInvalid explains why cell is not an amount, naming a foreign currency
// or a percent sign when there is one.
func moneyInvalid(cell, t string) *Problem {
	if cur := foreignCurrency(t); cur != "" {
		return newError(CodeMoneyCurrency,
			qfr(cell)+" est en "+cur+" : Carnet attend des montants en euros. Convertissez le montant en euros dans le tableur (et retirez le symbole), puis réimportez.",
			qen(cell)+" is in "+cur+": Carnet expects amounts in euros. Convert the amount to euros in the spreadsheet (and remove the symbol), then import again.")
	}
	if strings.Contains(t, "%") {
		return newError(CodeMoneyPercent,
			qfr(cell)+" est un pourcentage, pas un montant. Vérifiez que la colonne est associée au bon champ, ou saisissez le montant en euros.",
			qen(cell)+" is a percentage, not an amount. Check that the column is mapped to the right field, or enter the amount in euros.")
	}
	return newError(CodeMoneyInvalid,
		qfr(cell)+" n’est pas un montant. Écrivez un nombre comme 1 234,56 ou -12,50 (virgule décimale, symbole € facultatif), ou laissez la cellule vide.",
		qen(cell)+" is not an amount. Write a number such as 1 234,56 or -12,50 (decimal comma, € sign optional), or leave the cell empty.")
}

// stripSignCurrency peels the sign, the parentheses of a negative amount and
// the euro mark off both ends of t. neg is true for a negative amount; signs
// counts the signs seen (an amount may carry one at most); ok is false when
// the marks contradict each other, e.g. "(-12)" or "--12".
func stripSignCurrency(t string) (body string, neg bool, signs int, ok bool) {
	paren, currency := false, 0
	for {
		t = trimCell(t)
		if t == "" {
			break
		}
		if !paren && len(t) >= 2 && t[0] == '(' && t[len(t)-1] == ')' {
			paren = true
			t = t[1 : len(t)-1]
			continue
		}
		if n, minus := signPrefix(t); n > 0 {
			signs++
			neg = neg || minus
			t = t[n:]
			continue
		}
		if n := euroPrefix(t); n > 0 {
			currency++
			t = t[n:]
			continue
		}
		if n := euroSuffix(t); n > 0 {
			currency++
			t = t[:len(t)-n]
			continue
		}
		if len(t) > 1 && t[len(t)-1] == '-' && isDigit(t[len(t)-2]) {
			signs++
			neg = true
			t = t[:len(t)-1]
			continue
		}
		break
	}
	if signs > 1 || currency > 1 || (paren && signs > 0) {
		return "", false, signs, false
	}
	return t, neg || paren, signs, true
}

// signPrefix returns the byte length of a leading sign and whether it is a
// minus: '+', '-', U+2212 MINUS SIGN, U+2013 EN DASH.
func signPrefix(t string) (int, bool) {
	switch t[0] {
	case '+':
		return 1, false
	case '-':
		return 1, true
	}
	if t[0] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(t)
		if r == '\u2212' || r == '\u2013' {
			return n, true
		}
	}
	return 0, false
}

func euroPrefix(t string) int {
	if strings.HasPrefix(t, "€") {
		return len("€")
	}
	if len(t) >= 3 && strings.EqualFold(t[:3], "eur") && (len(t) == 3 || !isLetter(t[3])) {
		return 3
	}
	return 0
}

func euroSuffix(t string) int {
	if strings.HasSuffix(t, "€") {
		return len("€")
	}
	for _, w := range [...]string{"euros", "euro", "eur"} {
		if len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) &&
			(len(t) == len(w) || !isLetter(t[len(t)-len(w)-1])) {
			return len(w)
		}
	}
	return 0
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// foreignCurrency names the non-euro currency marked in t, if any.
func foreignCurrency(t string) string {
	switch {
	case strings.Contains(t, "$"):
		return "dollars"
	case strings.Contains(t, "£"):
		return "livres sterling / pounds sterling"
	case strings.Contains(t, "¥"):
		return "yens ou yuans / yen or yuan"
	case strings.Contains(t, "₣"):
		return "francs"
	}
	for _, code := range [...]string{"USD", "GBP", "CHF", "CAD", "JPY", "CNY", "AUD", "XPF", "XOF", "XAF", "MAD", "DZD", "TND", "FRF"} {
		if len(t) > 3 && (strings.EqualFold(t[:3], code) && !isLetter(t[3]) ||
			strings.EqualFold(t[len(t)-3:], code) && !isLetter(t[len(t)-4])) {
			return code
		}
	}
	return ""
}

// atoi converts a string of at most 18 ASCII digits, for messages.
func atoi(s string) int64 {
	var v int64
	for i := 0; i < len(s) && i < 18; i++ {
		v = v*10 + int64(s[i]-'0')
	}
	return v
}
