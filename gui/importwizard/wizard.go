// Package importwizard is the Import tab: the five-step wizard that brings
// customers in from a spreadsheet (DESIGN §1 "Import tab"), the list of
// past imports with Undo, and the template download. It calls only the
// importer's API; all its work runs off the UI goroutine (DESIGN §2).
package importwizard

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/importer"
)

// Deps is what the wizard needs from the window.
type Deps struct {
	Window   fyne.Window
	Importer *importer.Importer
	Lang     string // "fr" | "en": field labels, engine messages, numbers and dates
	// ShowClients shows the customers an import wrote: batch is the
	// import's number, ids the customers it created or updated (every one,
	// in file order). Nil hides the button.
	ShowClients func(batch int64, ids []int64)
	// Refresh reloads the window's lists after an import or an undo.
	Refresh func()
	// Preferences keeps the recent files; nil uses the current app's.
	Preferences fyne.Preferences
	// Work runs the wizard's reading, checks, imports and undos off the UI
	// goroutine: the window's own Runner, so that its results and the
	// wizard's never mix and tests wait for both at once; the caller holds
	// its UI lock while calling New. Nil: the wizard has a Runner of its own.
	Work *uiwork.Runner
	// Sites gives the codes of the file's sites and the current one, for
	// the check step's site choice; nil (or one site) hides it.
	Sites func() (codes []string, current string)
}

// The wizard's steps, in order.
const (
	stepFile = iota
	stepReading
	stepMapping
	stepCheck
	stepImport
	stepCount
)

// step is one page of the wizard.
type step interface {
	content() fyne.CanvasObject
	// enter is called each time the step is shown.
	enter()
	// blocked says why Next is not allowed yet ("" when it is).
	blocked() string
}

// Wizard is the Import tab.
type Wizard struct {
	d    Deps
	work *uiwork.Runner // runs the background work and brings its results to the UI goroutine

	// The import being prepared, changed on the UI goroutine only; work
	// started in the background receives copies.
	path     string
	settings importer.Settings
	auto     importer.Detected // what the reader found with nothing forced
	preview  *importer.Preview
	// previewRows is how many rows the preview reads (0: the engine's
	// default); "Show more rows" raises it.
	previewRows int
	mapping     importer.Mapping
	options     importer.Options
	plan        *importer.Plan

	current int
	steps   [stepCount]step
	file    *fileStep
	reading *readingStep
	mapper  *mappingStep
	check   *checkStep
	commit  *importStep
	history *historyPanel

	title     *widget.Label
	indicator []*widget.Label
	body      *fyne.Container
	back      *widget.Button
	next      *widget.Button
	why       *widget.Label // why Next is disabled
	root      fyne.CanvasObject
	// holding counts the undos and error exports under way (UI goroutine
	// only): like an import, they use the customer file until they end.
	holding int
}

// New builds the wizard on step 1.
func New(d Deps) *Wizard {
	if d.Lang != "en" {
		d.Lang = "fr"
	}
	if d.Preferences == nil && fyne.CurrentApp() != nil {
		d.Preferences = fyne.CurrentApp().Preferences()
	}
	w := &Wizard{d: d, work: d.Work, options: importer.DefaultOptions()}
	// Hold the UI lock while building: the journal starts loading here and
	// its result must not reach half-built widgets (see uiwork.Runner). A
	// shared lock is already held by the window building around us.
	if w.work == nil {
		w.work = uiwork.New()
		w.work.Lock()
		defer w.work.Unlock()
	}
	w.history = newHistoryPanel(w)
	w.file = newFileStep(w)
	w.reading = newReadingStep(w)
	w.mapper = newMappingStep(w)
	w.check = newCheckStep(w)
	w.commit = newImportStep(w)
	w.steps = [stepCount]step{w.file, w.reading, w.mapper, w.check, w.commit}

	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.title.SizeName = theme.SizeNameSubHeadingText
	names := []string{tr("File"), tr("Reading"), tr("Mapping"), tr("Check"), tr("Import")}
	indicator := container.NewHBox()
	for i, n := range names {
		if i > 0 {
			indicator.Add(widget.NewLabel("·"))
		}
		l := widget.NewLabel(strconv.Itoa(i+1) + " " + n)
		w.indicator = append(w.indicator, l)
		indicator.Add(l)
	}
	w.back = widget.NewButtonWithIcon(tr("Back"), theme.NavigateBackIcon(), w.goBack)
	w.next = widget.NewButtonWithIcon(tr("Next"), theme.NavigateNextIcon(), w.goNext)
	w.next.Importance = widget.HighImportance
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.why = widget.NewLabel("")
	w.why.Importance = widget.WarningImportance
	w.why.Wrapping = fyne.TextWrapWord
	w.body = container.NewStack()
	top := container.NewVBox(container.NewHBox(w.title, layout.NewSpacer(), indicator), widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, w.back, w.next, w.why))
	w.root = container.NewBorder(top, bottom, nil, nil, w.body)
	w.show(stepFile)
	w.history.reload()
	return w
}

// Content is the Import tab's content.
func (w *Wizard) Content() fyne.CanvasObject { return w.root }

