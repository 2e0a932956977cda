package operatorsui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
)

// badgeText is what the badge shows, "" when it is hidden.
func badgeText(b fyne.CanvasObject) string {
	if !b.Visible() {
		return ""
	}
	l := uitest.Find(b, func(*widget.Label) bool { return true })
	return l.Text
}

func TestBadgeNamesTheOperatorAndChanges(t *testing.T) {
	h := newHarness(t, "fr", true)
	switched := 0
	var badge fyne.CanvasObject
	var refresh func()
	h.act(func() {
		badge, refresh = OperatorBadge(h.svc, h.work, "fr", func() { switched++ })
		h.win.SetContent(badge)
	})
	h.wait()
	if got := badgeText(badge); got != "Opérateur\u00a0: personne n’est choisi" {
		t.Errorf("before a sign-in: %q", got)
	}
	if _, err := h.svc.SignIn(t.Context(), employee, ""); err != nil {
		t.Fatal(err)
	}
	h.act(refresh)
	h.wait()
	if got := badgeText(badge); got != "Opérateur\u00a0: Marie (employé)" {
		t.Errorf("after Marie signs in: %q", got)
	}
	change := uitest.Button(badge, "Changer")
	if change == nil {
		t.Fatal("no Changer button")
	}
	h.act(func() { test.Tap(change) })
	if switched != 1 {
		t.Errorf("Changer ran switchOperator %d times", switched)
	}
}

func TestBadgeHiddenWhenOperatorsAreOff(t *testing.T) {
	h := newHarness(t, "en", false)
	var badge fyne.CanvasObject
	var refresh func()
	h.act(func() {
		badge, refresh = OperatorBadge(h.svc, h.work, "en", func() {})
		h.win.SetContent(badge)
	})
	h.wait()
	if badge.Visible() {
		t.Fatalf("operators off, the badge shows %q", badgeText(badge))
	}

	// Turned on: it shows; turned off again: it hides.
	if err := h.svc.SetOperatorsOn(t.Context(), true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.SignIn(t.Context(), owner, ownerPIN); err != nil {
		t.Fatal(err)
	}
	h.act(refresh)
	h.wait()
	if got := badgeText(badge); got != "Operator: Claire (owner)" {
		t.Errorf("operators on: %q", got)
	}
	if err := h.svc.SetOperatorsOn(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	h.act(refresh)
	h.wait()
	if badge.Visible() {
		t.Errorf("operators off again, the badge shows %q", badgeText(badge))
	}
}
