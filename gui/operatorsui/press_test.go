package operatorsui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

// The press-everything test opens each state of this package's dialogs
// from a fresh start, presses every enabled button it shows (and Enter in
// every field), one per start, and fails on a panic or on a press after
// which nothing on screen changed.

// pressScreen is one state, reached from a fresh customer file.
type pressScreen struct {
	name string
	open func(t *testing.T) *harness
	// still are buttons whose press may leave the screen as it was.
	still []string
}

func pressScreens() []pressScreen {
	asked := func(t *testing.T) *harness {
		h := newHarness(t, "fr", true)
		h.ask()
		return h
	}
	pinStep := func(t *testing.T) *harness {
		h := asked(t)
		h.tap(owner)
		return h
	}
	journal := func(t *testing.T, adjustments int) *harness {
		h := newHarness(t, "fr", true)
		if _, err := h.svc.SignIn(t.Context(), employee, ""); err != nil {
			t.Fatal(err)
		}
		for i := range adjustments {
			if err := h.svc.AdjustBalance(t.Context(), h.customer, int64(100*(i+1)), "Avoir"); err != nil {
				t.Fatal(err)
			}
		}
		h.openJournal()
		return h
	}
	return []pressScreen{
		{name: "Qui travaille", open: asked},
		{name: "Code PIN", open: pinStep},
		{name: "Code PIN refusé", open: func(t *testing.T) *harness {
			h := pinStep(t)
			h.typePIN("0000")
			return h
		}},
		{name: "Code PIN bloqué", open: func(t *testing.T) *harness {
			h := pinStep(t)
			for range maxTries {
				h.typePIN("0000")
			}
			return h
		}},
		{name: "Opérateurs illisibles", still: []string{"Réessayer"}, open: func(t *testing.T) *harness {
			h := newHarness(t, "fr", true)
			_ = h.svc.Close() // the file went away: the list cannot load
			h.ask()
			h.expectText("Carnet n’a pas pu lire les opérateurs")
			h.button("Quitter Carnet")
			return h
		}},
		{name: "Journal", open: func(t *testing.T) *harness { return journal(t, 3) }},
		{name: "Journal vide", open: func(t *testing.T) *harness {
			h := newEmptyHarness(t, "fr")
			h.openJournal()
			return h
		}},
		{name: "Badge", open: func(t *testing.T) *harness {
			h := newHarness(t, "fr", true)
			if _, err := h.svc.SignIn(t.Context(), owner, ownerPIN); err != nil {
				t.Fatal(err)
			}
			h.act(func() {
				badge, _ := OperatorBadge(h.svc, h.work, "fr", func() {
					AskOperator(h.win, h.svc, h.work, "fr", func(*domain.Operator) {})
				})
				h.win.SetContent(badge)
			})
			h.wait()
			return h
		}},
	}
}

// root is where the user acts: the dialog on top, else the window.
func (h *harness) root() fyne.CanvasObject {
	if d := h.dialog(); d != nil {
		return d
	}
	return h.win.Canvas().Content()
}

// screen sums up what the user sees and what reached the window.
func (h *harness) screen() string {
	var b strings.Builder
	objs := append([]fyne.CanvasObject{h.win.Canvas().Content()}, h.win.Canvas().Overlays().List()...)
	for _, o := range objs {
		uitest.WalkVisible(o, func(x fyne.CanvasObject) bool {
			switch w := x.(type) {
			case *widget.Label:
				b.WriteString(w.Text + "\n")
			case *widget.Entry:
				b.WriteString("[" + w.Text + "]\n")
			case *widget.Button:
				fmt.Fprintf(&b, "<%s %v>\n", w.Text, w.Disabled())
			}
			return true
		})
	}
	fmt.Fprintf(&b, "signed %d quits %d operator %v", len(h.signed), h.quits, h.svc.CurrentOperator())
	return b.String()
}

// pressables are the enabled buttons and the fields of what is on top.
func pressables(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	uitest.WalkVisible(root, func(x fyne.CanvasObject) bool {
		switch w := x.(type) {
		case *widget.Button:
			if !w.Disabled() {
				out = append(out, w)
			}
		case *pinEntry:
			if !w.Disabled() {
				out = append(out, w)
			}
			return false
		}
		return true
	})
	return out
}

func press(h *harness, o fyne.CanvasObject) {
	h.act(func() {
		switch w := o.(type) {
		case *widget.Button:
			test.Tap(w)
		case *pinEntry:
			test.Type(w, "5678")
			w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	})
	h.wait()
}

func name(o fyne.CanvasObject) string {
	if b, ok := o.(*widget.Button); ok {
		return b.Text
	}
	return "Entrée dans le code PIN"
}

func TestPressEverything(t *testing.T) {
	for _, s := range pressScreens() {
		t.Run(s.name, func(t *testing.T) {
			h := s.open(t)
			n := len(pressables(h.root()))
			if n == 0 {
				t.Fatalf("nothing to press:\n%s", h.screen())
			}
			for i := range n {
				h := s.open(t)
				ps := pressables(h.root())
				if len(ps) != n {
					t.Fatalf("%d things to press, then %d", n, len(ps))
				}
				before := h.screen()
				press(h, ps[i])
				if h.screen() == before && !containsName(s.still, name(ps[i])) {
					t.Errorf("pressing %q changed nothing:\n%s", name(ps[i]), before)
				}
			}
		})
	}
}

func containsName(list []string, n string) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
