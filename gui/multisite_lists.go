package gui

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// listsPanel shows one reference list of the site chosen in the sites
// panel: the values its customers' site fields may take (seed 001,
// "Informations filtrées par site"). The main site also keeps the lists
// every site shares.
type listsPanel struct {
	m    *multisiteTab
	site domain.Site
	// lists are the lists the site offers, in the choice's order; shown is
	// the one chosen, entries its values.
	lists   []domain.SiteList
	shown   domain.SiteList
	entries []domain.SiteEntry
	picked  int // index of the entry chosen in the list, -1 for none

	title       *widget.Label
	choice      *widget.Select
	list        *widget.List
	empty       *widget.Label
	add, remove *widget.Button
	content     fyne.CanvasObject
}

func newListsPanel(m *multisiteTab) *listsPanel {
	p := &listsPanel{m: m, picked: -1, shown: domain.SiteLists[0]}
	p.title = msTitle(lang.L("Reference lists"))
	p.title.Wrapping = fyne.TextWrapWord
	p.choice = widget.NewSelect(nil, p.listChosen)
	p.list = widget.NewList(func() int { return len(p.entries) },
		func() fyne.CanvasObject { return newEntryLine(false) }, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.picked = i
		p.remove.Enable()
	}
	p.list.OnUnselected = func(widget.ListItemID) {
		p.picked = -1
		p.remove.Disable()
	}
	p.empty = wrapped("")
	p.empty.Importance = widget.LowImportance
	p.empty.Hide()
	p.add = widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), p.addDialog)
	p.remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), p.removePicked)

	top := container.NewVBox(p.title,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("List:")), container.NewHBox(p.add, p.remove), p.choice),
		p.empty, newEntryLine(true))
	p.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, p.list))
	p.showSite(domain.Site{}, false)
	return p
}

// entryLine is a row of a list's values (code, label), or its header.
type entryLine struct {
	widget.BaseWidget
	code, label *widget.Label
	content     fyne.CanvasObject
}

func newEntryLine(header bool) *entryLine {
	l := &entryLine{}
	st := fyne.TextStyle{Bold: header}
	l.code = widget.NewLabelWithStyle("", fyne.TextAlignLeading, st)
	l.label = widget.NewLabelWithStyle("", fyne.TextAlignLeading, st)
	l.code.Truncation = fyne.TextTruncateEllipsis
	l.label.Truncation = fyne.TextTruncateEllipsis
	if header {
		l.code.SetText(lang.L("Code"))
		l.label.SetText(lang.L("Label"))
	}
	l.content = container.NewBorder(nil, nil, fixedWidth(l.code, 160), nil, l.label)
	l.ExtendBaseWidget(l)
	return l
}

func (l *entryLine) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.content) }

func (p *listsPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.entries) {
		return
	}
	row := o.(*entryLine)
	row.code.SetText(p.entries[i].Code)
	row.label.SetText(p.entries[i].Label)
}

// listTitle is a list as the choice names it; the main site's own lists
// say that every site uses them.
func listTitle(l domain.SiteList) string {
	t := l.Title().In(uiLang)
	if l.PerMain() {
		return fmt.Sprintf(lang.L("%s (every site)"), t)
	}
	return t
}

// showSite shows the lists of site (ok false: no site chosen), keeping the
// list shown when the site has it too.
func (p *listsPanel) showSite(site domain.Site, ok bool) {
	p.site = site
	p.lists = slices.Clone(domain.SiteLists)
	if site.Main {
		p.lists = append(p.lists, domain.MainLists...)
	}
	if !slices.Contains(p.lists, p.shown) {
		p.shown = p.lists[0]
	}
	titles := make([]string, len(p.lists))
	for i, l := range p.lists {
		titles[i] = listTitle(l)
	}
	p.title.SetText(lang.L("Reference lists"))
	if ok {
		p.title.SetText(fmt.Sprintf(lang.L("Reference lists of site “%s”"), msSiteName(site)))
	}
	p.choice.OnChanged = nil // set below without reloading twice
	p.choice.Options = titles
	p.choice.SetSelectedIndex(slices.Index(p.lists, p.shown))
	p.choice.OnChanged = p.listChosen
	if !ok {
		p.choice.Disable()
		p.add.Disable()
		p.setEntries(nil)
		return
	}
	p.choice.Enable()
	p.add.Enable()
	p.reload()
}

