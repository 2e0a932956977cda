package importwizard

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/importer"
)

// checkStep is step 4: the dry run. Every row is parsed, validated and
// matched without writing; the user sees the counts, each row's changes,
// the errors with their fix, and the options that change the outcome.
type checkStep struct {
	w    *Wizard
	task task
	busy bool

	// options
	key                      *widget.Select
	empty                    *widget.RadioGroup
	protected                *widget.CheckGroup
	groups, sources, balance *widget.Check
	syncing                  bool
	protectedKeys            []string // protected's options, as field keys

	progress    *widget.ProgressBar
	progressTxt *widget.Label
	cancel      *widget.Button
	runningBar  *fyne.Container

	status   *widget.Label
	counts   *fyne.Container
	changes  *fyne.Container
	problems *fyne.Container
	tabs     *container.AppTabs
	changesT *container.TabItem
	// the lists' scrolls, put back at the top for a new file
	changesScroll, problemsScroll *container.Scroll
	problemsT                     *container.TabItem
	export                        *widget.Button
	root                          fyne.CanvasObject
}

// Matching keys offered, in the order of the engine's automatic choice.
var keys = []importer.Key{importer.KeyAuto, importer.KeyID, importer.KeyCode, importer.KeyEmail, importer.KeySIRET}

// shownProblems bounds the problems listed: the rest are in the export.
const shownProblems = 300

func newCheckStep(w *Wizard) *checkStep {
	s := &checkStep{w: w}
	keyLabels := []string{tr("Automatic: customer ID, then code, email, SIRET"), tr("Customer ID"), tr("Customer code"), tr("Email"), tr("SIRET or VAT number")}
	s.key = widget.NewSelect(keyLabels, func(string) {
		k := keys[s.key.SelectedIndex()]
		s.optionChanged(func(o *importer.Options) { o.Key = k })
	})
	s.empty = widget.NewRadioGroup([]string{tr("An empty cell keeps the stored value"), tr("An empty cell clears the stored value")}, func(v string) {
		clears := v == tr("An empty cell clears the stored value")
		s.optionChanged(func(o *importer.Options) { o.EmptyClears = clears })
	})
	s.empty.Required = true
	s.protected = widget.NewCheckGroup(nil, func([]string) {
		s.optionChanged(func(o *importer.Options) { o.Protected = s.checkedProtected() })
	})
	s.groups = widget.NewCheck(tr("Create the groups that do not exist"), func(v bool) {
		s.optionChanged(func(o *importer.Options) { o.CreateGroups = v })
	})
	s.sources = widget.NewCheck(tr("Create the marketing sources that do not exist"), func(v bool) {
		s.optionChanged(func(o *importer.Options) { o.CreateSources = v })
	})
	s.balance = widget.NewCheck(tr("Apply the balances (as a balance adjustment entry)"), func(v bool) {
		s.optionChanged(func(o *importer.Options) { o.ApplyBalance = v })
	})
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	options := container.NewVBox(
		bold(tr("Find existing customers by")), s.key,
		bold(tr("Empty cells")), s.empty,
		bold(tr("Protected fields (never overwritten)")), s.protected,
		bold(tr("Other options")), s.groups, s.sources, s.balance)

	s.progress = widget.NewProgressBar()
	s.progressTxt = widget.NewLabel("")
	s.cancel = widget.NewButtonWithIcon(tr("Cancel"), theme.CancelIcon(), func() { s.task.stop(); s.stopped() })
	s.runningBar = container.NewBorder(nil, nil, nil, s.cancel, container.NewVBox(s.progress, s.progressTxt))
	s.runningBar.Hide()

	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.counts = container.NewGridWithColumns(5)
	s.changes = container.NewVBox()
	s.problems = container.NewVBox()
	s.export = widget.NewButtonWithIcon(tr("Export the rows in error"), theme.DownloadIcon(), s.exportDialog)
	s.changesScroll, s.problemsScroll = container.NewVScroll(s.changes), container.NewVScroll(s.problems)
	s.changesT = container.NewTabItem(tr("Changes"), s.changesScroll)
	s.problemsT = container.NewTabItem(tr("Errors and warnings"),
		container.NewBorder(nil, container.NewHBox(s.export), nil, nil, s.problemsScroll))
	s.tabs = container.NewAppTabs(s.changesT, s.problemsT)
	results := container.NewBorder(container.NewVBox(s.runningBar, s.counts, s.status), nil, nil, nil, s.tabs)
	split := container.NewHSplit(results, container.NewVScroll(container.NewPadded(options)))
	split.Offset = 0.7
	s.root = split
	return s
}

