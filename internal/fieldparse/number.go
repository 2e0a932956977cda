package fieldparse

import (
	"strings"
	"unicode/utf8"
)

// numFormat records how a number was written, for warnings.
type numFormat uint16

const (
	fmtGroupSpace numFormat = 1 << iota // 1 234,56
	fmtGroupDot                         // 1.234,56 or 1.234.567
	fmtGroupComma                       // 1,234.56 or 1,234,567
	fmtDecComma                         // 12,5
	fmtDecDot                           // 12.5
	fmtAmbiguous                        // a lone separator followed by exactly 3 digits: 1,234 / 1.234
	fmtRounded                          // digits beyond the scale were rounded off (not a float artefact)
)

// numErr is why scanDecimal rejected its input.
type numErr uint8

const (
	numOK         numErr = iota
	numInvalid           // a character that has no place in a number
	numGrouping          // separators in the wrong places
	numTooLarge          // more integer digits than allowed
	numScientific        // 1,23E+11
)

// scanDecimal parses an unsigned decimal number (sign, currency and percent
// already removed, edges trimmed) and returns it multiplied by 10^scale,
// rounded half away from zero.
//
// Reading rules (a French file comes first):
//   - grouping by U+0020, U+00A0, U+202F, U+2009 or U+2007 (runs allowed);
//     groups after the first must have exactly three digits;
//   - a lone ',' or '.' is the decimal separator (12,5 and 12.5);
//   - both '.' and ',' present: the last one is the decimal separator and the
//     other groups thousands (1.234,56 and 1,234.56, flagged in the format);
//   - the same separator repeated is grouping (1.234.567, 1,234,567);
//   - digits beyond the scale are rounded; a tail that starts with six 0s or
//     six 9s is a binary floating-point artefact (12.300000000000001 from an
//     XLSX cell) and is rounded without fmtRounded.
func scanDecimal(s string, scale, maxIntDigits int) (int64, numFormat, numErr) {
	var sc separatorScan
	if e := sc.scan(s); e != numOK {
		return 0, 0, e
	}
	dec, f, e := sc.decimalSeparator()
	if e != numOK {
		return 0, 0, e
	}
	intPart, frac := s, ""
	if dec >= 0 {
		intPart, frac = s[:dec], s[dec+1:]
		if frac != "" && !isDigits(frac) {
			return 0, 0, numGrouping
		}
	}
	if f&(fmtGroupSpace|fmtGroupDot|fmtGroupComma) != 0 && !validGrouping(intPart) {
		return 0, 0, numGrouping
	}
	if sc.nDot+sc.nComma == 1 && sc.nSpace == 0 && len(frac) == 3 && len(intPart) >= 1 && len(intPart) <= 3 && intPart[0] != '0' {
		f |= fmtAmbiguous
	}

	// The digits, separators skipped, times 10^scale; then rounded on the
	// first digit beyond the scale.
	var v int64
	significant := 0
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if !isDigit(c) {
			continue
		}
		if v == 0 && c == '0' {
			continue
		}
		significant++
		if significant > maxIntDigits {
			return 0, 0, numTooLarge
		}
		v = v*10 + int64(c-'0')
	}
	for k := 0; k < scale; k++ {
		v *= 10
		if k < len(frac) {
			v += int64(frac[k] - '0')
		}
	}
	if len(frac) > scale {
		tail := frac[scale:]
		if tail[0] >= '5' {
			v++
		}
		if !isFloatArtefact(tail) && !allZeros(tail) {
			f |= fmtRounded
		}
	}
	return v, f, numOK
}

// separatorScan counts the digits and separators of a number and where the
// last '.' and ',' sit (-1 when absent).
type separatorScan struct {
	nDot, nComma, nSpace, digits int
	lastDot, lastComma           int
}

// scan counts the digits and separators of s, rejecting any other
// character (with numScientific for 1,23E+11) and a number without digits.
func (sc *separatorScan) scan(s string) numErr {
	sc.lastDot, sc.lastComma = -1, -1
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			sc.digits++
		case c == '.':
			sc.nDot++
			sc.lastDot = i
		case c == ',':
			sc.nComma++
			sc.lastComma = i
		case c == ' ':
			sc.nSpace++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isGroupSpace(r) {
				return numInvalid
			}
			sc.nSpace++
			i += size
			continue
		case c == 'e' || c == 'E':
			if isScientific(s) {
				return numScientific
			}
			return numInvalid
		default:
			return numInvalid
		}
		i++
	}
	if sc.digits == 0 {
		return numInvalid
	}
	return numOK
}

