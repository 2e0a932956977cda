package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
	"carnet/internal/store"
)

// formLabelColour is the colour the identity form gives the label text.
func formLabelColour(t *testing.T, f *customerForm, text string) fyne.ThemeColorName {
	t.Helper()
	var found fyne.ThemeColorName
	uitest.Walk(f.fields.identityForm, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*widget.RichText); ok {
			for _, s := range x.Segments {
				if ts, ok := s.(*widget.TextSegment); ok && ts.Text == text {
					found = ts.Style.ColorName
				}
			}
		}
		return true
	})
	if found == "" {
		t.Fatalf("no label %q in the identity form", text)
	}
	return found
}

// TestKindSwitchEnablesCompanyLabelsAtOnce: choosing "Personne morale"
// shows the company fields' labels as usable at once, not after a redraw.
func TestKindSwitchEnablesCompanyLabelsAtOnce(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	if c := formLabelColour(t, f, label("company_name")); c != theme.ColorNameDisabled {
		t.Fatalf("for a person the company name label is %s, want greyed", c)
	}
	u.act(func() { f.fields.kind.SetSelected("Personne morale") })
	for _, key := range []string{"company_name", "siret", "vat_number"} {
		if c := formLabelColour(t, f, label(key)); c == theme.ColorNameDisabled {
			t.Errorf("%s stays greyed after choosing Personne morale", key)
		}
		if f.fields.focus[key].(*formEntry).Disabled() {
			t.Errorf("%s stays disabled", key)
		}
	}
}

// TestRefusedSaveShowsTheErrorsTabAndEachErrorGoesWhenFixed: a refused
// Save shows the section of the first error, puts the cursor in its field,
// and each error leaves the list as soon as its field is right.
func TestRefusedSaveShowsTheErrorsTabAndEachErrorGoesWhenFixed(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		test.Type(f.fields.lastName, "Martin")
		f.fields.email.SetText("martin@@exemple")
		f.fields.creditLimit.SetText("12 abc")
		test.Tap(f.save)
	})
	u.settle(t)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "E-mail") || !strings.Contains(f.errors.Text, "Encours") {
		t.Fatalf("both errors should be listed, with their field: %q", f.errors.Text)
	}
	if i := f.sections.SelectedIndex(); i != tabContact {
		t.Errorf("the form shows section %d, want Contact (%d) where the first error is", i, tabContact)
	}
	if u.win.Canvas().Focused() != f.fields.email {
		t.Errorf("the cursor is not in the email field")
	}
	u.act(func() { f.fields.email.SetText("martin@exemple.fr") })
	if strings.Contains(f.errors.Text, "E-mail") || !strings.Contains(f.errors.Text, "Encours") {
		t.Fatalf("after fixing the email, the list says %q", f.errors.Text)
	}
	u.act(func() { f.fields.creditLimit.SetText("1 200,00") })
	if f.errors.Visible() {
		t.Fatalf("every field is right and the list still says %q", f.errors.Text)
	}
	if n, _ := u.svc.Count(context.Background(), store.Query{}); n != 0 {
		t.Fatalf("%d customers saved by a refused Save", n)
	}
}

// TestRefusedSaveByTheServiceShowsItsField: the service's refusal (a code
// already used) lists under the form, on the code's section, and goes when
// the code changes.
func TestRefusedSaveByTheServiceShowsItsField(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	if err := u.svc.CreateCustomer(ctx, &domain.Customer{Code: "C42", LastName: "Premier"}); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		f.sections.SelectIndex(tabNotes)
		f.fields.code.SetText("C42")
		f.fields.lastName.SetText("Second")
		test.Tap(f.save)
	})
	u.settle(t)
	if !f.errors.Visible() || f.sections.SelectedIndex() != tabIdentity {
		t.Fatalf("refused: list %q visible %v, section %d", f.errors.Text, f.errors.Visible(), f.sections.SelectedIndex())
	}
	u.act(func() { f.fields.code.SetText("C43") })
	if f.errors.Visible() {
		t.Errorf("the code changed and the refusal is still listed: %q", f.errors.Text)
	}
}

