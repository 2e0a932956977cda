package settingsui

import (
	"errors"

	"carnet/gui/uikit"
	"carnet/internal/domain"
)

// Every text of the Settings window goes through tr with its English text
// as the key (the convention of gui/i18n.go); the translations are in
// resources/translations/settings.fr.json and settings.en.json, which the
// window loads with its other files. i18n_test.go checks that every key
// used here is in both.

// tr is uikit.Tr: it translates an English text and, with args, formats
// the translation.
func tr(key string, args ...any) string { return uikit.Tr(key, args...) }

// trn translates the form of a counted text that n takes in uiLang and
// formats it with args (the count formatted by the caller).
func trn(uiLang string, n int, one, other string, args ...any) string {
	return uikit.Plural(uiLang, n, one, other, args...)
}

// message is what to show for a refusal of the service, in uiLang. A
// setting's refusal is shown beside the field it is about, so it goes
// without the field's key in front (domain.UserMessage would write
// "numbering : …").
func message(err error, uiLang string) string {
	var fe *domain.FieldError
	if errors.As(err, &fe) {
		return fe.In(uiLang)
	}
	return domain.UserMessage(err, uiLang)
}
