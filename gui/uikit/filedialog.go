// Package uikit holds the small pieces the window's screens share: file
// dialogs that are safe to open and speak the UI language, text that shows
// in full on hover, and counted nouns.
package uikit

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// fyneFileViewKey is the preference where Fyne keeps the file dialog's view.
const fyneFileViewKey = "fyne:fileDialogViewLayout"

// fileDialogSize is the size a file dialog asks for; it shrinks to fit a
// smaller window.
var fileDialogSize = fyne.NewSize(900, 600)

// ShowFileDialog shows d over win with a title in the UI language, at a
// comfortable size.
//
// The size is set after Show on purpose: before Show, Fyne's FileDialog has
// no window yet and its Resize dereferences it (the Browse button crashed
// the app that way).
func ShowFileDialog(d *dialog.FileDialog, win fyne.Window, title string) {
	d.SetTitleText(title)
	// The list view shows a file's whole name on one line (the grid cuts
	// "Documents" in two). Fyne saves the view it opened with as if the user
	// had chosen it, so the saved value is set too.
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetInt(fyneFileViewKey, int(dialog.ListView))
	}
	d.SetView(dialog.ListView)
	d.Show()
	size := fileDialogSize
	if c := win.Canvas().Size(); !c.IsZero() {
		size = fyne.NewSize(min(size.Width, c.Width-40), min(size.Height, c.Height-40))
	}
	d.Resize(size)
	translatePlaces(win.Canvas())
	if OnFileDialog != nil {
		OnFileDialog(title)
	}
}

// OnFileDialog, when set, is told the title of each file dialog shown: the
// press-everything test and the smoke test's trace use it.
var OnFileDialog func(title string)

// placeNames translates the places Fyne's file dialog lists on its left,
// which it names in English whatever the language.
func placeNames() map[string]string {
	return map[string]string{
		"Home": lang.L("Home"), "Computer": lang.L("Computer"), "Desktop": lang.L("Desktop"),
		"Documents": lang.L("Documents"), "Downloads": lang.L("Downloads"), "Music": lang.L("Music"),
		"Pictures": lang.L("Pictures"), "Videos": lang.L("Videos"), "Movies": lang.L("Movies"),
		"App Files": lang.L("App Files"),
	}
}

// translatePlaces finds the places list of the file dialog just shown on c
// and has it name the places in the UI language. The list is found by what
// it shows (its first item is "Home"), so a later Fyne that lays the dialog
// out differently leaves the English names rather than break anything.
func translatePlaces(c fyne.Canvas) {
	top := c.Overlays().Top()
	if top == nil {
		return
	}
	names := placeNames()
	widest := ""
	for _, n := range names {
		if len([]rune(n)) > len([]rune(widest)) {
			widest = n
		}
	}
	var split *container.Split // the list's holder, laid out again after
	done := false
	Walk(top, func(o fyne.CanvasObject) bool {
		if done {
			return false
		}
		if s, ok := o.(*container.Split); ok {
			split = s
		}
		l, ok := o.(*widget.List)
		if !ok || l.Length() == 0 || l.CreateItem == nil || l.UpdateItem == nil {
			return true
		}
		probe := l.CreateItem()
		l.UpdateItem(0, probe)
		if first := labelIn(probe); first == nil || first.Text != "Home" {
			return true
		}
		create, update := l.CreateItem, l.UpdateItem
		// The list is as wide as a new item: make that item hold the
		// longest name, or a French name is cut.
		l.CreateItem = func() fyne.CanvasObject {
			item := create()
			if lbl := labelIn(item); lbl != nil {
				lbl.SetText(widest)
			}
			return item
		}
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if lbl := labelIn(item); lbl != nil {
				if t, ok := names[lbl.Text]; ok && t != lbl.Text {
					lbl.SetText(t)
				}
			}
		}
		l.Refresh()
		if split != nil {
			split.SetOffset(0) // the places take their (new) least width
		}
		done = true
		return false
	})
}

// labelIn is the first label inside o.
func labelIn(o fyne.CanvasObject) *widget.Label {
	var found *widget.Label
	Walk(o, func(x fyne.CanvasObject) bool {
		if l, ok := x.(*widget.Label); ok && found == nil {
			found = l
		}
		return found == nil
	})
	return found
}

// Walk visits o and what it holds, depth first; where visit returns false
// it does not go inside. It enters containers, the selected tab, form
// items and the widgets that hold their content in exported fields
// (pop-ups, splits, scrolls, cards, Fyne's overlay holder): enough to reach
// inside Fyne's dialogs without touching their renderers.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !visit(o) {
		return
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			children = []fyne.CanvasObject{it.Content}
		}
	case *widget.Form:
		for _, it := range x.Items {
			children = append(children, it.Widget)
		}
	default:
		children = exportedChildren(o)
	}
	for _, c := range children {
		Walk(c, visit)
	}
}

var canvasObjectType = reflect.TypeFor[fyne.CanvasObject]()

// exportedChildren are the canvas objects o holds in exported fields, such
// as PopUp.Content or Split.Leading. Reflection reaches the holders Fyne
// keeps in internal packages (the overlay around a modal pop-up).
func exportedChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	v = v.Elem()
	var out []fyne.CanvasObject
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Anonymous || f.Type != canvasObjectType {
			continue
		}
		if c, ok := v.Field(i).Interface().(fyne.CanvasObject); ok && c != nil {
			out = append(out, c)
		}
	}
	return out
}
