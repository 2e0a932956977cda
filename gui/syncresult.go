package gui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/shopsync"
	"carnet/internal/store"
)

// What a dry run would do, or a sync did: the counts by action, then one
// line per web customer, refused ones first so that they are seen. A line
// selected shows its whole explanation under the table.

// syncResultView shows a Plan.
type syncResultView struct {
	t          *syncTab
	plan       *shopsync.Plan
	rows       []shopsync.Row // the plan's, refused first
	title      *widget.Label
	counts     *fyne.Container
	table      *widget.Table
	detail     *widget.Label
	showButton *widget.Button // the customers a sync wrote, in the Clients tab
	body       *fyne.Container
	empty      *widget.Label
	root       fyne.CanvasObject
}

// resultWidths are the widths of the table's columns (columnTitle names
// them).
var resultWidths = []float32{125, 175, 180, 380, 220, 240}

func newSyncResultView(t *syncTab) *syncResultView {
	v := &syncResultView{t: t}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Three counts a line: six side by side would widen the window.
	v.counts = container.NewGridWithColumns(3)
	v.table = widget.NewTableWithHeaders(func() (int, int) { return len(v.rows), len(resultWidths) },
		func() fyne.CanvasObject { return uikit.NewHoverLabel("") }, v.updateCell)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(columnTitle(id.Col))
		}
	}
	for i, w := range resultWidths {
		v.table.SetColumnWidth(i, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) { v.explain(id.Row) }
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.showButton = widget.NewButtonWithIcon(lang.L("Show these customers"), theme.AccountIcon(), v.showCustomers)
	v.showButton.Hide()
	head := container.NewVBox(container.NewBorder(nil, nil, nil, v.showButton, v.title), v.counts)
	// The table keeps room for a few lines; below that the result scrolls.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 180))
	v.body = container.NewBorder(head, v.detail, nil, nil, container.NewStack(room, v.table))
	v.body.Hide()
	v.empty = syncHint(lang.L("The dry run’s result shows here: what would be created, attached to an existing customer, updated or refused, and why."))
	// In a scroll, so that a low window shows less of it rather than
	// grow past the screen; the table fills what there is.
	v.root = container.NewVScroll(container.NewStack(container.NewPadded(v.empty), v.body))
	return v
}

// columnTitle is a column's header in the interface language.
func columnTitle(col int) string {
	switch col {
	case 0:
		return lang.L("Action")
	case 1:
		return lang.L("Code")
	case 2:
		return lang.L("Name")
	case 3:
		return lang.L("Why, changes, notes")
	case 4:
		return lang.L("Email")
	}
	return lang.L("Line in the file")
}

// actionOrder puts the refused first, then what changes the file.
var actionOrder = []shopsync.Action{shopsync.ActionRefuse, shopsync.ActionCreate, shopsync.ActionUpdate,
	shopsync.ActionAttach, shopsync.ActionUnchanged}

// show shows plan: a dry run's (Batch 0) or a sync's.
func (v *syncResultView) show(plan *shopsync.Plan) {
	v.plan = plan
	v.rows = slices.Clone(plan.Rows)
	slices.SortStableFunc(v.rows, func(a, b shopsync.Row) int {
		return slices.Index(actionOrder, a.Action) - slices.Index(actionOrder, b.Action)
	})
	c := plan.Counts
	if plan.Batch > 0 {
		v.title.SetText(fmt.Sprintf(lang.L("Sync #%d: %s web customers read"), plan.Batch, format.Count(c.Customers, uiLang)))
		v.showButton.Show()
	} else {
		v.title.SetText(fmt.Sprintf(lang.L("Dry run: %s web customers read, nothing written"), format.Count(c.Customers, uiLang)))
		v.showButton.Hide()
	}
	v.counts.Objects = []fyne.CanvasObject{
		syncCount(c.Created, lang.L("created"), widget.SuccessImportance),
		syncCount(c.Attached, lang.L("attached"), widget.MediumImportance),
		syncCount(c.Updated, lang.L("updated"), widget.WarningImportance),
		syncCount(c.Unchanged, lang.L("no change"), widget.MediumImportance),
		syncCount(c.Refused, lang.L("refused"), widget.DangerImportance),
		syncCount(c.Orders, lang.L("orders"), widget.MediumImportance),
	}
	v.counts.Refresh()
	v.detail.SetText(lang.L("Select a line to read all of it."))
	v.detail.Importance = widget.LowImportance
	v.table.UnselectAll()
	v.table.ScrollToTop()
	v.table.Refresh()
	v.empty.Hide()
	v.body.Show()
}

