package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/shopsync"
)

// The dry run and the sync, off the UI goroutine, with a progress bar and
// Cancel. The sync is offered once a dry run has shown what it will do
// with the shop, files and settings shown: change any of them and the dry
// run must be made again.

// syncRunner runs dry runs and syncs and shows their outcome.
type syncRunner struct {
	t *syncTab

	dryRun, runSync, stop *widget.Button
	bar                   *widget.ProgressBar
	progress              *fyne.Container
	status                *widget.Label
	controls              fyne.CanvasObject

	cancel context.CancelFunc // set while one runs
	// tested is what the last dry run was made on (inputsKey); "" none.
	tested string
	// synced is what the last sync was made on: the same again would
	// change nothing.
	synced string
	// writes: the last dry run found something to write; else there is
	// nothing to synchronise.
	writes bool
	result *syncResultView
}

func newSyncRunner(t *syncTab) *syncRunner {
	r := &syncRunner{t: t}
	r.dryRun = widget.NewButtonWithIcon(lang.L("Dry run"), theme.VisibilityIcon(), func() { r.start(false) })
	r.dryRun.Importance = widget.HighImportance
	r.runSync = widget.NewButtonWithIcon(lang.L("Synchronise"), theme.MediaPlayIcon(), func() { r.start(true) })
	r.stop = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), r.cancelRun)
	r.stop.Importance = widget.DangerImportance
	r.bar = widget.NewProgressBar()
	r.progress = container.NewBorder(nil, nil, nil, r.stop, r.bar)
	r.progress.Hide()
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.result = newSyncResultView(t)
	r.controls = container.NewVBox(container.NewBorder(nil, nil, container.NewCenter(container.NewHBox(r.dryRun, r.runSync)), nil, r.status), r.progress)
	r.inputsChanged()
	return r
}

// running reports whether a dry run or a sync is under way.
func (r *syncRunner) running() bool { return r.cancel != nil }

// inputsKey names what a sync depends on: the shop, the files and the
// settings shown.
func (r *syncRunner) inputsKey() string {
	s, err := r.t.form.settings()
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%q|%+v", r.t.shop(), r.t.files, s)
}

// inputsChanged enables what can be pressed and says what is missing.
func (r *syncRunner) inputsChanged() {
	if r.running() {
		return
	}
	set, formErr := r.t.form.settings()
	if formErr == nil {
		formErr = set.Check() // settings that cannot work: the preview says why
	}
	generic := r.t.shop() == shopsync.ShopGeneric
	canRun := len(r.t.files) > 0 && !generic && formErr == nil
	key := r.inputsKey()
	fresh := canRun && r.tested != "" && r.tested == key
	// The result shown is of exactly what is chosen: a dry run again
	// would show the same (a file exported again is added again).
	setEnabled(r.dryRun, canRun && !fresh)
	setEnabled(r.runSync, fresh && r.synced != key && r.writes)
	// The next step stands out.
	r.dryRun.Importance, r.runSync.Importance = widget.HighImportance, widget.MediumImportance
	if !r.runSync.Disabled() {
		r.dryRun.Importance, r.runSync.Importance = widget.MediumImportance, widget.HighImportance
	}
	r.dryRun.Refresh()
	r.runSync.Refresh()
	switch {
	case generic:
		r.say(widget.LowImportance, lang.L("A generic file is imported in the Import tab."))
	case len(r.t.files) == 0:
		r.say(widget.LowImportance, lang.L("Choose the shop’s export files, then make a dry run: it writes nothing."))
	case formErr != nil:
		r.say(widget.DangerImportance, formError(formErr))
	case r.tested != "" && !fresh:
		r.say(widget.WarningImportance, lang.L("The shop, the files or the settings changed since the dry run: make it again before synchronising."))
	case r.tested == "":
		r.say(widget.LowImportance, lang.L("Make a dry run first: it shows what the sync will do and writes nothing."))
	}
}

// forget drops what the last dry run and sync were made on: the files may
// have been exported again under the same names.
func (r *syncRunner) forget() {
	r.tested, r.synced = "", ""
}

