package fieldparse

// Bool parses a yes/no cell, trimmed and case-insensitive:
// true for Oui, O, Yes, Y, X, 1, Vrai, True; false for Non, N, No, 0, Faux,
// False. An empty cell returns false with empty == true (a ticked-box column
// typically leaves "no" empty: the caller decides what empty means).
func Bool(s string) (v bool, empty bool, p *Problem) {
	cell := trimCell(s)
	t := stripTextMarker(cell)
	if t == "" {
		return false, true, nil
	}
	if len(t) <= 5 {
		var buf [5]byte
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		switch string(buf[:len(t)]) {
		case "oui", "o", "yes", "y", "x", "1", "vrai", "true":
			return true, false, nil
		case "non", "n", "no", "0", "faux", "false":
			return false, false, nil
		}
	}
	if isSpreadsheetError(t) {
		return false, false, spreadsheetErrorProblem(t)
	}
	return false, false, newError(CodeBoolInvalid,
		qfr(cell)+" n’est pas une valeur oui/non. Saisissez Oui ou Non (ou 1/0, Vrai/Faux, X pour oui), ou laissez la cellule vide.",
		qen(cell)+" is not a yes/no value. Enter Yes or No (or Oui/Non, 1/0, True/False, X for yes), or leave the cell empty.")
}
