package fieldparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Email cleans and checks a cell holding one email address.
//
// Cleaning: edges trimmed (spaces, tabs, U+00A0…; not line breaks), a leading
// ' (Shopify/Excel text marker) and a "mailto:" prefix removed, the result
// lower-cased. A trailing ";" or "," is dropped; "Jean Dupont <j@x.fr>"
// keeps the address, with a Warning.
//
// Checking, pragmatic for a business file (oracle: the isemail test set in
// the corpus, see isemail_test.go):
//   - ordinary addresses (dot-atom@host.tld) are accepted without problem,
//     on a fast path that does not allocate for lower-case input;
//   - addresses that RFC 5321/5322 allow but that mail software often
//     refuses are accepted with a Warning: quoted local parts, IP literals,
//     comments and folded white space (removed from the returned address),
//     obsolete syntax, a domain without a dot or with a numeric TLD,
//     lengths beyond the SMTP limits, accented characters;
//   - everything else is an Error that names the fault: no @, misplaced dot,
//     forbidden character, space inside, unclosed quote, a line break…;
//   - several addresses in one cell (a@x.fr; b@y.fr, a@x.fr b@y.fr) are an
//     Error: a record has one email. Use EmailList for list columns.
//
// An empty cell returns "" and no problem.
func Email(s string) (string, *Problem) {
	t := emailPrepare(s)
	if t == "" {
		return "", nil
	}
	if simpleEmail(t) {
		return strings.ToLower(t), nil
	}
	return emailSlow(trimEmailEdges(s), t)
}

// EmailList splits a cell holding several addresses, separated by ';', ','
// or line breaks (or spaces between complete addresses), and checks each as
// Email does. It returns the accepted addresses, lower-cased, without
// duplicates, in order; the Problem is the first Error met, else the first
// Warning. An empty cell returns nil and no problem.
func EmailList(s string) ([]string, *Problem) {
	var out []string
	var prob *Problem
	add := func(part string) {
		addr, p := Email(part)
		if p != nil && (prob == nil || (p.IsError() && !prob.IsError())) {
			prob = p
		}
		if addr == "" || p.IsError() {
			return
		}
		for _, a := range out {
			if a == addr {
				return
			}
		}
		out = append(out, addr)
	}
	splitTop(s, isListSep, func(part string) {
		if countAddresses(part) >= 2 {
			splitTop(part, unicode.IsSpace, add)
			return
		}
		add(part)
	})
	return out, prob
}

func isListSep(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }

func isCellSep(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }

// emailPrepare trims the edges and removes the text marker and mailto:.
func emailPrepare(s string) string {
	t := trimEmailEdges(s)
	if len(t) > 0 && t[0] == '\'' {
		t = trimEmailEdges(t[1:])
	}
	if len(t) > 7 && strings.EqualFold(t[:7], "mailto:") {
		t = t[7:]
		if q := strings.IndexByte(t, '?'); q >= 0 {
			t = t[:q]
		}
		t = trimEmailEdges(t)
	}
	return t
}

// isEdgeBlank is what Email trims silently: horizontal white space and
// invisible characters, not CR or LF (a line break is either a valid RFC 5322
// fold or an error).
func isEdgeBlank(r rune) bool {
	return r != '\r' && r != '\n' && isTrimmed(r)
}

// trimEmailEdges trims edge blanks but keeps the white space that completes
// a trailing fold (CR LF SP), so that the fold stays valid.
func trimEmailEdges(s string) string {
	if s == "" {
		return s
	}
	if c, d := s[0], s[len(s)-1]; c > ' ' && c < utf8.RuneSelf && d > ' ' && d < utf8.RuneSelf {
		return s
	}
	s = strings.TrimLeftFunc(s, isEdgeBlank)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isEdgeBlank(r) || (len(s) > size && s[len(s)-size-1] == '\n') {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// atextASCII marks the ASCII characters of RFC 5322 atext.
var atextASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isAtext(rune(c), 1)
	}
	return t
}()

// simpleEmail is the fast path: an ASCII dot-atom local part of at most 64
// characters and a host name of letters, digits and hyphens with at least two
// labels and a TLD that starts with a letter, 254 characters in all.
func simpleEmail(t string) bool {
	if len(t) > 254 {
		return false
	}
	at := strings.IndexByte(t, '@')
	if at < 1 || at > 64 {
		return false
	}
	prevDot := true
	for i := 0; i < at; i++ {
		c := t[i]
		if c == '.' {
			if prevDot {
				return false
			}
			prevDot = true
			continue
		}
		if c >= utf8.RuneSelf || !atextASCII[c] {
			return false
		}
		prevDot = false
	}
	if prevDot {
		return false
	}
	labels, n, first, last := 0, 0, byte(0), byte(0)
	for i := at + 1; i <= len(t); i++ {
		if i == len(t) || t[i] == '.' {
			if n == 0 || n > 63 || first == '-' || last == '-' {
				return false
			}
			labels++
			if i == len(t) {
				return labels >= 2 && isLetter(first)
			}
			n = 0
			continue
		}
		c := t[i]
		if !isLetter(c) && !isDigit(c) && c != '-' {
			return false
		}
		if n == 0 {
			first = c
		}
		last = c
		n++
	}
	return false
}

