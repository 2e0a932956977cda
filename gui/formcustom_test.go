package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// defineFields creates one custom field of each type, in this order.
func defineFields(t *testing.T, u *ui) {
	t.Helper()
	ctx := context.Background()
	for _, f := range []domain.CustomField{
		{Name: "Remarque", Type: domain.CustomText},
		{Name: "Pointure", Type: domain.CustomNumber},
		{Name: "Passeport expire", Type: domain.CustomDate},
		{Name: "Newsletter", Type: domain.CustomBool},
		{Name: "Taille", Type: domain.CustomList, Options: []string{"S", "M", "L"}},
	} {
		if _, err := u.svc.SaveCustomField(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
}

func customInputOf(t *testing.T, f *customerForm, name string) *customInput {
	t.Helper()
	for _, ci := range f.fields.customs {
		if ci.field.Name == name {
			return ci
		}
	}
	t.Fatalf("no input for custom field %q", name)
	return nil
}

// TestCustomFieldsHaveTheirTypesInputAndSaveAsStored: each custom field
// shows on the Notes section with its type's input; a number typed with a
// comma and a date typed dd/mm/yyyy are stored as "42.5" and ISO, and read
// back as typed.
func TestCustomFieldsHaveTheirTypesInputAndSaveAsStored(t *testing.T) {
	u := newTestUI(t)
	defineFields(t, u)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() { f.sections.SelectIndex(tabNotes) })
	if got := f.sections.Selected().Text; got != "Champs personnalisés" {
		t.Errorf("the section is called %q", got)
	}
	shown := u.windowTexts()
	for _, name := range []string{"Remarque", "Pointure", "Passeport expire", "Newsletter", "Taille"} {
		if !strings.Contains(shown, name) {
			t.Errorf("the Notes section does not show %q:\n%s", name, shown)
		}
	}
	for _, name := range []string{"Remarque", "Pointure", "Passeport expire"} {
		if customInputOf(t, f, name).entry == nil {
			t.Errorf("%s has no entry", name)
		}
	}
	yesNo := customInputOf(t, f, "Newsletter").choice
	if yesNo == nil || !slices.Equal(yesNo.Options, []string{"", "Oui", "Non"}) {
		t.Fatalf("Newsletter offers %v, want empty, Oui, Non", yesNo.Options)
	}
	list := customInputOf(t, f, "Taille").choice
	if list == nil || !slices.Equal(list.Options, []string{"", "S", "M", "L"}) {
		t.Fatalf("Taille offers %v", list.Options)
	}
	u.act(func() {
		test.Type(f.fields.lastName, "Martin")
		test.Type(customInputOf(t, f, "Remarque").entry, "client fidèle")
		test.Type(customInputOf(t, f, "Pointure").entry, "42,5")
		test.Type(customInputOf(t, f, "Passeport expire").entry, "31/12/2026")
		yesNo.SetSelected("Oui")
		list.SetSelected("M")
		test.Tap(f.save)
	})
	u.settle(t)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	c, err := u.svc.CustomerByReference(context.Background(), firstCode(t, u))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Remarque": "client fidèle", "Pointure": "42.5", "Passeport expire": "2026-12-31", "Newsletter": "true", "Taille": "M"}
	for k, v := range want {
		if c.Custom[k] != v {
			t.Errorf("stored %s = %q, want %q (all: %v)", k, c.Custom[k], v, c.Custom)
		}
	}
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	g := u.lastForm
	if g == f {
		t.Fatal("the customer's form did not open")
	}
	for name, text := range map[string]string{"Pointure": "42,5", "Passeport expire": "31/12/2026"} {
		if got := customInputOf(t, g, name).entry.Text; got != text {
			t.Errorf("%s reads back %q, want %q", name, got, text)
		}
	}
	if got := customInputOf(t, g, "Newsletter").choice.Selected; got != "Oui" {
		t.Errorf("Newsletter reads back %q", got)
	}
	if g.edited() {
		t.Error("the form opened as edited: Cancel would ask for nothing")
	}
}

// TestInvalidCustomValueShowsOnItsFieldAndSavesNothing: a number that is
// not one is listed with its field's name, shown under the field itself,
// the form goes to its section, and nothing is saved.
func TestInvalidCustomValueShowsOnItsFieldAndSavesNothing(t *testing.T) {
	u := newTestUI(t)
	defineFields(t, u)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		test.Type(f.fields.lastName, "Martin")
		test.Type(customInputOf(t, f, "Pointure").entry, "12 abc")
		test.Type(customInputOf(t, f, "Passeport expire").entry, "31/02/2026")
		test.Tap(f.save)
	})
	u.settle(t)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "Pointure") || !strings.Contains(f.errors.Text, "Passeport expire") {
		t.Fatalf("the errors should name both fields: %q", f.errors.Text)
	}
	if i := f.sections.SelectedIndex(); i != tabNotes {
		t.Errorf("the form shows section %d, want the Notes section", i)
	}
	if u.win.Canvas().Focused() != customInputOf(t, f, "Pointure").entry {
		t.Error("the cursor is not in the first wrong field")
	}
	// The form writes the entry's error under it.
	msg := customInputOf(t, f, "Pointure").entry.Validate().Error()
	var section []string
	u.act(func() { section = visibleTexts(f.sections.Selected().Content) })
	if !strings.Contains(msg, "12 abc") || !slices.Contains(section, msg) {
		t.Errorf("the message %q is not shown under the field:\n%s", msg, strings.Join(section, "\n"))
	}
	if n, _ := u.svc.Count(context.Background(), store.Query{}); n != 0 {
		t.Fatalf("%d customers saved despite the wrong values", n)
	}
	u.act(func() { customInputOf(t, f, "Pointure").entry.SetText("12,5") })
	u.act(func() { section = visibleTexts(f.sections.Selected().Content) })
	if slices.Contains(section, msg) || strings.Contains(f.errors.Text, "Pointure") {
		t.Errorf("Pointure is right and its error stays: %q", f.errors.Text)
	}
}

// TestArchivedCustomFieldValueStaysReadOnly: the value of a field archived
// since is shown, cannot be edited, and is kept on saving.
func TestArchivedCustomFieldValueStaysReadOnly(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id, err := u.svc.SaveCustomField(ctx, domain.CustomField{Name: "Ancien code", Type: domain.CustomText})
	if err != nil {
		t.Fatal(err)
	}
	c := &domain.Customer{LastName: "Roux", Custom: map[string]string{"Ancien code": "X-12"}}
	if err := u.svc.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.SaveCustomField(ctx, domain.CustomField{ID: id, Name: "Ancien code", Type: domain.CustomText, Archived: true}); err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.openCustomer(c.ID) })
	u.settle(t)
	f := u.lastForm
	u.act(func() { f.sections.SelectIndex(tabNotes) })
	if len(f.fields.customs) != 0 {
		t.Errorf("an archived field has an input")
	}
	shown := u.windowTexts()
	if !strings.Contains(shown, "Ancien code") || !strings.Contains(shown, "X-12") || !strings.Contains(shown, "Champ archivé") {
		t.Fatalf("the archived field's value is not shown:\n%s", shown)
	}
	u.act(func() {
		f.fields.firstName.SetText("Anne")
		test.Tap(f.save)
	})
	u.settle(t)
	got, err := u.svc.Customer(ctx, c.ID)
	if err != nil || got.Custom["Ancien code"] != "X-12" || got.FirstName != "Anne" {
		t.Fatalf("after saving: %v, %v", got, err)
	}
}
