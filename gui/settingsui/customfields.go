package settingsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// customFieldsSection lists the custom fields in their order, each with
// its type, how many customers have a value and whether it is archived,
// with Add, Edit, Archive or Bring back, and moves up and down.
type customFieldsSection struct {
	w    *window
	rows *fyne.Container
	note *widget.Label
}

func (w *window) customFields() fyne.CanvasObject {
	s := &customFieldsSection{w: w, rows: container.NewVBox(), note: newNote()}
	add := widget.NewButtonWithIcon(tr("Add a field"), theme.ContentAddIcon(), func() {
		s.edit(domain.CustomField{Type: domain.CustomText})
	})
	add.Importance = widget.HighImportance
	s.reload()
	top := container.NewVBox(
		hint(tr("Fields of your own on every customer. They appear on the form’s “Custom fields” tab, can be shown as columns of the list, are matched by name in imports and have a column in the import template.")),
		container.NewHBox(add), s.note)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.rows))
}

// reload reads the fields and lists them.
func (s *customFieldsSection) reload() {
	load(s.w, s.note, s.w.svc.CustomFields, s.show)
}

func (s *customFieldsSection) show(fields []domain.CustomField) {
	lang := s.w.lang
	g := newGrid(true, false, false, false, false)
	s.rows.Objects = []fyne.CanvasObject{g.row(header(tr("Name")), header(tr("Type")), header(tr("Customers")), header(tr("State")), widget.NewLabel(""))}
	if len(fields) == 0 {
		s.rows.Add(dim(hint(tr("No custom field yet: “Add a field” creates one."))))
	}
	for i, f := range fields {
		typ := f.Type.Label().In(lang)
		if f.Type == domain.CustomList {
			typ = trn(lang, len(f.Options), "List of %d value", "List of %d values", len(f.Options))
		}
		name, state := cell(f.Name, true), cell(tr("Active"), false)
		if f.Archived {
			dim(name)
			dim(state).SetText(tr("Archived"))
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(f, i-1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(f, i+1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(fields)-1 {
			down.Disable()
		}
		edit := widget.NewButtonWithIcon(tr("Edit"), theme.DocumentCreateIcon(), func() { s.edit(f) })
		archive := widget.NewButton(tr("Archive"), func() { s.archive(f, true) })
		if f.Archived {
			archive = widget.NewButton(tr("Bring back"), func() { s.archive(f, false) })
		}
		s.rows.Add(g.row(name, cell(typ, false), cell(format.Count(f.Uses, lang), false), state,
			container.NewHBox(up, down, edit, archive)))
	}
	s.rows.Refresh()
}

// move puts f at index to.
func (s *customFieldsSection) move(f domain.CustomField, to int) {
	s.w.save(s.note, "", func(ctx context.Context) error { return s.w.svc.MoveCustomField(ctx, f.ID, to) }, s.reloaded)
}

// archive archives f (the form no longer shows it, its values are kept)
// or brings it back.
func (s *customFieldsSection) archive(f domain.CustomField, archived bool) {
	ok := tr("“%s” is archived: the form no longer shows it, and the customers’ values are kept.", f.Name)
	if !archived {
		ok = tr("“%s” is back on the form.", f.Name)
	}
	f.Archived = archived
	s.w.save(s.note, ok, func(ctx context.Context) error {
		_, err := s.w.svc.SaveCustomField(ctx, f)
		return err
	}, s.reloaded)
}

// reloaded lists the fields again after a change that went through.
func (s *customFieldsSection) reloaded(err error) {
	if err == nil {
		s.reload()
	}
}
