package gui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// groupDialogWidth leaves room for a long group name ("Grossistes
// régionaux" showed as "gionaux" in Fyne's narrow form dialog).
const groupDialogWidth = 480

// showSized shows d at the group dialogs' width and the height its content
// needs. Lines that can hold a message are laid out from the start, so the
// dialog does not move when one appears.
func showSized(d *dialog.CustomDialog) {
	d.Show()
	d.Resize(fyne.NewSize(groupDialogWidth, d.MinSize().Height))
}

// editDialog creates a group (zero ID) or renames it and changes its
// discount; a refusal (no name, a name taken, a discount out of range) is
// said in the dialog, which stays open.
func (g *groupsTab) editDialog(gr domain.Group) {
	name := widget.NewEntry()
	name.SetText(gr.Name)
	disc := widget.NewEntry()
	if gr.Discount != 0 {
		disc.SetText(strings.TrimSpace(strings.TrimSuffix(format.Percent(gr.Discount, uiLang), "%")))
	}
	disc.SetPlaceHolder("0")
	discItem := widget.NewFormItem(lang.L("Automatic discount (%)"), disc)
	discItem.HintText = lang.L("From 0 to 100, for example 12,5")
	// Errors show on two lines kept free from the start, so the dialog
	// does not grow when one appears.
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 2*widget.NewLabel("Ag").MinSize().Height-theme.InnerPadding()))
	title := lang.L("New group")
	if gr.ID != 0 {
		title = lang.L("Edit group")
	}
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() {
		if strings.TrimSpace(name.Text) == "" {
			msg.SetText(lang.L("Give the group a name."))
			return
		}
		pct, err := parsePercent(disc.Text)
		if err != nil {
			msg.SetText(err.Error())
			return
		}
		g.save(gr.ID, name.Text, pct, func(err error) {
			if err != nil {
				msg.SetText(domain.UserMessage(err, uiLang))
				return
			}
			d.Hide()
		})
	})
	save.Importance = widget.HighImportance
	// Labels above the fields: the name gets the dialog's whole width.
	form := widget.NewForm(widget.NewFormItem(lang.L("Name"), name), discItem)
	form.Orientation = widget.Vertical
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, container.NewStack(room, msg)), g.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), save})
	showSized(d)
	g.u.win.Canvas().Focus(name)
}

// save creates or changes a group off the UI goroutine; done is told the
// outcome on the UI goroutine.
func (g *groupsTab) save(id int64, name string, discount int64, done func(error)) {
	svc := g.u.svc
	g.u.work.Go(func() {
		var err error
		if id == 0 {
			_, err = svc.CreateGroup(context.Background(), name, discount)
		} else {
			err = svc.UpdateGroup(context.Background(), id, name, discount)
		}
		g.u.work.Do(func() {
			done(err)
			if err == nil {
				g.u.Refresh()
			}
		})
	})
}

// deleteDialog asks where the members go (another group or none) and says,
// before anything is done, how many customers move and what becomes of
// their automatic discount; both happen in one transaction.
func (g *groupsTab) deleteDialog(gr domain.Group) {
	none := lang.L("No group")
	opts := []string{none}
	ids := map[string]int64{none: 0}
	for _, o := range g.groups {
		if o.ID != gr.ID {
			opts = append(opts, o.Name)
			ids[o.Name] = o.ID
		}
	}
	question := widget.NewLabel(fmt.Sprintf(lang.L("Delete the group “%s”?"), gr.Name))
	question.Wrapping = fyne.TextWrapWord
	outcome := widget.NewLabel("")
	outcome.Wrapping = fyne.TextWrapWord
	target := widget.NewSelect(opts, nil)
	body := container.NewVBox(question)
	if gr.Members > 0 {
		body.Add(widget.NewForm(widget.NewFormItem(lang.L("Move its customers to"), target)))
		body.Add(outcome)
		target.OnChanged = func(name string) { g.showOutcome(outcome, gr, &target.Selected, name, ids[name]) }
		target.SetSelected(none)
	} else {
		outcome.SetText(lang.L("No customer belongs to it."))
		body.Add(outcome)
	}
	var d *dialog.CustomDialog
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() {
		d.Hide()
		g.delete(gr.ID, ids[target.Selected])
	})
	del.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Delete group"), body, g.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), del})
	showSized(d)
}

// showOutcome says, in outcome, what deleting gr with its members moving
// to target (moveTo) does: how many move, and their discount before and
// after, counted by change.
func (g *groupsTab) showOutcome(outcome *widget.Label, gr domain.Group, chosen *string, target string, moveTo int64) {
	svc := g.u.svc
	g.u.work.Go(func() {
		shifts, err := svc.GroupDeletion(context.Background(), gr.ID, moveTo)
		g.u.work.Do(func() {
			if outcome.Text != "" && target != *chosen {
				return // another target was chosen meanwhile: its outcome follows
			}
			if err != nil {
				outcome.SetText(domain.UserMessage(err, uiLang))
				return
			}
			n := format.Count(gr.Members, uiLang)
			lines := []string{plural(gr.Members, "Its %s customer leaves the group and joins none.", "Its %s customers leave the group and join none.", n)}
			if moveTo != 0 {
				lines[0] = plural(gr.Members, "Its %s customer moves to “%s”.", "Its %s customers move to “%s”.", n, target)
			}
			for _, s := range shifts {
				c := format.Count(s.Customers, uiLang)
				if s.From == s.To {
					lines = append(lines, "• "+plural(s.Customers, "%s customer keeps an automatic discount of %s.",
						"%s customers keep an automatic discount of %s.", c, discountText(s.To)))
					continue
				}
				lines = append(lines, "• "+plural(s.Customers, "%s customer: automatic discount %s, then %s.",
					"%s customers: automatic discount %s, then %s.", c, discountText(s.From), discountText(s.To)))
			}
			lines = append(lines, lang.L("A customer’s own discount, when set, still comes first."))
			outcome.SetText(strings.Join(lines, "\n"))
		})
	})
}

// discountText is a discount as the groups list writes it, "none" for 0.
func discountText(hundredths int64) string {
	if hundredths == 0 {
		return lang.L("none")
	}
	return format.Percent(hundredths, uiLang)
}

func (g *groupsTab) delete(id, moveTo int64) {
	svc := g.u.svc
	g.u.work.Go(func() {
		err := svc.DeleteGroup(context.Background(), id, moveTo)
		g.u.work.Do(func() {
			if err != nil {
				g.u.showError(err)
			}
			g.u.Refresh()
		})
	})
}
