package importwizard

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/textfold"
)

// mappingStep is step 3: one line per column with sample values, the
// suggested field and how sure, and a searchable field choice.
type mappingStep struct {
	w          *Wizard
	built      bool // lines match the current preview
	choices    []*widget.SelectEntry
	unresolved map[int]string // column → text typed that names no field
	lines      *fyne.Container
	scroll     *container.Scroll
	profile    *widget.Label
	name       *widget.Entry
	save       *widget.Button
	saved      *widget.Label
	root       fyne.CanvasObject
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
	s.saved = widget.NewLabel("")
	s.saved.Wrapping = fyne.TextWrapWord
	head := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	header := container.NewGridWithColumns(3, head(tr("Column and sample values")), head(tr("Suggestion")), head(tr("Customer field")))
	profileBar := container.NewBorder(nil, nil, widget.NewLabel(tr("Profile:")), s.save, s.name)
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
	if p.Profile != "" {
		say(s.profile, widget.SuccessImportance, tr("Profile “%s” recognised: its mapping is applied. Check it and go on.", p.Profile))
	} else {
		say(s.profile, widget.MediumImportance, tr("Each column gets the field Carnet suggests. Fix the ones that are wrong; save the mapping as a profile and it is chosen automatically next time."))
	}
	if !s.built {
		s.build()
	}
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
		sg := suggestions[col]
		title := widget.NewLabelWithStyle(uikit.OneLine(header), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		samples := widget.NewLabel(sampleText(p, col, lang))
		samples.Importance = widget.LowImportance
		samples.Truncation = fyne.TextTruncateEllipsis

		badge := widget.NewLabelWithStyle(confidenceBadge(sg, lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		badge.Importance = confidenceImportance(sg)
		reason := widget.NewLabel(sg.Reason.In(lang))
		reason.Importance = widget.LowImportance
		reason.Truncation = fyne.TextTruncateEllipsis

		choice := widget.NewSelectEntry(s.fieldOptions(header, ""))
		choice.SetText(fieldLabel(s.w.mapping[col], lang))
		c := col
		choice.OnChanged = func(text string) { s.chosen(c, text) }
		s.choices[col] = choice

		line := container.NewGridWithColumns(3,
			container.NewVBox(title, samples),
			container.NewVBox(badge, reason),
			container.NewVBox(choice))
		s.lines.Add(line)
		s.lines.Add(widget.NewSeparator())
	}
	s.lines.Refresh()
	// A new file's columns start at the top (a second import opened at the
	// first one's scroll position, past its end: the list looked empty).
	s.scroll.ScrollToTop()
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

// fieldOptions lists the choices for a column whose header is header, those
// that contain filter first (accent- and case-insensitive).
func (s *mappingStep) fieldOptions(header, filter string) []string {
	all := []string{fieldLabel(importer.Ignore, s.w.d.Lang), fieldLabel(domain.CustomPrefix+header, s.w.d.Lang)}
	for _, f := range domain.Fields {
		if !f.Computed || f.Key == "balance" {
			all = append(all, f.Label(s.w.d.Lang))
		}
	}
	filter = textfold.Fold(strings.TrimSpace(filter))
	if filter == "" {
		return all
	}
	var out []string
	for _, o := range all {
		if strings.Contains(textfold.Fold(o), filter) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// fieldFor reads back the mapping value of a label; ok is false when the
// text names no field.
func (s *mappingStep) fieldFor(header, text string) (string, bool) {
	lang := s.w.d.Lang
	t := textfold.Fold(strings.TrimSpace(text))
	if t == textfold.Fold(fieldLabel(importer.Ignore, lang)) {
		return importer.Ignore, true
	}
	if t == textfold.Fold(fieldLabel(domain.CustomPrefix+header, lang)) {
		return domain.CustomPrefix + header, true
	}
	for _, f := range domain.Fields {
		if (!f.Computed || f.Key == "balance") && (t == textfold.Fold(f.Label(lang)) || t == f.Key) {
			return f.Key, true
		}
	}
	return "", false
}

// chosen applies what the user picked or typed in column col's choice.
func (s *mappingStep) chosen(col int, text string) {
	header := s.w.preview.Headers[col]
	field, ok := s.fieldFor(header, text)
	if ok {
		delete(s.unresolved, col)
		if s.w.mapping[col] != field {
			s.w.mapping[col] = field
			s.w.plan = nil
		}
	} else {
		s.unresolved[col] = text
	}
	s.choices[col].SetOptions(s.fieldOptions(header, map[bool]string{true: "", false: text}[ok]))
	s.w.updateNav()
}

// setField chooses field for column col as the user would (tests).
func (s *mappingStep) setField(col int, field string) {
	s.choices[col].SetText(fieldLabel(field, s.w.d.Lang))
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

// saveProfile saves the mapping and options under the name typed, so that
// the next file with the same columns is mapped at once.
func (s *mappingStep) saveProfile() {
	name := s.profileName()
	if name == "" || s.w.preview == nil {
		say(s.saved, widget.WarningImportance, tr("Type a name for the profile."))
		return
	}
	prof := importer.Profile{Name: name, Fingerprint: s.w.preview.Fingerprint,
		Headers: append([]string(nil), s.w.preview.Headers...), Mapping: append(importer.Mapping(nil), s.w.mapping...),
		Options: cloneOptions(s.w.options)}
	imp, lang := s.w.d.Importer, s.w.d.Lang
	s.save.Disable()
	s.w.work.Go(func() {
		err := imp.SaveProfile(context.Background(), prof)
		s.w.work.Do(func() {
			s.save.Enable()
			if err != nil {
				say(s.saved, widget.DangerImportance, userMessage(err, lang))
				return
			}
			say(s.saved, widget.SuccessImportance, tr("Profile “%s” saved: it will be chosen automatically for files with these columns.", name))
		})
	})
}
