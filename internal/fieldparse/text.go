package fieldparse

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text cleans a free-text cell (name, address line, note): edges trimmed,
// nothing else collapsed. Line breaks are kept, CR LF and lone CR becoming
// LF; tabs are kept.
//
//   - maxLen > 0 limits the length in characters (runes): longer is an Error;
//   - invalid UTF-8 is an Error (the file's encoding was misread);
//   - control characters other than tab and line breaks, including the C1
//     range U+0080–U+009F that a misread Windows-1252 file produces, are an
//     Error;
//   - U+FFFD (a character lost in an earlier conversion) is a Warning;
//   - bidirectional embedding, override and isolate controls (U+202A–U+202E,
//     U+2066–U+2069) are removed, with a Warning: they are invisible, have no
//     use in a name, an address or a note typed in a spreadsheet, and can
//     make a value display as something else ("txt.exe" shown as
//     "exe.txt", a name shown backwards). Removing them keeps the visible
//     text and takes the trick away; the warning shows what was kept. The
//     left-to-right and right-to-left marks (U+200E, U+200F) are kept:
//     they change no order by themselves;
//   - a value that a spreadsheet would run as a formula is a Warning: one
//     starting with "=", or with "+", "-" or "@" followed by a function call
//     (+SUM(, -SOMME(, @HYPERLINK(), a cell reference with an operator
//     (+A1*2, -$B$3+1) or a DDE link (+cmd|' /C calc'!A0). Phone numbers
//     (+33 6…), amounts (-12,50), list bullets ("- voir") and handles
//     (@dupont) are not. Probably a formula exported as its text, or an
//     attempt at formula injection.
func Text(s string, maxLen int) (string, *Problem) {
	t := unneutralise(trimCell(s))
	if t == "" {
		return "", nil
	}
	if !utf8.ValidString(t) {
		return "", newError(CodeTextEncoding,
			qfr(t)+" contient des octets illisibles : l’encodage du fichier a sans doute été mal reconnu. À l’étape Lecture, choisissez l’encodage Windows-1252 (ou UTF-8), ou réenregistrez le fichier en CSV UTF-8.",
			qen(t)+" contains unreadable bytes: the file’s encoding was probably misdetected. At the Reading step, choose the Windows-1252 (or UTF-8) encoding, or save the file again as CSV UTF-8.")
	}
	hasCR, hasFFFD, bidi, n := false, false, 0, 0
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				hasCR = true
			case c < 0x20 && c != '\t' && c != '\n', c == 0x7f:
				return "", textControl(t, false)
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case r >= 0x80 && r <= 0x9f:
			return "", textControl(t, true)
		case r == utf8.RuneError:
			hasFFFD = true
		case isBidiControl(r):
			bidi++
		}
		i += size
		n++
	}
	n -= bidi
	if maxLen > 0 && n > maxLen {
		return "", newError(CodeTextTooLong,
			qfr(t)+" fait "+strconv.Itoa(n)+" caractères ; la limite de ce champ est "+strconv.Itoa(maxLen)+". Raccourcissez le texte dans le tableur.",
			qen(t)+" is "+strconv.Itoa(n)+" characters long; this field’s limit is "+strconv.Itoa(maxLen)+". Shorten the text in the spreadsheet.")
	}
	if hasCR {
		t = strings.ReplaceAll(t, "\r\n", "\n")
		t = strings.ReplaceAll(t, "\r", "\n")
	}
	if bidi > 0 {
		clean := trimCell(strings.Map(dropBidiControl, t))
		return clean, newWarning(CodeTextBidi,
			qfr(t)+" contenait des caractères invisibles qui changent le sens d’écriture (U+202A à U+202E, U+2066 à U+2069) : ils peuvent faire afficher un texte à l’envers ou cacher ce qu’il dit vraiment, et ont été retirés. Vérifiez le texte gardé, "+qfr(clean)+".",
			qen(t)+" contained invisible characters that change the writing direction (U+202A to U+202E, U+2066 to U+2069): they can show a text backwards or hide what it really says, and were removed. Check the text kept, "+qen(clean)+".")
	}
	switch {
	case hasFFFD:
		return t, newWarning(CodeTextReplacement,
			qfr(t)+" contient le caractère « � » : un caractère a été perdu lors d’une conversion d’encodage. Vérifiez le texte ou l’encodage choisi à l’étape Lecture.",
			qen(t)+" contains the character \"�\": a character was lost in an encoding conversion. Check the text, or the encoding chosen at the Reading step.")
	case t[0] == '=':
		return t, newWarning(CodeTextFormula,
			qfr(t)+" commence par « = » : c’est sans doute une formule du tableur exportée telle quelle. Remplacez-la par sa valeur dans le tableur si ce n’est pas le texte voulu.",
			qen(t)+" starts with \"=\": it is probably a spreadsheet formula exported as is. Replace it with its value in the spreadsheet if this is not the intended text.")
	case looksLikeFormula(t):
		c := t[:1]
		return t, newWarning(CodeTextFormula,
			qfr(t)+" commence par « "+c+" » suivi de ce qui ressemble à une formule (fonction, référence de cellule ou lien DDE) : un tableur l’exécuterait. C’est une formule exportée telle quelle ou une tentative d’injection de formule ; remplacez-la par sa valeur dans le tableur si ce n’est pas le texte voulu.",
			qen(t)+" starts with \""+c+"\" followed by what looks like a formula (function, cell reference or DDE link): a spreadsheet would run it. It is a formula exported as is or an attempt at formula injection; replace it with its value in the spreadsheet if this is not the intended text.")
	}
	return t, nil
}

