package settingsui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
)

// What the press-everything test does with one control: press it, name
// it, and tell whether the screen changed.

// press taps as the user would, then waits for what it started.
func (h *harness) press(p pressable) {
	h.act(func() { test.Tap(p.obj) })
	h.wait()
}

// pressSafely presses, and reports a panic as a failure at where.
func (h *harness) pressSafely(t *testing.T, p pressable, where string) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", where, r)
			ok = false
		}
	}()
	h.press(p)
	return true
}

// menuTail reports whether items[i] is the third or later choice of a
// pop-up menu (a select's list).
func menuTail(items []pressable, i int) bool {
	isItem := func(p pressable) bool { return reflect.TypeOf(p.obj).String() == "*widget.menuItem" }
	return i >= 2 && isItem(items[i]) && isItem(items[i-1]) && isItem(items[i-2])
}

// describe names a control for a failure message.
func describe(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == "" && x.Icon != nil {
			return "icon button " + x.Icon.Name()
		}
		return "button " + x.Text
	case *widget.Check:
		return "check " + x.Text
	case *widget.Select:
		return "choice " + x.Selected
	}
	var texts []string
	uitest.WalkVisible(o, func(c fyne.CanvasObject) bool {
		if l, ok := c.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
		if t, ok := c.(*canvas.Text); ok {
			texts = append(texts, t.Text)
		}
		return true
	})
	return reflect.TypeOf(o).String() + " " + strings.Join(texts, " ")
}

// fingerprint is what the user sees: every visible text, state and
// choice, in every layer, and the focus.
func (h *harness) fingerprint() string {
	h.work.Lock()
	defer h.work.Unlock()
	var b strings.Builder
	c := h.win.Canvas()
	fmt.Fprintf(&b, "focus %p\n", c.Focused())
	for _, l := range append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...) {
		b.WriteString("layer\n")
		uitest.WalkVisible(l, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Label:
				fmt.Fprintf(&b, "label %q %d\n", x.Text, x.Importance)
			case *canvas.Text:
				fmt.Fprintf(&b, "text %q\n", x.Text)
			case *widget.Button:
				fmt.Fprintf(&b, "button %q %v\n", x.Text, x.Disabled())
			case *widget.Entry:
				fmt.Fprintf(&b, "entry %q %v %v\n", x.Text, x.Password, x.Disabled())
			case *widget.Check:
				fmt.Fprintf(&b, "check %q %v\n", x.Text, x.Checked)
			case *widget.Select:
				fmt.Fprintf(&b, "select %q\n", x.Selected)
			case *container.AppTabs:
				fmt.Fprintf(&b, "tabs %d\n", x.SelectedIndex())
			}
			return true
		})
	}
	return b.String()
}

// rawError is a line of fingerprint that shows driver text a user should
// never read, or "".
func rawError(fingerprint string) string {
	for _, line := range strings.Split(fingerprint, "\n") {
		low := strings.ToLower(line)
		if strings.Contains(low, "sqlite") || strings.Contains(low, "sql:") || strings.Contains(low, "no such") {
			return line
		}
	}
	return ""
}
