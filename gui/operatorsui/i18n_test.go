package operatorsui

import (
	"testing"

	"carnet/gui/uitest"
)

// TestTranslationsComplete: every key used here is in operators.fr.json and
// operators.en.json, every key of those files is used, with the same
// format verbs.
func TestTranslationsComplete(t *testing.T) {
	uitest.CheckTranslations(t, uitest.Translations{Dir: ".", Name: "operators", Own: true})
}

// TestTypography: French puts a non-breaking space before : ; ? ! and uses
// the typographic apostrophe; English does neither.
func TestTypography(t *testing.T) { uitest.CheckTypography(t, uitest.Files("operators")...) }

// TestEveryCharacterIsInTheBundledFont: a character the window's font
// lacks is drawn from a fallback font and the text around it is shaped
// badly (gui's glyph test says more); this package's texts and literals
// use only the bundled font's.
func TestEveryCharacterIsInTheBundledFont(t *testing.T) {
	uitest.CheckFont(t, ".", uitest.Files("operators")...)
}

// TestSharedKeysAgree: a key also in another translation file has the same
// text there, so the order the files load in never changes a screen.
func TestSharedKeysAgree(t *testing.T) { uitest.CheckSharedKeysAgree(t, "operators") }
