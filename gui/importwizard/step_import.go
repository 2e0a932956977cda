package importwizard

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/importer"
)

// importStep is step 5: the import itself, in one transaction, with
// progress and Cancel, then its result.
type importStep struct {
	w      *Wizard
	cancel context.CancelFunc // set while the import runs
	result *importer.Result
	ids    []int64 // customers the import created or updated
	state  importState

	title     *widget.Label
	bar       *widget.ProgressBar
	speed     *widget.Label
	note      *widget.Label
	stop      *widget.Button
	counts    *fyne.Container
	message   *widget.Label
	show      *widget.Button
	undo      *widget.Button
	again     *widget.Button
	toCheck   *widget.Button
	progress  *fyne.Container
	resultBox *fyne.Container // counts, message and buttons, shown when the import has ended
	root      fyne.CanvasObject
}

type importState int

const (
	importIdle importState = iota
	importRunning
	importDone      // written: result holds the batch
	importCancelled // nothing written
	importFailed    // nothing written
)

func newImportStep(w *Wizard) *importStep {
	s := &importStep{w: w}
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	s.bar = widget.NewProgressBar()
	s.speed = widget.NewLabel("")
	s.note = widget.NewLabel(tr("Cancel writes nothing: the import is one transaction, the customer file stays exactly as it was."))
	s.note.Importance = widget.LowImportance
	s.note.Wrapping = fyne.TextWrapWord
	s.stop = widget.NewButtonWithIcon(tr("Cancel the import"), theme.CancelIcon(), s.cancelImport)
	s.stop.Importance = widget.DangerImportance
	s.progress = container.NewVBox(s.bar, s.speed, container.NewHBox(s.stop), s.note)

	s.counts = container.NewGridWithColumns(5)
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.show = widget.NewButtonWithIcon(tr("Show the imported customers"), theme.AccountIcon(), s.showClients)
	s.show.Importance = widget.HighImportance
	s.undo = widget.NewButtonWithIcon(tr("Undo this import"), theme.ContentUndoIcon(), s.undoImport)
	s.again = widget.NewButtonWithIcon(tr("New import"), theme.ContentAddIcon(), w.reset)
	s.toCheck = widget.NewButtonWithIcon(tr("Back to the check"), theme.NavigateBackIcon(), func() { w.show(stepCheck) })
	s.resultBox = container.NewVBox(s.counts, s.message, container.NewHBox(s.show, s.undo, s.toCheck, s.again))
	s.root = container.NewVBox(s.title, widget.NewSeparator(), s.progress, s.resultBox, layout.NewSpacer())
	return s
}

func (s *importStep) content() fyne.CanvasObject { return s.root }
func (s *importStep) blocked() string            { return "" }
func (s *importStep) running() bool              { return s.state == importRunning }
func (s *importStep) done() bool                 { return s.state == importDone }

// enter starts the import the check described.
func (s *importStep) enter() {
	if s.state == importRunning {
		return
	}
	s.start()
}

// start commits the import off the UI goroutine with progress; the rows
// the check counted give the progress bar its end.
func (s *importStep) start() {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.state = importRunning
	s.result, s.ids = nil, nil
	lang := s.w.d.Lang
	total := 0
	if s.w.plan != nil {
		total = s.w.plan.Counts.Rows
	}
	req := s.w.request()
	var ids []int64
	req.OnRow = func(r importer.RowPlan) error {
		if r.CustomerID != 0 && (r.Action == importer.ActionCreate || r.Action == importer.ActionUpdate) {
			ids = append(ids, r.CustomerID)
		}
		return nil
	}
	imp := s.w.d.Importer
	s.title.SetText(tr("Importing %s…", baseName(s.w.path)))
	s.bar.SetValue(0)
	s.speed.SetText(tr("Starting…"))
	s.progress.Show()
	s.resultBox.Hide()
	s.stop.Enable()
	s.w.updateNav()
	s.w.work.Go(func() {
		res, err := imp.Commit(ctx, req, func(p importer.Progress) {
			s.w.work.Do(func() { s.showProgress(p, total, lang) })
		})
		cancel()
		s.w.work.Do(func() { s.finished(res, ids, err) })
	})
}

// showProgress shows rows done, the rate and the time left.
func (s *importStep) showProgress(p importer.Progress, total int, lang string) {
	if s.state != importRunning {
		return
	}
	switch {
	case p.Total > 0:
		total = p.Total
	case total == 0:
		total = p.Estimate
	}
	text := trn(lang, p.Done, "%s row", "%s rows", count(p.Done, lang))
	if total > 0 {
		s.bar.SetValue(min(1, float64(p.Done)/float64(total)))
		text = trn(lang, total, "%s of %s row", "%s of %s rows", count(p.Done, lang), count(total, lang))
	}
	if p.Rate > 0 {
		text += " · " + rowsPerSecond(p.Rate, lang)
		if total > p.Done {
			left := time.Duration(float64(total-p.Done) / p.Rate * float64(time.Second))
			text += " · " + tr("about %s left", roundDuration(left))
		}
	}
	s.speed.SetText(text)
}