// undone marks the result of sync batch, when shown, as undone, and
// reports whether it was shown.
func (v *syncResultView) undone(batch int64) bool {
	if v.plan == nil || v.plan.Batch != batch {
		return false
	}
	v.showButton.Hide()
	v.title.SetText(fmt.Sprintf(lang.L("Sync #%d, since undone: %s web customers read"), batch, format.Count(v.plan.Counts.Customers, uiLang)))
	return true
}

// syncCount is one count: the number in bold and in its colour, the
// caption beside it.
func syncCount(n int, caption string, imp widget.Importance) fyne.CanvasObject {
	num := widget.NewLabelWithStyle(format.Count(n, uiLang), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	num.Importance = imp
	if n == 0 {
		num.Importance = widget.LowImportance
	}
	return container.NewHBox(num, widget.NewLabel(caption))
}

func (v *syncResultView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*uikit.HoverLabel)
	if id.Row >= len(v.rows) {
		l.SetText("")
		return
	}
	r := v.rows[id.Row]
	l.Importance = widget.MediumImportance
	var text string
	switch id.Col {
	case 0:
		text = actionText(r.Action)
		l.Importance = actionImportance(r.Action)
	case 1:
		text = r.Code
	case 2:
		text = uikit.OneLine(r.Name)
	case 3:
		text = uikit.OneLine(rowDetail(r, "; "))
	case 4:
		text = r.Email
	default:
		text = r.Line
	}
	l.SetText(text)
}

// explain shows the whole of line i under the table.
func (v *syncResultView) explain(i int) {
	if i < 0 || i >= len(v.rows) {
		return
	}
	r := v.rows[i]
	who := strings.TrimSpace(strings.Join(slices.DeleteFunc([]string{r.Code, uikit.OneLine(r.Name), r.Email}, func(s string) bool { return s == "" }), " · "))
	text := actionText(r.Action) + " · " + who
	if d := rowDetail(r, "\n"); d != "" {
		text += "\n" + d
	}
	text += "\n" + r.Line
	v.detail.Importance = actionImportance(r.Action)
	v.detail.SetText(text)
}

func actionText(a shopsync.Action) string {
	switch a {
	case shopsync.ActionCreate:
		return lang.L("Created")
	case shopsync.ActionAttach:
		return lang.L("Attached")
	case shopsync.ActionUpdate:
		return lang.L("Updated")
	case shopsync.ActionUnchanged:
		return lang.L("No change")
	}
	return lang.L("Refused")
}

func actionImportance(a shopsync.Action) widget.Importance {
	switch a {
	case shopsync.ActionCreate:
		return widget.SuccessImportance
	case shopsync.ActionUpdate:
		return widget.WarningImportance
	case shopsync.ActionRefuse:
		return widget.DangerImportance
	case shopsync.ActionUnchanged:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// rowDetail says why (a match, a refusal), each field changed, the orders
// recorded and the notes, joined by sep.
func rowDetail(r shopsync.Row, sep string) string {
	var parts []string
	if why := r.Why.In(uiLang); why != "" {
		parts = append(parts, why)
	}
	for _, ch := range r.Changes {
		parts = append(parts, fmt.Sprintf(lang.L("%s: %s (was %s)"), domain.FieldLabel(ch.Field, uiLang), dashIfEmpty(ch.New), dashIfEmpty(ch.Old)))
	}
	if r.Orders > 0 {
		parts = append(parts, plural(r.Orders, "%s order", "%s orders", format.Count(r.Orders, uiLang)))
	}
	for _, n := range r.Notes {
		parts = append(parts, n.In(uiLang))
	}
	return strings.Join(parts, sep)
}

func dashIfEmpty(s string) string {
	if s = uikit.OneLine(s); s == "" {
		return "—"
	}
	return s
}

// showCustomers shows, in the Clients tab, the customers the sync wrote.
func (v *syncResultView) showCustomers() {
	if v.plan != nil && v.plan.Batch > 0 {
		v.t.u.ShowClients(store.Query{ImportBatch: v.plan.Batch, Archived: store.FilterAny})
	}
}