func (s *checkStep) content() fyne.CanvasObject { return s.root }

func (s *checkStep) enter() {
	s.showOptions()
	if s.w.plan == nil {
		s.runCheck()
	} else {
		s.showPlan()
	}
}

// restart shows a new file's check from the start: the first tab, the
// lists at the top (a second import opened where the first one was left).
func (s *checkStep) restart() {
	s.tabs.SelectIndex(0)
	s.changesScroll.ScrollToTop()
	s.problemsScroll.ScrollToTop()
}

// leave stops a check still running: the user went elsewhere.
func (s *checkStep) leave() {
	if s.busy {
		s.task.stop()
		s.stopped()
	}
}

func (s *checkStep) blocked() string {
	p := s.w.plan
	switch {
	case s.busy:
		return tr("Checking every row…")
	case p == nil:
		return tr("The check did not finish: change an option or go back to run it again.")
	case len(p.Refused) > 0:
		return tr("The mapping cannot be imported: go back to step 3 and fix it.")
	case p.Counts.Created+p.Counts.Updated == 0:
		return tr("Nothing to import: every row is unchanged, skipped or in error.")
	case p.Counts.Errors > 0:
		return "" // the status says the rows in error will be left out
	}
	return ""
}

// showOptions shows w.options in the widgets without running the check.
func (s *checkStep) showOptions() {
	s.syncing = true
	defer func() { s.syncing = false }()
	o := s.w.options
	for i, k := range keys {
		if k == o.Key {
			s.key.SetSelectedIndex(i)
		}
	}
	if o.EmptyClears {
		s.empty.SetSelected(tr("An empty cell clears the stored value"))
	} else {
		s.empty.SetSelected(tr("An empty cell keeps the stored value"))
	}
	// The protected fields offered: the default ones and every field mapped.
	s.protectedKeys = nil
	seen := map[string]bool{}
	add := func(k string) {
		if f, ok := domain.FieldByKey(k); ok && !seen[k] && !f.Computed && k != "id" && k != "code" {
			seen[k] = true
			s.protectedKeys = append(s.protectedKeys, k)
		}
	}
	for _, k := range importer.DefaultProtected() {
		add(k)
	}
	for _, k := range s.w.mapping {
		add(k)
	}
	for _, k := range o.Protected {
		add(k)
	}
	var labels, checked []string
	on := map[string]bool{}
	for _, k := range o.Protected {
		on[k] = true
	}
	for _, k := range s.protectedKeys {
		labels = append(labels, fieldLabel(k, s.w.d.Lang))
		if on[k] {
			checked = append(checked, fieldLabel(k, s.w.d.Lang))
		}
	}
	s.protected.Options = labels
	s.protected.SetSelected(checked)
	s.groups.SetChecked(o.CreateGroups)
	s.sources.SetChecked(o.CreateSources)
	s.balance.SetChecked(o.ApplyBalance)
}

func (s *checkStep) checkedProtected() []string {
	on := map[string]bool{}
	for _, l := range s.protected.Selected {
		on[l] = true
	}
	out := []string{}
	for _, k := range s.protectedKeys {
		if on[fieldLabel(k, s.w.d.Lang)] {
			out = append(out, k)
		}
	}
	return out
}

// optionChanged applies an option the user changed and checks again.
func (s *checkStep) optionChanged(set func(*importer.Options)) {
	if s.syncing {
		return
	}
	set(&s.w.options)
	s.w.plan = nil
	s.runCheck()
}

