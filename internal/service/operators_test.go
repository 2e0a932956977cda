package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// operatorsOn creates an owner "Anne" (PIN 1234) and an employee "Bruno"
// who may only import, turns operators on and returns their IDs.
func operatorsOn(t *testing.T, svc *Service) (owner, employee int64) {
	t.Helper()
	ctx := context.Background()
	pin := "1234"
	owner, err := svc.SaveOperator(ctx, domain.Operator{Name: "Anne", Role: domain.RoleOwner}, &pin)
	if err != nil {
		t.Fatal(err)
	}
	employee, err = svc.SaveOperator(ctx, domain.Operator{Name: "Bruno", Role: domain.RoleEmployee,
		Permissions: []domain.Permission{domain.PermImport}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SetOperatorsOn(ctx, true); err != nil {
		t.Fatal(err)
	}
	return owner, employee
}

func TestOperatorsNeedAnOwnerAndAPINThatMatches(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	if err := svc.SetOperatorsOn(ctx, true); err == nil {
		t.Fatal("operators turned on without any owner")
	}
	operatorsOn(t, svc)
	if _, err := svc.SignIn(ctx, "anne", "9999"); !errors.Is(err, domain.ErrWrongPIN) {
		t.Errorf("wrong PIN: %v", err)
	}
	if svc.CurrentOperator() != nil {
		t.Error("signed in with a wrong PIN")
	}
	op, err := svc.SignIn(ctx, "anne", "1234")
	if err != nil || op.Name != "Anne" || svc.CurrentOperator().Name != "Anne" {
		t.Fatalf("sign-in: %v %+v", err, op)
	}
	var hash string
	if err := svc.Store.ReadDB().QueryRow(`SELECT pin_hash FROM operators WHERE name = 'Anne'`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hash, "1234") || !strings.HasPrefix(hash, "argon2id$") {
		t.Errorf("PIN stored as %q", hash)
	}
	if _, err := svc.SaveOperator(ctx, domain.Operator{ID: op.ID, Name: "Anne", Role: domain.RoleEmployee}, nil); err == nil {
		t.Error("the last owner demoted herself")
	}
	bad := "12a"
	if _, err := svc.SaveOperator(ctx, domain.Operator{Name: "Chloé", Role: domain.RoleEmployee}, &bad); err == nil {
		t.Error("a PIN with a letter was accepted")
	}
}

func TestEmployeeWithoutBalancePermissionIsRefusedAndTheOwnerIsNot(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Solde"})
	operatorsOn(t, svc)

	svc.SignOut()
	err := svc.AdjustBalance(ctx, c.ID, 500, "Avoir")
	if err == nil || !strings.Contains(err.Error(), "Nobody is signed in") {
		t.Errorf("nobody signed in: %v", err)
	}
	if _, err := svc.SignIn(ctx, "Bruno", ""); err != nil {
		t.Fatal(err)
	}
	err = svc.AdjustBalance(ctx, c.ID, 500, "Avoir")
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != "permission" || !strings.Contains(de.Message.FR, "Peut ajuster le solde") ||
		!strings.Contains(de.Message.FR, "Bruno") {
		t.Errorf("employee adjusting a balance: %v", err)
	}
	if err := svc.DeleteCustomer(ctx, c.ID); err == nil || !strings.Contains(err.Error(), "Can delete customers") {
		t.Errorf("employee deleting: %v", err)
	}
	if err := svc.SetPhoneRegion(ctx, "BE"); err == nil {
		t.Error("employee changed a setting")
	}
	if _, sum, _ := svc.Ledger(ctx, c.ID); sum != 0 {
		t.Errorf("refused adjustment written: balance %d", sum)
	}

	if _, err := svc.SignIn(ctx, "Anne", "1234"); err != nil {
		t.Fatal(err)
	}
	if err := svc.AdjustBalance(ctx, c.ID, 500, "Avoir"); err != nil {
		t.Fatalf("owner adjusting: %v", err)
	}
	entries, sum, _ := svc.Ledger(ctx, c.ID)
	if sum != 500 || entries[0].Operator != "Anne" {
		t.Errorf("ledger %+v, want 5 € by Anne", entries)
	}
}

func TestJournalNamesTheOperator(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t)
	c := mustCreate(t, svc, &domain.Customer{LastName: "Journal"})
	operatorsOn(t, svc)
	if _, err := svc.SignIn(ctx, "Anne", "1234"); err != nil {
		t.Fatal(err)
	}
	if err := svc.AdjustBalance(ctx, c.ID, -250, "Remboursement"); err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	entries, total, err := svc.Journal(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{domain.JournalDelete, domain.JournalBalance, domain.JournalSignIn}
	if total < 3 {
		t.Fatalf("journal has %d entries", total)
	}
	for i, action := range want {
		e := entries[i]
		if e.Action != action || e.Operator != "Anne" {
			t.Errorf("entry %d: %+v, want %s by Anne", i, e, action)
		}
	}
	if entries[0].Subject != c.Code || !strings.Contains(entries[1].DetailIn("fr"), "Remboursement") ||
		!strings.Contains(entries[1].DetailIn("en"), "-€2.50") {
		t.Errorf("entries %+v", entries[:2])
	}
}
