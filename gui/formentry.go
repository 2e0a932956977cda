package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// formEntry is an entry of the customer form. Fyne hands every key to the
// entry that has the focus, so the form cannot see Escape from above: the
// entry passes it on.
type formEntry struct {
	widget.Entry
	onEscape func()
}

func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newFormMultiLineEntry() *formEntry {
	e := newFormEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey cancels the form on Escape.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// wheelPass lies over a one-line entry and hands the mouse wheel to the
// form's scroll: an entry keeps wheel events for its own (one-line) text,
// so the form only scrolled with the pointer over a label. It takes
// nothing else: clicks, hover and keys reach the entry under it.
type wheelPass struct {
	widget.BaseWidget
	target func() fyne.Scrollable
}

func newWheelPass(target func() fyne.Scrollable) *wheelPass {
	w := &wheelPass{target: target}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled scrolls the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if t := w.target(); t != nil {
		t.Scrolled(ev)
	}
}

// wheelThrough puts a wheelPass over o when o is a one-line entry. The
// pair stands for the entry in a form: disabled and validated as it is, so
// the form still greys its label and shows its error.
func wheelThrough(o fyne.CanvasObject, target func() fyne.Scrollable) fyne.CanvasObject {
	e, ok := o.(*formEntry)
	if !ok || e.MultiLine {
		return o
	}
	w := &entryWithWheel{entry: e, pass: newWheelPass(target)}
	w.ExtendBaseWidget(w)
	return w
}

// entryWithWheel is a one-line entry with a wheelPass over it.
type entryWithWheel struct {
	widget.BaseWidget
	entry *formEntry
	pass  *wheelPass
}

var (
	_ fyne.Disableable = (*entryWithWheel)(nil)
	_ fyne.Validatable = (*entryWithWheel)(nil)
)

func (w *entryWithWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(w.entry, w.pass))
}

func (w *entryWithWheel) Enable()        { w.entry.Enable() }
func (w *entryWithWheel) Disable()       { w.entry.Disable() }
func (w *entryWithWheel) Disabled() bool { return w.entry.Disabled() }
func (w *entryWithWheel) Validate() error {
	return w.entry.Validate()
}
func (w *entryWithWheel) SetOnValidationChanged(f func(error)) { w.entry.SetOnValidationChanged(f) }
