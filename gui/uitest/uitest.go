// Package uitest holds what the window's headless tests share: a walk over
// what is drawn, through the live renderers of Fyne's test driver; the
// translations loaded as the window loads them, and the checks of a
// package's translation files and of the characters the bundled font
// draws. Only tests import it.
package uitest

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk visits o and everything drawn inside it, depth first, in drawing
// order; where visit returns false it does not go inside.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, visit)
		}
	}
}

// WalkVisible is Walk over what is visible only.
func WalkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	Walk(o, func(x fyne.CanvasObject) bool { return x.Visible() && visit(x) })
}

// Find is the first object drawn under o, visible or not, for which match
// is true.
func Find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) T {
	var found T
	done := false
	Walk(o, func(x fyne.CanvasObject) bool {
		if done {
			return false
		}
		if t, ok := x.(T); ok && match(t) {
			found, done = t, true
		}
		return !done
	})
	return found
}

// Button is the first visible button under o whose text is text, or nil.
func Button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	WalkVisible(o, func(x fyne.CanvasObject) bool {
		if b, ok := x.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
		return found == nil
	})
	return found
}

// Visible lists the visible objects of type T under o, in drawing order,
// for which match is true (nil matches every one).
func Visible[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) []T {
	var out []T
	WalkVisible(o, func(x fyne.CanvasObject) bool {
		if t, ok := x.(T); ok && (match == nil || match(t)) {
			out = append(out, t)
		}
		return true
	})
	return out
}

// WorkTimeout is how long a test waits for the window's background work
// (a read, a check, an import, a PIN hash): generous, since thousands of
// rows under the race detector on a busy 2-core machine take tens of
// seconds, and a stuck worker still fails the test.
const WorkTimeout = 90 * time.Second
