package operatorsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
)

// pageSize is how many journal lines a page shows: a few days of a busy
// shop, and quick to load.
const pageSize = 200

// journalColumns are the table's columns and their widths, to fit the
// dialog's; a longer detail is cut, and read in full by selecting it.
var journalColumns = []struct {
	title func() string
	width float32
}{
	{func() string { return tr("Date") }, 140},
	{func() string { return tr("Operator") }, 130},
	{func() string { return tr("Action") }, 190},
	{func() string { return tr("Subject") }, 190},
	{func() string { return tr("Detail") }, 370},
}

// ShowJournal opens the activity journal (Fichier › Journal): who did
// what and when, newest first, 200 lines a page.
func ShowJournal(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string) {
	showJournal(parent, svc, work, lang)
}

func showJournal(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string) *journalView {
	j := newJournalView(svc, work, lang)
	d := dialog.NewCustom(tr("Activity journal"), tr("Close"), j.content, parent)
	size := parent.Canvas().Size()
	d.Resize(fyne.NewSize(min(1080, size.Width-40), min(660, size.Height-40)))
	d.Show()
	j.load(0)
	return j
}

// journalView is the journal's table and its paging.
type journalView struct {
	svc  *service.Service
	work *uiwork.Runner
	lang string

	offset, total int
	entries       []domain.JournalEntry

	table      *widget.Table
	empty      *widget.Label // the empty state, or why the page did not load
	full       *widget.Label // the selected line in full
	page       *widget.Label // "1–200 sur 1 234"
	prev, next *widget.Button
	content    fyne.CanvasObject
}

func newJournalView(svc *service.Service, work *uiwork.Runner, lang string) *journalView {
	j := &journalView{svc: svc, work: work, lang: lang}
	j.table = widget.NewTable(
		func() (int, int) { return len(j.entries), len(journalColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(j.entries) {
				o.(*widget.Label).SetText(cellText(j.entries[id.Row], id.Col, j.lang))
			}
		})
	j.table.ShowHeaderRow = true
	j.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	j.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(journalColumns) {
			o.(*widget.Label).SetText(journalColumns[id.Col].title())
		}
	}
	for i, c := range journalColumns {
		j.table.SetColumnWidth(i, c.width)
	}
	j.full = widget.NewLabel("")
	j.full.Wrapping = fyne.TextWrapWord
	j.full.Hide()
	j.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(j.entries) {
			j.full.SetText(fullText(j.entries[id.Row], j.lang))
			j.full.Show()
		}
	}
	j.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	j.empty.Wrapping = fyne.TextWrapWord
	j.empty.Hide()
	j.page = widget.NewLabel("")
	j.prev = widget.NewButtonWithIcon(tr("Previous"), theme.NavigateBackIcon(), func() { j.load(max(0, j.offset-pageSize)) })
	j.next = widget.NewButtonWithIcon(tr("Next"), theme.NavigateNextIcon(), func() { j.load(j.offset + pageSize) })
	j.next.IconPlacement = widget.ButtonIconTrailingText
	j.prev.Disable()
	j.next.Disable()
	paging := container.NewHBox(j.prev, j.page, j.next)
	j.content = container.NewBorder(nil, container.NewVBox(j.full, container.NewCenter(paging)), nil, nil,
		container.NewStack(j.table, container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 120), j.empty))))
	return j
}

// load reads the page starting at offset off the UI goroutine.
func (j *journalView) load(offset int) {
	j.page.SetText(tr("Loading…"))
	j.table.UnselectAll()
	j.full.Hide()
	j.prev.Disable()
	j.next.Disable()
	svc := j.svc
	j.work.Go(func() {
		entries, total, err := svc.Journal(context.Background(), pageSize, offset)
		j.work.Do(func() {
			if err != nil {
				j.entries, j.total = nil, 0
				j.page.SetText("")
				j.table.Hide()
				j.empty.SetText(domain.UserMessage(err, j.lang))
				j.empty.Show()
				return
			}
			j.entries, j.total, j.offset = entries, total, offset
			j.show()
		})
	})
}

// show puts the loaded page on screen.
func (j *journalView) show() {
	// Previous and Next only when there is more than a page.
	for _, b := range []*widget.Button{j.prev, j.next} {
		if j.total > pageSize {
			b.Show()
		} else {
			b.Hide()
		}
	}
	if j.total == 0 {
		j.table.Hide()
		j.page.SetText("")
		j.empty.SetText(tr("The journal is empty. It records imports, undone imports, syncs, balance adjustments, deletions and settings changes, with who did them."))
		j.empty.Show()
		return
	}
	j.empty.Hide()
	j.table.Show()
	j.table.Refresh()
	j.table.ScrollToTop()
	j.page.SetText(tr("%s–%s of %s", format.Count(j.offset+1, j.lang),
		format.Count(j.offset+len(j.entries), j.lang), format.Count(j.total, j.lang)))
	if j.offset > 0 {
		j.prev.Enable()
	}
	if j.offset+len(j.entries) < j.total {
		j.next.Enable()
	}
}

// cellText is one cell of the journal: the date and time in the
// language's format, who, the action's label, its subject and detail.
func cellText(e domain.JournalEntry, col int, lang string) string {
	switch col {
	case 0:
		return format.DateTime(e.At, lang)
	case 1:
		if e.Operator == "" {
			return "—" // done while operators were off
		}
		return e.Operator
	case 2:
		return domain.JournalActionLabel(e.Action).In(lang)
	case 3:
		return subjectText(e, lang)
	case 4:
		return detailText(e, lang)
	}
	return ""
}

// fullText is a journal line as one text, for a detail the table cuts.
func fullText(e domain.JournalEntry, lang string) string {
	head := cellText(e, 0, lang) + " · " + cellText(e, 1, lang) + " · " + cellText(e, 2, lang)
	if sub := cellText(e, 3, lang); sub != "" {
		head += " · " + sub
	}
	if d := cellText(e, 4, lang); d != "" {
		return head + "\n" + d
	}
	return head
}
