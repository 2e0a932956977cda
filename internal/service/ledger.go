package service

import (
	"context"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/store"
)

// Ledger returns a customer's balance entries and their sum.
func (s *Service) Ledger(ctx context.Context, customerID int64) ([]domain.BalanceEntry, int64, error) {
	var entries []domain.BalanceEntry
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		entries, err = tx.Ledger(ctx, customerID)
		return err
	})
	var sum int64
	for _, e := range entries {
		sum += e.Amount
	}
	return entries, sum, err
}

// AdjustBalance writes a manual entry of amount cents with a label.
func (s *Service) AdjustBalance(ctx context.Context, customerID, amount int64, label string) error {
	label = strings.TrimSpace(label)
	if label == "" {
		return &domain.FieldError{Field: "label", Code: "required", Message: domain.Message{
			FR: "Indiquez le motif de l’ajustement.", EN: "Give the reason for the adjustment."}}
	}
	if amount == 0 {
		return &domain.FieldError{Field: "amount", Code: "zero", Message: domain.Message{
			FR: "Le montant de l’ajustement ne peut pas être nul.", EN: "The adjustment amount cannot be zero."}}
	}
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermBalance); err != nil {
			return err
		}
		c, err := tx.CustomerBy(ctx, "id", customerID)
		if err != nil {
			return err
		}
		if err := tx.AddBalanceEntry(ctx, &domain.BalanceEntry{CustomerID: customerID, Date: s.Now(),
			Label: label, Amount: amount, Origin: domain.OriginManual, Operator: s.OperatorName()}, 0); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalBalance, c.Code, domain.JournalDetail(domain.Message{
			FR: format.Money(amount, "fr") + " · " + label, EN: format.Money(amount, "en") + " · " + label}))
	})
}

// Documents returns a customer's documents, newest first.
func (s *Service) Documents(ctx context.Context, customerID int64) ([]domain.Document, error) {
	var docs []domain.Document
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		docs, err = tx.Documents(ctx, customerID, "")
		return err
	})
	return docs, err
}

// DocumentsByCode returns the documents written for a customer code, which
// still answer after the customer was deleted.
func (s *Service) DocumentsByCode(ctx context.Context, code string) ([]domain.Document, error) {
	var docs []domain.Document
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		docs, err = tx.Documents(ctx, 0, code)
		return err
	})
	return docs, err
}

// AddDocument records an invoice or order for a customer, copying its code
// and name into the document.
func (s *Service) AddDocument(ctx context.Context, customerID int64, kind, number string, total int64) (*domain.Document, error) {
	var d *domain.Document
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		c, err := tx.CustomerBy(ctx, "id", customerID)
		if err != nil {
			return err
		}
		d = &domain.Document{CustomerID: c.ID, CustomerCode: c.Code, CustomerName: c.Name(),
			Kind: kind, Number: number, Date: s.Now(), Total: total}
		return tx.AddDocument(ctx, d)
	})
	return d, err
}
