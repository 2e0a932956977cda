package gui

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/service"
)

// newTestUI opens the window on a fresh database, in French, headless.
func newTestUI(t testing.TB) *ui {
	t.Helper()
	return newTestUIOn(t, filepath.Join(t.TempDir(), "t.db"))
}

var frenchOnce sync.Once

// newTestUIOn opens the window on the database at path, in French,
// headless.
func newTestUIOn(t testing.TB, path string) *ui {
	t.Helper()
	a := test.NewApp()
	frenchOnce.Do(func() { setupLanguage("fr") }) // the translations load once
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800)) // before any background work starts
	u := newUI(a, w, svc)
	u.settle(t)
	t.Cleanup(func() {
		u.work.Wait(10 * time.Second)
		w.Close()
		_ = svc.Close()
		a.Quit()
	})
	return u
}

// settle waits until the background work (and what it triggered) is done.
func (u *ui) settle(t testing.TB) {
	t.Helper()
	for range 3 { // a result may schedule a follow-up fetch
		if !u.work.Wait(uitest.WorkTimeout) {
			t.Fatal("background work did not finish")
		}
		u.act(u.clients.table.Refresh)
		if !u.work.Busy() {
			return
		}
	}
}

// visibleTexts returns the texts drawn under o (labels, canvas texts,
// buttons, entries), walking the live renderers.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	uitest.WalkVisible(o, func(x fyne.CanvasObject) bool {
		switch x := x.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return false
		case *canvas.Text:
			out = append(out, x.Text)
			return false
		case *widget.Button:
			out = append(out, x.Text)
			return false
		case *widget.Entry:
			out = append(out, x.Text)
		}
		return true
	})
	return out
}

// findButton is the first visible button under o whose text is text.
func findButton(o fyne.CanvasObject, text string) *widget.Button { return uitest.Button(o, text) }

// tapIn taps the button labelled text under root, as the user would.
func (u *ui) tapIn(root fyne.CanvasObject, text string) {
	b := findButton(root, text)
	if b == nil {
		panic("no button " + text)
	}
	u.act(func() { test.Tap(b) })
}

// windowTexts is every text of the window and its dialogs.
func (u *ui) windowTexts() string {
	// Under the UI lock: a result arriving meanwhile must not change a
	// widget being read.
	u.work.Lock()
	defer u.work.Unlock()
	texts := visibleTexts(u.win.Canvas().Content())
	for _, o := range u.win.Canvas().Overlays().List() {
		texts = append(texts, visibleTexts(o)...)
	}
	return strings.Join(texts, "\n")
}

// act runs a user action on the test goroutine while no background result
// is being applied (the test driver runs fyne.Do on the worker goroutine).
func (u *ui) act(fn func()) {
	u.work.Lock()
	defer u.work.Unlock()
	fn()
}
