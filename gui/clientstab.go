package gui

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/phone"
	"carnet/internal/store"
)

// searchDelay lets a fast typist finish a word before the list is searched.
const searchDelay = 150 * time.Millisecond

// column is one column of the customer table.
type column struct {
	title string
	sort  string // store.Sort*, "" when the column cannot be sorted
	width float32
	right bool
	text  func(r *store.ListRow) string
}

// clientColumns are the fixed columns; the balance stays last, after the
// optional ones (clientscolumns.go). The widths leave room, in the window's
// first size, for the applicable discount shown by default.
func clientColumns() []column {
	return []column{
		{lang.L("Code"), store.SortCode, 95, false, func(r *store.ListRow) string { return r.Code }},
		{lang.L("Name"), store.SortName, 200, false, func(r *store.ListRow) string { return r.Name }},
		{lang.L("City"), store.SortCity, 130, false, func(r *store.ListRow) string { return r.City }},
		{lang.L("Email"), store.SortEmail, 200, false, func(r *store.ListRow) string { return r.Email }},
		{lang.L("Phone"), store.SortPhone, 135, false, func(r *store.ListRow) string { return phone.National(r.Phone) }},
		{lang.L("Groups"), "", 130, false, func(r *store.ListRow) string { return r.Groups }},
		{lang.L("Balance"), store.SortBalance, 110, true, func(r *store.ListRow) string { return format.Money(r.Balance, uiLang) }},
	}
}

// clientsTab is the customer directory: search, filters, count and table.
type clientsTab struct {
	u       *ui
	model   *clientsModel
	columns []column
	table   *clientTable
	search  *searchEntry
	count   *widget.Label
	notice  *widget.Label // "Client C0000042 enregistré." for a while

	// selected is the selected row (-1: none); revealRow, when set, is the
	// row to scroll to and select once the list has its count.
	selected    int
	revealRow   *int
	noticeTimer *time.Timer
	content     *fyne.Container
	list        fyne.CanvasObject // search bar + table
	empty       fyne.CanvasObject // first launch actions

	// batchFilter shows, when the list is limited to one import's
	// customers, which import it is, and lifts the limit when tapped.
	batchFilter *widget.Button

	groupFilter                            *widget.Select
	kindFilter, supplierFilter, archFilter *widget.Select
	// siteFilter keeps the current site's customers or all; site is the
	// current site (sitebar.go).
	siteFilter *widget.Select
	siteBox    *fyne.Container
	site       domain.Site
	groupIDs   map[string]int64

	// custom are the active custom fields, which may be columns; shown
	// says which optional columns the user shows (clientscolumns.go).
	custom []domain.CustomField
	shown  map[string]bool

	debounceMu sync.Mutex
	debounce   *time.Timer
}

func newClientsTab(u *ui) *clientsTab {
	t := &clientsTab{u: u, model: newClientsModel(u), groupIDs: map[string]int64{}, selected: -1}
	t.loadShownColumns()
	t.layoutColumns()
	t.model.query.Archived = store.FilterNo
	t.model.changed = t.refreshView

	t.search = newSearchEntry()
	t.search.SetPlaceHolder(lang.L("Search: code, name, email, phone, city, card…"))
	t.search.OnChanged = t.scheduleSearch
	t.search.OnSubmitted = t.submitSearch
	t.search.onDown = t.enterList

	t.groupFilter = widget.NewSelect(nil, func(string) { t.applyFilters() })
	t.kindFilter = widget.NewSelect([]string{lang.L("All kinds"), lang.L("Individuals"), lang.L("Companies")}, func(string) { t.applyFilters() })
	t.supplierFilter = widget.NewSelect([]string{lang.L("Suppliers or not"), lang.L("Suppliers only"), lang.L("Not suppliers")}, func(string) { t.applyFilters() })
	t.archFilter = widget.NewSelect([]string{lang.L("Active customers"), lang.L("Archived only"), lang.L("Active and archived")}, func(string) { t.applyFilters() })
	t.siteFilter = widget.NewSelect([]string{lang.L("This site"), lang.L("All sites")}, func(string) { t.applyFilters() })
	t.siteFilter.SetSelectedIndex(0) // shown once the file has a second site
	t.setGroups(nil)
	t.kindFilter.SetSelectedIndex(0)
	t.supplierFilter.SetSelectedIndex(0)
	t.archFilter.SetSelectedIndex(0)

	t.count = widget.NewLabel("")
	t.notice = widget.NewLabel("")
	t.notice.Importance = widget.SuccessImportance
	t.notice.Hide()
	t.table = t.newTable()
	add := widget.NewButtonWithIcon(lang.L("New customer"), theme.ContentAddIcon(), u.openNewCustomer)
	add.Importance = widget.HighImportance
	exportButton := widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), func() { u.showExport() })

	bar := container.NewBorder(nil, nil, nil, container.NewHBox(t.notice, t.count, exportButton, add), t.search)
	// Equal columns give each filter room for its longest choice.
	t.batchFilter = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		q := t.model.query
		q.ImportBatch = 0
		q.Archived = archivedChoices[max(0, t.archFilter.SelectedIndex())]
		t.setQuery(q)
	})
	t.batchFilter.Hide()
	filters := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Filters")), container.NewHBox(t.batchFilter, t.newColumnsButton()),
		container.NewGridWithColumns(4, t.groupFilter, t.kindFilter, t.supplierFilter, t.archFilter))
	// Wide enough for "Ce site : DEPOT": a Select is as narrow as its
	// shortest need, which cut the site's code.
	t.siteBox = container.NewGridWrap(fyne.NewSize(190, t.siteFilter.MinSize().Height), t.siteFilter)
	t.siteBox.Hide()
	filters = container.NewBorder(nil, nil, t.siteBox, nil, filters)
	t.list = container.NewBorder(container.NewVBox(bar, filters), nil, nil, nil, t.table)
	t.empty = u.firstLaunch()
	t.empty.Hide()
	t.content = container.NewStack(t.list, t.empty)
	return t
}

