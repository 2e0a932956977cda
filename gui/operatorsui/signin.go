package operatorsui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/domain"
	"carnet/internal/service"
)

// AskOperator asks who is working: a modal listing the active operators,
// then the PIN of the one chosen when they have one. It cannot be closed
// without choosing (the window is not usable without an operator when
// operators are on), so it offers Quit. signedIn runs on the UI goroutine
// once the service has signed the operator in.
func AskOperator(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string, signedIn func(*domain.Operator)) {
	newSignIn(parent, svc, work, lang, signedIn, realClock(work), sharedGuard, func() { fyne.CurrentApp().Quit() }).start()
}

// signIn is one "Who is working?" dialog.
type signIn struct {
	win      fyne.Window
	svc      *service.Service
	work     *uiwork.Runner
	lang     string
	signedIn func(*domain.Operator)
	quit     func()
	clock    clock
	guard    *pinGuard

	d *dialog.CustomDialog
	// body holds the current step: loading, the list, or the PIN.
	body *fyne.Container
	// status says what went wrong (a wrong PIN, a refused sign-in).
	status *widget.Label
	busy   bool

	// The list step.
	choices []*widget.Button

	// The PIN step.
	chosen   *domain.Operator
	pin      *pinEntry
	ok, back *widget.Button
	locked   bool // the lockout greys out the PIN step
	stopTick func()
}

func newSignIn(parent fyne.Window, svc *service.Service, work *uiwork.Runner, lang string,
	signedIn func(*domain.Operator), c clock, g *pinGuard, quit func()) *signIn {
	s := &signIn{win: parent, svc: svc, work: work, lang: lang, signedIn: signedIn, quit: quit, clock: c, guard: g}
	s.status = widget.NewLabel("")
	s.status.Importance = widget.DangerImportance
	s.status.Wrapping = fyne.TextWrapWord
	s.body = container.NewStack(widget.NewLabel(tr("Loading…")))
	s.d = dialog.NewCustomWithoutButtons(tr("Who is working?"), container.NewVBox(s.body, s.status), parent)
	return s
}

// start shows the dialog and loads the operators off the UI goroutine.
func (s *signIn) start() {
	s.setButtons(s.quitButton())
	s.d.Resize(fyne.NewSize(520, 0)) // as high as its content
	s.d.Show()
	s.load()
}

func (s *signIn) load() {
	svc := s.svc
	s.work.Go(func() {
		ops, err := svc.Operators(context.Background())
		s.work.Do(func() {
			if err != nil {
				s.status.SetText(tr("Carnet could not read the operators: %s", domain.UserMessage(err, s.lang)))
				retry := widget.NewButtonWithIcon(tr("Try again"), theme.ViewRefreshIcon(), func() {
					s.status.SetText("")
					s.load()
				})
				s.setButtons(s.quitButton(), retry)
				return
			}
			s.showList(ops)
		})
	})
}

// showList is the first step: one large button per active operator.
func (s *signIn) showList(ops []domain.Operator) {
	s.stopLockTicker()
	s.chosen = nil
	s.choices = nil
	for i := range ops {
		if ops[i].Archived {
			continue
		}
		op := ops[i]
		b := widget.NewButtonWithIcon(op.Name, theme.AccountIcon(), func() { s.choose(op, ops) })
		b.Alignment = widget.ButtonAlignLeading
		s.choices = append(s.choices, b)
	}
	var list fyne.CanvasObject
	if len(s.choices) == 0 {
		// Settings keep an active owner whenever operators are on; this
		// only shows on a file changed by hand.
		list = wrapped(tr("No active operator: turn operators off from the command line (carnet settings), or ask whoever set up this customer file."))
	} else {
		objs := make([]fyne.CanvasObject, len(s.choices))
		for i, b := range s.choices {
			objs[i] = b
		}
		// One name a line, full width, so that a long name fits; beyond
		// a few, the list scrolls inside a dialog of fixed height.
		rows := container.New(tallRows{}, objs...)
		list = rows
		if len(objs) > visibleChoices {
			scroll := container.NewVScroll(rows)
			scroll.SetMinSize(fyne.NewSize(0, float32(visibleChoices)*(choiceHeight+theme.Padding())))
			list = scroll
		}
	}
	s.body.Objects = []fyne.CanvasObject{container.NewBorder(wrapped(tr("Choose your name to start.")), nil, nil, nil, list)}
	s.body.Refresh()
	s.setButtons(s.quitButton())
}

// choose signs in an operator without a PIN at once, and asks the others
// for theirs.
func (s *signIn) choose(op domain.Operator, ops []domain.Operator) {
	if s.busy {
		return
	}
	s.status.SetText("")
	if op.HasPIN {
		s.showPIN(op, ops)
		return
	}
	s.submit(op, "")
}

// submit asks the service to sign op in; argon2 takes a while, so off the
// UI goroutine, with the buttons disabled meanwhile.
func (s *signIn) submit(op domain.Operator, pin string) {
	s.busy = true
	s.setEnabled(false)
	svc := s.svc
	s.work.Go(func() {
		signed, err := svc.SignIn(context.Background(), op.Name, pin)
		s.work.Do(func() {
			s.busy = false
			if err == nil {
				s.guard.failures = 0
				s.stopLockTicker()
				s.d.Hide()
				s.signedIn(signed)
				return
			}
			s.setEnabled(true)
			if isWrongPIN(err) {
				s.wrongPIN()
				return
			}
			s.status.SetText(domain.UserMessage(err, s.lang))
		})
	})
}

// setEnabled greys out the choices (or the PIN step) while a sign-in runs.
func (s *signIn) setEnabled(on bool) {
	set := func(w fyne.Disableable) {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	for _, b := range s.choices {
		set(b)
	}
	if s.chosen != nil {
		set(s.ok)
		set(s.pin)
		set(s.back)
		if on {
			s.applyLock() // the lockout may keep them greyed out
		}
	}
}

func (s *signIn) quitButton() *widget.Button {
	return widget.NewButtonWithIcon(tr("Quit Carnet"), theme.LogoutIcon(), s.quit)
}

func (s *signIn) setButtons(buttons ...*widget.Button) {
	objs := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		objs[i] = b
	}
	s.d.SetButtons(objs)
}

// isWrongPIN tells a wrong PIN (counted towards the lockout) from other
// refusals.
func isWrongPIN(err error) bool {
	var e *domain.Error
	return errors.As(err, &e) && e.Code == domain.ErrWrongPIN.Code
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// roleText is "employé" / "employee": the role as a badge writes it after
// the name.
func roleText(op *domain.Operator, lang string) string {
	return strings.ToLower(op.Role.Label().In(lang))
}

// A choice is a large button, easy to hit on a till's touch screen.
const (
	choiceHeight   = 52
	visibleChoices = 6
)

// tallRows stacks its objects full width, each choiceHeight high at least.
type tallRows struct{}

func (tallRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += max(m.Height, choiceHeight)
		if i > 0 {
			h += theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}

func (tallRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objs {
		h := max(o.MinSize().Height, choiceHeight)
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}
