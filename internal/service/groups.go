package service

import (
	"context"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Groups lists the groups with their member counts.
func (s *Service) Groups(ctx context.Context) ([]domain.Group, error) {
	var out []domain.Group
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Groups(ctx)
		return err
	})
	return out, err
}

// CreateGroup adds a group with an automatic discount (hundredths of %).
func (s *Service) CreateGroup(ctx context.Context, name string, discount int64) (int64, error) {
	var id int64
	err := s.Store.Update(ctx, func(tx *store.Tx) (err error) {
		id, err = tx.CreateGroup(ctx, name, discount)
		return err
	})
	return id, err
}

// UpdateGroup renames a group and sets its discount.
func (s *Service) UpdateGroup(ctx context.Context, id int64, name string, discount int64) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error { return tx.UpdateGroup(ctx, id, name, discount) })
}

// DeleteGroup deletes a group after moving its members to moveTo (0: none),
// in one transaction.
func (s *Service) DeleteGroup(ctx context.Context, id, moveTo int64) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermDelete); err != nil {
			return err
		}
		name := groupName(ctx, tx, id)
		if err := tx.DeleteGroup(ctx, id, moveTo); err != nil {
			return err
		}
		detail := ""
		if moveTo != 0 {
			// Words, not an arrow: the window’s font cannot draw one.
			to := groupName(ctx, tx, moveTo)
			detail = domain.JournalDetail(domain.Message{FR: "Clients déplacés dans « " + to + " »", EN: "Customers moved to “" + to + "”"})
		}
		return s.Record(ctx, tx, domain.JournalDelGroup, name, detail)
	})
}

// groupName names a group for the journal ("" when unknown).
func groupName(ctx context.Context, tx *store.Tx, id int64) string {
	groups, _ := tx.Groups(ctx)
	for _, g := range groups {
		if g.ID == id {
			return g.Name
		}
	}
	return ""
}

// GroupDeletion says what deleting group id, its members moving to moveTo
// (0: none), would do to their automatic discount; nothing is changed.
func (s *Service) GroupDeletion(ctx context.Context, id, moveTo int64) ([]domain.DiscountShift, error) {
	var out []domain.DiscountShift
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.GroupDeletion(ctx, id, moveTo)
		return err
	})
	return out, err
}

// GroupMembers returns the ids of a group's customers.
func (s *Service) GroupMembers(ctx context.Context, id int64) ([]int64, error) {
	var ids []int64
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		ids, err = tx.GroupMembers(ctx, id)
		return err
	})
	return ids, err
}

// MarketingSources lists the managed sources.
func (s *Service) MarketingSources(ctx context.Context) ([]domain.MarketingSource, error) {
	var out []domain.MarketingSource
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.MarketingSources(ctx)
		return err
	})
	return out, err
}

// NumberingRule returns the rule for new customer codes.
func (s *Service) NumberingRule(ctx context.Context) (domain.NumberingRule, error) {
	var r domain.NumberingRule
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		r, err = tx.NumberingRule(ctx)
		return err
	})
	return r, err
}
