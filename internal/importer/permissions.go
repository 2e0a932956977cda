package importer

import (
	"context"
	"errors"
	"slices"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// checkPermissions refuses an import the current operator may not run
// (when the settings ask who is working): importing at all, and applying
// balances, which seed 002 reserves to those who may adjust them. A check
// is refused too, so that nobody maps a file they cannot import.
func (im *Importer) checkPermissions(ctx context.Context, req Request) error {
	if err := im.svc.Require(ctx, domain.PermImport); err != nil {
		return err
	}
	if !req.Options.ApplyBalance || !slices.Contains(req.Mapping, "balance") {
		return nil
	}
	err := im.svc.Require(ctx, domain.PermBalance)
	var de *domain.Error
	if errors.As(err, &de) {
		return &domain.Error{Code: de.Code, Message: domain.Message{
			FR: de.Message.FR + " Pour importer le reste, décochez « Appliquer les soldes ».",
			EN: de.Message.EN + " To import the rest, untick \"Apply the balances\"."}}
	}
	return err
}

// checkUndoPermissions refuses an undo the operator may not run: undoing
// imports, and, when the import wrote balance entries, adjusting balances.
func (im *Importer) checkUndoPermissions(ctx context.Context, batch int64) error {
	if err := im.svc.Require(ctx, domain.PermImport); err != nil {
		return err
	}
	var entries int
	err := im.svc.Store.View(ctx, func(tx *store.Tx) error {
		return tx.SQL().QueryRowContext(ctx, `SELECT count(*) FROM balance_entries WHERE import_id = ?`, batch).Scan(&entries)
	})
	if err != nil || entries == 0 {
		return err
	}
	return im.svc.Require(ctx, domain.PermBalance)
}
