package gui

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
)

// sitesPanel lists the sites (code, name, the main site's mark, how many
// customers each has) with what can be done to them.
type sitesPanel struct {
	m     *multisiteTab
	sites []domain.Site
	// selected is the ID of the site chosen in the list, kept across
	// reloads; current the site the window works on.
	selected int64
	current  domain.Site

	list                      *widget.List
	add, rename, setMain, del *widget.Button
	mainHint                  *widget.Label
	content                   fyne.CanvasObject
}

func newSitesPanel(m *multisiteTab) *sitesPanel {
	p := &sitesPanel{m: m}
	p.list = widget.NewList(func() int { return len(p.sites) },
		func() fyne.CanvasObject { return newSiteLine(false) }, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.sites) {
			p.selected = p.sites[i].ID
			p.siteChosen()
		}
	}
	p.add = widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), func() { p.editDialog(domain.Site{}) })
	p.rename = widget.NewButtonWithIcon(lang.L("Rename…"), theme.DocumentCreateIcon(), func() {
		if s, ok := p.selectedSite(); ok {
			p.editDialog(s)
		}
	})
	p.setMain = widget.NewButtonWithIcon(lang.L("Make it the main site"), theme.HomeIcon(), p.makeMain)
	p.del = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), p.deleteDialog)
	p.mainHint = wrapped(lang.L("The main site cannot be deleted: make another site the main one first."))
	p.mainHint.Importance = widget.LowImportance

	// Adding concerns no site in particular: it sits by the title; the
	// buttons under the list act on the site chosen in it.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, p.add, msTitle(lang.L("Sites"))), newSiteLine(true))
	bottom := container.NewVBox(container.NewHBox(p.rename, p.del, p.setMain), p.mainHint)
	// Room for three sites at least, whatever the split leaves.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 3*newSiteLine(false).MinSize().Height))
	p.content = container.NewPadded(container.NewBorder(top, bottom, nil, nil, container.NewStack(room, p.list)))
	p.enableButtons()
	return p
}

// siteLine is a row of the sites list, or its header.
type siteLine struct {
	widget.BaseWidget
	code, name, mark, count *widget.Label
	content                 fyne.CanvasObject
}

func newSiteLine(header bool) *siteLine {
	l := &siteLine{}
	st := fyne.TextStyle{Bold: header}
	l.code = widget.NewLabelWithStyle("", fyne.TextAlignLeading, st)
	l.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, st)
	l.mark = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: !header, Bold: header})
	l.count = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, st)
	for _, x := range []*widget.Label{l.code, l.name, l.mark} {
		x.Truncation = fyne.TextTruncateEllipsis
	}
	if header {
		l.code.SetText(lang.L("Code"))
		l.name.SetText(lang.L("Name"))
		l.count.SetText(lang.L("Customers"))
	}
	// The mark gets the width of its longest text, in either language.
	l.content = container.NewBorder(nil, nil, fixedWidth(l.code, 110),
		container.NewHBox(fixedWidth(l.mark, 150), fixedWidth(l.count, 80)), l.name)
	l.ExtendBaseWidget(l)
	return l
}

func (l *siteLine) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.content) }

func (p *sitesPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.sites) {
		return
	}
	s, row := p.sites[i], o.(*siteLine)
	row.code.SetText(s.Code)
	row.name.SetText(s.Name)
	row.mark.SetText(p.mark(s))
	row.count.SetText(format.Count(s.Customers, uiLang))
}

// mark is what the list says of s beside its name: the main site, and
// the site the window works on (which cannot be deleted either).
func (p *sitesPanel) mark(s domain.Site) string {
	current := s.ID == p.current.ID && len(p.sites) > 1
	switch {
	case s.Main && current:
		return lang.L("Main, current")
	case s.Main:
		return lang.L("Main site")
	case current:
		return lang.L("Current site")
	}
	return ""
}