// listChosen shows the list chosen by its title.
func (p *listsPanel) listChosen(string) {
	if i := p.choice.SelectedIndex(); i >= 0 && i < len(p.lists) {
		p.shown = p.lists[i]
		p.reload()
	}
}

// reload reads the list shown of the site shown.
func (p *listsPanel) reload() {
	u := p.m.u
	svc, siteID, list := u.svc, p.site.ID, p.shown
	u.work.Go(func() {
		entries, err := svc.SiteList(context.Background(), siteID, list)
		u.work.Do(func() {
			if svc != u.svc || siteID != p.site.ID || list != p.shown {
				return // another site or list was chosen meanwhile
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.setEntries(entries)
		})
	})
}

// setEntries shows entries, none chosen.
func (p *listsPanel) setEntries(entries []domain.SiteEntry) {
	p.entries = entries
	p.picked = -1
	p.list.UnselectAll()
	p.remove.Disable()
	p.list.Refresh()
	if len(entries) == 0 && p.site.ID != 0 {
		p.empty.SetText(lang.L("This list is empty: a site field accepts only the values of its site’s list, so this one accepts none on this site until you add some."))
		if p.shown.PerMain() {
			// These were free text before the main site kept them: they
			// stay free until the list has a value.
			p.empty.SetText(lang.L("This list is empty: its field takes any value until you add one; then only the list’s values."))
		}
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
}

// addDialog adds a value (code and label) to the list shown; a code the
// list has already gets the new label.
func (p *listsPanel) addDialog() {
	site, list := p.site, p.shown
	code, label := widget.NewEntry(), widget.NewEntry()
	codeItem := widget.NewFormItem(lang.L("Code"), code)
	codeItem.HintText = lang.L("Up to 20 characters, without spaces. A code already in the list gets the new label.")
	form := widget.NewForm(codeItem, widget.NewFormItem(lang.L("Label"), label))
	form.Orientation = widget.Vertical
	msg := msErrorLine()
	where := wrapped(fmt.Sprintf(lang.L("List “%s” of site “%s”."), listTitle(list), msSiteName(site)))
	var d *dialog.CustomDialog
	add := widget.NewButtonWithIcon(lang.L("Add"), theme.ConfirmIcon(), func() {
		u := p.m.u
		svc, e := u.svc, domain.SiteEntry{Code: code.Text, Label: label.Text}
		u.work.Go(func() {
			err := svc.PutSiteListEntry(context.Background(), site.ID, list, e)
			u.work.Do(func() {
				if err != nil {
					msg.SetText(msMessage(err))
					return
				}
				d.Hide()
				p.reload()
			})
		})
	})
	add.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Add a value"), container.NewVBox(where, form, msRoomFor(msg)), p.m.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), add})
	msShowDialog(d)
	p.m.u.win.Canvas().Focus(code)
}

// removePicked takes the chosen value out of the list; the service refuses
// while customers of the site have it, and its reason is shown as is.
func (p *listsPanel) removePicked() {
	if p.picked < 0 || p.picked >= len(p.entries) {
		return
	}
	u := p.m.u
	svc, siteID, list, code := u.svc, p.site.ID, p.shown, p.entries[p.picked].Code
	u.work.Go(func() {
		err := svc.DeleteSiteListEntry(context.Background(), siteID, list, code)
		u.work.Do(func() {
			if svc != u.svc {
				return
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.reload()
		})
	})
}