func (t *clientsTab) newTable() *clientTable {
	tbl := &clientTable{tab: t}
	tbl.Length = func() (int, int) { return t.model.total, len(t.columns) }
	tbl.CreateCell = func() fyne.CanvasObject { return newClientCell(t) }
	tbl.UpdateCell = t.updateCell
	tbl.ExtendBaseWidget(tbl)
	tbl.ShowHeaderRow = true
	tbl.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	tbl.UpdateHeader = t.updateHeader
	for i, c := range t.columns {
		tbl.SetColumnWidth(i, c.width)
	}
	return tbl
}

func (t *clientsTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*clientCell)
	cell.row = id.Row
	cell.showSelected(id.Row == t.selected)
	box, l, mark := cell.box, cell.label, cell.mark
	col := t.columns[id.Col]
	if col.right {
		l.Alignment = fyne.TextAlignTrailing
	} else {
		l.Alignment = fyne.TextAlignLeading
	}
	r := t.model.row(id.Row)
	showMark := r != nil && col.sort == store.SortName && r.Disappointed
	if showMark != mark.Visible() {
		// a recycled cell: lay it out again, or the name keeps the
		// previous row's indent
		if showMark {
			mark.Show()
		} else {
			mark.Hide()
		}
		box.Refresh()
	}
	if r == nil {
		l.SetText("…")
		return
	}
	l.Importance = widget.MediumImportance
	if r.Archived {
		l.Importance = widget.LowImportance
	}
	text := col.text(r)
	if col.sort == store.SortName && r.BuyingGroup {
		// The buying-group mark shows wherever the customer is listed.
		text += " — " + lang.L("buying group")
	}
	l.SetText(text)
}

// headerCell is a column header of the list: a button where the column
// sorts, a plain bold label where it cannot (only what reacts looks
// clickable). updateHeader shows one of the two.
type headerCell struct {
	widget.BaseWidget
	button *widget.Button
	label  *widget.Label
}

func newHeaderCell() *headerCell {
	h := &headerCell{button: widget.NewButton("", nil),
		label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	h.button.Importance = widget.LowImportance
	h.button.Alignment = widget.ButtonAlignLeading
	h.button.IconPlacement = widget.ButtonIconTrailingText
	h.label.Hide()
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(h.button, h.label))
}

func (t *clientsTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*headerCell)
	b, l := cell.button, cell.label
	if id.Col < 0 || t.columns[id.Col].sort == "" {
		b.Hide()
		b.OnTapped = nil
		l.Show()
		l.SetText("")
		if id.Col >= 0 {
			l.SetText(t.columns[id.Col].title)
		}
		return
	}
	l.Hide()
	b.Show()
	col := t.columns[id.Col]
	q := t.model.query
	sort := q.Sort
	if sort == "" {
		sort = store.SortName
	}
	// The sorted column shows its direction as an icon: the bundled font
	// has no triangles.
	var icon fyne.Resource
	if col.sort == sort {
		icon = theme.MenuDropUpIcon()
		if q.Desc {
			icon = theme.MenuDropDownIcon()
		}
	}
	b.SetText(col.title)
	b.SetIcon(icon)
	b.OnTapped = func() { t.sortBy(col.sort) }
}

// sortBy sorts by a column; clicking the sorted column again reverses it.
func (t *clientsTab) sortBy(key string) {
	q := t.model.query
	cur := q.Sort
	if cur == "" {
		cur = store.SortName
	}
	if cur == key {
		q.Desc = !q.Desc
	} else {
		q.Sort, q.Desc = key, false
	}
	t.setQuery(q)
}

