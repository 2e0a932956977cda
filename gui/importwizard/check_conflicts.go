package importwizard

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/importer"
)

// conflictsView is the check's "Identity conflicts" tab (issue 12 point
// 2): rows found by e-mail or SIRET/VAT whose code or name differs from
// the stored customer's. They are shown apart from the ordinary changes,
// stored and file values side by side, each with its decision (keep the
// stored code and name, or take the file's) and one for every row. A
// decision runs the check again; the import then does what it shows.
type conflictsView struct {
	s      *checkStep
	all    *widget.RadioGroup
	list   *fyne.Container
	scroll *container.Scroll
	tab    *container.TabItem
}

func newConflictsView(s *checkStep) *conflictsView {
	v := &conflictsView{s: s, list: container.NewVBox()}
	intro := widget.NewLabel(tr("Found by e-mail or SIRET/VAT number, these rows carry another code or name than the stored customer: the same customer, or another one at the same address?"))
	intro.Wrapping = fyne.TextWrapWord
	v.all = widget.NewRadioGroup([]string{keepStored(), takeFile()}, func(choice string) {
		fromFile := choice == takeFile()
		s.optionChanged(func(o *importer.Options) {
			o.IdentityFromFile, o.IdentityLines = fromFile, nil
		})
	})
	v.all.Horizontal, v.all.Required = true, true
	allRow := container.NewBorder(nil, nil, widget.NewLabelWithStyle(tr("For every row:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, v.all)
	v.scroll = container.NewVScroll(v.list)
	// One header over every conflict: their values line up under it.
	columns := container.NewGridWithColumns(3, lowLabel(tr("Field")), lowLabel(tr("In Carnet")), lowLabel(tr("In the file")))
	v.tab = container.NewTabItem("", container.NewBorder(container.NewVBox(intro, allRow, widget.NewSeparator(), columns), nil, nil, nil, v.scroll))
	return v
}

func keepStored() string { return tr("Keep the stored code and name") }
func takeFile() string   { return tr("Take the file’s") }

// show lists p's conflicts (the caller holds the step's syncing flag).
func (v *conflictsView) show(p *importer.Plan, lang string) {
	if v.s.w.options.IdentityFromFile {
		v.all.SetSelected(takeFile())
	} else {
		v.all.SetSelected(keepStored())
	}
	v.tab.Text = tr("Identity conflicts (%s)", count(p.Counts.Conflicts, lang))
	v.list.Objects = nil
	for i, c := range p.Conflicts {
		if i == shownProblems {
			break
		}
		v.list.Add(v.conflictView(c, lang))
	}
	if more := p.Counts.Conflicts - min(len(p.Conflicts), shownProblems); more > 0 {
		v.list.Add(moreLabel(trn(lang, more, "… and %s more row, decided by the choice for every row.",
			"… and %s more rows, decided by the choice for every row.", count(more, lang))))
	}
	v.list.Refresh()
}

// conflictView is one conflict: the stored customer, each identity field
// stored beside the file's, and the row's decision.
func (v *conflictsView) conflictView(c importer.IdentityConflict, lang string) fyne.CanvasObject {
	who := uikit.OneLine(c.Name)
	if c.Code != "" {
		who += " (" + c.Code + ")"
	}
	title := widget.NewLabelWithStyle(tr("Row %d", c.Line)+" · "+foundBy(c.By, lang)+" · "+tr("stored customer %s", who),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	grid := container.NewGridWithColumns(3)
	for _, ch := range c.Fields {
		grid.Add(widget.NewLabel(fieldLabel(ch.Field, lang)))
		stored, file := uikit.NewHoverLabel(dash(uikit.OneLine(ch.Old))), uikit.NewHoverLabel(dash(uikit.OneLine(ch.New)))
		if c.Taken {
			stored.Importance = widget.LowImportance
		} else {
			file.Importance = widget.LowImportance
		}
		grid.Add(stored)
		grid.Add(file)
	}
	choice := widget.NewRadioGroup([]string{keepStored(), takeFile()}, nil)
	choice.Horizontal, choice.Required = true, true
	choice.Selected = keepStored()
	if c.Taken {
		choice.Selected = takeFile()
	}
	line := c.Line
	choice.OnChanged = func(sel string) { v.decide(line, sel == takeFile()) }
	return container.NewVBox(title, grid, choice, widget.NewSeparator())
}

// foundBy says which key found the customer.
func foundBy(key, lang string) string {
	switch key {
	case "email":
		return tr("found by e-mail")
	case "siret":
		return tr("found by SIRET")
	case "vat_number":
		return tr("found by VAT number")
	}
	return tr("found by %s", fieldLabel(key, lang))
}

func lowLabel(t string) *widget.Label {
	l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.LowImportance
	return l
}

// decide takes the file's identity for the row at line (or keeps the
// stored one) and checks again.
func (v *conflictsView) decide(line int, fromFile bool) {
	v.s.optionChanged(func(o *importer.Options) {
		o.IdentityLines = slices.DeleteFunc(o.IdentityLines, func(l int) bool { return l == line })
		if fromFile != o.IdentityFromFile {
			o.IdentityLines = append(o.IdentityLines, line)
			slices.Sort(o.IdentityLines)
		}
	})
}

// showConflicts shows the Identity conflicts tab while there are some,
// and brings it forward when they appear.
func (s *checkStep) showConflicts(p *importer.Plan, lang string) {
	present := false
	for _, it := range s.tabs.Items {
		present = present || it == s.conflicts.tab
	}
	switch {
	case p.Counts.Conflicts > 0:
		s.conflicts.show(p, lang)
		if !present {
			selected := s.tabs.Selected()
			s.tabs.SetItems([]*container.TabItem{s.changesT, s.conflicts.tab, s.problemsT})
			if selected == s.changesT {
				s.tabs.Select(s.conflicts.tab) // a decision is waiting
			} else {
				s.tabs.Select(selected)
			}
		}
	case present:
		selected := s.tabs.Selected()
		s.tabs.SetItems([]*container.TabItem{s.changesT, s.problemsT})
		if selected == s.conflicts.tab {
			selected = s.changesT
		}
		s.tabs.Select(selected)
	}
}
