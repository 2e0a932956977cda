package operatorsui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

// signedInAs fails unless exactly one sign-in reached the window, name's,
// and the service agrees.
func (h *harness) signedInAs(name string) {
	h.t.Helper()
	if len(h.signed) != 1 || h.signed[0].Name != name {
		h.t.Fatalf("signedIn got %v, want %s", h.signed, name)
	}
	if cur := h.svc.CurrentOperator(); cur == nil || cur.Name != name {
		h.t.Fatalf("the service's operator is %v, want %s", cur, name)
	}
	if h.dialog() != nil {
		h.t.Fatalf("the dialog is still shown:\n%s", h.texts())
	}
}

func TestEmployeeWithoutPINSignsInAtOnce(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.expectText("Choisissez votre nom pour commencer.")
	if !strings.Contains(h.texts(), "Qui travaille\u00a0?") {
		t.Errorf("the title is not “Qui travaille ?”:\n%s", h.texts())
	}
	h.tap(employee)
	h.signedInAs(employee)
}

func TestPublicAskOperatorSignsIn(t *testing.T) {
	h := newHarness(t, "en", true)
	h.act(func() {
		AskOperator(h.win, h.svc, h.work, "en", func(o *domain.Operator) { h.signed = append(h.signed, o) })
	})
	h.wait()
	h.expectText("Who is working?")
	h.tap(employee)
	h.signedInAs(employee)
}

func TestArchivedOperatorIsNotOffered(t *testing.T) {
	h := newHarness(t, "fr", true)
	// The owner archives Marie (operators are on: sign in first).
	if _, err := h.svc.SignIn(t.Context(), owner, ownerPIN); err != nil {
		t.Fatal(err)
	}
	ops, _ := h.svc.Operators(t.Context())
	for _, o := range ops {
		if o.Name == employee {
			o.Archived = true
			if _, err := h.svc.SaveOperator(t.Context(), o, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	h.ask()
	if uitest.Button(h.dialog(), employee) != nil {
		t.Fatalf("archived %s is offered", employee)
	}
	h.button(owner)
}

func TestWrongPINIsRefusedAndTheRightOneSignsIn(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.tap(owner)
	h.expectText("Claire (propriétaire)")
	h.typePIN("9999")
	h.expectText(domain.ErrWrongPIN.Message.FR)
	h.expectText("Encore 4 essais avant une attente de 30\u00a0s.")
	if len(h.signed) != 0 || h.svc.CurrentOperator() != nil {
		t.Fatal("a wrong PIN signed in")
	}
	if h.pinField().Text != "" {
		t.Error("the wrong PIN stays in the field")
	}
	// Valider with the right PIN.
	e := h.pinField()
	h.act(func() { test.Type(e, ownerPIN) })
	h.tap("Valider")
	h.signedInAs(owner)
}

func TestEmptyPINAsksForIt(t *testing.T) {
	h := newHarness(t, "en", true)
	h.ask()
	h.tap(owner)
	h.tap("Sign in")
	h.expectText("Type your PIN.")
	if len(h.signed) != 0 {
		t.Fatal("an empty PIN signed in")
	}
}

func TestBackReturnsToTheList(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.tap(owner)
	h.tap("Retour")
	h.tap(employee)
	h.signedInAs(employee)
}

func TestFiveWrongPINsLockTheButtonFor30Seconds(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.tap(owner)
	for range maxTries {
		h.typePIN("0000")
	}
	if ok := h.button("Valider"); !ok.Disabled() {
		t.Fatal("Valider stays enabled after 5 wrong PINs")
	}
	if !h.pinField().Disabled() {
		t.Error("the PIN field stays enabled after 5 wrong PINs")
	}
	h.expectText("5 codes PIN incorrects de suite\u00a0: attendez 30\u00a0s avant le prochain essai.")

	// Enter does nothing meanwhile, even going back and choosing again.
	h.tap("Retour")
	h.tap(owner)
	if !h.button("Valider").Disabled() {
		t.Fatal("choosing again lifts the lockout")
	}

	// The seconds left count down on screen.
	h.act(func() { h.clock.now = h.clock.now.Add(10 * time.Second); h.clock.tick() })
	h.expectText("attendez 20\u00a0s")

	// After 30 s the PIN is asked again.
	h.act(func() { h.clock.now = h.clock.now.Add(20 * time.Second); h.clock.tick() })
	if h.button("Valider").Disabled() {
		t.Fatalf("Valider stays disabled after 30 s:\n%s", h.texts())
	}
	if h.clock.tick != nil {
		t.Error("the ticker still runs after the lockout")
	}
	if strings.Contains(h.texts(), "attendez") {
		t.Errorf("the lockout is still said:\n%s", h.texts())
	}
	h.typePIN(ownerPIN)
	h.signedInAs(owner)
	if h.guard.failures != 0 {
		t.Errorf("the count of wrong PINs is %d after a sign-in", h.guard.failures)
	}
}

func TestPINFieldTakesDigitsOnly(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.tap(owner)
	e := h.pinField()
	if !e.Password {
		t.Error("the PIN shows in clear")
	}
	h.act(func() { test.Type(e, "12a3 4-5") })
	if e.Text != "12345" {
		t.Errorf("typed: %q, want 12345", e.Text)
	}
	h.act(func() { e.SetText(" 98 76 54 32 10 99 ") }) // a paste
	if e.Text != "987654321099" {
		t.Errorf("pasted: %q, want the 12 first digits", e.Text)
	}
}

func TestQuitIsOffered(t *testing.T) {
	h := newHarness(t, "fr", true)
	h.ask()
	h.tap("Quitter Carnet")
	if h.quits != 1 {
		t.Fatalf("Quit ran %d times", h.quits)
	}
}
