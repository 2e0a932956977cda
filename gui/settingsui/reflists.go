package settingsui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// lists is the section of the reference lists (marketing sources, price
// types, civilities), one tab each.
func (w *window) lists() fyne.CanvasObject {
	tabs := container.NewAppTabs()
	for _, l := range domain.RefLists {
		tabs.Append(container.NewTabItem(l.Title().In(w.lang), w.refList(l)))
	}
	return container.NewBorder(
		hint(tr("An archived entry is no longer offered on the customer form, but the customers that have it keep it. Renaming an entry renames it on every customer that has it.")),
		nil, nil, nil, tabs)
}

// refListSection is one reference list: an entry to add, then the entries
// with their use counts, each with Rename and Archive or Bring back.
type refListSection struct {
	w    *window
	list domain.RefList
	rows *fyne.Container
	note *widget.Label
}

// refListIntro says what each list is for.
func refListIntro(l domain.RefList) string {
	switch l {
	case domain.ListMarketing:
		return tr("Where customers heard of you. The import refuses a source that is not in this list, unless its option to create the missing ones is on.")
	case domain.ListPriceTypes:
		return tr("The price types a customer can have; an import’s price type column must name one of them exactly.")
	case domain.ListCivilities:
		return tr("The titles the customer form offers for an individual.")
	}
	return ""
}

func (w *window) refList(l domain.RefList) fyne.CanvasObject {
	s := &refListSection{w: w, list: l, rows: container.NewVBox(), note: newNote()}
	name := widget.NewEntry()
	name.SetPlaceHolder(tr("New entry"))
	add := widget.NewButtonWithIcon(tr("Add"), theme.ContentAddIcon(), nil)
	add.OnTapped = func() {
		typed := strings.Join(strings.Fields(name.Text), " ")
		w.save(s.note, tr("“%s” is added.", typed), func(ctx context.Context) error { return w.svc.AddRef(ctx, l, typed) },
			func(err error) {
				if err == nil {
					name.SetText("")
					s.reload()
				}
			})
	}
	name.OnSubmitted = func(string) { add.OnTapped() }
	s.reload()
	top := container.NewVBox(hint(refListIntro(l)), container.NewBorder(nil, nil, nil, add, name), s.note)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.rows))
}

func (s *refListSection) reload() {
	load(s.w, s.note, func(ctx context.Context) ([]domain.RefValue, error) { return s.w.svc.RefValues(ctx, s.list) }, s.show)
}

func (s *refListSection) show(values []domain.RefValue) {
	lang := s.w.lang
	g := newGrid(true, false, false, false)
	s.rows.Objects = []fyne.CanvasObject{g.row(header(tr("Name")), header(tr("Customers")), header(tr("State")), widget.NewLabel(""))}
	if len(values) == 0 {
		s.rows.Add(dim(hint(tr("The list is empty: type an entry above and press Add."))))
	}
	for _, v := range values {
		name, state := cell(v.Name, true), cell(tr("Offered"), false)
		archive := widget.NewButton(tr("Archive"), func() { s.archive(v, true) })
		if v.Archived {
			dim(name)
			dim(state).SetText(tr("Archived (list entry)"))
			archive = widget.NewButton(tr("Bring back"), func() { s.archive(v, false) })
		}
		rename := widget.NewButtonWithIcon(tr("Rename"), theme.DocumentCreateIcon(), func() { s.rename(v) })
		s.rows.Add(g.row(name, cell(format.Count(v.Uses, lang), false), state, container.NewHBox(rename, archive)))
	}
	s.rows.Refresh()
}

// archive archives v (no longer offered, kept by its customers) or brings
// it back.
func (s *refListSection) archive(v domain.RefValue, archived bool) {
	ok := tr("“%s” is archived: no longer offered, and the customers that have it keep it.", v.Name)
	if !archived {
		ok = tr("“%s” is offered again.", v.Name)
	}
	s.w.save(s.note, ok, func(ctx context.Context) error { return s.w.svc.ArchiveRef(ctx, s.list, v.ID, archived) },
		func(err error) {
			if err == nil {
				s.reload()
			}
		})
}

// rename asks for v's new name; the customers that have it follow.
func (s *refListSection) rename(v domain.RefValue) {
	name := widget.NewEntry()
	name.SetText(v.Name)
	body := field(tr("Name"), name, trn(s.w.lang, v.Uses, "%s customer has it and follows the new name.", "%s customers have it and follow the new name.", format.Count(v.Uses, s.w.lang)))
	var e *editDialog
	e = s.w.newEditDialog(tr("Rename “%s”", v.Name), body, name, func(done func(error)) {
		typed := strings.Join(strings.Fields(name.Text), " ")
		s.w.apply(func(ctx context.Context) error { return s.w.svc.RenameRef(ctx, s.list, v.ID, typed) }, done, func() {
			s.w.say(s.note, nil, tr("“%s” is now “%s”.", v.Name, typed))
			s.reload()
		})
	})
	name.OnSubmitted = func(string) { e.save.OnTapped() }
}