// scheduleSearch searches text once the typist pauses. The timer's
// goroutine hands back to the UI goroutine; a newer keystroke stops it.
func (t *clientsTab) scheduleSearch(text string) {
	t.debounceMu.Lock()
	defer t.debounceMu.Unlock()
	if t.debounce != nil && t.debounce.Stop() {
		t.u.work.Done() // the stopped timer will not run
	}
	t.u.work.Add()
	t.debounce = time.AfterFunc(searchDelay, func() {
		defer t.u.work.Done()
		t.u.work.Do(func() { t.searchNow(text) })
	})
}

// searchNow searches text at once (no debounce).
func (t *clientsTab) searchNow(text string) {
	if text != t.search.Text {
		return // a newer keystroke has its own timer
	}
	q := t.model.query
	q.Text = text
	t.setQuery(q)
}

// submitSearch is Enter in the search box: it opens the customer whose
// loyalty card or code was scanned or typed, else the only customer the
// text finds; other text stays a search.
func (t *clientsTab) submitSearch(text string) {
	svc, q := t.u.svc, t.model.query
	q.Text, q.Offset, q.Limit = text, 0, 2
	t.u.work.Go(func() {
		ctx := context.Background()
		id := int64(0)
		c, err := svc.CustomerByReference(ctx, text)
		switch {
		case err == nil:
			id = c.ID
		case errors.Is(err, domain.ErrNotFound):
			var rows []store.ListRow
			rows, err = svc.Search(ctx, q)
			if err == nil && len(rows) == 1 {
				id = rows[0].ID
			}
		}
		t.u.work.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			if id != 0 {
				t.u.openCustomer(id)
			}
		})
	})
}

// enterList is the down arrow in the search box: the list takes the
// keyboard, on its first row.
func (t *clientsTab) enterList() {
	if t.model.total == 0 {
		return
	}
	t.focusList()
	t.selectRow(max(0, t.selected), true)
}

// selectRow selects row (kept within the list) and, with scroll, brings
// it into view.
func (t *clientsTab) selectRow(row int, scroll bool) {
	if t.model.total == 0 {
		return
	}
	row = max(0, min(row, t.model.total-1))
	t.selected = row
	if scroll {
		t.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	}
	t.table.Refresh()
}

// openSelected opens the selected customer's form.
func (t *clientsTab) openSelected() {
	if r := t.model.row(t.selected); r != nil {
		t.u.openCustomer(r.ID)
	}
}

// reveal says that the customer id (code) was saved, and shows it
// selected in the list; when the search or the filters hide it, they are
// cleared first.
func (t *clientsTab) reveal(id int64, code string, created bool) {
	text := lang.L("Customer %s saved.")
	if created {
		text = lang.L("Customer %s created.")
	}
	t.notice.SetText(fmt.Sprintf(text, code))
	t.notice.Show()
	gen := t.model.gen
	if t.noticeTimer != nil {
		t.noticeTimer.Stop() // a newer save: its notice gets its full time
	}
	t.noticeTimer = time.AfterFunc(noticeTime, func() { t.u.work.Do(t.notice.Hide) })
	svc, q := t.u.svc, t.model.query
	t.u.work.Go(func() {
		ctx := context.Background()
		pos, ok, err := svc.Position(ctx, q, id)
		cleared := false
		for _, archived := range []store.Filter{store.FilterNo, store.FilterAny} {
			if ok || err != nil {
				break
			}
			q = store.Query{Sort: q.Sort, Desc: q.Desc, Archived: archived}
			pos, ok, err = svc.Position(ctx, q, id)
			cleared = true
		}
		t.u.work.Do(func() {
			if err != nil || !ok || (!cleared && gen != t.model.gen) {
				return
			}
			if cleared {
				t.showAll(q)
			}
			t.revealRow = &pos
			t.showReveal()
		})
	})
}

// noticeTime is how long the "saved" notice stays.
var noticeTime = 8 * time.Second

// showReveal scrolls to and selects the row reveal asks for, once the
// list knows it has that many rows.
func (t *clientsTab) showReveal() {
	if t.revealRow == nil || !t.model.counted || *t.revealRow >= t.model.total {
		return
	}
	row := *t.revealRow
	t.revealRow = nil
	t.selectRow(row, true)
}

// archivedChoices are the archived filter's choices, in its order.
var archivedChoices = []store.Filter{store.FilterNo, store.FilterYes, store.FilterAny}

