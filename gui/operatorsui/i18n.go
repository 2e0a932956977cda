// Package operatorsui is the window's side of operators and permissions
// (issue 11, seed 002): "Qui travaille ?" at start and on demand, the
// operator's badge in the window's bar, and the activity journal. It calls
// the service only; the service checks the PINs and the permissions.
package operatorsui

import "carnet/gui/uikit"

// Every text goes through tr with its English text as the key (the
// convention of gui/i18n.go); the translations are in
// resources/translations/operators.fr.json and operators.en.json, which the
// window loads with the others. i18n_test.go checks that every key used
// here is in both files.

// tr is uikit.Tr: it translates an English text and, with args, formats
// the translation.
func tr(key string, args ...any) string { return uikit.Tr(key, args...) }

// trn translates the form of a counted text that n takes in the language
// (French counts 0 and 1 in the singular) and formats it with args.
func trn(uiLang string, n int, one, other string, args ...any) string {
	return uikit.Plural(uiLang, n, one, other, args...)
}
