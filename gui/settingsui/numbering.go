package settingsui

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/domain"
)

// previewDelay is how long typing pauses before the next code is asked
// for: one question per pause, not one per key.
const previewDelay = 250 * time.Millisecond

// numbering is the section of the customer codes: prefix and whole
// length, the next code as a preview, and Save.
func (w *window) numbering() fyne.CanvasObject {
	prefix, length := widget.NewEntry(), widget.NewEntry()
	prefix.SetPlaceHolder("C")
	length.SetPlaceHolder("8")
	preview := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	problem := newNote()
	note := newNote()
	p := &previewer{w: w, preview: preview, problem: problem, wait: debouncer{work: w.work}}
	onChange := func(string) { p.ask(prefix.Text, length.Text, previewDelay) }

	save := widget.NewButtonWithIcon(tr("Save"), theme.DocumentSaveIcon(), func() {
		rule, bad := readRule(prefix.Text, length.Text)
		if bad != "" {
			note.Importance = widget.DangerImportance
			note.SetText(bad)
			note.Show()
			return
		}
		var next string
		w.save(note, "", func(ctx context.Context) error {
			if err := w.svc.SetNumberingRule(ctx, rule); err != nil {
				return err
			}
			next, _ = w.svc.NextCode(ctx, rule)
			return nil
		}, func(err error) {
			if err == nil {
				w.say(note, nil, tr("Saved: the next new customer gets code %s.", next))
			}
		})
	})
	save.Importance = widget.HighImportance

	load(w, note, w.svc.Settings, func(st domain.Settings) {
		prefix.SetText(st.Numbering.Prefix)
		length.SetText(strconv.Itoa(st.Numbering.Length))
		prefix.OnChanged, length.OnChanged = onChange, onChange
		p.ask(prefix.Text, length.Text, 0)
	})

	fields := container.NewGridWithColumns(2,
		field(tr("Prefix"), prefix, tr("Up to 10 letters, digits, “-”, “_” or “.”, without spaces or accents: C, CLI-, WEB.")),
		field(tr("Length"), length, tr("Characters in the whole code, prefix included: 8 gives C0000001.")),
	)
	// The preview fills the line: a label in an HBox keeps the width of
	// its first text when another arrives.
	next := container.NewBorder(nil, nil, widget.NewLabel(tr("Next new customer:")), nil, preview)
	return scrolled(
		hint(tr("Each new customer gets the next code of the sequence, written with the prefix and padded with zeros to the length.")),
		fields,
		next, problem,
		container.NewHBox(save), note,
		widget.NewSeparator(),
		dim(hint(tr("Existing customers keep their codes: a new rule only applies to customers created from now on. The sequence carries on where it is, so no code is ever handed out twice, and a rule without room for the customers to come is refused."))),
	)
}

// readRule reads the typed prefix and length, or says what is expected.
func readRule(prefix, length string) (domain.NumberingRule, string) {
	n, err := strconv.Atoi(strings.TrimSpace(length))
	if err != nil {
		return domain.NumberingRule{}, tr("The length is a whole number of characters, for example 10.")
	}
	return domain.NumberingRule{Prefix: strings.TrimSpace(prefix), Length: n}, ""
}

// previewer shows the next code under the rule being typed. The service
// computes it (codes already taken are skipped), off the UI goroutine,
// once typing pauses; an answer that a later keystroke made stale is
// dropped.
type previewer struct {
	w       *window
	preview *widget.Label
	problem *widget.Label
	wait    debouncer
	mu      sync.Mutex
	asked   int
}

// ask shows the next code under the rule typed, after delay unless asked
// again meanwhile.
func (p *previewer) ask(prefix, length string, delay time.Duration) {
	p.mu.Lock()
	p.asked++
	seq := p.asked
	p.mu.Unlock()
	p.wait.call(delay, func() {
		rule, bad := readRule(prefix, length)
		code, err := "", error(nil)
		if bad == "" {
			code, err = p.w.svc.NextCode(context.Background(), rule)
		}
		p.w.work.Do(func() {
			p.mu.Lock()
			stale := seq != p.asked
			p.mu.Unlock()
			if stale {
				return
			}
			switch {
			case bad != "":
				p.preview.SetText("—")
				p.problem.Importance = widget.DangerImportance
				p.problem.SetText(bad)
				p.problem.Show()
			case err != nil:
				p.preview.SetText("—")
				p.w.say(p.problem, err, "")
			default:
				p.preview.SetText(code)
				p.problem.Hide()
			}
		})
	})
}

// debouncer runs the last of a burst of calls once they pause. The
// pending call counts as the Runner's work, so tests wait for it.
type debouncer struct {
	work  *uiwork.Runner
	mu    sync.Mutex
	timer *time.Timer
}

// call runs fn (off the UI goroutine) after delay, unless called again
// meanwhile.
func (d *debouncer) call(delay time.Duration, fn func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && d.timer.Stop() {
		d.work.Done() // the call it replaces will not run
	}
	d.work.Add()
	d.timer = time.AfterFunc(delay, func() {
		defer d.work.Done()
		fn()
	})
}
