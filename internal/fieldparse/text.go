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
//   - a value starting with "=" is a Warning: probably a spreadsheet formula
//     exported as its text.
func Text(s string, maxLen int) (string, *Problem) {
	t := trimCell(s)
	if t == "" {
		return "", nil
	}
	if !utf8.ValidString(t) {
		return "", newError(CodeTextEncoding,
			qfr(t)+" contient des octets illisibles : l’encodage du fichier a sans doute été mal reconnu. À l’étape Lecture, choisissez l’encodage Windows-1252 (ou UTF-8), ou réenregistrez le fichier en CSV UTF-8.",
			qen(t)+" contains unreadable bytes: the file’s encoding was probably misdetected. At the Reading step, choose the Windows-1252 (or UTF-8) encoding, or save the file again as CSV UTF-8.")
	}
	hasCR, hasFFFD, n := false, false, 0
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
		}
		i += size
		n++
	}
	if maxLen > 0 && n > maxLen {
		return "", newError(CodeTextTooLong,
			qfr(t)+" fait "+strconv.Itoa(n)+" caractères ; la limite de ce champ est "+strconv.Itoa(maxLen)+". Raccourcissez le texte dans le tableur.",
			qen(t)+" is "+strconv.Itoa(n)+" characters long; this field’s limit is "+strconv.Itoa(maxLen)+". Shorten the text in the spreadsheet.")
	}
	if hasCR {
		t = strings.ReplaceAll(t, "\r\n", "\n")
		t = strings.ReplaceAll(t, "\r", "\n")
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
	}
	return t, nil
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
