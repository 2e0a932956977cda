// Package settingsui is Carnet's Settings window (Fichier › Paramètres):
// customer numbering, custom fields, reference lists, accounting, phone
// region, operators and their journal, backups. It works on the service
// only, every database call off the UI goroutine through the window's
// uiwork.Runner, and says each refusal of the service where the user
// made the change.
package settingsui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/service"
)

// dialogSize is the Settings dialog's size in a window that has room (the
// main window opens at 1180×720 and is at least 1024×700): the lists need
// it for their names beside the type, counts and buttons.
var dialogSize = fyne.NewSize(1060, 650)

// window is the open Settings dialog.
type window struct {
	parent  fyne.Window
	svc     *service.Service
	work    *uiwork.Runner
	lang    string
	changed func()

	dlg      *dialog.CustomDialog
	sections []section
	nav      *widget.List
	body     *fyne.Container // the chosen section
}

// section is one entry of the list on the left.
type section struct {
	title string
	icon  fyne.Resource
	build func(w *window) fyne.CanvasObject
}

// Show opens the Settings window over parent; call it on the UI
// goroutine. lang is the interface language ("fr" or "en") of the
// service's messages; changed is called on the UI goroutine, under work's
// UI lock, after each change saved, for the main window to show it (list
// columns, form choices): it may start work with work.Go, not wait for
// work.Do.
func Show(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string, changed func()) {
	show(parent, svc, work, lang, changed)
}

func show(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string, changed func()) *window {
	if changed == nil {
		changed = func() {}
	}
	w := &window{parent: parent, svc: svc, work: work, lang: lang, changed: changed}
	w.sections = []section{
		{tr("Numbering"), theme.ListIcon(), (*window).numbering},
		{tr("Custom fields"), theme.DocumentCreateIcon(), (*window).customFields},
		{tr("Lists"), theme.MenuIcon(), (*window).lists},
		{tr("Accounting"), theme.StorageIcon(), (*window).accounting},
		{tr("Phones"), theme.ComputerIcon(), (*window).phones},
		{tr("Operators"), theme.AccountIcon(), (*window).operators},
		{tr("Journal"), theme.HistoryIcon(), (*window).journal},
		{tr("Backups"), theme.DocumentSaveIcon(), (*window).backups},
	}
	w.body = container.NewStack()
	w.nav = widget.NewList(func() int { return len(w.sections) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.ListIcon()), widget.NewLabel("Custom fields wide"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(w.sections[id].icon)
			row.Objects[1].(*widget.Label).SetText(w.sections[id].title)
		})
	w.nav.OnSelected = w.open
	// The list is as wide as its widest title, in either language.
	navWidth := float32(0)
	for _, s := range w.sections {
		navWidth = max(navWidth, widget.NewLabel(s.title).MinSize().Width)
	}
	navWidth += theme.IconInlineSize() + 4*theme.Padding()
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(navWidth, 0))
	left := container.NewStack(room, w.nav)
	content := container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, w.body)

	w.dlg = dialog.NewCustomWithoutButtons(tr("Settings"), content, parent)
	w.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("Close"), w.dlg.Hide)})
	w.dlg.Show()
	w.dlg.Resize(fitIn(parent, dialogSize))
	w.nav.Select(0)
	return w
}

// fitIn is size, or less in a smaller window (the dialog keeps a margin).
func fitIn(parent fyne.Window, size fyne.Size) fyne.Size {
	have := parent.Canvas().Size()
	if have.Width > 0 && have.Height > 0 {
		size.Width = min(size.Width, have.Width-40)
		size.Height = min(size.Height, have.Height-40)
	}
	return size
}

// open shows section id, built afresh: it reads the settings as they are
// now.
func (w *window) open(id widget.ListItemID) {
	s := w.sections[id]
	title := widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	w.body.Objects = []fyne.CanvasObject{container.NewBorder(title, nil, nil, nil, s.build(w))}
	w.body.Refresh()
}

// newNote is the line where a section says how a change went: the
// service's refusal in red, or what was saved. Hidden until then.
func newNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// say shows in note the refusal err, or ok when err is nil ("" hides it).
func (w *window) say(note *widget.Label, err error, ok string) {
	if err != nil {
		note.Importance = widget.DangerImportance
		note.SetText(message(err, w.lang))
		note.Show()
		return
	}
	note.Importance = widget.SuccessImportance
	note.SetText(ok)
	note.Hidden = ok == ""
	note.Refresh()
}

// save runs change off the UI goroutine, then on it says the outcome in
// note (okText when it went through), tells the main window and calls
// after with the outcome (after may be nil).
func (w *window) save(note *widget.Label, okText string, change func(context.Context) error, after func(error)) {
	w.work.Go(func() {
		err := change(context.Background())
		w.work.Do(func() {
			w.say(note, err, okText)
			if err == nil {
				w.changed()
			}
			if after != nil {
				after(err)
			}
		})
	})
}

// apply runs change off the UI goroutine for an edit dialog: done is told
// the outcome on the UI goroutine (it closes the dialog or says the
// refusal) and, when it went through, the main window is told and after
// runs.
func (w *window) apply(change func(context.Context) error, done func(error), after func()) {
	w.work.Go(func() {
		err := change(context.Background())
		w.work.Do(func() {
			done(err)
			if err == nil {
				w.changed()
				after()
			}
		})
	})
}

// load reads with get off the UI goroutine and hands the result to show on
// it; a failure is said in note.
func load[T any](w *window, note *widget.Label, get func(context.Context) (T, error), show func(T)) {
	w.work.Go(func() {
		v, err := get(context.Background())
		w.work.Do(func() {
			if err != nil {
				w.say(note, err, "")
				return
			}
			show(v)
		})
	})
}

// scrolled puts a section's content in a vertical scroll, with the
// padding a section has.
func scrolled(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(objects...)))
}
