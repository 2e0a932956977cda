package gui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

// cellOfRow is a drawn cell of the list's given row.
func (u *ui) cellOfRow(t *testing.T, row int) *clientCell {
	t.Helper()
	c := uitest.Find(u.clients.table, func(c *clientCell) bool { return c.Visible() && c.row == row })
	if c == nil {
		t.Fatalf("row %d is not drawn", row)
	}
	return c
}

func addCustomers(t *testing.T, u *ui, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := u.svc.CreateCustomer(context.Background(), &domain.Customer{LastName: n}); err != nil {
			t.Fatal(err)
		}
	}
	u.act(func() { u.Refresh() })
	u.settle(t)
}

// TestClickSelectsDoubleClickOrEnterOpens: a click selects a row without
// opening it; a double click opens it; the arrows move the selection and
// Enter opens the selected customer.
func TestClickSelectsDoubleClickOrEnterOpens(t *testing.T) {
	u := newTestUI(t)
	addCustomers(t, u, "Abel", "Bernard", "Colin")
	u.act(func() { test.Tap(u.cellOfRow(t, 1)) })
	u.settle(t)
	if u.clients.selected != 1 || u.lastForm != nil {
		t.Fatalf("a click: selected %d, form opened %v", u.clients.selected, u.lastForm != nil)
	}
	if !u.cellOfRow(t, 1).bg.Visible() || u.cellOfRow(t, 0).bg.Visible() {
		t.Error("the selected row is not the one highlighted")
	}
	if u.win.Canvas().Focused() != u.clients.table {
		t.Error("after a click the list does not have the keyboard")
	}
	u.act(func() { test.DoubleTap(u.cellOfRow(t, 1)) })
	u.settle(t)
	if u.lastForm == nil || u.lastForm.c.LastName != "Bernard" {
		t.Fatalf("a double click should open Bernard: %+v", u.lastForm)
	}
	u.act(func() { u.lastForm.close() })

	u.lastForm = nil
	u.act(func() {
		u.clients.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		u.clients.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	u.settle(t)
	if u.lastForm == nil || u.lastForm.c.LastName != "Colin" {
		t.Fatalf("Down then Enter should open Colin: %+v", u.lastForm)
	}
}

// TestSearchEnterOpensTheOnlyMatchAndDownGoesToTheList: Enter in the
// search box opens the customer when exactly one matches; with several it
// stays a search, and the down arrow moves into the list.
func TestSearchEnterOpensTheOnlyMatchAndDownGoesToTheList(t *testing.T) {
	u := newTestUI(t)
	addCustomers(t, u, "Martin", "Martineau", "Petit")
	u.act(func() {
		u.win.Canvas().Focus(u.clients.search)
		test.Type(u.clients.search, "petit")
		u.clients.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	u.settle(t)
	if u.lastForm == nil || u.lastForm.c.LastName != "Petit" {
		t.Fatalf("Enter on the only match should open Petit: %+v", u.lastForm)
	}
	u.act(func() { u.lastForm.close() })
	u.lastForm = nil
	u.act(func() {
		u.clients.search.SetText("")
		test.Type(u.clients.search, "martin")
	})
	u.settle(t)
	u.act(func() { u.clients.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	u.settle(t)
	if u.lastForm != nil {
		t.Fatal("Enter with two matches opened a customer")
	}
	u.act(func() { u.clients.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) })
	if u.win.Canvas().Focused() != u.clients.table || u.clients.selected != 0 {
		t.Fatalf("the down arrow should go into the list, on its first row (focus %T, row %d)", u.win.Canvas().Focused(), u.clients.selected)
	}
}

// TestSavedCustomerIsAnnouncedAndSelected: after a save the window says
// the customer's code, and the list shows the customer selected, clearing
// a search that hid it.
func TestSavedCustomerIsAnnouncedAndSelected(t *testing.T) {
	u := newTestUI(t)
	var names []string
	for i := range 60 {
		names = append(names, fmt.Sprintf("Client%02d", i))
	}
	addCustomers(t, u, names...)
	u.act(func() { test.Type(u.clients.search, "client0") })
	u.settle(t)
	u.act(func() { u.openNewCustomer() })
	u.settle(t)
	f := u.lastForm
	u.act(func() {
		test.Type(f.fields.lastName, "Client45b")
		test.Tap(f.save)
	})
	u.settle(t)
	u.settle(t)
	row := u.clients.model.row(u.clients.selected)
	if row == nil || !strings.HasPrefix(row.Name, "Client45b") {
		t.Fatalf("selected row %d is %+v, want the new customer", u.clients.selected, row)
	}
	if !u.clients.notice.Visible() || !strings.Contains(u.clients.notice.Text, row.Code) || !strings.Contains(u.clients.notice.Text, "créé") {
		t.Errorf("notice %q should give the new code %s", u.clients.notice.Text, row.Code)
	}
	if u.clients.search.Text != "" {
		t.Errorf("the search that hid the customer is still %q", u.clients.search.Text)
	}
}
