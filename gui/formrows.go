package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// repeatRows is a list of rows the user adds and removes (phones, shipping
// addresses). Each row is built by newRow and read back by its own
// closure.
type repeatRows[T any] struct {
	changed func() // a row was added or removed
	box     *fyne.Container
	rows    []*repeatRow[T]
	newRow  func(v T) (fyne.CanvasObject, func() T)
}

type repeatRow[T any] struct {
	obj  fyne.CanvasObject
	read func() T
}

func newRepeatRows[T any](changed func(), values []T, newRow func(v T) (fyne.CanvasObject, func() T)) *repeatRows[T] {
	r := &repeatRows[T]{box: container.NewVBox(), newRow: newRow}
	for _, v := range values {
		r.add(v)
	}
	r.changed = changed // told of the user's additions and removals only
	return r
}

// add appends a row showing v, with a remove button.
func (r *repeatRows[T]) add(v T) {
	obj, read := r.newRow(v)
	row := &repeatRow[T]{read: read}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row.obj = container.NewBorder(nil, nil, nil, remove, obj)
	remove.OnTapped = func() {
		for i, x := range r.rows {
			if x == row {
				r.rows = append(r.rows[:i], r.rows[i+1:]...)
				break
			}
		}
		r.box.Remove(row.obj)
		if r.changed != nil {
			r.changed()
		}
	}
	r.rows = append(r.rows, row)
	r.box.Add(row.obj)
	if r.changed != nil {
		r.changed()
	}
}

func (r *repeatRows[T]) values() []T {
	out := make([]T, 0, len(r.rows))
	for _, row := range r.rows {
		out = append(out, row.read())
	}
	return out
}

// view is the rows followed by an "add" button labelled addText.
func (r *repeatRows[T]) view(addText string) fyne.CanvasObject {
	var zero T
	add := widget.NewButtonWithIcon(addText, theme.ContentAddIcon(), func() { r.add(zero) })
	add.Importance = widget.LowImportance
	return container.NewVBox(r.box, container.NewHBox(add))
}
