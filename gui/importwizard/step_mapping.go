package importwizard

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/importer"
)

// mappingStep is step 3: one line per column with sample values, the
// suggested field and how sure, and a searchable field choice. The saved
// profiles are chosen, saved, renamed and deleted here too (profiles.go).
type mappingStep struct {
	w          *Wizard
	built      bool // lines match the current preview
	columns    []*columnLine
	choices    []*widget.SelectEntry
	unresolved map[int]string // column → text typed that names no field
	lines      *fyne.Container
	scroll     *container.Scroll
	profile    *widget.Label
	name       *widget.Entry
	save       *widget.Button
	profiles   *widget.Button
	saved      *widget.Label
	root       fyne.CanvasObject
}

// columnLine is what the mapping shows of one column beside its choice:
// the suggestion (or that the column becomes a new custom field) and the
// button that offers an unknown column as a new custom field.
type columnLine struct {
	suggestion importer.Suggestion
	custom     string // the custom field a profile applied gives the column ("" none)
	badge      *widget.Label
	reason     *widget.Label
	keep       *widget.Button
}

// sampleValues is how many values of each column the mapping shows.
const sampleValues = 3

func newMappingStep(w *Wizard) *mappingStep {
	s := &mappingStep{w: w, unresolved: map[int]string{}}
	s.lines = container.NewVBox()
	s.profile = widget.NewLabel("")
	s.profile.Wrapping = fyne.TextWrapWord
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder(tr("Profile name, e.g. Export from the shop"))
	s.save = widget.NewButtonWithIcon(tr("Save the mapping as a profile"), theme.DocumentSaveIcon(), s.saveProfile)
	s.profiles = widget.NewButtonWithIcon(tr("Profiles…"), theme.ListIcon(), s.showProfiles)
	s.saved = widget.NewLabel("")
	s.saved.Wrapping = fyne.TextWrapWord
	head := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	header := container.NewGridWithColumns(3, head(tr("Column and sample values")), head(tr("Suggestion")), head(tr("Customer field")))
	profileBar := container.NewBorder(nil, nil, widget.NewLabel(tr("Profile:")), container.NewHBox(s.save, s.profiles), s.name)
	top := container.NewVBox(s.profile, header, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), profileBar, s.saved)
	s.scroll = container.NewVScroll(s.lines)
	s.root = container.NewBorder(top, bottom, nil, nil, s.scroll)
	return s
}

func (s *mappingStep) content() fyne.CanvasObject { return s.root }

// reset forgets the lines: a new preview brought new columns.
func (s *mappingStep) reset() {
	s.built = false
	s.unresolved = map[int]string{}
	s.saved.SetText("")
}

func (s *mappingStep) enter() {
	p := s.w.preview
	if p == nil {
		return
	}
	s.showProfileNote()
	if !s.built {
		s.build()
	}
}

// showProfileNote says whether a saved profile was recognised.
func (s *mappingStep) showProfileNote() {
	if p := s.w.preview; p != nil && p.Profile != "" {
		say(s.profile, widget.SuccessImportance, tr("Profile “%s” recognised: its mapping is applied. Check it and go on.", p.Profile))
		return
	}
	say(s.profile, widget.MediumImportance, tr("Each column gets the field Carnet suggests. Fix the ones that are wrong; save the mapping as a profile and it is chosen automatically next time."))
}

// profileName is the profile the import uses or saves.
func (s *mappingStep) profileName() string { return strings.TrimSpace(s.name.Text) }

