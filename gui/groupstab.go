package gui

import (
	"context"
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

// groupsTab lists the customer groups with their member counts and
// automatic discounts.
type groupsTab struct {
	u       *ui
	groups  []domain.Group
	list    *widget.List
	content fyne.CanvasObject
}

func newGroupsTab(u *ui) *groupsTab {
	g := &groupsTab{u: u}
	g.list = widget.NewList(func() int { return len(g.groups) }, g.newRow, g.updateRow)
	add := widget.NewButtonWithIcon(lang.L("New group"), theme.ContentAddIcon(), func() { g.editDialog(domain.Group{}) })
	add.Importance = widget.HighImportance
	head := groupRow(lang.L("Group"), lang.L("Customers"), lang.L("Automatic discount"), true)
	// An empty box as wide as a row's buttons keeps the header columns
	// above the row columns.
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(rowButtons().MinSize().Width, 1))
	head.Objects[1].(*fyne.Container).Objects[2].(*fyne.Container).Add(spacer)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add,
		widget.NewLabel(lang.L("A group’s discount applies automatically to its customers."))), head)
	g.content = container.NewBorder(top, nil, nil, nil, g.list)
	return g
}

func groupRow(name, members, discount string, bold bool) *fyne.Container {
	st := fyne.TextStyle{Bold: bold}
	n := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, st)
	n.Truncation = fyne.TextTruncateEllipsis
	fixed := func(s string, w float32) fyne.CanvasObject {
		x := widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, st)
		return container.NewGridWrap(fyne.NewSize(w, x.MinSize().Height), x)
	}
	// The right side keeps room for the row's buttons under the header too.
	buttons := container.NewHBox()
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixed(members, 110), fixed(discount, 170), buttons), n)
}

func (g *groupsTab) newRow() fyne.CanvasObject {
	row := groupRow("", "", "", false)
	right := row.Objects[1].(*fyne.Container)
	right.Objects[2] = rowButtons()
	return row
}

// rowButtons are a group row's actions; updateRow sets what they do.
func rowButtons() *fyne.Container {
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), nil)
	del.Importance = widget.DangerImportance
	return container.NewHBox(widget.NewButtonWithIcon(lang.L("Show customers"), theme.SearchIcon(), nil),
		widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), nil), del)
}

func (g *groupsTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(g.groups) {
		return
	}
	gr := g.groups[i]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(gr.Name)
	right := row.Objects[1].(*fyne.Container)
	right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(format.Count(gr.Members, uiLang))
	disc := "—"
	if gr.Discount != 0 {
		disc = format.Percent(gr.Discount, uiLang)
	}
	right.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(disc)
	buttons := right.Objects[2].(*fyne.Container).Objects
	buttons[0].(*widget.Button).OnTapped = func() { g.showMembers(gr) }
	buttons[1].(*widget.Button).OnTapped = func() { g.editDialog(gr) }
	buttons[2].(*widget.Button).OnTapped = func() { g.deleteDialog(gr) }
}

// reload reads the groups again, and passes them to the Clients filter.
func (g *groupsTab) reload() {
	svc := g.u.svc
	g.u.work.Go(func() {
		groups, err := svc.Groups(context.Background())
		g.u.work.Do(func() {
			if err != nil {
				g.u.showError(err)
				return
			}
			g.groups = groups
			g.list.Refresh()
			g.u.clients.setGroups(groups)
		})
	})
}

// showMembers opens the group's customers in the Clients tab.
func (g *groupsTab) showMembers(gr domain.Group) {
	g.u.clients.showGroup(gr)
	g.u.tabs.Select(g.u.clientsItem)
}

// editDialog creates a group (zero ID) or renames it and changes its
// discount.
func (g *groupsTab) editDialog(gr domain.Group) {
	name := widget.NewEntry()
	name.SetText(gr.Name)
	disc := widget.NewEntry()
	if gr.Discount != 0 {
		disc.SetText(strings.TrimSpace(strings.TrimSuffix(format.Percent(gr.Discount, uiLang), "%")))
	}
	disc.SetPlaceHolder("0")
	disc.Validator = percentValidator("discount_sales")
	title := lang.L("New group")
	if gr.ID != 0 {
		title = lang.L("Edit group")
	}
	dialog.ShowForm(title, lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Automatic discount (%)"), disc),
	}, func(ok bool) {
		if !ok {
			return
		}
		pct, err := parsePercent(disc.Text)
		if err != nil {
			g.u.showError(err)
			return
		}
		g.save(gr.ID, name.Text, pct)
	}, g.u.win)
}

func (g *groupsTab) save(id int64, name string, discount int64) {
	svc := g.u.svc
	g.u.work.Go(func() {
		var err error
		if id == 0 {
			_, err = svc.CreateGroup(context.Background(), name, discount)
		} else {
			err = svc.UpdateGroup(context.Background(), id, name, discount)
		}
		g.u.work.Do(func() {
			if err != nil {
				g.u.showError(err)
			}
			g.u.Refresh()
		})
	})
}

// deleteDialog asks where the members go (another group or none) before
// deleting: both happen in one transaction.
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
	target := widget.NewSelect(opts, nil)
	target.SetSelected(none)
	msg := widget.NewLabel(lang.L("Delete the group") + " « " + gr.Name + " » ?")
	items := []*widget.FormItem{widget.NewFormItem("", msg)}
	if gr.Members > 0 {
		items = append(items, widget.NewFormItem(lang.L("Move its customers to"), target))
	}
	dialog.ShowForm(lang.L("Delete group"), lang.L("Delete"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			g.delete(gr.ID, ids[target.Selected])
		}
	}, g.u.win)
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
