package settingsui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// editDialogWidth leaves a long name its room (Fyne's form dialog is
// narrow enough to cut "Données du passeport").
const editDialogWidth = 520

// editDialog is a small dialog over the Settings window that edits one
// entry: its fields, a line for the refusal, Cancel and Save. Save runs
// submit, which calls done(nil) to close it or done(err) to say why not.
type editDialog struct {
	w    *window
	dlg  *dialog.CustomDialog
	msg  *widget.Label
	save *widget.Button
}

// newEditDialog shows title with content over the window; focus, when not
// nil, gets the keyboard.
func (w *window) newEditDialog(title string, content fyne.CanvasObject, focus fyne.Focusable, submit func(done func(error))) *editDialog {
	e := &editDialog{w: w}
	e.msg = widget.NewLabel("")
	e.msg.Importance = widget.DangerImportance
	e.msg.Wrapping = fyne.TextWrapWord
	// Two lines are kept free from the start, so the dialog does not grow
	// when a refusal appears.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 2*widget.NewLabel("Ag").MinSize().Height-theme.InnerPadding()))
	e.save = widget.NewButtonWithIcon(tr("Save"), theme.DocumentSaveIcon(), func() {
		e.msg.SetText("")
		submit(e.done)
	})
	e.save.Importance = widget.HighImportance
	e.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(content, container.NewStack(room, e.msg)), w.parent)
	e.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("Cancel"), e.dlg.Hide), e.save})
	e.dlg.Show()
	e.fit()
	if focus != nil {
		w.parent.Canvas().Focus(focus)
	}
	return e
}

// fit sizes the dialog to its width and the height its content needs now.
// Twice: a wrapped text needs more lines while it is narrow, so the height
// is only right once the dialog has its width.
func (e *editDialog) fit() {
	e.dlg.Resize(fyne.NewSize(editDialogWidth, e.dlg.MinSize().Height))
	e.dlg.Resize(fyne.NewSize(editDialogWidth, e.dlg.MinSize().Height))
}

// done closes the dialog, or says why the change was refused.
func (e *editDialog) done(err error) {
	if err != nil {
		e.msg.SetText(message(err, e.w.lang))
		return
	}
	e.dlg.Hide()
}

// fail says a refusal found before asking the service.
func (e *editDialog) fail(text string) { e.msg.SetText(text) }

// field is a labelled field with its hint below, wrapped: Fyne's form
// draws hints on one line, and a long one would widen the whole window.
func field(label string, o fyne.CanvasObject, hintText string) *fyne.Container {
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), o}
	if hintText != "" {
		h := hint(hintText)
		h.Importance = widget.LowImportance
		h.SizeName = theme.SizeNameCaptionText
		objs = append(objs, h)
	}
	return container.NewVBox(objs...)
}