// undone is told that sync batch was undone: the same files can be
// synchronised again, and a result of that sync says it no longer holds.
func (r *syncRunner) undone(batch int64) {
	r.synced = ""
	r.inputsChanged()
	if r.result.undone(batch) {
		r.say(widget.MediumImportance, fmt.Sprintf(lang.L("Sync #%d undone"), batch)+".")
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// start runs a dry run, or the sync when commit is set, off the UI
// goroutine; progress comes back through the UI lock.
func (r *syncRunner) start(commit bool) {
	if r.running() {
		return
	}
	set, err := r.t.form.settings()
	if err != nil {
		r.say(widget.DangerImportance, formError(err))
		return
	}
	key := r.inputsKey()
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	work, syncer := r.t.u.work, r.t.syncer
	req := shopsync.Request{Shop: r.t.shop(), Files: append([]string(nil), r.t.files...), Settings: set,
		OnProgress: func(done, total int) { work.Do(func() { r.showProgress(done, total) }) }}
	r.dryRun.Disable()
	r.runSync.Disable()
	r.t.showFiles() // without Add and Remove while it runs
	r.stop.Enable()
	r.bar.SetValue(0)
	r.progress.Show()
	if commit {
		r.say(widget.MediumImportance, lang.L("Synchronising…"))
	} else {
		r.say(widget.MediumImportance, lang.L("Dry run: reading the files…"))
	}
	work.Go(func() {
		var plan *shopsync.Plan
		var err error
		if commit {
			plan, err = syncer.Run(ctx, req)
		} else {
			plan, err = syncer.DryRun(ctx, req)
		}
		cancel()
		work.Do(func() { r.finished(commit, key, plan, err) })
	})
}

func (r *syncRunner) showProgress(done, total int) {
	if !r.running() {
		return
	}
	if total > 0 {
		r.bar.SetValue(min(1, float64(done)/float64(total)))
		r.status.SetText(fmt.Sprintf(lang.L("%s of %s customers"), format.Count(done, uiLang), format.Count(total, uiLang)))
	}
}

// cancelRun is Cancel: a sync cancelled writes nothing.
func (r *syncRunner) cancelRun() {
	if r.cancel != nil {
		r.stop.Disable()
		r.say(widget.MediumImportance, lang.L("Cancelling: nothing is written…"))
		r.cancel()
	}
}

// finished shows the outcome; after a sync the customer list and the
// history are read again.
func (r *syncRunner) finished(commit bool, key string, plan *shopsync.Plan, err error) {
	r.cancel = nil
	r.progress.Hide()
	r.t.showFiles() // Add a file again
	switch {
	case errors.Is(err, context.Canceled):
		r.inputsChanged()
		if commit {
			r.say(widget.WarningImportance, lang.L("Sync cancelled: nothing was written, the customer file is as it was."))
		} else {
			r.say(widget.WarningImportance, lang.L("Dry run cancelled."))
		}
	case err != nil:
		r.tested = ""
		r.inputsChanged()
		r.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
	case commit:
		r.synced = key
		r.inputsChanged()
		r.result.show(plan)
		r.t.below.Select(r.t.resultItem)
		r.say(widget.SuccessImportance, fmt.Sprintf(lang.L("Sync #%d written. To undo it, see Past syncs."), plan.Batch))
		r.t.u.Refresh()
		r.t.history.reload()
	default:
		c := plan.Counts
		r.tested, r.writes = key, c.Created+c.Attached+c.Updated+c.Orders > 0
		r.inputsChanged()
		r.result.show(plan)
		r.t.below.Select(r.t.resultItem)
		if r.writes {
			r.say(widget.MediumImportance, lang.L("If the dry run’s result suits you, synchronise to write it."))
		} else {
			r.say(widget.WarningImportance, lang.L("Nothing to write: every customer is refused or already up to date."))
		}
	}
}

func (r *syncRunner) say(imp widget.Importance, text string) {
	r.status.Importance = imp
	r.status.SetText(text)
}
