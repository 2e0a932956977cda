package operatorsui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/gui/uiwork"
	"carnet/internal/domain"
	"carnet/internal/service"
)

// The tests' customer file has two operators: Claire, the owner, with PIN
// 1234, and Marie, an employee without a PIN who may adjust balances.
const (
	owner    = "Claire"
	employee = "Marie"
	ownerPIN = "1234"
)

// fakeClock is moved by hand; its ticker is called by the test.
type fakeClock struct {
	now  time.Time
	tick func() // the running ticker's function, nil when stopped
}

func (c *fakeClock) clock() clock {
	return clock{
		now: func() time.Time { return c.now },
		every: func(_ time.Duration, f func()) func() {
			c.tick = f
			return func() { c.tick = nil }
		},
	}
}

// harness is a test window on a customer file with operators.
type harness struct {
	t     *testing.T
	lang  string
	svc   *service.Service
	win   fyne.Window
	work  *uiwork.Runner
	clock *fakeClock
	guard *pinGuard
	// customer is a customer whose balance the tests adjust.
	customer int64

	signed []*domain.Operator // what signedIn received
	quits  int
}

// newEmptyHarness is a test window on an empty customer file: no
// operator, no customer, an empty journal.
func newEmptyHarness(t *testing.T, language string) *harness {
	t.Helper()
	uitest.UseLanguage(t, language)
	test.NewTempApp(t)
	svc, err := service.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	h := &harness{t: t, lang: language, svc: svc, work: uiwork.New(),
		clock: &fakeClock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)}, guard: &pinGuard{}}
	h.win = test.NewTempWindow(t, widget.NewLabel("Carnet"))
	h.win.Resize(fyne.NewSize(1100, 720))
	return h
}

// newHarness opens a customer file with the two operators; on turns
// operators on.
func newHarness(t *testing.T, language string, on bool) *harness {
	t.Helper()
	h := newEmptyHarness(t, language)
	svc := h.svc
	// The setup happens on a fixed morning; tests move the clock on.
	svc.Now = func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local) }
	ctx := context.Background()
	pin := ownerPIN
	if _, err := svc.SaveOperator(ctx, domain.Operator{Name: owner, Role: domain.RoleOwner}, &pin); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveOperator(ctx, domain.Operator{Name: employee, Role: domain.RoleEmployee,
		Permissions: []domain.Permission{domain.PermBalance}}, nil); err != nil {
		t.Fatal(err)
	}
	c := &domain.Customer{LastName: "Durand", FirstName: "Léa"}
	if err := svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	h.customer = c.ID
	if on {
		if err := svc.SetOperatorsOn(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// act runs fn as the user would, under the UI lock.
func (h *harness) act(fn func()) {
	h.work.Lock()
	defer h.work.Unlock()
	fn()
}

// wait lets the background work (sign-in, loads) finish.
func (h *harness) wait() {
	h.t.Helper()
	if !h.work.Wait(uitest.WorkTimeout) {
		h.t.Fatal("background work did not finish")
	}
}

// ask opens "Who is working?" with the harness's clock and lockout.
func (h *harness) ask() *signIn {
	var s *signIn
	h.act(func() {
		s = newSignIn(h.win, h.svc, h.work, h.lang, func(o *domain.Operator) { h.signed = append(h.signed, o) },
			h.clock.clock(), h.guard, func() { h.quits++ })
		s.start()
	})
	h.wait()
	return s
}

// dialog is the dialog on top of the window, nil when none is shown.
func (h *harness) dialog() fyne.CanvasObject {
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !top.Visible() {
		return nil
	}
	return top
}

// texts are the visible labels of the dialog on top, one per line.
func (h *harness) texts() string {
	d := h.dialog()
	if d == nil {
		return "(no dialog)"
	}
	var out []string
	uitest.WalkVisible(d, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
		return true
	})
	return strings.Join(out, "\n")
}

// button is the dialog's visible button named text; the test fails without
// it.
func (h *harness) button(text string) *widget.Button {
	h.t.Helper()
	d := h.dialog()
	if d == nil {
		h.t.Fatalf("no dialog to find %q in", text)
	}
	b := uitest.Button(d, text)
	if b == nil {
		h.t.Fatalf("no button %q in the dialog:\n%s", text, h.texts())
	}
	return b
}

// tap presses the dialog's button named text and lets its work finish.
func (h *harness) tap(text string) {
	h.t.Helper()
	b := h.button(text)
	if b.Disabled() {
		h.t.Fatalf("button %q is disabled:\n%s", text, h.texts())
	}
	h.act(func() { test.Tap(b) })
	h.wait()
}

// pinField is the PIN entry of the dialog on top.
func (h *harness) pinField() *pinEntry {
	h.t.Helper()
	e := uitest.Find(h.dialog(), func(*pinEntry) bool { return true })
	if e == nil {
		h.t.Fatalf("no PIN entry:\n%s", h.texts())
	}
	return e
}

// typePIN types pin into the PIN entry and presses Enter.
func (h *harness) typePIN(pin string) {
	e := h.pinField()
	h.act(func() {
		test.Type(e, pin)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	h.wait()
}

// expectText fails unless the dialog shows want.
func (h *harness) expectText(want string) {
	h.t.Helper()
	if got := h.texts(); !strings.Contains(got, want) {
		h.t.Fatalf("the dialog does not show %q:\n%s", want, got)
	}
}
