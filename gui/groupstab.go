package gui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixed(members, 180), fixed(discount, 170), buttons), n)
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
	right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(memberCount(gr))
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

// memberCount is the members "Voir les clients" lists (the active ones),
// and the archived ones apart: "12 + 3 archivés".
func memberCount(gr domain.Group) string {
	text := format.Count(gr.Members-gr.Archived, uiLang)
	if gr.Archived > 0 {
		text += " " + plural(gr.Archived, "+ %s archived", "+ %s archived (several)", format.Count(gr.Archived, uiLang))
	}
	return text
}
