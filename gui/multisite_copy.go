package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// addOneDialog adds the customer shown to one site it is not on, chosen in
// a list.
func (p *presencePanel) addOneDialog() {
	missing := p.sitesMissing()
	if len(missing) == 0 || len(p.onSites) == 0 {
		return
	}
	names := make([]string, len(missing))
	for i, s := range missing {
		names[i] = msSiteName(s)
	}
	choice := widget.NewSelect(names, nil)
	choice.SetSelectedIndex(0)
	body := container.NewVBox(p.copyExplanation(),
		widget.NewForm(widget.NewFormItem(lang.L("Site"), choice)))
	p.showCopyDialog(lang.L("Add to a site"), lang.L("Add"), theme.ContentAddIcon(), body, func() []string {
		if i := choice.SelectedIndex(); i >= 0 {
			return []string{missing[i].Code}
		}
		return nil
	}, nil)
}

// copyDialog copies the customer shown to several sites at once, ticked
// among those it is not on.
func (p *presencePanel) copyDialog() {
	missing := p.sitesMissing()
	if len(missing) == 0 || len(p.onSites) == 0 {
		return
	}
	var copyBtn *widget.Button
	checks := make([]*widget.Check, len(missing))
	ticked := func() []string {
		var codes []string
		for i, c := range checks {
			if c.Checked {
				codes = append(codes, missing[i].Code)
			}
		}
		return codes
	}
	box := container.NewVBox()
	for i, s := range missing {
		checks[i] = widget.NewCheck(msSiteName(s), func(bool) {
			if len(ticked()) == 0 {
				copyBtn.Disable()
			} else {
				copyBtn.Enable()
			}
		})
		box.Add(checks[i])
	}
	body := container.NewVBox(p.copyExplanation(), widget.NewLabel(lang.L("Copy to:")), box)
	copyBtn = p.showCopyDialog(lang.L("Copy to several sites"), lang.L("Copy"), theme.ContentCopyIcon(), body, ticked, func(b *widget.Button) { b.Disable() })
}

// copyExplanation says what adding the customer shown to a site brings
// there (seed 001: the shared fields come with it).
func (p *presencePanel) copyExplanation() fyne.CanvasObject {
	c := p.onSites[0]
	return wrapped(fmt.Sprintf(lang.L("%s comes with its shared fields (name, address, e-mail, credit hold…). Its site fields start empty on the new sites: fill them in on its record there."), c.Name()))
}

// showCopyDialog shows a copy dialog with body, whose action button
// (labelled action with icon, set up by prepare when not nil) adds the
// customer to the sites codes returns; a refusal is said in the dialog. It
// returns the button.
func (p *presencePanel) showCopyDialog(title, action string, icon fyne.Resource, body *fyne.Container, codes func() []string, prepare func(*widget.Button)) *widget.Button {
	id := p.shownID
	msg := msErrorLine()
	body.Add(msRoomFor(msg))
	var d *dialog.CustomDialog
	btn := widget.NewButtonWithIcon(action, icon, func() {
		chosen := codes()
		if len(chosen) == 0 {
			return
		}
		u := p.m.u
		svc := u.svc
		u.work.Go(func() {
			added, err := svc.AddToSites(context.Background(), id, chosen)
			u.work.Do(func() {
				if err != nil {
					msg.SetText(domain.UserMessage(err, uiLang))
					return
				}
				d.Hide()
				p.setStatus(plural(added, "Added to %s site.", "Added to %s sites.", format.Count(added, uiLang)))
				p.m.dataChanged()
			})
		})
	})
	btn.Importance = widget.HighImportance
	if prepare != nil {
		prepare(btn)
	}
	d = dialog.NewCustomWithoutButtons(title, body, p.m.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), btn})
	msShowDialog(d)
	return btn
}
