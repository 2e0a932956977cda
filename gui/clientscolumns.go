package gui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// The list's optional columns: the applicable discount (shown until the
// user hides it) and each active custom field (hidden until the user
// shows it). "Colonnes…" ticks them; the choice is remembered between
// launches.

// prefColumns holds the optional columns shown, by id, joined by commas (a
// custom field's name has no comma).
const prefColumns = "clients.columns"

// colDiscount is the applicable discount's column id; a custom field's is
// its key ("custom:Passeport").
const colDiscount = "discount"

// optionalColumn is a column the user may show or hide.
type optionalColumn struct {
	id string
	column
}

// loadShownColumns reads which optional columns the user shows.
func (t *clientsTab) loadShownColumns() {
	t.shown = map[string]bool{}
	for _, id := range strings.Split(t.u.app.Preferences().StringWithFallback(prefColumns, colDiscount), ",") {
		if id != "" {
			t.shown[id] = true
		}
	}
}

// optionalColumns are the applicable discount, then each active custom
// field in the order of the settings.
func (t *clientsTab) optionalColumns() []optionalColumn {
	out := []optionalColumn{{colDiscount, column{lang.L("Discount"), "", 140, false,
		func(r *store.ListRow) string { return discountCell(r.Discount) }}}}
	for _, f := range t.custom {
		f := f
		out = append(out, optionalColumn{f.Key(), column{f.Name, "", 130, f.Type == domain.CustomNumber,
			func(r *store.ListRow) string { return customText(f, customValue(r.Custom, f.Name)) }}})
	}
	return out
}

// customValue is the value of field name, whatever its case in the row.
func customValue(values map[string]string, name string) string {
	if v, ok := values[name]; ok {
		return v
	}
	for k, v := range values {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// layoutColumns sets the table's columns: the fixed ones, with the
// optional columns shown before the balance, which stays last.
func (t *clientsTab) layoutColumns() {
	base := clientColumns()
	cols := append([]column(nil), base[:len(base)-1]...)
	for _, o := range t.optionalColumns() {
		if t.shown[o.id] {
			cols = append(cols, o.column)
		}
	}
	t.columns = append(cols, base[len(base)-1])
	if t.table == nil {
		return
	}
	for i, c := range t.columns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.Refresh()
}

// setColumnShown shows or hides an optional column and remembers it.
func (t *clientsTab) setColumnShown(id string, on bool) {
	t.shown[id] = on
	var ids []string
	for k, v := range t.shown {
		if v {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	t.u.app.Preferences().SetString(prefColumns, strings.Join(ids, ","))
	t.layoutColumns()
}

// newColumnsButton is "Colonnes…": it opens the list of optional columns,
// each with a check.
func (t *clientsTab) newColumnsButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("Columns…"), theme.ListIcon(), func() {
		box := container.NewVBox()
		for _, o := range t.optionalColumns() {
			o := o
			chk := widget.NewCheck(o.title, func(on bool) { t.setColumnShown(o.id, on) })
			chk.Checked = t.shown[o.id]
			box.Add(chk)
		}
		if len(t.custom) == 0 {
			hint := widget.NewLabel(lang.L("Custom fields can be shown here too once defined in Settings."))
			hint.Importance = widget.LowImportance
			box.Add(hint)
		}
		c := t.u.win.Canvas()
		pop := widget.NewPopUp(box, c)
		// Right-aligned under the button, which stands at the window's
		// right edge: the list opens inside the window.
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		x := max(0, pos.X+b.Size().Width-pop.MinSize().Width)
		pop.ShowAtPosition(fyne.NewPos(x, pos.Y+b.Size().Height))
	})
	return b
}

// loadCustomFields fetches the active custom fields and lays the columns
// out again when they changed (defined, renamed or archived in Settings).
func (t *clientsTab) loadCustomFields() {
	svc := t.u.svc
	t.u.work.Go(func() {
		fields, err := svc.ActiveCustomFields(context.Background())
		t.u.work.Do(func() {
			if err != nil || slices.EqualFunc(fields, t.custom, func(a, b domain.CustomField) bool {
				return a.Name == b.Name && a.Type == b.Type
			}) {
				return
			}
			t.custom = fields
			t.layoutColumns()
		})
	})
}
