package gui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// The single customer who receives every web order is chosen among the
// customers, searched by code or name as in the Clients tab.

// pickerRows bounds the customers the picker lists: typing narrows them.
const pickerRows = 50

// customerPicker is the dialog that chooses the single customer.
type customerPicker struct {
	f      *syncSettingsForm
	search *widget.Entry
	list   *widget.List
	rows   []store.ListRow
	picked int // index in rows; -1 none
	choose *widget.Button
	none   *widget.Label // said when no customer matches
	// asked numbers the searches, so that a slow answer to an older text
	// does not replace a newer one's.
	asked int
	d     dialog.Dialog
}

// chooseCatchAll opens the picker.
func (f *syncSettingsForm) chooseCatchAll() {
	p := &customerPicker{f: f, picked: -1}
	p.search = widget.NewEntry()
	p.search.PlaceHolder = lang.L("Search by code, name, city…")
	p.search.OnChanged = func(string) { p.find() }
	p.list = widget.NewList(func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(pickerText(p.rows[i])) })
	p.list.OnSelected = func(i widget.ListItemID) { p.picked = i; p.choose.Enable() }
	p.choose = widget.NewButtonWithIcon(lang.L("Choose this customer"), theme.ConfirmIcon(), p.done)
	p.choose.Importance = widget.HighImportance
	p.choose.Disable()
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { p.d.Hide() })
	intro := syncHint(lang.L("Every web order is recorded on this customer; the shop’s customers are not created."))
	p.none = syncHint(lang.L("No customer matches."))
	p.none.Hide()
	content := container.NewBorder(container.NewVBox(intro, p.search, p.none), nil, nil, nil, p.list)
	d := dialog.NewCustomWithoutButtons(lang.L("The single customer account"), content, f.t.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, p.choose})
	p.d = d
	d.Resize(fyne.NewSize(620, 480))
	d.Show()
	f.t.u.win.Canvas().Focus(p.search)
	p.find()
}

// pickerText is a customer as the picker lists it: code, name, city.
func pickerText(r store.ListRow) string {
	parts := []string{r.Code, r.Name}
	if r.City != "" {
		parts = append(parts, r.City)
	}
	return strings.Join(parts, " · ")
}

// find lists the customers the search text matches, off the UI goroutine.
func (p *customerPicker) find() {
	p.asked++
	asked, text, svc := p.asked, p.search.Text, p.f.t.u.svc
	work := p.f.t.u.work
	work.Go(func() {
		rows, err := svc.Search(context.Background(), store.Query{Text: text, Limit: pickerRows})
		work.Do(func() {
			if asked != p.asked {
				return
			}
			if err != nil {
				p.f.t.u.showError(err)
				return
			}
			p.rows, p.picked = rows, -1
			syncShowIf(p.none, len(rows) == 0)
			p.list.UnselectAll()
			p.choose.Disable()
			p.list.Refresh()
		})
	})
}

// done makes the customer picked the single customer.
func (p *customerPicker) done() {
	if p.picked < 0 || p.picked >= len(p.rows) {
		return
	}
	r := p.rows[p.picked]
	p.d.Hide()
	p.f.catchAllCode = r.Code
	p.f.catchAllName.Importance = widget.MediumImportance
	p.f.catchAllName.SetText(pickerText(r))
	p.f.changed()
}

// lookUpCatchAll shows the saved single customer's name beside its code,
// or that it no longer exists.
func (f *syncSettingsForm) lookUpCatchAll() {
	code, svc, work := f.catchAllCode, f.t.u.svc, f.t.u.work
	if code == "" {
		f.catchAllName.Importance = widget.LowImportance
		f.catchAllName.SetText(lang.L("No customer chosen"))
		return
	}
	work.Go(func() {
		rows, err := svc.Search(context.Background(), store.Query{Text: code, Limit: pickerRows, Archived: store.FilterAny})
		work.Do(func() {
			if code != f.catchAllCode {
				return // another was chosen meanwhile
			}
			if err != nil {
				f.catchAllName.SetText(code + " · " + domain.UserMessage(err, uiLang))
				return
			}
			for _, r := range rows {
				if strings.EqualFold(r.Code, code) {
					f.catchAllName.Importance = widget.MediumImportance
					f.catchAllName.SetText(pickerText(r))
					return
				}
			}
			f.catchAllName.Importance = widget.DangerImportance
			f.catchAllName.SetText(code + " · " + lang.L("no customer has this code any more: choose another"))
		})
	})
}