// splitTop calls fn with each non-blank part of s between separators, where
// separators inside quotes, comments, [literals] and <angle brackets> do not
// count. It returns the number of separators met.
func splitTop(s string, isSep func(rune) bool, fn func(string)) (seps int) {
	inQuote, depth, inLit, inAngle := false, 0, false, false
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case inQuote:
			if r == '\\' && i+1 < len(s) {
				i++
			} else if r == '"' {
				inQuote = false
			}
		case depth > 0:
			if r == '\\' && i+1 < len(s) {
				i++
			} else if r == '(' {
				depth++
			} else if r == ')' {
				depth--
			}
		case inLit:
			if r == ']' {
				inLit = false
			}
		case inAngle:
			if r == '>' {
				inAngle = false
			}
		case r == '"':
			inQuote = true
		case r == '(':
			depth++
		case r == '[':
			inLit = true
		case r == '<':
			inAngle = true
		case isSep(r):
			seps++
			if part := trimCell(s[start:i]); part != "" {
				fn(part)
			}
			start = i + size
		}
		i += size
	}
	if part := trimCell(s[start:]); part != "" {
		fn(part)
	}
	return seps
}

// countAddresses counts the parts of s, split at commas, semicolons and white
// space, that look like a complete address (text on both sides of an @).
func countAddresses(s string) int {
	n := 0
	splitTop(s, isCellSep, func(part string) {
		if at := strings.LastIndexByte(part, '@'); at > 0 && at < len(part)-1 {
			n++
		}
	})
	return n
}

// emailSlow handles what the fast path refused: several addresses, a
// display name, then the full RFC 5322 reading.
func emailSlow(cell, t string) (string, *Problem) {
	if isSpreadsheetError(t) {
		return "", spreadsheetErrorProblem(t)
	}
	if countAddresses(t) >= 2 {
		return "", newError(CodeEmailMultiple,
			qfr(cell)+" contient plusieurs adresses : une seule adresse par cellule (c’est à elle que partent les factures). Gardez-en une, et mettez les autres dans les notes ou une autre colonne.",
			qen(cell)+" holds several addresses: one address per cell (invoices are sent to it). Keep one, and put the others in the notes or another column.")
	}
	var only string
	n := 0
	seps := splitTop(t, func(r rune) bool { return r == ',' || r == ';' }, func(part string) {
		only = part
		n++
	})
	if n == 1 && seps > 0 {
		t = trimEmailEdges(only) // "a@x.fr;" → "a@x.fr"
	}
	display := false
	if strings.HasSuffix(t, ">") {
		if lt := lastTopLevel(t, '<'); lt >= 0 {
			t = trimEmailEdges(t[lt+1 : len(t)-1])
			display = true
		}
	}
	canon, issues, err, bad := classifyEmail(t)
	if err != eeNone {
		return "", emailError(cell, err, bad)
	}
	canon = lowerAddress(canon, issues&eiQuoted != 0)
	if display {
		return canon, newWarning(CodeEmailDisplayName,
			qfr(cell)+" contient un nom en plus de l’adresse : seule l’adresse "+canon+" est gardée.",
			qen(cell)+" holds a name besides the address: only the address "+canon+" is kept.")
	}
	return canon, emailWarning(cell, canon, issues)
}

// lowerAddress lower-cases an address, except a quoted local part, whose
// case may matter.
func lowerAddress(a string, quoted bool) string {
	if !quoted {
		return strings.ToLower(a)
	}
	at := strings.LastIndexByte(a, '@')
	return a[:at+1] + strings.ToLower(a[at+1:])
}

// lastTopLevel returns the index of the last c outside double quotes, or -1.
func lastTopLevel(s string, c byte) int {
	idx, inQuote := -1, false
	for i := 0; i < len(s); i++ {
		switch {
		case inQuote && s[i] == '\\':
			i++
		case s[i] == '"':
			inQuote = !inQuote
		case !inQuote && s[i] == c:
			idx = i
		}
	}
	return idx
}