// build makes one line per column.
func (s *mappingStep) build() {
	p := s.w.preview
	lang := s.w.d.Lang
	s.built = true
	s.lines.Objects = nil
	s.choices = make([]*widget.SelectEntry, len(p.Headers))
	s.columns = make([]*columnLine, len(p.Headers))
	switch {
	case p.Profile != "":
		s.name.SetText(p.Profile)
	default:
		base := filepath.Base(p.File)
		s.name.SetText(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	suggestions := map[int]importer.Suggestion{}
	for _, sg := range p.Suggestions {
		suggestions[sg.Column] = sg
	}
	for col, header := range p.Headers {
		cl := &columnLine{suggestion: suggestions[col]}
		s.columns[col] = cl
		title := widget.NewLabelWithStyle(uikit.OneLine(header), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		samples := widget.NewLabel(sampleText(p, col, lang))
		samples.Importance = widget.LowImportance
		samples.Truncation = fyne.TextTruncateEllipsis

		cl.badge = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		cl.reason = widget.NewLabel("")
		cl.reason.Truncation = fyne.TextTruncateEllipsis

		choice := widget.NewSelectEntry(s.fieldOptions(col, ""))
		c := col
		cl.keep = widget.NewButtonWithIcon(tr("Keep it as a new custom field"), theme.ContentAddIcon(), func() {
			s.choices[c].SetText(s.labelOf(c, s.customKey(c)))
		})
		cl.keep.Importance = widget.LowImportance
		choice.SetText(s.labelOf(col, s.w.mapping[col]))
		choice.OnChanged = func(text string) { s.chosen(c, text) }
		s.choices[col] = choice
		s.showColumn(col)

		line := container.NewGridWithColumns(3,
			container.NewVBox(title, samples),
			container.NewVBox(cl.badge, cl.reason),
			container.NewVBox(choice, container.NewHBox(cl.keep)))
		s.lines.Add(line)
		s.lines.Add(widget.NewSeparator())
	}
	s.lines.Refresh()
	// A new file's columns start at the top (a second import opened at the
	// first one's scroll position, past its end: the list looked empty).
	s.scroll.ScrollToTop()
}

// showColumn shows column col's suggestion, or, once the user has made
// it a new custom field, what that does; the offer to make it one shows
// on an unknown column still ignored.
func (s *mappingStep) showColumn(col int) {
	cl, lang := s.columns[col], s.w.d.Lang
	field := s.w.mapping[col]
	switch {
	case field == s.customKey(col) && s.customIsNew(col):
		cl.badge.Importance = widget.HighImportance
		cl.badge.SetText(tr("New custom field"))
		cl.reason.SetText(tr("Created as text by the import (removed by its undo)."))
	default:
		cl.badge.Importance = confidenceImportance(cl.suggestion)
		cl.badge.SetText(confidenceBadge(cl.suggestion, lang))
		cl.reason.SetText(cl.suggestion.Reason.In(lang))
	}
	cl.reason.Importance = widget.LowImportance
	cl.reason.Refresh()
	if cl.suggestion.Field == importer.Ignore && field == importer.Ignore && s.customIsNew(col) {
		cl.reason.SetText(tr("Unknown column: ignored, or a new custom field."))
		cl.keep.Show()
	} else {
		cl.keep.Hide()
	}
}

// sampleText joins the column's first non-empty values.
func sampleText(p *importer.Preview, col int, lang string) string {
	var vals []string
	for _, r := range p.Rows {
		if col < len(r.Cells) && strings.TrimSpace(r.Cells[col]) != "" {
			vals = append(vals, shownCell(r.Cells[col], p.Detected.Format == "xlsx", lang))
			if len(vals) == sampleValues {
				break
			}
		}
	}
	if len(vals) == 0 {
		return tr("(empty in the first rows)")
	}
	return strings.Join(vals, " · ")
}

func confidenceBadge(sg importer.Suggestion, lang string) string {
	if sg.Field == "" {
		return tr("No suggestion")
	}
	return fieldLabel(sg.Field, lang) + " — " + percent(sg.Confidence, lang)
}

// confidenceImportance colours the badge: green when sure, orange when to
// check, red when a guess.
func confidenceImportance(sg importer.Suggestion) widget.Importance {
	switch {
	case sg.Field == "":
		return widget.LowImportance
	case sg.Confidence >= 0.8:
		return widget.SuccessImportance
	case sg.Confidence >= 0.5:
		return widget.WarningImportance
	}
	return widget.DangerImportance
}

// chosen applies what the user picked or typed in column col's choice.
func (s *mappingStep) chosen(col int, text string) {
	field, ok := s.fieldFor(col, text)
	if ok {
		delete(s.unresolved, col)
		if s.w.mapping[col] != field {
			s.w.mapping[col] = field
			s.w.plan = nil
		}
		s.showColumn(col)
	} else {
		s.unresolved[col] = text
	}
	s.choices[col].SetOptions(s.fieldOptions(col, map[bool]string{true: "", false: text}[ok]))
	s.w.updateNav()
}

// setField chooses field for column col as the user would (tests).
func (s *mappingStep) setField(col int, field string) {
	s.choices[col].SetText(s.labelOf(col, field))
}

func (s *mappingStep) blocked() string {
	p := s.w.preview
	if p == nil {
		return tr("Reading the file…")
	}
	for col := range p.Headers {
		if text, ok := s.unresolved[col]; ok {
			return tr("Column “%s”: “%s” is not a field; choose one in the list.", p.Headers[col], text)
		}
	}
	// The engine's own rule, so that the window and the command line
	// accept the same mappings.
	if problems := importer.CheckMapping(p.Headers, s.w.mapping); len(problems) > 0 {
		return mappingProblemText(problems[0], s.w.d.Lang)
	}
	return ""
}

// mappingProblemText is a refusal of the mapping: its column, what is
// wrong and what to do.
func mappingProblemText(p importer.Problem, lang string) string {
	text := p.Message.In(lang)
	if p.Column != "" {
		text = tr("Column “%s”: %s", p.Column, text)
	}
	if fix := p.Fix.In(lang); fix != "" {
		text += " " + fix
	}
	return text
}
