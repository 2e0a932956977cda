package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
)

// The customer list behaves as lists do on the desktop: a click selects a
// row, a double click or Enter opens it, the arrow keys move the
// selection, and the down arrow in the search box goes into the list.

// clientCell is one cell of the list: the red mark where the name is,
// the text (whole on hover when cut), and the selected row's highlight.
type clientCell struct {
	widget.BaseWidget
	tab   *clientsTab
	row   int
	bg    *canvas.Rectangle
	mark  *fyne.Container
	label *uikit.HoverLabel
	box   *fyne.Container // mark + label
}

func newClientCell(t *clientsTab) *clientCell {
	c := &clientCell{tab: t, row: -1, bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		mark: disappointedMark(), label: uikit.NewHoverLabel("")}
	c.bg.Hide()
	c.box = container.NewBorder(nil, nil, c.mark, nil, c.label)
	c.ExtendBaseWidget(c)
	return c
}

func (c *clientCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.box))
}

// Tapped selects the row; the list takes the keyboard.
func (c *clientCell) Tapped(*fyne.PointEvent) {
	c.tab.selectRow(c.row, false)
	c.tab.focusList()
}

// DoubleTapped opens the customer.
func (c *clientCell) DoubleTapped(*fyne.PointEvent) {
	c.tab.selectRow(c.row, false)
	c.tab.openSelected()
}

// showSelected highlights the cell when its row is the selected one.
func (c *clientCell) showSelected(on bool) {
	if on == c.bg.Visible() {
		return
	}
	if on {
		c.bg.FillColor = theme.Color(theme.ColorNameSelection)
		c.bg.Show()
	} else {
		c.bg.Hide()
	}
	c.bg.Refresh()
}

// focusList gives the keyboard to the list.
func (t *clientsTab) focusList() {
	if c := t.u.win.Canvas(); c != nil {
		c.Focus(t.table)
	}
}

// clientTable is the list's table: the keys move the selection and Enter
// opens it.
type clientTable struct {
	widget.Table
	tab *clientsTab
}

// TypedKey moves the selection with the arrows, page keys, Home and End,
// and opens it with Enter.
func (t *clientTable) TypedKey(k *fyne.KeyEvent) {
	tab := t.tab
	page := 15
	switch k.Name {
	case fyne.KeyDown:
		tab.selectRow(tab.selected+1, true)
	case fyne.KeyUp:
		tab.selectRow(max(0, tab.selected-1), true)
	case fyne.KeyPageDown:
		tab.selectRow(tab.selected+page, true)
	case fyne.KeyPageUp:
		tab.selectRow(max(0, tab.selected-page), true)
	case fyne.KeyHome:
		tab.selectRow(0, true)
	case fyne.KeyEnd:
		tab.selectRow(tab.model.total-1, true)
	case fyne.KeyReturn, fyne.KeyEnter:
		tab.openSelected()
	default:
		t.Table.TypedKey(k)
	}
}

// searchEntry is the search box: the down arrow goes into the list.
type searchEntry struct {
	widget.Entry
	onDown func()
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey goes down into the list on the down arrow.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(k)
}
