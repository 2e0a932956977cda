package gui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// TestFormSavesAndReloadsTheConsent: the Commercial section offers the
// three answers to marketing by name; the one chosen is saved, shown again
// when the customer is reopened, and can be changed.
func TestFormSavesAndReloadsTheConsent(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	if want := []string{"Non demandé", "Oui", "Non"}; !slices.Equal(f.fields.consent.Options, want) {
		t.Fatalf("the consent offers %v, want %v", f.fields.consent.Options, want)
	}
	if f.fields.consent.Selected != "Non demandé" {
		t.Errorf("a new customer shows %q, want Non demandé", f.fields.consent.Selected)
	}
	u.act(func() {
		test.Type(f.fields.lastName, "Durand")
		f.fields.consent.SetSelected("Non")
		test.Tap(f.save)
	})
	u.settle(t)
	list, err := u.svc.Search(ctx, store.Query{})
	if err != nil || len(list) != 1 {
		t.Fatalf("saved %d customers (%v); the form says %q", len(list), err, f.errors.Text)
	}
	id := list[0].ID
	if got, _ := u.svc.Customer(ctx, id); got.MarketingConsent != domain.ConsentNo {
		t.Fatalf("saved consent %q, want no", got.MarketingConsent)
	}

	u.act(func() { u.openCustomer(id) })
	u.settle(t)
	g := u.lastForm
	if g.fields.consent.Selected != "Non" {
		t.Fatalf("reopened, the consent shows %q, want Non", g.fields.consent.Selected)
	}
	u.act(func() {
		g.fields.consent.SetSelected("Oui")
		test.Tap(g.save)
	})
	u.settle(t)
	if got, _ := u.svc.Customer(ctx, id); got.MarketingConsent != domain.ConsentYes {
		t.Errorf("changed to Oui, saved %q (form says %q)", got.MarketingConsent, g.errors.Text)
	}
}

// TestConsentSelectInEnglish: in English the answers are named in English
// and read back to the same values.
func TestConsentSelectInEnglish(t *testing.T) {
	saved := uiLang
	uiLang = "en"
	defer func() { uiLang = saved }()
	s := consentSelect(domain.ConsentYes, func() {})
	if want := []string{"Not asked", "Yes", "No"}; !slices.Equal(s.Options, want) || s.Selected != "Yes" {
		t.Fatalf("options %v, selected %q", s.Options, s.Selected)
	}
	for _, c := range domain.Consents {
		s.SetSelected(c.Label().EN)
		if got := selectedConsent(s); got != c {
			t.Errorf("%q reads back as %q", c.Label().EN, got)
		}
	}
}