// runCheck runs the dry run off the UI goroutine; a newer one (an option
// changed) makes this one's result stale.
func (s *checkStep) runCheck() {
	ctx, gen := s.task.restart()
	req := s.w.request()
	imp, lang := s.w.d.Importer, s.w.d.Lang
	s.busy = true
	s.progress.SetValue(0)
	s.progressTxt.SetText(tr("Checking every row…"))
	s.runningBar.Show()
	s.status.SetText("")
	s.w.updateNav()
	s.w.work.Go(func() {
		plan, err := imp.Check(ctx, req, func(p importer.Progress) {
			s.w.work.Do(func() {
				if !s.task.current(gen) {
					return
				}
				if p.Estimate > 0 {
					s.progress.SetValue(min(1, float64(p.Done)/float64(p.Estimate)))
					s.progressTxt.SetText(trn(lang, p.Estimate, "%s of about %s row", "%s of about %s rows", count(p.Done, lang), count(p.Estimate, lang)) +
						" · " + rowsPerSecond(p.Rate, lang))
					return
				}
				s.progressTxt.SetText(trn(lang, p.Done, "%s row read", "%s rows read", count(p.Done, lang)) + " · " + rowsPerSecond(p.Rate, lang))
			})
		})
		s.w.work.Do(func() {
			if !s.task.current(gen) {
				return
			}
			s.busy = false
			s.runningBar.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				s.stopped()
				return
			case err != nil:
				say(s.status, widget.DangerImportance, userMessage(err, lang))
				s.w.plan = nil
			default:
				s.w.plan = plan
				s.showPlan()
			}
			s.w.updateNav()
		})
	})
}

// stopped shows that the check was cancelled.
func (s *checkStep) stopped() {
	s.busy = false
	s.runningBar.Hide()
	say(s.status, widget.WarningImportance, tr("Check cancelled. Change an option or go back and come again to run it."))
	s.w.updateNav()
}

// showPlan shows the counts, the rows' changes and the problems.
func (s *checkStep) showPlan() {
	p := s.w.plan
	if p == nil {
		return
	}
	lang := s.w.d.Lang
	c := p.Counts
	s.counts.Objects = []fyne.CanvasObject{
		countBox(c.Created, tr("to create"), widget.SuccessImportance, lang),
		countBox(c.Updated, tr("to update"), widget.HighImportance, lang),
		countBox(c.Unchanged, trn(lang, c.Unchanged, "unchanged (one row)", "unchanged"), widget.MediumImportance, lang),
		countBox(c.Errors, tr("in error"), widget.DangerImportance, lang),
		countBox(c.Skipped, trn(lang, c.Skipped, "skipped (one row)", "skipped"), widget.LowImportance, lang),
	}
	s.counts.Refresh()

	switch {
	case len(p.Refused) > 0:
		var lines []string
		for _, r := range p.Refused {
			lines = append(lines, problemText(r, lang))
		}
		say(s.status, widget.DangerImportance, strings.Join(lines, "\n"))
	case c.Errors > 0:
		s.status.Importance = widget.WarningImportance
		s.status.SetText(trn(lang, c.Errors, "Row in error: %s of %s. It will be left out: fix it in the file, or export it, fix it and import it afterwards.",
			"Rows in error: %s of %s. They will be left out: fix them in the file, or export them, fix them and import them afterwards.",
			count(c.Errors, lang), count(c.Rows, lang)))
	case c.Warnings > 0:
		s.status.Importance = widget.WarningImportance
		s.status.SetText(trn(lang, c.Rows, "%s row checked: no error, %s to read in the Errors and warnings tab. Nothing has been written yet.",
			"%s rows checked: no error, %s to read in the Errors and warnings tab. Nothing has been written yet.",
			count(c.Rows, lang), trn(lang, c.Warnings, "%s warning", "%s warnings", count(c.Warnings, lang))))
	default:
		say(s.status, widget.SuccessImportance, trn(lang, c.Rows, "%s row checked: no error. Nothing has been written yet.",
			"%s rows checked: no error. Nothing has been written yet.", count(c.Rows, lang)))
	}

	s.changes.Objects = nil
	for _, r := range p.Rows {
		s.changes.Add(rowView(r, lang))
	}
	if more := c.Created + c.Updated + c.Errors + c.Skipped - len(p.Rows); more > 0 {
		s.changes.Add(moreLabel(trn(lang, more, "… and %s more row (not shown here; the import takes it).",
			"… and %s more rows (not shown here; the import takes them all).", count(more, lang))))
	}
	if len(p.Rows) == 0 {
		s.changes.Add(moreLabel(tr("No row changes a customer.")))
	}
	s.changes.Refresh()
	s.changesT.Text = tr("Changes (%s)", count(c.Created+c.Updated, lang))

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
	s.tabs.Refresh()
}

