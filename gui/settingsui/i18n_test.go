package settingsui

import (
	"testing"

	"carnet/gui/uitest"
)

// TestTranslationsComplete: every key the Settings window uses is in
// settings.fr.json and settings.en.json, every key of those files is
// used, and the format verbs agree.
func TestTranslationsComplete(t *testing.T) {
	uitest.CheckTranslations(t, uitest.Translations{Dir: ".", Name: "settings", Own: true, MinKeys: 50})
}

// TestSharedKeysAgree: a key also in another translation file has the same
// text there, so the order the files load in never changes a screen.
func TestSharedKeysAgree(t *testing.T) { uitest.CheckSharedKeysAgree(t, "settings") }

// TestTypography: French texts put a no-break space before : ; ? ! and
// quote with « » or “ ” and ’; English ones put no space before them and
// quote with “ ” and ’.
func TestTypography(t *testing.T) { uitest.CheckTypography(t, uitest.Files("settings")...) }

// TestEveryCharacterIsInTheBundledFont: the window's font draws every
// character of the Settings texts and literals (an arrow it lacks showed
// as a box in the journal).
func TestEveryCharacterIsInTheBundledFont(t *testing.T) {
	uitest.CheckFont(t, ".", uitest.Files("settings")...)
}