// TestEscapeCancelsAndCancelAsksAfterEdits: Escape closes an untouched
// form; after an edit, Cancel asks first and keeps the form on "Continuer
// la saisie".
func TestEscapeCancelsAndCancelAsksAfterEdits(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	overlays := func() int { return len(u.win.Canvas().Overlays().List()) }
	if overlays() != 1 {
		t.Fatalf("%d overlays with the form open", overlays())
	}
	u.act(func() {
		u.win.Canvas().Focus(f.fields.lastName)
		f.fields.lastName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if overlays() != 0 {
		t.Fatal("Escape did not close the untouched form")
	}

	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f = u.lastForm
	u.act(func() { test.Type(f.fields.lastName, "Durand") })
	u.act(func() { f.cancel() })
	if overlays() != 2 || !strings.Contains(u.windowTexts(), "Abandonner les modifications ?") {
		t.Fatalf("Cancel after an edit should ask; overlays %d:\n%s", overlays(), u.windowTexts())
	}
	u.tapIn(u.win.Canvas().Overlays().Top(), "Continuer la saisie")
	if overlays() != 1 || f.fields.lastName.Text != "Durand" {
		t.Fatalf("Continuer la saisie should keep the form and its text (overlays %d)", overlays())
	}
	u.act(func() { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	u.tapIn(u.win.Canvas().Overlays().Top(), "Abandonner")
	if overlays() != 0 {
		t.Fatalf("Abandonner should close the form (overlays %d)", overlays())
	}
	if n, _ := u.svc.Count(context.Background(), store.Query{}); n != 0 {
		t.Fatalf("%d customers saved by a cancelled form", n)
	}
}

// TestWheelOverAnEntryScrollsTheForm: the wheel scrolls a section with the
// pointer over an entry, not only over a label.
func TestWheelOverAnEntryScrollsTheForm(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	var pass *wheelPass
	u.act(func() {
		f.sections.SelectIndex(tabCommercial)
		sc := f.sectionScroll().(*container.Scroll)
		sc.Resize(fyne.NewSize(800, 200)) // shorter than the section
		test.WidgetRenderer(sc).Layout(sc.Size())
		pass = findWheelPass(t, sc, f.fields.salesRep)
		pass.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -120}})
		if sc.Offset.Y == 0 {
			t.Error("the wheel over an entry did not scroll the section")
		}
	})
}

// findWheelPass is the wheelPass laid over e in root.
func findWheelPass(t *testing.T, root fyne.CanvasObject, e *formEntry) *wheelPass {
	t.Helper()
	w := uitest.Find(root, func(x *entryWithWheel) bool { return x.entry == e })
	if w == nil {
		t.Fatal("no wheel pass over the entry")
	}
	return w.pass
}

// TestRemovedPhoneRowDoesNotBlockSave: a phone row removed with a wrong
// number in it no longer counts.
func TestRemovedPhoneRowDoesNotBlockSave(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		test.Type(f.fields.lastName, "Martin")
		f.fields.focus["phones"].(*formEntry).SetText("12")
		test.Tap(f.save)
	})
	u.settle(t)
	if !f.errors.Visible() {
		t.Fatal("a wrong phone number was accepted")
	}
	u.act(func() {
		f.sections.SelectIndex(tabContact)
		remove := uitest.Find(f.fields.phones.box, func(b *widget.Button) bool { return b.Text == "" })
		test.Tap(remove)
	})
	if f.errors.Visible() {
		t.Errorf("the removed row's error is still listed: %q", f.errors.Text)
	}
	u.act(func() { test.Tap(f.save) })
	u.settle(t)
	if n, _ := u.svc.Count(context.Background(), store.Query{}); n != 1 {
		t.Fatalf("%d customers saved; the form says %q", n, f.errors.Text)
	}
}

// TestEscapeUnderAConfirmationLeavesTheForm: Escape while the form's own
// confirmation is open does not stack another one nor close the form.
func TestEscapeUnderAConfirmationLeavesTheForm(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() { test.Type(f.fields.lastName, "Durand") })
	u.act(func() { f.cancel() })
	esc := u.win.Canvas().OnTypedKey()
	for range 3 {
		u.act(func() { esc(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("%d dialogs open after Escape under the confirmation, want the form and its question", n)
	}
}
