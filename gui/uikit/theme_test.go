package uikit

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// TestTextContrastMeetsWCAGAA: every text colour the window uses — normal,
// secondary (LowImportance labels use the disabled colour), placeholders,
// and the coloured importances — reaches 4.5:1 on every background it is
// drawn on, in the dark and light variants; so do the texts on coloured
// buttons. Secondary text stays visibly lighter than normal text.
func TestTextContrastMeetsWCAGAA(t *testing.T) {
	th := NewReadableTheme()
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePrimary,
		theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameHyperlink}
	grounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameInputBackground, theme.ColorNameHeaderBackground, theme.ColorNameMenuBackground}
	onColour := map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
		theme.ColorNameForegroundOnError:   theme.ColorNameError,
		theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
		theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
		theme.ColorNameForeground:          theme.ColorNameButton,
		theme.ColorNamePlaceHolder:         theme.ColorNameInputBackground,
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		name := map[fyne.ThemeVariant]string{theme.VariantDark: "dark", theme.VariantLight: "light"}[v]
		check := func(fg, bg fyne.ThemeColorName) {
			if r := contrast(th.Color(fg, v), th.Color(bg, v)); r < 4.5 {
				t.Errorf("%s: %s on %s is %.2f:1, under 4.5:1", name, fg, bg, r)
			}
		}
		for _, fg := range texts {
			for _, bg := range grounds {
				check(fg, bg)
			}
		}
		for fg, bg := range onColour {
			check(fg, bg)
		}
		if r := contrast(th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameDisabled, v)); r < 2 {
			t.Errorf("%s: secondary text is hardly lighter than normal text (%.2f:1)", name, r)
		}
	}
	// The default theme fails where Carnet's is checked: the test measures.
	if r := contrast(theme.DefaultTheme().Color(theme.ColorNameDisabled, theme.VariantDark),
		theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)); r > 2 {
		t.Errorf("Fyne's own secondary text reads %.2f:1: the measure looks wrong", r)
	}
}
