// Package format writes money, percentages and dates the way each
// interface language expects: French first (1 234,56 €, 23/11/2026).
package format

import (
	"strconv"
	"strings"
	"time"
)

// narrowNBSP groups thousands in French (U+202F, as CLDR 34+ and Excel do).
const narrowNBSP = "\u202f"

func isEnglish(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "en") }

// IsEnglish reports whether lang asks for English formats (else French).
func IsEnglish(lang string) bool { return isEnglish(lang) }

// Money formats cents: "1 234,56 €" in French, "€1,234.56" in English.
func Money(cents int64, lang string) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	units, frac := cents/100, cents%100
	sep, dec := narrowNBSP, ","
	if isEnglish(lang) {
		sep, dec = ",", "."
	}
	s := group(strconv.FormatInt(units, 10), sep) + dec + twoDigits(frac)
	if isEnglish(lang) {
		s = "€" + s
	} else {
		s += "\u00a0€"
	}
	if neg {
		// A hyphen-minus, as Excel writes it: U+2212 is not in the
		// window's font.
		s = "-" + s
	}
	return s
}

// Amount formats cents without the currency sign, as typed back in a form:
// "1234,56" in French, "1234.56" in English.
func Amount(cents int64, lang string) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	dec := ","
	if isEnglish(lang) {
		dec = "."
	}
	s := strconv.FormatInt(cents/100, 10) + dec + twoDigits(cents%100)
	if neg {
		s = "-" + s
	}
	return s
}

// Percent formats hundredths of a percent: 1250 → "12,5 %" / "12.5%".
func Percent(hundredths int64, lang string) string {
	s := strconv.FormatInt(hundredths/100, 10)
	if f := hundredths % 100; f != 0 {
		dec := ","
		if isEnglish(lang) {
			dec = "."
		}
		s += dec + strings.TrimRight(twoDigits(f), "0")
	}
	if isEnglish(lang) {
		return s + "%"
	}
	return s + "\u00a0%"
}

// Date formats a day: "23/11/2026" in French, "2026-11-23" in English (ISO,
// unambiguous for every English reader).
func Date(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	if isEnglish(lang) {
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// DateTime formats an instant with hours and minutes.
func DateTime(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	return Date(t, lang) + " " + t.Local().Format("15:04")
}

// Digits groups a string of digits by thousands as the language does:
// "1234567" → "1 234 567" (French), "1,234,567" (English). It takes any
// length, beyond what an int holds.
func Digits(digits, lang string) string {
	if isEnglish(lang) {
		return group(digits, ",")
	}
	return group(digits, narrowNBSP)
}

// Count formats a whole number with thousands grouping: "1 000 000".
func Count(n int, lang string) string {
	sep := narrowNBSP
	if isEnglish(lang) {
		sep = ","
	}
	if n < 0 {
		return "-" + group(strconv.Itoa(-n), sep)
	}
	return group(strconv.Itoa(n), sep)
}

func group(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// FileSize formats a size in bytes as the file managers do: "840 ko" /
// "17,4 Mo" in French, "840 kB" / "17.4 MB" in English.
func FileSize(n int64, lang string) string {
	kb, mb := " ko", " Mo"
	if isEnglish(lang) {
		kb, mb = " kB", " MB"
	}
	if n < 1<<20 {
		return strconv.FormatInt((n+1023)/1024, 10) + kb
	}
	tenths := (n*10 + 1<<19) >> 20 // rounded to the nearest tenth of a MB
	s := strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10)
	if isEnglish(lang) {
		s = strings.Replace(s, ",", ".", 1)
	}
	return s + mb
}
