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
	head := newGroupLine(lang.L("Group"), lang.L("Customers"), lang.L("Automatic discount"), true)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add,
		widget.NewLabel(lang.L("A group’s discount applies automatically to its customers."))), head)
	g.content = container.NewBorder(top, nil, nil, nil, g.list)
	return g
}

// groupLine is a line of the groups list, or the list's header: the
// group's name, its member count, its discount, then the row's buttons.
type groupLine struct {
	widget.BaseWidget
	name, members, discount *widget.Label
	// show, edit and del are the row's actions (updateRow sets what they
	// do); nil in the header.
	show, edit, del *widget.Button
	content         fyne.CanvasObject
}

// newGroupLine is a row showing name, members and discount, or with header
// the list's header in bold: an empty box as wide as a row's buttons
// stands in for them, which keeps the header columns above the row columns.
func newGroupLine(name, members, discount string, header bool) *groupLine {
	l := &groupLine{}
	st := fyne.TextStyle{Bold: header}
	l.name = widget.NewLabelWithStyle(name, fyne.TextAlignLeading, st)
	l.name.Truncation = fyne.TextTruncateEllipsis
	l.members = widget.NewLabelWithStyle(members, fyne.TextAlignTrailing, st)
	l.discount = widget.NewLabelWithStyle(discount, fyne.TextAlignTrailing, st)
	var buttons *fyne.Container
	if header {
		show, edit, del := rowButtons()
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(container.NewHBox(show, edit, del).MinSize().Width, 1))
		buttons = container.NewHBox(spacer)
	} else {
		l.show, l.edit, l.del = rowButtons()
		buttons = container.NewHBox(l.show, l.edit, l.del)
	}
	l.content = container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(l.members, 180), fixedWidth(l.discount, 170), buttons), l.name)
	l.ExtendBaseWidget(l)
	return l
}

func (l *groupLine) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.content) }

// fixedWidth lays label out w wide, whatever its text.
func fixedWidth(label *widget.Label, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, label.MinSize().Height), label)
}

func (g *groupsTab) newRow() fyne.CanvasObject { return newGroupLine("", "", "", false) }

// rowButtons are a group row's actions: show its customers, edit, delete.
func rowButtons() (show, edit, del *widget.Button) {
	del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), nil)
	del.Importance = widget.DangerImportance
	return widget.NewButtonWithIcon(lang.L("Show customers"), theme.SearchIcon(), nil),
		widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), nil), del
}

func (g *groupsTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(g.groups) {
		return
	}
	gr := g.groups[i]
	row := o.(*groupLine)
	row.name.SetText(gr.Name)
	row.members.SetText(memberCount(gr))
	disc := "—"
	if gr.Discount != 0 {
		disc = format.Percent(gr.Discount, uiLang)
	}
	row.discount.SetText(disc)
	row.show.OnTapped = func() { g.showMembers(gr) }
	row.edit.OnTapped = func() { g.editDialog(gr) }
	row.del.OnTapped = func() { g.deleteDialog(gr) }
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
