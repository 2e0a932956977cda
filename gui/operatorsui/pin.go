package operatorsui

import (
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

// After maxTries wrong PINs in a row the PIN step waits lockFor before the
// next try: a 4-digit PIN must not be found by trying them all at the
// till. (The PIN hash itself is what protects a copied file.)
const (
	maxTries  = 5
	lockFor   = 30 * time.Second
	maxPINLen = 12 // domain.CheckPIN: 4 to 12 digits
)

// pinGuard counts wrong PINs in a row and holds the lockout. It is used on
// the UI goroutine only.
type pinGuard struct {
	failures int
	until    time.Time
}

// sharedGuard is the process's: asking again ("Changer") or choosing
// another name does not start the count afresh.
var sharedGuard = &pinGuard{}

// clock is the time the lockout counts in; tests replace it with one they
// move by hand, and call the ticks themselves.
type clock struct {
	now func() time.Time
	// every calls f on the UI goroutine every d until stop is called.
	every func(d time.Duration, f func()) (stop func())
}

func realClock(work *uiwork.Runner) clock {
	return clock{now: time.Now, every: func(d time.Duration, f func()) func() {
		t := time.NewTicker(d)
		done := make(chan struct{})
		go func() {
			for {
				select {
				case <-t.C:
					work.Do(f)
				case <-done:
					return
				}
			}
		}()
		var once sync.Once
		return func() { once.Do(func() { t.Stop(); close(done) }) }
	}}
}

// showPIN is the second step for an operator with a PIN: the PIN, Enter
// or "Valider" to sign in, Back to the list.
func (s *signIn) showPIN(op domain.Operator, ops []domain.Operator) {
	s.choices = nil
	s.chosen = &op
	s.pin = newPINEntry()
	s.pin.OnSubmitted = func(string) { s.validate() }
	s.ok = widget.NewButtonWithIcon(tr("Sign in"), theme.ConfirmIcon(), s.validate)
	s.ok.Importance = widget.HighImportance
	s.back = widget.NewButtonWithIcon(tr("Back"), theme.NavigateBackIcon(), func() {
		if s.busy {
			return
		}
		s.status.SetText("")
		s.showList(ops)
	})
	name := widget.NewLabelWithStyle(op.Name+" ("+roleText(&op, s.lang)+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.body.Objects = []fyne.CanvasObject{container.NewVBox(name,
		wrapped(tr("Type your PIN, then press Enter.")),
		widget.NewForm(widget.NewFormItem(tr("PIN"), s.pin)))}
	s.body.Refresh()
	s.setButtons(s.back, s.ok)
	s.win.Canvas().Focus(s.pin)
	s.applyLock()
}

// validate signs in with the PIN typed, unless the lockout runs.
func (s *signIn) validate() {
	if s.busy || s.chosen == nil {
		return
	}
	if s.clock.now().Before(s.guard.until) {
		s.applyLock()
		return
	}
	if s.pin.Text == "" {
		s.status.SetText(tr("Type your PIN."))
		return
	}
	s.submit(*s.chosen, s.pin.Text)
}

// wrongPIN counts a refused PIN, says so, and starts the lockout at the
// maxTries-th in a row.
func (s *signIn) wrongPIN() {
	s.guard.failures++
	s.pin.SetText("")
	if s.guard.failures >= maxTries {
		s.guard.failures = 0
		s.guard.until = s.clock.now().Add(lockFor)
		s.applyLock()
		return
	}
	// The tries left change the text at each refusal, so that the second
	// wrong PIN does not look like the first one still on screen.
	left := maxTries - s.guard.failures
	s.status.SetText(domain.UserMessage(domain.ErrWrongPIN, s.lang) + "\n" +
		trn(s.lang, left, "%d more try before a 30 s wait.", "%d more tries before a 30 s wait.", left))
	s.win.Canvas().Focus(s.pin)
}

// applyLock greys out the PIN step while the lockout runs, with the
// seconds left on screen, and gives it back when it ends. The ticker calls
// it every second meanwhile.
func (s *signIn) applyLock() {
	if s.chosen == nil || s.busy {
		s.stopLockTicker()
		return
	}
	left := s.guard.until.Sub(s.clock.now())
	if left <= 0 {
		s.stopLockTicker()
		if s.locked {
			s.locked = false
			s.status.SetText("")
			s.ok.Enable()
			s.pin.Enable()
			s.win.Canvas().Focus(s.pin)
		}
		return
	}
	s.locked = true
	s.ok.Disable()
	s.pin.Disable()
	secs := int((left + time.Second - 1) / time.Second)
	s.status.SetText(tr("%d wrong PINs in a row: wait %d s before the next try.", maxTries, secs))
	if s.stopTick == nil {
		s.stopTick = s.clock.every(time.Second, s.applyLock)
	}
}

func (s *signIn) stopLockTicker() {
	if s.stopTick != nil {
		s.stopTick()
		s.stopTick = nil
	}
}

// pinEntry is a password entry that takes digits only, up to maxPINLen.
type pinEntry struct {
	widget.Entry
}

func newPINEntry() *pinEntry {
	e := &pinEntry{}
	e.Password = true
	e.ExtendBaseWidget(e)
	// A paste may bring other characters: keep the digits.
	e.OnChanged = func(text string) {
		if d := digitsOnly(text); d != text {
			e.SetText(d)
		}
	}
	return e
}

// TypedRune ignores what is not a digit, and digits beyond the longest PIN.
func (e *pinEntry) TypedRune(r rune) {
	if r >= '0' && r <= '9' && len(e.Text) < maxPINLen {
		e.Entry.TypedRune(r)
	}
}

func digitsOnly(s string) string {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	if len(d) > maxPINLen {
		d = d[:maxPINLen]
	}
	return d
}