// reload reads the sites and the current one, keeping the site chosen.
func (p *sitesPanel) reload() {
	u := p.m.u
	svc := u.svc
	u.work.Go(func() {
		ctx := context.Background()
		sites, err := svc.Sites(ctx)
		var current domain.Site
		if err == nil {
			current, err = svc.CurrentSite(ctx)
		}
		u.work.Do(func() {
			if svc != u.svc {
				return // another file was opened meanwhile
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.show(sites, current)
		})
	})
}

// show lists sites, chooses again the site chosen before (the main one
// when it is gone), and has the lists panel follow.
func (p *sitesPanel) show(sites []domain.Site, current domain.Site) {
	p.sites, p.current = sites, current
	at := -1
	for i, s := range sites {
		if s.ID == p.selected {
			at = i
		}
	}
	if at < 0 && len(sites) > 0 {
		at = 0 // the main site comes first
	}
	p.list.Refresh()
	if at >= 0 {
		p.selected = sites[at].ID
		on := p.list.OnSelected
		p.list.OnSelected = nil // siteChosen follows once, below
		p.list.Select(at)
		p.list.OnSelected = on
	}
	p.siteChosen()
}

// selectedSite is the site chosen in the list.
func (p *sitesPanel) selectedSite() (domain.Site, bool) {
	for _, s := range p.sites {
		if s.ID == p.selected {
			return s, true
		}
	}
	return domain.Site{}, false
}

// siteChosen enables what the chosen site allows and shows its lists.
func (p *sitesPanel) siteChosen() {
	p.enableButtons()
	p.m.siteChanged()
}

// enableButtons enables what the chosen site allows. The main site can be
// neither deleted nor made main again: its buttons are off, and the line
// under them says why.
func (p *sitesPanel) enableButtons() {
	s, ok := p.selectedSite()
	for _, b := range []*widget.Button{p.rename, p.setMain, p.del} {
		b.Enable()
		if !ok {
			b.Disable()
		}
	}
	if ok && s.Main {
		p.setMain.Disable()
		p.del.Disable()
		p.mainHint.Show()
	} else {
		p.mainHint.Hide()
	}
}

// editDialog adds a site (zero ID) or changes its code and name; a refusal
// is said in the dialog, which stays open.
func (p *sitesPanel) editDialog(s domain.Site) {
	code, name := widget.NewEntry(), widget.NewEntry()
	code.SetText(s.Code)
	name.SetText(s.Name)
	code.SetPlaceHolder("DEPOT")
	codeItem := widget.NewFormItem(lang.L("Code"), code)
	codeItem.HintText = lang.L("Up to 12 letters or digits, without spaces.")
	form := widget.NewForm(codeItem, widget.NewFormItem(lang.L("Name"), name))
	form.Orientation = widget.Vertical
	isMain := widget.NewCheck(lang.L("Main site"), nil)
	msg := msErrorLine()
	body := container.NewVBox(form)
	title, action := lang.L("Rename the site"), lang.L("Save")
	if s.ID == 0 {
		title, action = lang.L("Add a site"), lang.L("Add")
		body.Add(isMain)
		body.Add(wrapped(lang.L("A new site’s reference lists start as copies of the main site’s.")))
	}
	body.Add(msRoomFor(msg))
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(action, theme.ConfirmIcon(), func() {
		p.save(s.ID, code.Text, name.Text, isMain.Checked, func(err error) {
			if err != nil {
				msg.SetText(msMessage(err))
				return
			}
			d.Hide()
		})
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, body, p.m.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), save})
	msShowDialog(d)
	p.m.u.win.Canvas().Focus(code)
}

// save adds or renames a site off the UI goroutine; done hears the outcome
// on the UI goroutine.
func (p *sitesPanel) save(id int64, code, name string, isMain bool, done func(error)) {
	u := p.m.u
	svc := u.svc
	u.work.Go(func() {
		var err error
		if id == 0 {
			var site domain.Site
			site, err = svc.AddSite(context.Background(), code, name, isMain)
			id = site.ID
		} else {
			err = svc.RenameSite(context.Background(), id, code, name)
		}
		u.work.Do(func() {
			done(err)
			if err == nil {
				p.selected = id // the site added or renamed stays chosen
				p.m.dataChanged()
			}
		})
	})
}

// makeMain makes the chosen site the main one.
func (p *sitesPanel) makeMain() {
	s, ok := p.selectedSite()
	if !ok {
		return
	}
	p.run(func(ctx context.Context, svc *service.Service) error { return svc.SetMainSite(ctx, s.ID) })
}

// deleteDialog asks before deleting the chosen site; the service refuses
// while customers are on that site only, and its reason is shown as is.
func (p *sitesPanel) deleteDialog() {
	s, ok := p.selectedSite()
	if !ok {
		return
	}
	question := wrapped(fmt.Sprintf(lang.L("Delete the site “%s”?"), msSiteName(s)))
	what := wrapped(lang.L("Its reference lists and its own part of each customer go with it; the customers stay on their other sites."))
	var d *dialog.CustomDialog
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() {
		d.Hide()
		p.run(func(ctx context.Context, svc *service.Service) error { return svc.DeleteSite(ctx, s.ID) })
	})
	del.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Delete the site"), container.NewVBox(question, what), p.m.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), del})
	msShowDialog(d)
}

// run does a change to the sites off the UI goroutine, shows its refusal
// in the window's error dialog, and reloads.
func (p *sitesPanel) run(change func(context.Context, *service.Service) error) {
	u := p.m.u
	svc := u.svc
	u.work.Go(func() {
		err := change(context.Background(), svc)
		u.work.Do(func() {
			if svc != u.svc {
				return
			}
			if err != nil {
				u.showError(err)
			}
			p.m.dataChanged()
		})
	})
}
