package settingsui

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/gui/uiwork"
	"carnet/internal/service"
)

// Sections, in the order of the list on the left.
const (
	secNumbering = iota
	secCustomFields
	secLists
	secAccounting
	secPhones
	secOperators
	secJournal
	secBackups
)

var appOnce sync.Once

// testApp makes the headless app once: a new one for each window would
// measure the fonts again (a third of the press test's time).
func testApp() { appOnce.Do(func() { test.NewApp() }) }

// harness is the Settings window open over a headless main window.
type harness struct {
	t       testing.TB
	svc     *service.Service
	work    *uiwork.Runner
	win     fyne.Window
	w       *window
	changed int // calls of the changed callback
}

// newHarness opens the Settings window on a fresh customer file.
func newHarness(t testing.TB, language string) *harness {
	t.Helper()
	return newHarnessOn(t, language, filepath.Join(t.TempDir(), "c.db"))
}

// newHarnessOn opens the Settings window on the customer file at path.
func newHarnessOn(t testing.TB, language, path string) *harness {
	t.Helper()
	uitest.UseLanguage(t, language)
	testApp()
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, svc: svc, work: uiwork.New()}
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	h.win.Resize(fyne.NewSize(1180, 720))
	t.Cleanup(func() {
		h.work.Wait(10 * time.Second)
		_ = svc.Close()
	})
	h.act(func() { h.w = show(h.win, svc, h.work, language, func() { h.changed++ }) })
	h.wait()
	return h
}

// act does what a user would, under the UI lock: results arriving from
// the background (which the test driver applies on their own goroutine)
// never touch the widgets at the same time.
func (h *harness) act(fn func()) {
	h.work.Lock()
	defer h.work.Unlock()
	fn()
}

// wait lets the background work (debounced previews included) finish.
func (h *harness) wait() {
	h.t.Helper()
	if !h.work.Wait(uitest.WorkTimeout) {
		h.t.Fatal("the background work did not finish in 20 s")
	}
}

// open shows a section.
func (h *harness) open(section int) {
	h.t.Helper()
	h.act(func() { h.w.nav.Select(section) })
	h.wait()
}

// top is what the user acts on: the dialog on top.
func (h *harness) top() fyne.CanvasObject {
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return h.win.Canvas().Content()
}

// texts is every visible text of the window and its dialogs, one a line.
func (h *harness) texts() string {
	h.work.Lock()
	defer h.work.Unlock()
	var out []string
	layers := append([]fyne.CanvasObject{h.win.Canvas().Content()}, h.win.Canvas().Overlays().List()...)
	for _, l := range layers {
		uitest.WalkVisible(l, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Label:
				out = append(out, x.Text)
				return false
			case *canvas.Text:
				out = append(out, x.Text)
			case *widget.Button:
				out = append(out, x.Text)
				return false
			case *widget.Entry:
				out = append(out, x.Text)
				return false
			case *widget.Select:
				out = append(out, x.Selected)
			case *widget.Check:
				out = append(out, x.Text)
			}
			return true
		})
	}
	return strings.Join(out, "\n")
}

// shows fails unless the window shows want somewhere.
func (h *harness) shows(want string) {
	h.t.Helper()
	// French typography's no-break spaces are written as plain ones here.
	plain := strings.NewReplacer("\u00a0", " ", "\u202f", " ")
	if got := h.texts(); !strings.Contains(plain.Replace(got), plain.Replace(want)) {
		h.t.Fatalf("the window does not show %q; it shows:\n%s", want, got)
	}
}

// tap taps the button labelled text in the dialog on top, and waits.
func (h *harness) tap(text string) {
	h.t.Helper()
	b := uitest.Button(h.top(), text)
	if b == nil {
		h.t.Fatalf("no button %q on top; it shows:\n%s", text, h.texts())
	}
	if b.Disabled() {
		h.t.Fatalf("button %q is disabled", text)
	}
	h.act(func() { test.Tap(b) })
	h.wait()
}

// tapInRow taps the button labelled text in the list row that shows name.
func (h *harness) tapInRow(name, text string) {
	h.t.Helper()
	h.tapRowButton(name, text, func(b *widget.Button) bool { return b.Text == text })
}

// tapIconInRow taps the icon button showing icon in the row of name.
func (h *harness) tapIconInRow(name string, icon fyne.Resource) {
	h.t.Helper()
	h.tapRowButton(name, icon.Name(), func(b *widget.Button) bool { return b.Icon != nil && b.Icon.Name() == icon.Name() })
}

func (h *harness) tapRowButton(name, what string, match func(*widget.Button) bool) {
	h.t.Helper()
	row := uitest.Find(h.top(), func(c *fyne.Container) bool {
		if _, ok := c.Layout.(gridRow); !ok {
			return false
		}
		l, ok := c.Objects[0].(*widget.Label)
		return ok && l.Text == name
	})
	if row == nil {
		h.t.Fatalf("no row %q; the window shows:\n%s", name, h.texts())
	}
	b := uitest.Find(row, match)
	if b == nil || b.Disabled() {
		h.t.Fatalf("no button %q to press in row %q", what, name)
	}
	h.act(func() { test.Tap(b) })
	h.wait()
}

// typeSelect is the first select on top.
func (h *harness) typeSelect() *widget.Select {
	return uitest.Find(h.top(), func(*widget.Select) bool { return true })
}

// entry is the n-th visible entry (0 first) in the dialog on top.
func (h *harness) entry(n int) *widget.Entry {
	h.t.Helper()
	var found []*widget.Entry
	uitest.WalkVisible(h.top(), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			found = append(found, e)
			return false
		}
		return true
	})
	if n >= len(found) {
		h.t.Fatalf("no entry #%d: %d on top", n, len(found))
	}
	return found[n]
}

// typeIn replaces what entry holds with text, typed as a user would.
func (h *harness) typeIn(e *widget.Entry, text string) {
	h.act(func() {
		e.SetText("")
		test.Type(e, text)
	})
	h.wait()
}

// choose picks option in the n-th select on top.
func (h *harness) choose(n int, option string) {
	h.t.Helper()
	var found []*widget.Select
	uitest.WalkVisible(h.top(), func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			found = append(found, s)
			return false
		}
		return true
	})
	if n >= len(found) {
		h.t.Fatalf("no select #%d: %d on top", n, len(found))
	}
	h.act(func() { found[n].SetSelected(option) })
	h.wait()
}

// check is the check labelled text on top.
func (h *harness) check(text string) *widget.Check {
	h.t.Helper()
	c := uitest.Find(h.top(), func(c *widget.Check) bool { return c.Text == text && c.Visible() })
	if c == nil {
		h.t.Fatalf("no check %q; the window shows:\n%s", text, h.texts())
	}
	return c
}

// tab selects the tab titled text of the tabs on top.
func (h *harness) tab(text string) {
	h.t.Helper()
	tabs := uitest.Find(h.top(), func(*container.AppTabs) bool { return true })
	if tabs == nil {
		h.t.Fatal("no tabs on top")
	}
	for _, it := range tabs.Items {
		if it.Text == text {
			h.act(func() { tabs.Select(it) })
			h.wait()
			return
		}
	}
	h.t.Fatalf("no tab %q", text)
}