func countBox(n int, caption string, imp widget.Importance, lang string) fyne.CanvasObject {
	num := widget.NewLabelWithStyle(count(n, lang), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	num.SizeName = theme.SizeNameHeadingText
	num.Importance = imp
	if n == 0 {
		num.Importance = widget.LowImportance
	}
	return container.NewVBox(num, widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{}))
}

func moreLabel(t string) *widget.Label {
	l := widget.NewLabel(t)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// rowView is one row of the plan: what happens to which customer, and each
// field's change old → new.
func rowView(r importer.RowPlan, lang string) fyne.CanvasObject {
	who := uikit.OneLine(r.Name)
	if r.Code != "" {
		who += " (" + r.Code + ")"
	}
	head := tr("Row %d", r.Line) + " · " + actionLabel(string(r.Action))
	if who = strings.TrimSpace(who); who != "" {
		head += " · " + who
	}
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch r.Action {
	case importer.ActionCreate:
		title.Importance = widget.SuccessImportance
	case importer.ActionError:
		title.Importance = widget.DangerImportance
	}
	items := []fyne.CanvasObject{title}
	if len(r.Changes) > 0 {
		// One form: the field names in a column, their values beside.
		changes := container.New(layout.NewFormLayout())
		for _, ch := range r.Changes {
			changes.Add(widget.NewLabel(tr("%s:", fieldLabel(ch.Field, lang))))
			changes.Add(changeValue(uikit.OneLine(ch.Old), uikit.OneLine(ch.New), r.Action == importer.ActionCreate))
		}
		items = append(items, changes)
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
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	newValue := uikit.NewHoverLabel(dash(nw))
	if created {
		return newValue
	}
	oldValue := uikit.NewHoverLabel(dash(old))
	oldValue.Importance = widget.LowImportance
	arrow := widget.NewIcon(theme.NavigateNextIcon())
	return container.NewGridWithColumns(2, container.NewBorder(nil, nil, nil, arrow, oldValue), newValue)
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

// exportDialog asks where to write the rows in error (XLSX with an extra
// "Erreur" column), then writes them.
func (s *checkStep) exportDialog() {
	if s.w.d.Window == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		if sameFile(wc.URI().Path(), s.w.path) {
			// Written, it would replace the file being imported.
			uikit.Discard(wc)
			say(s.status, widget.DangerImportance, tr("That is the file being imported: writing it would destroy it. Choose another name."))
			return
		}
		s.exportErrors(wc, wc.URI().Path())
	}, s.w.d.Window)
	base := strings.TrimSuffix(filepath.Base(s.w.path), filepath.Ext(s.w.path))
	d.SetFileName(base + tr("-errors") + ".xlsx")
	uikit.ShowFileDialog(d, s.w.d.Window, tr("Save the rows in error"))
}

// sameFile reports whether a and b name one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// exportErrors writes the rows in error to out (closed when done) off the
// UI goroutine and says how many.
func (s *checkStep) exportErrors(out io.WriteCloser, name string) {
	req := s.w.request()
	imp, lang := s.w.d.Importer, s.w.d.Lang
	s.export.Disable()
	s.w.holding++
	s.w.work.Go(func() {
		n, err := imp.ExportErrors(context.Background(), req, out)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		s.w.work.Do(func() {
			s.w.holding--
			s.export.Enable()
			if err != nil {
				say(s.status, widget.DangerImportance, userMessage(err, lang))
				return
			}
			say(s.status, widget.SuccessImportance, trn(lang, n, "%s row in error written to %s, with an “Erreur” column: fix it there and import that file.",
				"%s rows in error written to %s, with an “Erreur” column: fix them there and import that file.", count(n, lang), filepath.Base(name)))
		})
	})
}
