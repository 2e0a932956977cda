package importwizard

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/importer"
)

// The check's list of rows: each row's change, field by field, with the
// button that leaves it out of the import; the rows left out come first,
// each with the button that puts it back. Leaving a row out runs the
// check again, so that the counts (it is then "skipped") and the other
// rows (two rows on one customer) show its effect.

// excludeRow leaves row r out of the import.
func (s *checkStep) excludeRow(r importer.RowPlan) {
	if r.Action == importer.ActionCreate {
		r.Code = "" // the code it would have had goes to the next row
	}
	s.excluded[r.Line] = r
	s.optionChanged(func(o *importer.Options) {
		if !slices.Contains(o.ExcludeLines, r.Line) {
			o.ExcludeLines = append(o.ExcludeLines, r.Line)
			slices.Sort(o.ExcludeLines)
		}
	})
}

// putBack takes the row at line into the import again.
func (s *checkStep) putBack(line int) {
	delete(s.excluded, line)
	s.optionChanged(func(o *importer.Options) {
		o.ExcludeLines = slices.DeleteFunc(o.ExcludeLines, func(l int) bool { return l == line })
	})
}

// excludedViews are the rows the user left out, each with Put back.
func (s *checkStep) excludedViews(lang string) []fyne.CanvasObject {
	lines := s.w.options.ExcludeLines
	if len(lines) == 0 {
		return nil
	}
	head := widget.NewLabelWithStyle(trn(lang, len(lines), "Row left out by you (%s): the import skips it.",
		"Rows left out by you (%s): the import skips them.", count(len(lines), lang)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	out := []fyne.CanvasObject{head}
	for _, line := range lines {
		text := tr("Row %d", line)
		if r, ok := s.excluded[line]; ok {
			if who := rowWho(r); who != "" {
				text += " · " + who
			}
		}
		l := widget.NewLabel(text)
		l.Importance = widget.LowImportance
		l.Truncation = fyne.TextTruncateEllipsis
		back := widget.NewButtonWithIcon(tr("Put back"), theme.ContentUndoIcon(), func() { s.putBack(line) })
		out = append(out, container.NewBorder(nil, nil, nil, back, l))
	}
	return append(out, widget.NewSeparator())
}

// rowWho names the customer of a row, "Dupont Élodie (C0001)".
func rowWho(r importer.RowPlan) string {
	who := uikit.OneLine(r.Name)
	if r.Code != "" {
		who += " (" + r.Code + ")"
	}
	return strings.TrimSpace(who)
}

// rowView is one row of the plan: what happens to which customer, each
// field's change old → new, and, when exclude is set, the button that
// leaves the row out.
func rowView(r importer.RowPlan, lang string, exclude func()) fyne.CanvasObject {
	head := tr("Row %d", r.Line) + " · " + actionLabel(string(r.Action))
	if who := rowWho(r); who != "" {
		head += " · " + who
	}
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	switch r.Action {
	case importer.ActionCreate:
		title.Importance = widget.SuccessImportance
	case importer.ActionError:
		title.Importance = widget.DangerImportance
	}
	var top fyne.CanvasObject = title
	if exclude != nil {
		leave := widget.NewButtonWithIcon(tr("Leave out"), theme.ContentRemoveIcon(), exclude)
		leave.Importance = widget.LowImportance
		top = container.NewBorder(nil, nil, nil, leave, title)
	}
	items := []fyne.CanvasObject{top}
	if len(r.Changes) > 0 {
		// One form: the field names in a column, their values beside.
		changes := container.New(layout.NewFormLayout())
		for _, ch := range r.Changes {
			changes.Add(widget.NewLabel(tr("%s:", fieldLabel(ch.Field, lang))))
			changes.Add(changeValue(uikit.OneLine(ch.Old), uikit.OneLine(ch.New), r.Action == importer.ActionCreate))
		}
		items = append(items, changes)
	}
	if r.Conflict != nil {
		items = append(items, iconLine(theme.QuestionIcon(), widget.WarningImportance,
			tr("Its code or name differs from the stored customer’s: see the Identity conflicts tab.")))
	}
	for _, pr := range r.Problems {
		items = append(items, iconLine(theme.WarningIcon(), widget.WarningImportance, pr.Message.In(lang)))
	}
	return container.NewVBox(append(items, widget.NewSeparator())...)
}

// changeValue shows one field's change, "Reims → Paris", or for a customer
// to create the value it gets. The arrow is an icon (the bundled font has
// none); long values are cut with an ellipsis, and show whole on hover, so
// that the step never widens the window.
func changeValue(old, nw string, created bool) fyne.CanvasObject {
	newValue := uikit.NewHoverLabel(dash(nw))
	if created {
		return newValue
	}
	oldValue := uikit.NewHoverLabel(dash(old))
	oldValue.Importance = widget.LowImportance
	arrow := widget.NewIcon(theme.NavigateNextIcon())
	return container.NewGridWithColumns(2, container.NewBorder(nil, nil, nil, arrow, oldValue), newValue)
}

// dash shows an empty value as a dash.
func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// iconLine is a wrapped text after an icon, coloured by imp.
func iconLine(icon fyne.Resource, imp widget.Importance, text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, l)
}

// problemText says row, column, value and the problem in one line.
func problemText(p importer.Problem, lang string) string {
	var where []string
	if p.Row > 0 {
		where = append(where, tr("Row %d", p.Row))
	}
	if p.Column != "" {
		where = append(where, tr("column “%s”", p.Column))
	}
	if p.Value != "" {
		where = append(where, tr("value “%s”", p.Value))
	}
	return strings.Join(where, " · ") + " — " + p.Message.In(lang)
}

// problemView is one problem and its fix.
func problemView(p importer.Problem, lang string) fyne.CanvasObject {
	head := widget.NewLabel(problemText(p, lang))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	icon := widget.NewIcon(theme.ErrorIcon())
	if p.Severity == importer.SeverityWarning {
		head.Importance = widget.WarningImportance
		icon.SetResource(theme.WarningIcon())
	}
	items := []fyne.CanvasObject{head}
	if fix := p.Fix.In(lang); fix != "" {
		f := widget.NewLabel(tr("Fix: %s", fix))
		f.Wrapping = fyne.TextWrapWord
		f.Importance = widget.LowImportance
		items = append(items, f)
	}
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(items...))
}

