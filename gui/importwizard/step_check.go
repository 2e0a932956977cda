package importwizard

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/importer"
)

// checkStep is step 4: the dry run. Every row is parsed, validated and
// matched without writing; the user sees the counts, each row's changes
// (and can leave rows out: check_rows.go), the identity conflicts to
// decide (check_conflicts.go), the errors with their fix, and the options
// that change the outcome (check_options.go).
type checkStep struct {
	w       *Wizard
	task    task
	busy    bool
	syncing bool // options being shown, not chosen

	opts *checkOptions
	// excluded remembers the rows the user left out, by line, to name
	// them in the list of rows left out (the plan no longer lists them).
	excluded map[int]importer.RowPlan

	progress    *widget.ProgressBar
	progressTxt *widget.Label
	cancel      *widget.Button
	runningBar  *fyne.Container

	status       *widget.Label
	conflictNote *widget.Label
	counts       *fyne.Container
	changes      *fyne.Container
	problems     *fyne.Container
	conflicts    *conflictsView
	tabs         *container.AppTabs
	changesT     *container.TabItem
	// the lists' scrolls, put back at the top for a new file
	changesScroll, problemsScroll *container.Scroll
	problemsT                     *container.TabItem
	export                        *widget.Button
	root                          fyne.CanvasObject
}

// shownProblems bounds the problems and conflicts listed: the rest are in
// the export, or follow the choice for every row.
const shownProblems = 300

func newCheckStep(w *Wizard) *checkStep {
	s := &checkStep{w: w, excluded: map[int]importer.RowPlan{}}
	s.opts = newCheckOptions(s)

	s.progress = widget.NewProgressBar()
	s.progressTxt = widget.NewLabel("")
	s.cancel = widget.NewButtonWithIcon(tr("Cancel"), theme.CancelIcon(), func() { s.task.stop(); s.stopped() })
	s.runningBar = container.NewBorder(nil, nil, nil, s.cancel, container.NewVBox(s.progress, s.progressTxt))
	s.runningBar.Hide()

	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.conflictNote = widget.NewLabel("")
	s.conflictNote.Wrapping = fyne.TextWrapWord
	s.conflictNote.Importance = widget.WarningImportance
	s.conflictNote.Hide()
	s.counts = container.NewGridWithColumns(5)
	s.changes = container.NewVBox()
	s.problems = container.NewVBox()
	s.conflicts = newConflictsView(s)
	s.export = widget.NewButtonWithIcon(tr("Export the rows in error"), theme.DownloadIcon(), s.exportDialog)
	s.changesScroll, s.problemsScroll = container.NewVScroll(s.changes), container.NewVScroll(s.problems)
	s.changesT = container.NewTabItem(tr("Changes"), s.changesScroll)
	s.problemsT = container.NewTabItem(tr("Errors and warnings"),
		container.NewBorder(nil, container.NewHBox(s.export), nil, nil, s.problemsScroll))
	s.tabs = container.NewAppTabs(s.changesT, s.problemsT)
	results := container.NewBorder(container.NewVBox(s.runningBar, s.counts, s.status, s.conflictNote), nil, nil, nil, s.tabs)
	split := container.NewHSplit(results, container.NewVScroll(container.NewPadded(s.opts.root)))
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
// lists at the top (a second import opened where the first one was left),
// no row left out.
func (s *checkStep) restart() {
	s.excluded = map[int]importer.RowPlan{}
	s.tabs.SelectIndex(0)
	s.changesScroll.ScrollToTop()
	s.problemsScroll.ScrollToTop()
	s.conflicts.scroll.ScrollToTop()
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
	s.opts.show(s.w.options, s.w.mapping, s.w.d.Lang)
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

// showPlan shows the counts, the rows' changes, the conflicts and the
// problems.
func (s *checkStep) showPlan() {
	p := s.w.plan
	if p == nil {
		return
	}
	s.syncing = true
	defer func() { s.syncing = false }()
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
	s.showStatus(p, lang)
	s.showChanges(p, lang)
	s.showConflicts(p, lang)
	s.showProblems(p, lang)
	s.tabs.Refresh()
}

// showStatus sums the check up in a sentence, and says when identity
// conflicts wait for a decision.
func (s *checkStep) showStatus(p *importer.Plan, lang string) {
	c := p.Counts
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
	if c.Conflicts == 0 {
		s.conflictNote.Hide()
		return
	}
	s.conflictNote.SetText(trn(lang, c.Conflicts,
		"%s identity conflict: choose in its tab which code and name to keep.",
		"%s identity conflicts: choose in their tab which codes and names to keep.",
		count(c.Conflicts, lang)))
	s.conflictNote.Show()
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