// unneutralise takes off the apostrophe that Carnet's exports (and
// spreadsheets) put in front of a text a spreadsheet would otherwise run as
// a formula ("'=x", "'- note", "'@dupont"), so that an export re-imports
// as it was. An apostrophe before anything else is the user's text.
func unneutralise(t string) string {
	if len(t) > 1 && t[0] == '\'' {
		switch t[1] {
		case '=', '+', '-', '@':
			return t[1:]
		}
	}
	return t
}

// isBidiControl reports the bidirectional embedding, override and isolate
// controls: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI
// (U+2066–U+2069).
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func dropBidiControl(r rune) rune {
	if isBidiControl(r) {
		return -1
	}
	return r
}

// looksLikeFormula reports a value starting with "+", "-" or "@" that a
// spreadsheet would run as a formula (see Text). Only the start decides:
// after the sign (and any further signs or spaces) comes a function call
// NAME(, a cell reference or range followed by an operator or nothing, a
// DDE link (letters, "|", then "!"), or a number and an operator followed
// by one of those (+1+A1, -2+3+cmd|…).
func looksLikeFormula(t string) bool {
	if len(t) < 2 || (t[0] != '+' && t[0] != '-' && t[0] != '@') {
		return false
	}
	rest := t[1:]
	for depth := 0; depth < 8; depth++ {
		rest = strings.TrimLeft(rest, " +-@=")
		if rest == "" {
			return false
		}
		if name := formulaName(rest); name > 0 {
			if name < len(rest) && rest[name] == '(' {
				return true // SUM(, SOMME(, HYPERLINK(
			}
			if rest[name] == '|' && strings.IndexByte(rest[name:], '!') > 0 {
				return true // cmd|' /C calc'!A0
			}
		}
		if ref := cellReference(rest); ref > 0 {
			after := strings.TrimLeft(rest[ref:], " ")
			return after == "" || isFormulaOperator(after[0])
		}
		// A number followed by an operator: look at what follows it.
		num := 0
		for num < len(rest) && (isDigit(rest[num]) || rest[num] == '.' || rest[num] == ',') {
			num++
		}
		if num == 0 || num == len(rest) || !isFormulaOperator(rest[num]) {
			return false
		}
		rest = rest[num+1:]
	}
	return false
}

// formulaName returns the length of a function name at the start of s:
// an ASCII letter, then letters, digits, "." or "_" (SUM, SOMME, _xlfn.X,
// LOG10); 0 if there is none. A name reaching the end of s counts as none.
func formulaName(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case (c|0x20) >= 'a' && (c|0x20) <= 'z', c == '_':
		case i > 0 && (isDigit(c) || c == '.'):
		default:
			if i == 0 {
				return 0
			}
			return i
		}
		i++
	}
	return 0
}

// cellReference returns the length of an A1-style reference or range at the
// start of s ($A$1, B12, AA3:AB9), 0 if there is none.
func cellReference(s string) int {
	one := func(s string) int {
		i := 0
		if i < len(s) && s[i] == '$' {
			i++
		}
		letters := 0
		for i < len(s) && (s[i]|0x20) >= 'a' && (s[i]|0x20) <= 'z' && letters < 4 {
			i++
			letters++
		}
		if letters == 0 || letters > 3 {
			return 0
		}
		if i < len(s) && s[i] == '$' {
			i++
		}
		digits := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
		if digits == 0 || digits > 7 {
			return 0
		}
		if i < len(s) && ((s[i]|0x20) >= 'a' && (s[i]|0x20) <= 'z' || s[i] == '_') {
			return 0 // A1B: a word, not a reference
		}
		return i
	}
	n := one(s)
	if n > 0 && n < len(s) && s[n] == ':' {
		if m := one(s[n+1:]); m > 0 {
			return n + 1 + m
		}
	}
	return n
}

func isFormulaOperator(c byte) bool {
	return strings.IndexByte("+-*/^&=<>:;,%", c) >= 0
}

func textControl(t string, c1 bool) *Problem {
	if c1 {
		return newError(CodeTextControlChar,
			qfr(t)+" contient un caractère de contrôle invisible (U+0080 à U+009F) : l’encodage du fichier a sans doute été mal reconnu. À l’étape Lecture, choisissez l’encodage Windows-1252.",
			qen(t)+" contains an invisible control character (U+0080 to U+009F): the file’s encoding was probably misdetected. At the Reading step, choose the Windows-1252 encoding.")
	}
	return newError(CodeTextControlChar,
		qfr(t)+" contient un caractère de contrôle invisible (seuls la tabulation et le retour à la ligne sont permis). Supprimez-le dans le tableur.",
		qen(t)+" contains an invisible control character (only tab and line break are allowed). Remove it in the spreadsheet.")
}

// GroupList splits a groups cell ("Customer, Guest", "VIP; Grossistes") into
// names: separated by ',' or ';' (or line breaks), each trimmed, empty ones
// dropped, duplicates dropped case- and accent-insensitively (Fold), first
// spelling and order kept. An empty cell returns nil.
func GroupList(s string) []string {
	var out []string
	var keys []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' && s[i] != ';' && s[i] != '\n' && s[i] != '\r' {
			continue
		}
		name := trimCell(s[start:i])
		start = i + 1
		if name == "" {
			continue
		}
		key := Fold(name)
		dup := false
		for _, k := range keys {
			if k == key {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, name)
			keys = append(keys, key)
		}
	}
	return out
}