// decimalSeparator picks the decimal separator's index (-1 for none) and the
// grouping format from the separators counted, or says why they cannot make
// a number.
func (sc *separatorScan) decimalSeparator() (int, numFormat, numErr) {
	var f numFormat
	dec := -1
	switch {
	case sc.nDot > 0 && sc.nComma > 0:
		if sc.nSpace > 0 {
			return 0, 0, numGrouping
		}
		if sc.lastComma > sc.lastDot {
			if sc.nComma > 1 {
				return 0, 0, numGrouping
			}
			dec, f = sc.lastComma, fmtDecComma|fmtGroupDot
		} else {
			if sc.nDot > 1 {
				return 0, 0, numGrouping
			}
			dec, f = sc.lastDot, fmtDecDot|fmtGroupComma
		}
	case sc.nComma == 1:
		dec, f = sc.lastComma, fmtDecComma
	case sc.nDot == 1:
		dec, f = sc.lastDot, fmtDecDot
	case sc.nComma > 1:
		f = fmtGroupComma
	case sc.nDot > 1:
		f = fmtGroupDot
	}
	if sc.nSpace > 0 {
		if f&(fmtGroupDot|fmtGroupComma) != 0 {
			return 0, 0, numGrouping
		}
		f |= fmtGroupSpace
	}
	return dec, f, numOK
}

// validGrouping checks the integer part of a grouped number: a first group of
// 1 to 3 digits, then groups of exactly 3 digits, separated by one '.', one
// ',' or a run of spaces.
func validGrouping(s string) bool {
	n := 0         // digits in the current group
	groups := 0    // completed groups
	inSep := false // inside a run of separators
	var sep byte   // separator kind in use: ' ', '.' or ','
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			n++
			inSep = false
			i++
			continue
		}
		kind, size := c, 1
		if c >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(s[i:])
			kind = ' '
		}
		i += size
		if sep != 0 && kind != sep {
			return false
		}
		sep = kind
		if inSep {
			if kind != ' ' {
				return false // "1..234"
			}
			continue
		}
		if n == 0 || (groups == 0 && n > 3) || (groups > 0 && n != 3) {
			return false
		}
		groups++
		n = 0
		inSep = true
	}
	return groups == 0 || n == 3
}

// isFloatArtefact reports whether the digits beyond the kept precision are
// the noise of a binary float (…0000000001 or …9999999999).
func isFloatArtefact(tail string) bool {
	if len(tail) < 6 {
		return false
	}
	c := tail[0]
	if c != '0' && c != '9' {
		return false
	}
	for i := 1; i < 6; i++ {
		if tail[i] != c {
			return false
		}
	}
	return true
}

func allZeros(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}

// isScientific reports whether s is a number in scientific notation as a
// spreadsheet writes it: 4,04833E+13, 4.04833e13, 6,12E+08, 1E+15, -2E-3.
func isScientific(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return false
	}
	if i < len(s) && (s[i] == ',' || s[i] == '.') {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i >= len(s) || (s[i] != 'e' && s[i] != 'E') {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	return i < len(s) && isDigits(s[i:])
}

// onlyDigits returns the ASCII digits of s, for messages.
func onlyDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// formatScaled writes v/10^scale with French (decimal comma, space grouping)
// or English (decimal point, comma grouping) conventions, for messages.
func formatScaled(v int64, scale int, fr bool) string {
	neg := v < 0
	if neg {
		v = -v
	}
	var div int64 = 1
	for i := 0; i < scale; i++ {
		div *= 10
	}
	ip, fp := v/div, v%div
	digits := make([]byte, 0, 24)
	for {
		digits = append(digits, byte('0'+ip%10))
		ip /= 10
		if ip == 0 {
			break
		}
	}
	out := make([]byte, 0, 32)
	if neg {
		out = append(out, '-')
	}
	group := ","
	if fr {
		group = " "
	}
	for i := len(digits) - 1; i >= 0; i-- {
		out = append(out, digits[i])
		if i > 0 && i%3 == 0 {
			out = append(out, group...)
		}
	}
	if scale > 0 {
		if fr {
			out = append(out, ',')
		} else {
			out = append(out, '.')
		}
		for d := div / 10; d > 0; d /= 10 {
			out = append(out, byte('0'+(fp/d)%10))
		}
	}
	return string(out)
}

// formatTrim is formatScaled without trailing decimal zeros: 1250 → "12,5",
// 1500 → "15".
func formatTrim(v int64, scale int, fr bool) string {
	s := formatScaled(v, scale, fr)
	if scale == 0 {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimRight(s, ",.")
}
