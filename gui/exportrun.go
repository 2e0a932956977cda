package gui

// The export dialog's run: the file chosen through Fyne's save dialog,
// the export off the UI goroutine with its progress and Cancel, and what
// it says at the end.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/format"
)

// suggestedName is the file name the save dialog offers for f.
func suggestedName(f export.Format) string {
	base := lang.L("customers")
	switch f {
	case export.FormatCSV1252:
		base = lang.L("customers-old-excel")
	case export.FormatAccounts:
		base = lang.L("customers-accounts")
	case export.FormatMailing:
		base = lang.L("mail-merge")
	case export.FormatVCard:
		base = lang.L("contacts")
	case export.FormatLabels:
		base = lang.L("labels")
	}
	return base + f.Extension()
}

// chooseFile asks where to write with Fyne's save dialog, then exports.
func (d *exportDialog) chooseFile() {
	// The export writes the file itself: Fyne's writer must not empty an
	// existing file first (Run installs this; tests build the window
	// without Run).
	uikit.InstallSafeSaves()
	fd := dialog.NewFileSave(d.fileChosen, d.u.win)
	fd.SetFileName(suggestedName(d.chosenFormat()))
	uikit.ShowFileDialog(fd, d.u.win, lang.L("Save the export"))
}

// fileChosen is the save dialog's answer.
func (d *exportDialog) fileChosen(wc fyne.URIWriteCloser, err error) {
	if err != nil {
		d.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
		return
	}
	if wc == nil {
		return // the save dialog was closed
	}
	target := takeSaveTarget(wc)
	if isDatabaseFile(target.path, d.u.svc.Path()) {
		target.clear()
		d.say(widget.DangerImportance, lang.L("That is the customer database itself: the export would destroy it. Choose another name."))
		return
	}
	d.startExport(target, d.request())
}

// run exports the current choices to path, without the save dialog.
func (d *exportDialog) run(path string) { d.startExport(saveTarget{path: path}, d.request()) }

// startExport runs req to target off the UI goroutine, with the progress
// bar and Cancel.
func (d *exportDialog) startExport(target saveTarget, req export.Request) {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.lastPath = target.path
	for _, w := range []fyne.Disableable{d.scope, d.group, d.format, d.refused} {
		w.Disable()
	}
	d.asUTF8.Hide()
	d.progress.SetValue(0)
	d.progress.Show()
	d.say(widget.MediumImportance, fmt.Sprintf(lang.L("Exporting to %s…"), filepath.Base(target.path)))
	d.showButtons(true)
	d.update()
	work := d.u.work
	req.OnProgress = func(done, total int) {
		work.Do(func() {
			if total > 0 && d.cancel != nil {
				d.progress.SetValue(float64(done) / float64(total))
			}
		})
	}
	ex, hold := d.ex, exportStarting
	work.Go(func() {
		defer cancel()
		if hold != nil {
			hold(ctx)
		}
		res, err := ex.Export(ctx, target.path, req)
		if err != nil && ctx.Err() != nil {
			err = context.Canceled // whatever the step the cancel cut short
		}
		if err != nil {
			target.clear()
		}
		work.Do(func() { d.finished(target.path, res, err) })
	})
}

// stop is Cancel: the export stops at its next look at the cancel and
// writes nothing.
func (d *exportDialog) stop() {
	if d.cancel == nil {
		return
	}
	d.cancel()
	d.cancelRun.Disable()
	d.say(widget.MediumImportance, lang.L("Cancelling…"))
}

// finished says how the export ended.
func (d *exportDialog) finished(path string, res export.Result, err error) {
	d.cancel = nil
	d.progress.Hide()
	d.scope.Enable()
	d.format.Enable()
	d.refused.Enable()
	if len(d.groups) > 0 {
		d.group.Enable()
	}
	d.showButtons(false)
	d.update()
	var unencodable *export.UnencodableError
	switch {
	case errors.Is(err, context.Canceled):
		d.say(widget.WarningImportance, lang.L("Export cancelled: no file was written."))
	case errors.As(err, &unencodable):
		d.asUTF8.Show()
		d.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
	case err != nil:
		d.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
	default:
		d.say(widget.SuccessImportance, resultText(res, path))
		// The next export starts from the format that worked.
		d.u.app.Preferences().SetString(prefExportFormat, string(res.Format))
	}
}

