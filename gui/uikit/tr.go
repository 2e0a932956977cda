package uikit

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
)

// Tr translates a text whose key is its English text (the convention of
// gui/i18n.go); with args, the translation is a fmt.Sprintf format (so
// "%s" and "%d" stay in the keys). Without args it is not formatted: a
// "%" in the text stays as it is.
func Tr(key string, args ...any) string {
	s := lang.L(key)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
