package uikit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// Singular reports whether a count of n takes the singular in the language:
// French counts 0 and 1 in the singular ("0 client", "1 client",
// "2 clients"), English only 1 ("0 customers", "1 customer"), as CLDR's
// plural rules have it.
func Singular(n int, lang string) bool {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return n == 1
	}
	return n == 0 || n == 1
}

// Choose is one when n takes the singular in lang, else other.
func Choose(n int, lang, one, other string) string {
	if Singular(n, lang) {
		return one
	}
	return other
}

// Plural translates the form of a counted text that n takes in the
// language ("%s client" for 0 and 1 in French, "%s clients" beyond; one and
// other are translation keys) and formats it with args, the count among
// them as the caller formatted it.
func Plural(uiLang string, n int, one, other string, args ...any) string {
	return fmt.Sprintf(Choose(n, uiLang, lang.L(one), lang.L(other)), args...)
}
