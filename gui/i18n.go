package gui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"carnet/gui/uikit"
	"carnet/resources/translations"
)

// prefLanguage holds the language the user chose in Affichage › Langue:
// "" follows the system, "fr" or "en" forces it.
const prefLanguage = "language"

// uiLang is the interface language, "fr" or "en", fixed at start-up: the
// domain's messages, field labels and formats follow it so that one screen
// never mixes two languages.
var uiLang = "fr"

// setupLanguage loads Carnet's translations and picks the language: choice
// ("fr", "en") forces it, "" follows the system. Fyne's lang package reads
// the locale from the environment (LANGUAGE, LC_ALL, LANG) each time
// translations are added, so forcing means setting those for this process
// before adding ours; Fyne's own strings (dialog buttons) follow too.
func setupLanguage(choice string) {
	choice = strings.ToLower(strings.TrimSpace(choice))
	switch {
	case strings.HasPrefix(choice, "fr"):
		forceLocale("fr", "fr_FR.UTF-8")
	case strings.HasPrefix(choice, "en"):
		forceLocale("en", "en_US.UTF-8")
	}
	files, err := translations.FS.ReadDir(".")
	if err != nil {
		fyne.LogError("listing translations", err)
	}
	for _, f := range files {
		// "fr.json", "wizard.fr.json": the language is the last part.
		name := strings.TrimSuffix(f.Name(), ".json")
		l := name[strings.LastIndexByte(name, '.')+1:]
		data, err := translations.FS.ReadFile(f.Name())
		if err == nil {
			err = lang.AddTranslationsForLocale(data, fyne.Locale(l))
		}
		if err != nil {
			fyne.LogError("loading translations "+f.Name(), err)
		}
	}
	uiLang = "en"
	if strings.HasPrefix(string(lang.SystemLocale()), "fr") {
		uiLang = "fr"
	}
}

// plural is uikit.Plural in the interface language: the form of a counted
// text that n takes, formatted with args.
func plural(n int, one, other string, args ...any) string {
	return uikit.Plural(uiLang, n, one, other, args...)
}

func forceLocale(language, posix string) {
	_ = os.Setenv("LANGUAGE", language)
	_ = os.Setenv("LC_ALL", posix)
	_ = os.Setenv("LC_MESSAGES", posix)
	_ = os.Setenv("LANG", posix)
}
