package importwizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/importer"
)

// readingStep is step 2: how the file is read (sheet, header row, encoding,
// separator), each showing what was detected and how sure, over a live
// preview of the first rows.
type readingStep struct {
	w    *Wizard
	task task // the preview being read

	sheet, headerRow, encoding, delimiter          *widget.Select
	sheetHint, headerHint, encodingHint, delimHint *detectionHint
	sheetRow, csvRows                              *fyne.Container
	status                                         *widget.Label
	table                                          *widget.Table
	// more reads further rows into the preview; useRow makes the row
	// selected in it (picked, its physical line; 0 when none) the header.
	more, useRow *widget.Button
	pickHint     *widget.Label // says how to choose a header row further down, until a row is selected
	previewTitle *widget.Label
	picked       int
	moreAsked    bool // the preview being read was asked for by "Show more rows": keep the scroll
	err          error
	syncing      bool // settings being shown, not chosen
	root         fyne.CanvasObject
}

// maxHeaderRow is how many rows the header row choice offers at the least;
// it offers every row the preview has read too, and "Show more rows" reads
// further, so that a header below a long block of notes can be chosen.
const maxHeaderRow = 30

// moreRows is how many rows "Show more rows" adds to the preview.
const moreRows = 100

// Encodings and separators offered, as the engine names them.
var (
	encodings  = []string{"utf-8", "windows-1252", "utf-16le", "utf-16be"}
	delimiters = []string{";", ",", "tab", "|"}
)

