package importwizard

import (
	"fmt"
	"math"
	"strings"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/format"
)

// Every text of the wizard goes through tr with its English text as the key
// (the convention of gui/i18n.go); the French texts are in
// resources/translations/fr.json with the window's other texts.
// i18n_test.go checks that every key used here is in both files.

// tr is uikit.Tr: it translates an English text and, with args, formats
// the translation.
func tr(key string, args ...any) string { return uikit.Tr(key, args...) }

// trn translates the form of a counted text that n takes in the language
// ("%s ligne" for 0 and 1 in French, "%s lignes" beyond) and formats it
// with args, the count formatted first by the caller.
func trn(uiLang string, n int, one, other string, args ...any) string {
	return uikit.Plural(uiLang, n, one, other, args...)
}

// rowsPerSecond is a reading rate, "12 000 lignes/s".
func rowsPerSecond(rate float64, uiLang string) string {
	n := int(rate)
	return trn(uiLang, n, "%s row/s", "%s rows/s", count(n, uiLang))
}

// percent formats a 0..1 confidence as "98 %" (fr) or "98%" (en).
func percent(confidence float64, uiLang string) string {
	p := int(math.Round(confidence * 100))
	if uiLang == "en" {
		return fmt.Sprintf("%d%%", p)
	}
	return fmt.Sprintf("%d\u202f%%", p)
}

// count formats n with the language's digit grouping.
func count(n int, uiLang string) string { return format.Count(n, uiLang) }

// delimiterLabel names a separator as the engine spells it (";" "," "tab" "|").
func delimiterLabel(d string) string {
	switch d {
	case ";":
		return tr("Semicolon ;")
	case ",":
		return tr("Comma ,")
	case "tab", "\t":
		return tr("Tab")
	case "|":
		return tr("Pipe |")
	}
	return d
}

// encodingLabel names an encoding as the engine spells it.
func encodingLabel(e string) string {
	switch strings.ToLower(e) {
	case "utf-8", "utf8", "utf-8-bom":
		return "UTF-8"
	case "windows-1252", "cp1252":
		return tr("Windows-1252 (old Excel)")
	case "utf-16le", "utf-16be":
		return strings.ToUpper(e)
	}
	return e
}

// fieldLabel is the label of a mapping value in the UI language: a domain
// field, a custom field, or "Ignore".
func fieldLabel(field, uiLang string) string {
	switch {
	case field == "":
		return tr("Ignore")
	case strings.HasPrefix(field, domain.CustomPrefix):
		return tr("Custom field: %s", strings.TrimPrefix(field, domain.CustomPrefix))
	}
	return domain.FieldLabel(field, uiLang)
}

// userMessage is the text to show for an error from the engine: its own
// message in the UI language when it has one (it says what to do).
func userMessage(err error, uiLang string) string { return domain.UserMessage(err, uiLang) }

// actionLabel names what happens to a row.
func actionLabel(a string) string {
	switch a {
	case "create":
		return tr("To create")
	case "update":
		return tr("To update")
	case "unchanged":
		return tr("Unchanged")
	case "error":
		return tr("In error")
	case "skipped":
		return tr("Skipped")
	}
	return a
}