// showChanges lists the rows left out, then the rows that change a
// customer or are in error, each with its Leave out button.
func (s *checkStep) showChanges(p *importer.Plan, lang string) {
	c := p.Counts
	s.changes.Objects = s.excludedViews(lang)
	for _, r := range p.Rows {
		s.changes.Add(rowView(r, lang, func() { s.excludeRow(r) }))
	}
	// Skipped rows are not in the plan's rows: only those that change a
	// customer or are in error.
	if more := c.Created + c.Updated + c.Errors - len(p.Rows); more > 0 {
		s.changes.Add(moreLabel(trn(lang, more, "… and %s more row (not shown here; the import takes it).",
			"… and %s more rows (not shown here; the import takes them all).", count(more, lang))))
	}
	if len(p.Rows) == 0 {
		s.changes.Add(moreLabel(tr("No row changes a customer.")))
	}
	s.changes.Refresh()
	s.changesT.Text = tr("Changes (%s)", count(c.Created+c.Updated, lang))
}

// showProblems lists the errors and warnings with their fix.
func (s *checkStep) showProblems(p *importer.Plan, lang string) {
	c := p.Counts
	s.problems.Objects = nil
	for i, pr := range p.Problems {
		if i == shownProblems {
			break
		}
		s.problems.Add(problemView(pr, lang))
	}
	shown := min(len(p.Problems), shownProblems)
	total := c.Errors + c.Warnings
	if more := total - shown; more > 0 && shown > 0 {
		s.problems.Add(moreLabel(tr("… and %s more: export the rows in error to see them all.", count(more, lang))))
	}
	if len(p.Problems) == 0 {
		s.problems.Add(moreLabel(tr("No error, no warning.")))
	}
	s.problems.Refresh()
	s.problemsT.Text = tr("Errors and warnings (%s)", count(len(p.Problems), lang))
	if c.Errors > 0 {
		s.export.Enable()
	} else {
		s.export.Disable()
	}
}