func newReadingStep(w *Wizard) *readingStep {
	s := &readingStep{w: w}
	s.sheetHint, s.headerHint, s.encodingHint, s.delimHint = newDetectionHint(), newDetectionHint(), newDetectionHint(), newDetectionHint()
	s.sheet = widget.NewSelect(nil, func(name string) { s.changed(func(st *importer.Settings) { st.Sheet = name; st.HeaderRow = 0 }) })
	s.headerRow = widget.NewSelect(headerRowOptions(maxHeaderRow), func(string) {
		n := s.headerRow.SelectedIndex() + 1
		s.changed(func(st *importer.Settings) { st.HeaderRow = n })
	})
	var encLabels []string
	for _, e := range encodings {
		encLabels = append(encLabels, encodingLabel(e))
	}
	s.encoding = widget.NewSelect(encLabels, func(string) {
		e := encodings[s.encoding.SelectedIndex()]
		s.changed(func(st *importer.Settings) { st.Encoding = e })
	})
	var delimLabels []string
	for _, d := range delimiters {
		delimLabels = append(delimLabels, delimiterLabel(d))
	}
	s.delimiter = widget.NewSelect(delimLabels, func(string) {
		d := delimiterRune(delimiters[s.delimiter.SelectedIndex()])
		s.changed(func(st *importer.Settings) { st.Delimiter = d })
	})
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.table = widget.NewTableWithHeaders(s.tableSize, func() fyne.CanvasObject { return widget.NewLabel("") }, s.tableCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = s.tableHeader
	s.table.OnSelected = s.rowSelected
	s.more = widget.NewButtonWithIcon(tr("Show more rows"), theme.MoreVerticalIcon(), s.showMore)
	s.useRow = widget.NewButtonWithIcon("", theme.MoveUpIcon(), s.useSelectedRow)
	s.useRow.Importance = widget.HighImportance
	s.useRow.Hide()

	form := func(label string, sel *widget.Select, h *detectionHint) *fyne.Container {
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(170, 36), widget.NewLabel(label)), nil,
			container.NewGridWithColumns(2, sel, h.root))
	}
	s.sheetRow = form(tr("Sheet"), s.sheet, s.sheetHint)
	s.csvRows = container.NewVBox(form(tr("Encoding"), s.encoding, s.encodingHint), form(tr("Separator"), s.delimiter, s.delimHint))
	settings := container.NewVBox(s.sheetRow, form(tr("Header row"), s.headerRow, s.headerHint), s.csvRows, s.status)
	s.previewTitle = widget.NewLabelWithStyle(tr("Preview of the first rows"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.pickHint = widget.NewLabel(tr("Column names further down? Select their row in the preview."))
	s.pickHint.Importance = widget.LowImportance
	s.pickHint.Truncation = fyne.TextTruncateEllipsis
	previewBar := container.NewBorder(nil, nil, s.previewTitle, container.NewHBox(s.more, s.useRow), s.pickHint)
	s.root = container.NewBorder(container.NewVBox(settings, widget.NewSeparator(), previewBar), nil, nil, nil, s.table)
	return s
}

func (s *readingStep) content() fyne.CanvasObject { return s.root }

func (s *readingStep) blocked() string {
	switch {
	case s.err != nil:
		return tr("The file cannot be read with these settings.")
	case s.w.preview == nil:
		return tr("Reading the file…")
	case len(s.w.preview.Headers) == 0:
		return tr("No column found: check the header row.")
	}
	return ""
}

// enter shows the current settings and preview.
func (s *readingStep) enter() {
	p := s.w.preview
	if p == nil {
		return
	}
	s.syncing = true
	defer func() { s.syncing = false }()
	det, auto, set := p.Detected, s.w.auto, s.w.settings
	lang := s.w.d.Lang
	if det.Format == "xlsx" {
		s.sheetRow.Show()
		s.csvRows.Hide()
		s.sheet.SetOptions(det.Sheets)
		s.sheet.SetSelected(det.Sheet)
		s.sheetHint.show(guessHint(set.Sheet != "" && set.Sheet != auto.Sheet, auto.Sheet, 1, true, lang))
	} else {
		s.sheetRow.Hide()
		s.csvRows.Show()
		s.encoding.SetSelectedIndex(indexOf(encodings, normalEncoding(det.Encoding)))
		s.delimiter.SetSelectedIndex(indexOf(delimiters, det.Delimiter))
		s.encodingHint.show(guessHint(set.Encoding != "" && normalEncoding(set.Encoding) != normalEncoding(auto.Encoding),
			encodingLabel(normalEncoding(auto.Encoding)), 1, auto.EncodingSure, lang))
		forced := set.Delimiter != 0 && importer.DelimiterName(set.Delimiter) != auto.Delimiter
		s.delimHint.show(guessHint(forced, delimiterLabel(auto.Delimiter), auto.DelimiterConfidence, true, lang))
	}
	s.headerRow.SetOptions(headerRowOptions(max(maxHeaderRow, det.HeaderRow, lastLine(p))))
	if det.HeaderRow >= 1 {
		s.headerRow.SetSelectedIndex(det.HeaderRow - 1)
	}
	s.headerHint.show(guessHint(set.HeaderRow != 0 && set.HeaderRow != auto.HeaderRow,
		tr("row %d", auto.HeaderRow), auto.HeaderConfidence, true, lang))
	if s.err == nil {
		s.status.SetText(tr("%d columns. Change a setting if the preview looks wrong: it updates at once.", len(p.Headers)))
		s.status.Importance = widget.MediumImportance
	}
	s.status.Refresh()
	s.table.SetColumnWidth(0, 60)
	for c := 1; c <= len(p.Headers); c++ {
		s.table.SetColumnWidth(c, 170)
	}
	s.forgetPick()
	if len(p.Rows) > 0 {
		s.previewTitle.SetText(tr("Preview of rows %d to %d", p.Rows[0].Line, lastLine(p)))
	} else {
		s.previewTitle.SetText(tr("Preview of the first rows"))
	}
	if len(p.Rows) < max(s.w.previewRows, importer.PreviewRows) {
		s.more.Disable() // the whole file is shown
	} else {
		s.more.Enable()
	}
	s.table.Refresh()
	if !s.moreAsked {
		s.table.ScrollToTop()
	}
	s.moreAsked = false
}

// changed applies a setting the user chose and reads the preview again.
func (s *readingStep) changed(set func(*importer.Settings)) {
	if s.syncing || s.w.preview == nil {
		return
	}
	set(&s.w.settings)
	say(s.status, widget.MediumImportance, tr("Reading the file…"))
	s.w.loadPreview(func(err error) {
		s.err = err
		if err != nil {
			say(s.status, widget.DangerImportance, userMessage(err, s.w.d.Lang))
		}
		if s.w.current == stepReading {
			s.enter()
			s.w.updateNav()
		}
	})
}

// loadPreview reads the file's first rows with the current settings off the
// UI goroutine, then done runs on the UI goroutine (unless a newer preview
// was started meanwhile).
func (w *Wizard) loadPreview(done func(error)) {
	ctx, gen := w.reading.task.restart()
	imp, path, settings, rows := w.d.Importer, w.path, w.settings, max(w.previewRows, importer.PreviewRows)
	w.work.Go(func() {
		p, err := imp.Preview(ctx, path, settings, rows)
		w.work.Do(func() {
			if !w.reading.task.current(gen) {
				return
			}
			if err == nil {
				w.applyPreview(p, settings)
			}
			done(err)
		})
	})
}

// applyPreview keeps a new preview; a different header (another sheet or
// header row) brings new suggestions, the same header keeps the mapping the
// user may have fixed.
func (w *Wizard) applyPreview(p *importer.Preview, settings importer.Settings) {
	if settings == (importer.Settings{}) {
		w.auto = p.Detected
	}
	same := w.preview != nil && w.preview.Fingerprint == p.Fingerprint && len(w.mapping) == len(p.Headers)
	w.preview = p
	w.plan = nil
	if !same {
		w.mapping = importer.MappingOf(p.Suggestions)
		if len(w.mapping) < len(p.Headers) {
			w.mapping = append(w.mapping, make(importer.Mapping, len(p.Headers)-len(w.mapping))...)
		}
		w.options = layoutOptions(p.Options) // a profile keeps no row of another file
		w.mapper.reset()
	}
}

func delimiterRune(name string) rune {
	if name == "tab" {
		return '\t'
	}
	return []rune(name)[0]
}

func normalEncoding(e string) string {
	switch e = strings.ToLower(e); e {
	case "cp1252":
		return "windows-1252"
	case "", "auto", "utf8":
		return "utf-8"
	}
	return e
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