func roundDuration(d time.Duration) string {
	if d < time.Minute {
		return (d.Round(time.Second) + time.Second).String()
	}
	return d.Round(time.Minute).String()
}

func (s *importStep) cancelImport() {
	if s.cancel != nil {
		s.stop.Disable()
		s.speed.SetText(tr("Cancelling: nothing is written…"))
		s.cancel()
	}
}

// finished shows the import's outcome.
func (s *importStep) finished(res *importer.Result, ids []int64, err error) {
	lang := s.w.d.Lang
	s.progress.Hide()
	s.resultBox.Show()
	s.counts.Objects = nil
	s.show.Hide()
	s.undo.Hide()
	s.toCheck.Show()
	switch {
	case errors.Is(err, context.Canceled):
		s.state = importCancelled
		s.title.SetText(tr("Import cancelled"))
		say(s.message, widget.WarningImportance, tr("Nothing was written: the customer file is exactly as it was before."))
	case err != nil:
		s.state = importFailed
		s.title.SetText(tr("The import failed"))
		say(s.message, widget.DangerImportance, userMessage(err, lang)+"\n"+tr("Nothing was written: the customer file is exactly as it was before."))
	case len(res.Refused) > 0:
		s.state = importFailed
		s.title.SetText(tr("The import failed"))
		say(s.message, widget.DangerImportance, problemText(res.Refused[0], lang))
	default:
		s.state = importDone
		s.result, s.ids = res, ids
		c := res.Counts
		s.title.SetText(tr("Import #%d done", res.Batch))
		s.counts.Objects = []fyne.CanvasObject{
			countBox(c.Created, trn(lang, c.Created, "created (one customer)", "created"), widget.SuccessImportance, lang),
			countBox(c.Updated, tr("updated"), widget.HighImportance, lang),
			countBox(c.Unchanged, trn(lang, c.Unchanged, "unchanged (one row)", "unchanged"), widget.MediumImportance, lang),
			countBox(c.Errors, trn(lang, c.Errors, "in error, left out (one row)", "in error, left out"), widget.DangerImportance, lang),
			countBox(c.Skipped, trn(lang, c.Skipped, "skipped (one row)", "skipped"), widget.LowImportance, lang),
		}
		msg := trn(lang, c.Rows, "%s row read in %s. You can undo this import here or from the list of past imports on step 1.",
			"%s rows read in %s. You can undo this import here or from the list of past imports on step 1.",
			count(c.Rows, lang), seconds(res.Duration, lang))
		if c.Warnings > 0 {
			msg += "\n" + trn(lang, c.Warnings, "%s warning was shown at the Check step.", "%s warnings were shown at the Check step.", count(c.Warnings, lang))
		}
		msg += decisionsText(res, lang)
		msg += backupText(res.Backup)
		say(s.message, widget.SuccessImportance, msg)
		s.toCheck.Hide()
		s.undo.Show()
		s.undo.Enable()
		if s.w.d.ShowClients != nil && len(ids) > 0 {
			s.show.Show()
		}
		if s.w.d.Refresh != nil {
			s.w.d.Refresh()
		}
		s.w.history.reload()
	}
	s.counts.Refresh()
	s.w.updateNav()
}

// undoImport undoes the import just done, after asking, and says so here.
func (s *importStep) undoImport() {
	res := s.result
	if res == nil {
		return
	}
	b := importer.Batch{ID: res.Batch, File: s.w.path, Counts: res.Counts}
	s.w.history.confirmUndo(b, func(u *importer.UndoResult) {
		if s.result == nil || s.result.Batch != u.Batch {
			return // another import started meanwhile
		}
		s.title.SetText(tr("Import #%d undone", u.Batch))
		say(s.message, widget.SuccessImportance, undoText(u, s.w.d.Lang))
		s.undo.Hide()
		s.show.Hide()
	})
}

func (s *importStep) showClients() {
	if s.result != nil && s.w.d.ShowClients != nil {
		s.w.d.ShowClients(s.result.Batch, s.ids)
	}
}

// seconds formats d as "1,2 s" (fr) or "1.2 s" (en).
func seconds(d time.Duration, lang string) string {
	s := strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "\u00a0s"
}

// decisionsText recalls what the user decided at the Check step: the rows
// left out and how the identity conflicts went.
func decisionsText(res *importer.Result, lang string) string {
	out := ""
	if n := len(res.Options.ExcludeLines); n > 0 {
		out += "\n" + trn(lang, n, "%s row left out by you.", "%s rows left out by you.", count(n, lang))
	}
	if c := res.Counts.Conflicts; c > 0 {
		taken := 0
		for _, k := range res.Conflicts {
			if k.Taken {
				taken++
			}
		}
		out += "\n" + trn(lang, c, "%s identity conflict: %s with the file’s code and name, %s with the stored ones.",
			"%s identity conflicts: %s with the file’s code and name, %s with the stored ones.", count(c, lang), count(taken, lang), count(c-taken, lang))
	}
	return out
}
