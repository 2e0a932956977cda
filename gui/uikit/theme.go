package uikit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readableTheme is Fyne's theme with every text colour at 4.5:1 or more
// against the backgrounds it is drawn on (WCAG AA), in the dark and the
// light variants. Fyne draws secondary text (LowImportance labels: sample
// values, line numbers, "Correction :" lines, detection confidence) in its
// disabled colour, about 1.5:1; its light success and warning colours and
// its primary blue fall short too. theme_test.go measures every pair.
type readableTheme struct{ fyne.Theme }

// NewReadableTheme is the theme the window uses.
func NewReadableTheme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNameDisabled:            rgb(0x99, 0x9a, 0x9e),
		theme.ColorNamePrimary:             rgb(0x5c, 0x94, 0xff),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameHyperlink:           rgb(0x5c, 0x94, 0xff),
		theme.ColorNameError:               rgb(0xff, 0x66, 0x59),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
	},
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x20, 0x20, 0x20),
		theme.ColorNameDisabled:            rgb(0x6b, 0x6b, 0x6b),
		theme.ColorNamePlaceHolder:         rgb(0x6b, 0x6b, 0x6b),
		theme.ColorNamePrimary:             rgb(0x1f, 0x63, 0xe0),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameHyperlink:           rgb(0x1f, 0x63, 0xe0),
		theme.ColorNameSuccess:             rgb(0x1b, 0x7a, 0x1f),
		theme.ColorNameWarning:             rgb(0x9c, 0x57, 0x00),
		theme.ColorNameError:               rgb(0xc6, 0x28, 0x28),
	},
}

func rgb(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

func (t readableTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readableColors[v][name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}