// showAll lists q (no text; its group, archived filter and sort), with the
// search box and the filter widgets saying so. Their callbacks do not run:
// q is listed once.
func (t *clientsTab) showAll(q store.Query) {
	t.search.OnChanged = nil
	t.search.SetText("")
	t.search.OnChanged = t.scheduleSearch
	group := t.groupFilter.Options[0]
	for name, id := range t.groupIDs {
		if id == q.GroupID && q.GroupID != 0 {
			group = name
		}
	}
	t.groupFilter.Selected = group
	t.groupFilter.Refresh()
	for _, s := range []*widget.Select{t.kindFilter, t.supplierFilter} {
		s.Selected = s.Options[0]
		s.Refresh()
	}
	for i, f := range archivedChoices {
		if f == q.Archived {
			t.archFilter.Selected = t.archFilter.Options[i]
		}
	}
	t.archFilter.Refresh()
	q.Text, q.Kind, q.Supplier = "", "", store.FilterAny
	t.setQuery(q)
}

func (t *clientsTab) applyFilters() {
	if t.table == nil {
		return // still building
	}
	q := t.model.query
	q.GroupID = t.groupIDs[t.groupFilter.Selected]
	q.Kind = []domain.Kind{"", domain.KindPerson, domain.KindCompany}[max(0, t.kindFilter.SelectedIndex())]
	q.Supplier = []store.Filter{store.FilterAny, store.FilterYes, store.FilterNo}[max(0, t.supplierFilter.SelectedIndex())]
	q.Archived = archivedChoices[max(0, t.archFilter.SelectedIndex())]
	q.SiteID = t.siteFilterID()
	if q == t.model.query {
		return
	}
	t.setQuery(q)
}

// siteFilterID is the site the list keeps (0: every site): the current
// one unless "All sites" is chosen, and none while there is one site.
func (t *clientsTab) siteFilterID() int64 {
	if !t.siteBox.Visible() || t.siteFilter.SelectedIndex() == 1 {
		return 0
	}
	return t.site.ID
}

// siteChanged follows the current site: the filter names it and the list
// shows its customers.
func (t *clientsTab) siteChanged(site domain.Site, multi bool) {
	t.site = site
	if multi {
		t.siteFilter.Options[0] = lang.L("This site: {{.Code}}", map[string]any{"Code": site.Code})
		if t.siteFilter.SelectedIndex() <= 0 {
			t.siteFilter.Selected = t.siteFilter.Options[0]
		}
		t.siteFilter.Refresh()
		t.siteBox.Show()
	} else {
		t.siteBox.Hide()
	}
	t.model.query.SiteID = t.siteFilterID()
}

// setGroups fills the group filter, keeping the current choice if it still
// exists.
func (t *clientsTab) setGroups(groups []domain.Group) {
	all := lang.L("All groups")
	opts := []string{all}
	ids := map[string]int64{}
	for _, g := range groups {
		opts = append(opts, g.Name)
		ids[g.Name] = g.ID
	}
	t.groupIDs = ids
	t.groupFilter.Options = opts
	sel := t.groupFilter.Selected
	if _, ok := ids[sel]; !ok {
		sel = all
	}
	t.groupFilter.Selected = sel
	t.groupFilter.Refresh()
}

// setQuery shows the customers q matches, with the filter widgets in step.
func (t *clientsTab) setQuery(q store.Query) {
	q.SiteID = t.siteFilterID() // every list the tab shows follows the site
	if q.ImportBatch != 0 {
		t.batchFilter.SetText(lang.L("Import no. {{.Batch}}", map[string]any{"Batch": q.ImportBatch}))
		t.batchFilter.Show()
	} else {
		t.batchFilter.Hide()
	}
	t.model.setQuery(q)
	t.selected, t.revealRow = -1, nil
	t.table.ScrollToTop()
	t.refreshView()
}

// showGroup shows one group's members (from the Groups tab).
func (t *clientsTab) showGroup(g domain.Group) {
	t.groupIDs[g.Name] = g.ID
	// The active members, as the Groups tab counts them.
	t.showAll(store.Query{Sort: t.model.query.Sort, Desc: t.model.query.Desc, GroupID: g.ID, Archived: store.FilterNo})
}

// reload fetches the current query again (data changed).
func (t *clientsTab) reload() {
	t.setQuery(t.model.query)
	t.checkEmpty()
	t.loadCustomFields()
}

func (t *clientsTab) refreshView() {
	if t.model.counted {
		t.count.SetText(plural(t.model.total, "%s customer", "%s customers", format.Count(t.model.total, uiLang)))
	} else {
		t.count.SetText(lang.L("Searching…"))
	}
	t.table.Refresh()
	t.showReveal()
}

// checkEmpty shows the first-launch actions instead of the table when the
// file holds no customer at all.
func (t *clientsTab) checkEmpty() {
	svc := t.u.svc
	t.u.work.Go(func() {
		n, err := svc.Count(context.Background(), store.Query{})
		t.u.work.Do(func() {
			if err != nil || n > 0 {
				t.empty.Hide()
				t.list.Show()
				return
			}
			t.list.Hide()
			t.empty.Show()
		})
	})
}