func emailError(cell string, err emailErr, bad rune) *Problem {
	fix := " Corrigez l’adresse dans le tableur (exemple : prenom.nom@domaine.fr)."
	fixEN := " Fix the address in the spreadsheet (e.g. firstname.lastname@domain.fr)."
	var fr, en string
	switch err {
	case eeNoAt:
		fr, en = "il manque le « @ »", "the \"@\" is missing"
	case eeNoLocal:
		fr, en = "il n’y a rien avant le « @ »", "there is nothing before the \"@\""
	case eeNoDomain:
		fr, en = "il manque le nom de domaine après le « @ »", "the domain name after the \"@\" is missing"
	case eeDot:
		fr, en = "un point est mal placé (au début, à la fin ou deux points de suite)", "a dot is misplaced (at the start, at the end, or two dots in a row)"
	case eeHyphen:
		fr, en = "une partie du nom de domaine commence ou finit par un tiret", "a part of the domain name starts or ends with a hyphen"
	case eeSpaceInside:
		fr, en = "il y a une espace (ou un commentaire) au milieu de l’adresse", "there is a space (or a comment) inside the address"
	case eeUnclosedQuote:
		fr, en = "un guillemet n’est pas refermé", "a quotation mark is not closed"
	case eeUnclosedComment:
		fr, en = "une parenthèse n’est pas refermée", "a parenthesis is not closed"
	case eeUnclosedLiteral:
		fr, en = "un crochet n’est pas refermé", "a square bracket is not closed"
	case eeBackslashEnd:
		fr, en = "elle se termine par une barre oblique inverse « \\ »", "it ends with a backslash \"\\\""
	case eeLineBreak:
		fr, en = "la cellule contient un retour à la ligne", "the cell contains a line break"
		fix = " Supprimez-le dans le tableur ; s’il sépare deux adresses, n’en gardez qu’une par cellule."
		fixEN = " Remove it in the spreadsheet; if it separates two addresses, keep only one per cell."
	default: // eeBadChar
		switch bad {
		case '@':
			fr, en = "elle contient deux « @ »", "it contains two \"@\""
		default:
			ch, _, _ := show(string(bad))
			if bad == utf8.RuneError {
				ch = "�"
			}
			fr, en = "le caractère « "+ch+" » n’est pas permis à cet endroit", "the character \""+ch+"\" is not allowed there"
		}
	}
	return newError(CodeEmailInvalid,
		qfr(cell)+" n’est pas une adresse e-mail valide : "+fr+"."+fix,
		qen(cell)+" is not a valid email address: "+en+"."+fixEN)
}

// emailWarning picks the most telling reason an accepted address is unusual.
func emailWarning(cell, addr string, is emailIssue) *Problem {
	check := " Vérifiez l’adresse ; si elle est juste, ignorez cet avertissement."
	checkEN := " Check the address; if it is right, ignore this warning."
	switch {
	case is == 0:
		return nil
	case is&eiQuoted != 0:
		return newWarning(CodeEmailQuoted,
			qfr(cell)+" a une partie entre guillemets avant le « @ » : c’est permis par la norme, mais beaucoup de logiciels de messagerie la refusent."+check,
			qen(cell)+" has a quoted part before the \"@\": the standard allows it, but much mail software refuses it."+checkEN)
	case is&eiLiteral != 0:
		return newWarning(CodeEmailIPLiteral,
			qfr(cell)+" désigne le serveur par une adresse IP entre crochets au lieu d’un nom de domaine."+check,
			qen(cell)+" names the server by an IP address in square brackets instead of a domain name."+checkEN)
	case is&(eiComment|eiFWS) != 0:
		return newWarning(CodeEmailComment,
			qfr(cell)+" contient des espaces, des retours à la ligne ou des commentaires entre parenthèses, qui ont été retirés : l’adresse gardée est "+addr+"."+check,
			qen(cell)+" contains spaces, line breaks or comments in parentheses, which were removed: the address kept is "+addr+"."+checkEN)
	case is&eiObsolete != 0:
		return newWarning(CodeEmailObsolete,
			qfr(cell)+" utilise une syntaxe obsolète (caractères de contrôle)."+check,
			qen(cell)+" uses obsolete syntax (control characters)."+checkEN)
	case is&(eiLocalTooLong|eiLabelTooLong|eiTooLong) != 0:
		return newWarning(CodeEmailTooLong,
			qfr(cell)+" dépasse les longueurs admises par la messagerie (64 caractères avant le « @ », 63 par partie du domaine, 254 en tout) : les messages risquent de ne pas partir."+check,
			qen(cell)+" exceeds the lengths mail allows (64 characters before the \"@\", 63 per domain label, 254 in all): messages may not be sent."+checkEN)
	case is&eiSingleLabel != 0:
		return newWarning(CodeEmailDomain,
			"Le domaine de "+qfr(cell)+" n’a pas de point : il manque sans doute l’extension (.fr, .com…)."+check,
			"The domain of "+qen(cell)+" has no dot: the extension (.fr, .com…) is probably missing."+checkEN)
	case is&eiNumericTLD != 0:
		return newWarning(CodeEmailDomain,
			"Le domaine de "+qfr(cell)+" se termine par un nombre, ce qui n’existe pas pour un nom de domaine."+check,
			"The domain of "+qen(cell)+" ends with a number, which no domain name does."+checkEN)
	case is&eiOddDomain != 0:
		return newWarning(CodeEmailDomain,
			"Le domaine de "+qfr(cell)+" contient des caractères inhabituels (seuls lettres, chiffres, tirets et points sont d’usage)."+check,
			"The domain of "+qen(cell)+" contains unusual characters (letters, digits, hyphens and dots are the norm)."+checkEN)
	default: // eiNonASCII
		return newWarning(CodeEmailNonASCII,
			qfr(cell)+" contient des caractères accentués : beaucoup de serveurs de messagerie les refusent (é au lieu de e ?)."+check,
			qen(cell)+" contains accented characters: many mail servers refuse them (é instead of e?)."+checkEN)
	}
}