// OpenFile reads path and, when it can be read, moves on to the Reading
// step; otherwise step 1 shows the engine's message (which says what to do).
// The window's drop handler and the Browse button call it.
func (w *Wizard) OpenFile(path string) {
	if w.current == stepImport && w.commit.running() {
		return // an import is being written: a dropped file must not cancel it
	}
	w.stopWork()
	w.path = path
	w.settings = importer.Settings{}
	w.auto = importer.Detected{}
	w.previewRows = 0
	w.preview, w.mapping, w.plan = nil, nil, nil
	w.options = importer.DefaultOptions()
	w.check.restart()
	w.history.clearMessage()
	w.show(stepFile)
	w.file.reading(path)
	w.loadPreview(func(err error) {
		if err != nil {
			w.file.failed(path, err)
			return
		}
		rememberRecent(w.d.Preferences, path)
		w.file.refreshRecent()
		w.show(stepReading)
	})
}

// HandleDrop opens the first file dropped on the window: pass it to
// Window.SetOnDropped (the caller may wrap it to select the Import tab).
func (w *Wizard) HandleDrop(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			w.OpenFile(u.Path())
			return
		}
	}
}

// Busy reports whether the wizard writes to the customer file or holds it
// (an import, its check, an undo, an export of the rows in error): the
// file must not be closed meanwhile.
func (w *Wizard) Busy() bool { return w.commit.running() || w.check.busy || w.holding > 0 }

// Wait blocks until the wizard's background work is done or timeout
// passes, and reports whether it is: tests call it instead of sleeping.
func (w *Wizard) Wait(timeout time.Duration) bool { return w.work.Wait(timeout) }

// show makes step i the visible one.
func (w *Wizard) show(i int) {
	w.current = i
	titles := []string{
		tr("Step 1 of 5 — Choose the file"),
		tr("Step 2 of 5 — Check how the file is read"),
		tr("Step 3 of 5 — Match the columns to the customer fields"),
		tr("Step 4 of 5 — Check what the import will do"),
		tr("Step 5 of 5 — Import"),
	}
	w.title.SetText(titles[i])
	for j, l := range w.indicator {
		switch {
		case j == i:
			l.TextStyle = fyne.TextStyle{Bold: true}
			l.Importance = widget.HighImportance
		case j < i:
			l.TextStyle = fyne.TextStyle{}
			l.Importance = widget.MediumImportance
		default:
			l.TextStyle = fyne.TextStyle{}
			l.Importance = widget.LowImportance
		}
		l.Refresh()
	}
	w.body.Objects = []fyne.CanvasObject{w.steps[i].content()}
	w.body.Refresh()
	w.steps[i].enter()
	w.updateNav()
}

// updateNav enables Back and Next for the current step and says why Next
// is not allowed.
func (w *Wizard) updateNav() {
	s := w.steps[w.current]
	reason := s.blocked()
	w.why.SetText(reason)
	if reason == "" {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
	w.next.Show()
	w.back.Show()
	switch w.current {
	case stepFile:
		w.back.Hide()
		w.why.SetText("") // the drop zone says what to do
		if w.preview == nil {
			w.next.Hide()
		}
	case stepCheck:
		w.next.SetText(tr("Import now"))
	case stepImport:
		w.next.Hide()
		if w.commit.running() || w.commit.done() {
			w.back.Hide()
		}
	}
	if w.current != stepCheck {
		w.next.SetText(tr("Next"))
	}
}

func (w *Wizard) goBack() {
	if w.current > stepFile {
		if w.current == stepCheck {
			w.check.leave()
		}
		w.show(w.current - 1)
	}
}

func (w *Wizard) goNext() {
	if w.current < stepImport && w.steps[w.current].blocked() == "" {
		if w.current == stepCheck {
			w.check.leave()
		}
		w.show(w.current + 1)
	}
}

// reset starts a new import on step 1.
func (w *Wizard) reset() {
	w.stopWork()
	w.path = ""
	w.preview, w.mapping, w.plan = nil, nil, nil
	w.options = importer.DefaultOptions()
	w.check.restart()
	w.history.clearMessage()
	w.file.clear()
	w.show(stepFile)
}

// stopWork cancels a running preview or check: their results no longer
// matter once the file changes.
func (w *Wizard) stopWork() {
	w.reading.task.stop()
	w.check.task.stop()
}

// request is the import as prepared so far.
func (w *Wizard) request() importer.Request {
	return importer.Request{
		Path:     w.path,
		Settings: w.settings,
		Mapping:  append(importer.Mapping(nil), w.mapping...),
		Options:  cloneOptions(w.options),
		Profile:  w.mapper.profileName(),
		Lang:     w.d.Lang,
	}
}

func cloneOptions(o importer.Options) importer.Options {
	o.Protected = append([]string(nil), o.Protected...)
	o.ExcludeLines = append([]int(nil), o.ExcludeLines...)
	o.IdentityLines = append([]int(nil), o.IdentityLines...)
	return o
}

// layoutOptions are o without the choices made for one file's rows (rows
// left out, identity conflicts decided one by one): what a profile keeps
// for the next file with the same columns.
func layoutOptions(o importer.Options) importer.Options {
	o = cloneOptions(o)
	o.ExcludeLines, o.IdentityLines = nil, nil
	return o
}

// say shows text on a status label with the importance that colours it
// (success, warning, danger…).
func say(l *widget.Label, imp widget.Importance, text string) {
	l.Importance = imp
	l.SetText(text)
}