// resultText says how many customers went to file (its whole path: the
// user has to find it) and how many were left out, and why.
func resultText(res export.Result, path string) string {
	text := plural(res.Written, "%s customer written to %s.", "%s customers written to %s.", format.Count(res.Written, uiLang), path)
	if n := res.SkippedCount(); n > 0 {
		reasons := make([]string, len(res.Skipped))
		for i, s := range res.Skipped {
			reasons[i] = skipText(s)
		}
		text += "\n" + plural(n, "%s customer left out: %s.", "%s customers left out: %s.", format.Count(n, uiLang), strings.Join(reasons, ", "))
	}
	return text
}

// skipText is one reason customers were left out, with their count: "12
// sans e-mail", "1 a refusé la prospection".
func skipText(s export.Skip) string {
	n := format.Count(s.Count, uiLang)
	if s.Reason == export.SkipRefused {
		// The service's text is a plural verb ("ont refusé"): one
		// customer takes the singular.
		return plural(s.Count, "%s refused marketing (one customer)", "%s refused marketing", n)
	}
	return n + " " + s.Message.In(uiLang)
}

// retryAsUTF8 exports again as CSV UTF-8 beside the refused file, after
// Windows-1252 could not hold some characters.
func (d *exportDialog) retryAsUTF8() {
	d.format.SetSelected(export.FormatCSV.Label(uiLang))
	d.startExport(saveTarget{path: utf8Path(d.lastPath)}, d.request())
}

// utf8Path is where the CSV UTF-8 retry of path goes: the name offered for
// a CSV UTF-8 when path is the one offered for old Excel (which would
// mislead), else path itself when it is a .csv (nothing was written
// there), else the same name in .csv; never over a file that exists and
// that the user did not choose.
func utf8Path(path string) string {
	dir, name := filepath.Split(path)
	if name == suggestedName(export.FormatCSV1252) {
		if other := filepath.Join(dir, suggestedName(export.FormatCSV)); !fileExists(other) {
			return other
		}
	}
	ext := filepath.Ext(path)
	if strings.EqualFold(ext, ".csv") {
		return path
	}
	if csv := strings.TrimSuffix(path, ext) + ".csv"; !fileExists(csv) {
		return csv
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// saveTarget is the file the save dialog chose. Fyne opens it for writing
// before handing it over, but the export writes it itself, whole or not
// at all, so that writer is dropped at once. leftover is set when Fyne's
// writer wrote the chosen file in place (Fyne's own repository, where
// Carnet's whole-file one could not be installed): the file was then
// created, or emptied, and must not stay empty when the export writes
// nothing.
type saveTarget struct {
	path     string
	leftover bool
}

// takeSaveTarget drops the save dialog's writer and notes what it left.
func takeSaveTarget(wc fyne.URIWriteCloser) saveTarget {
	t := saveTarget{path: wc.URI().Path()}
	if f, ok := wc.(interface{ Name() string }); ok && filepath.Clean(f.Name()) == filepath.Clean(t.path) {
		t.leftover = true
	}
	uikit.Discard(wc)
	return t
}

// clear removes the empty file the save dialog left, after an export that
// wrote nothing in its place. A file with content is never removed.
func (t saveTarget) clear() {
	if !t.leftover {
		return
	}
	if st, err := os.Stat(t.path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		_ = os.Remove(t.path)
	}
}

// isDatabaseFile reports whether path is the customer database at db or
// one of SQLite's files beside it.
func isDatabaseFile(path, db string) bool {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		a, b := filepath.Clean(path), filepath.Clean(db+suffix)
		if a == b {
			return true
		}
		sa, errA := os.Stat(a)
		sb, errB := os.Stat(b)
		if errA == nil && errB == nil && os.SameFile(sa, sb) {
			return true
		}
	}
	return false
}
