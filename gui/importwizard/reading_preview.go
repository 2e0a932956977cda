package importwizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/importer"
)

// The Reading step's preview: the rows read, further rows on demand, and a
// row selected in it made the header row (a header below a block of notes
// or another table, past the rows the choice offers at first).

// headerRowOptions are the header row choices "Row 1" to "Row n".
func headerRowOptions(n int) []string {
	rows := make([]string, n)
	for i := range rows {
		rows[i] = tr("Row %d", i+1)
	}
	return rows
}

// lastLine is the physical line of the preview's last row (0 if none).
func lastLine(p *importer.Preview) int {
	if len(p.Rows) == 0 {
		return 0
	}
	return p.Rows[len(p.Rows)-1].Line
}

// rowSelected remembers the preview row the user selected, as a header
// row candidate.
func (s *readingStep) rowSelected(id widget.TableCellID) {
	p := s.w.preview
	if p == nil || id.Row < 0 || id.Row >= len(p.Rows) {
		return
	}
	s.picked = p.Rows[id.Row].Line
	s.useRow.SetText(tr("Use row %d as the header row", s.picked))
	s.useRow.Show()
	s.pickHint.Hide()
}

// forgetPick clears the header row candidate (a new preview was read).
func (s *readingStep) forgetPick() {
	s.picked = 0
	s.table.UnselectAll()
	s.useRow.Hide()
	s.pickHint.Show()
}

// useSelectedRow makes the selected preview row the header row.
func (s *readingStep) useSelectedRow() {
	if line := s.picked; line > 0 {
		s.changed(func(st *importer.Settings) { st.HeaderRow = line })
	}
}

// showMore reads moreRows rows more into the preview.
func (s *readingStep) showMore() {
	if s.w.preview == nil {
		return
	}
	s.w.previewRows = max(s.w.previewRows, importer.PreviewRows) + moreRows
	s.moreAsked = true
	s.changed(func(*importer.Settings) {})
}

func (s *readingStep) tableSize() (int, int) {
	p := s.w.preview
	if p == nil {
		return 0, 0
	}
	return len(p.Rows), len(p.Headers) + 1
}

func (s *readingStep) tableCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	p := s.w.preview
	if p == nil || id.Row >= len(p.Rows) {
		l.SetText("")
		return
	}
	r := p.Rows[id.Row]
	if id.Col == 0 {
		say(l, widget.LowImportance, strconv.Itoa(r.Line))
		return
	}
	l.Importance = widget.MediumImportance
	if c := id.Col - 1; c < len(r.Cells) {
		l.SetText(shownCell(r.Cells[c], p.Detected.Format == "xlsx", s.w.d.Lang))
	} else {
		l.SetText("")
	}
}

func (s *readingStep) tableHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	p := s.w.preview
	switch {
	case p == nil || id.Row != -1:
		l.SetText("")
	case id.Col == 0:
		l.SetText(tr("Row"))
	case id.Col-1 < len(p.Headers):
		l.SetText(uikit.OneLine(p.Headers[id.Col-1]))
	default:
		l.SetText("")
	}
}
