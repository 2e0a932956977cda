package settingsui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// edit opens the dialog that creates a field (ID 0) or renames one and
// changes a list's values. The type is chosen once: a field's values are
// stored in its type's form, so it never changes afterwards.
func (s *customFieldsSection) edit(f domain.CustomField) {
	lang := s.w.lang
	name := widget.NewEntry()
	name.SetText(f.Name)
	name.SetPlaceHolder(tr("For example: Shoe size"))

	labels := make([]string, len(domain.CustomTypes))
	for i, t := range domain.CustomTypes {
		labels[i] = t.Label().In(lang)
	}
	typ := widget.NewSelect(labels, nil)
	typ.SetSelected(f.Type.Label().In(lang))
	typeHint := tr("Chosen once: the type cannot change after the field is created.")
	if f.ID != 0 {
		typ.Disable()
		typeHint = tr("The type cannot change after creation: create another field for another type.")
	}

	values := widget.NewMultiLineEntry()
	values.SetText(strings.Join(f.Options, "\n"))
	values.SetPlaceHolder(tr("Gold\nSilver\nBronze"))
	values.SetMinRowsVisible(5)
	valuesBox := field(tr("Values, one per line"), values, tr("A value customers have cannot be taken out of the list."))
	chosen := func() domain.CustomType {
		for i, l := range labels {
			if l == typ.Selected {
				return domain.CustomTypes[i]
			}
		}
		return f.Type
	}

	fields := container.NewVBox(field(tr("Name"), name, ""), field(tr("Type"), typ, typeHint), valuesBox)
	showValues := func() {
		valuesBox.Hidden = chosen() != domain.CustomList
		fields.Refresh()
	}
	title := tr("New custom field")
	if f.ID != 0 {
		title = tr("Custom field “%s”", f.Name)
	}
	var e *editDialog
	e = s.w.newEditDialog(title, fields, name, func(done func(error)) {
		g := f
		g.Name, g.Type, g.Options = name.Text, chosen(), nil
		if g.Type == domain.CustomList {
			g.Options = strings.Split(values.Text, "\n")
		}
		s.w.apply(func(ctx context.Context) error {
			_, err := s.w.svc.SaveCustomField(ctx, g)
			return err
		}, done, func() {
			s.w.say(s.note, nil, tr("“%s” is saved.", strings.Join(strings.Fields(g.Name), " ")))
			s.reload()
		})
	})
	showValues()
	e.fit()
	typ.OnChanged = func(string) {
		showValues()
		e.fit()
	}
}
