package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// maxLeftAloneListed bounds UndoResult.LeftAlone; the count is complete
// in the message anyway.
const maxLeftAloneListed = 1000

// undoPage is how many journal lines undo reads at a time, so that undoing
// a million-row import keeps memory flat.
const undoPage = 1000

// Undo reverts a whole import in one transaction: the customers it created
// are removed, those it updated get their fields back, its balance entries
// and the groups/sources it created (when unused) go. A customer edited
// since the import (its updated_at is no longer the import's) is left as
// it is and reported.
func (im *Importer) Undo(ctx context.Context, batch int64) (*UndoResult, error) {
	res := &UndoResult{Batch: batch, LeftAlone: []LeftAlone{}}
	if err := im.checkUndoable(ctx, batch); err != nil {
		return nil, fmt.Errorf("undo import %d: %w", batch, err)
	}
	if err := im.checkUndoPermissions(ctx, batch); err != nil {
		return nil, err
	}
	b, err := im.svc.Store.AutoBackup(ctx, store.ReasonUndo)
	if err != nil {
		return nil, fmt.Errorf("backup before the undo: %w", err)
	}
	res.Backup = b.Path
	err = im.svc.Store.Update(ctx, func(tx *store.Tx) error {
		b, written, err := scanBatch(tx.SQL().QueryRowContext(ctx, selectBatch+`WHERE id = ?`, batch))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNoSuchImport
		}
		if err != nil {
			return err
		}
		if b.UndoneAt != nil {
			return ErrAlreadyUndone
		}
		u := &undoer{tx: tx, batch: batch, written: written, res: res}
		// A sync's orders go first, while their customers are still there.
		docs, err := tx.DeleteImportDocuments(ctx, batch)
		if err != nil {
			return err
		}
		res.Documents = int(docs)
		if err := u.created(ctx); err != nil {
			return err
		}
		if err := u.customers(ctx); err != nil {
			return err
		}
		if err := u.createdNames(ctx); err != nil {
			return err
		}
		if _, err = tx.SQL().ExecContext(ctx, `UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?`,
			store.FormatTime(im.Now()), im.svc.OperatorName(), batch); err != nil {
			return err
		}
		return im.svc.Record(ctx, tx, domain.JournalUndo, b.File, domain.JournalDetail(domain.Message{
			FR: fmt.Sprintf("n° %d : %d client(s) retiré(s), %d rétabli(s), %d laissé(s) tels quels", batch, res.Removed, res.Restored, len(res.LeftAlone)),
			EN: fmt.Sprintf("no. %d: %d customer(s) removed, %d restored, %d left as they were", batch, res.Removed, res.Restored, len(res.LeftAlone))}))
	})
	if err != nil {
		return nil, fmt.Errorf("undo import %d: %w", batch, err)
	}
	return res, nil
}

// checkUndoable refuses, before any backup is written, an import that does
// not exist or was undone already.
func (im *Importer) checkUndoable(ctx context.Context, batch int64) error {
	return im.svc.Store.View(ctx, func(tx *store.Tx) error {
		b, _, err := scanBatch(tx.SQL().QueryRowContext(ctx, selectBatch+`WHERE id = ?`, batch))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrNoSuchImport
		case err != nil:
			return err
		case b.UndoneAt != nil:
			return ErrAlreadyUndone
		}
		return nil
	})
}

type undoer struct {
	tx      *store.Tx
	batch   int64
	written string
	res     *UndoResult
}

type journalLine struct {
	customerID int64
	action     string
	before     sql.NullString
}

func (u *undoer) customers(ctx context.Context) error {
	after := int64(-1)
	for {
		page, err := u.page(ctx, after)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, l := range page {
			if err := u.one(ctx, l); err != nil {
				return fmt.Errorf("customer %d: %w", l.customerID, err)
			}
		}
		after = page[len(page)-1].customerID
	}
}

// created removes, in a few set statements, the customers the import
// created that nobody changed since; the others are reported.
func (u *undoer) created(ctx context.Context) error {
	var first, last int64
	if err := u.tx.SQL().QueryRowContext(ctx, `SELECT first_created, last_created FROM imports WHERE id = ?`, u.batch).Scan(&first, &last); err != nil {
		return err
	}
	if first == 0 {
		return nil
	}
	changed, _, err := u.tx.ChangedSince(ctx, first, last, u.written, maxLeftAloneListed-len(u.res.LeftAlone))
	if err != nil {
		return err
	}
	for _, c := range changed {
		u.res.LeftAlone = append(u.res.LeftAlone, LeftAlone{CustomerID: c.ID, Code: c.Code, Name: c.Name(), UpdatedAt: c.UpdatedAt})
	}
	removed, entries, err := u.tx.DeleteCreated(ctx, u.batch, first, last, u.written)
	if err != nil {
		return err
	}
	u.res.Removed += removed
	u.res.BalanceEntries += entries
	return nil
}

func (u *undoer) page(ctx context.Context, after int64) ([]journalLine, error) {
	rows, err := u.tx.SQL().QueryContext(ctx, `SELECT customer_id, action, before FROM import_changes
		WHERE import_id = ? AND customer_id > ? ORDER BY customer_id LIMIT ?`, u.batch, after, undoPage)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journalLine
	for rows.Next() {
		var l journalLine
		if err := rows.Scan(&l.customerID, &l.action, &l.before); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// one gives an updated customer its fields back, unless it was changed by
// hand since the import (then it is reported).
func (u *undoer) one(ctx context.Context, l journalLine) error {
	updated, ok, err := u.tx.UpdatedAt(ctx, l.customerID)
	if err != nil || !ok {
		return err // !ok: deleted by hand since, nothing to undo
	}
	if updated != u.written {
		if len(u.res.LeftAlone) < maxLeftAloneListed {
			cur, err := u.tx.CustomerBy(ctx, "id", l.customerID)
			if err != nil {
				return err
			}
			u.res.LeftAlone = append(u.res.LeftAlone, LeftAlone{CustomerID: cur.ID, Code: cur.Code, Name: cur.Name(), UpdatedAt: cur.UpdatedAt})
		}
		return nil
	}
	st, err := u.tx.Prepared(ctx, `DELETE FROM balance_entries WHERE import_id = ? AND customer_id = ?`)
	if err != nil {
		return err
	}
	n, err := st.ExecContext(ctx, u.batch, l.customerID)
	if err != nil {
		return err
	}
	if k, _ := n.RowsAffected(); k > 0 {
		u.res.BalanceEntries += int(k)
	}
	if l.action == "create" { // journals written before creations were ranges
		u.res.Removed++
		return u.tx.DeleteCustomer(ctx, l.customerID)
	}
	var before domain.Customer
	if err := json.Unmarshal([]byte(l.before.String), &before); err != nil {
		return err
	}
	u.res.Restored++
	if err := u.tx.UpdateCustomer(ctx, &before, store.SaveOptions{CreateGroups: true, CreateSources: true}); err != nil {
		return err
	}
	if before.Site.Site == "" || before.Site.Present {
		return nil
	}
	// The import put the customer on its site: undoing takes it off again.
	site, err := u.tx.SiteByCode(ctx, before.Site.Site)
	if err != nil {
		return err
	}
	if _, err := u.tx.UnlinkCustomer(ctx, l.customerID, site.ID); err != nil && !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	return nil
}

// createdNames removes the groups, sources and custom fields the import
// created, when no customer uses them any more. (The custom fields' check
// reads every customer's custom values, so it only runs when the import
// created one.)
func (u *undoer) createdNames(ctx context.Context) error {
	for _, q := range []string{
		`DELETE FROM groups WHERE name IN (SELECT name FROM import_created WHERE import_id = ?1 AND kind = 'group')
			AND NOT EXISTS (SELECT 1 FROM customer_groups cg WHERE cg.group_id = groups.id)`,
		`DELETE FROM marketing_sources WHERE name IN (SELECT name FROM import_created WHERE import_id = ?1 AND kind = 'source')
			AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.marketing_source_id = marketing_sources.id)`,
		`DELETE FROM custom_fields WHERE name IN (SELECT name FROM import_created WHERE import_id = ?1 AND kind = 'custom_field')
			AND NOT EXISTS (SELECT 1 FROM customers c, json_each(c.custom) j
				WHERE c.custom <> '' AND j.key = custom_fields.name COLLATE NOCASE)`,
	} {
		if _, err := u.tx.SQL().ExecContext(ctx, q, u.batch); err != nil {
			return err
		}
	}
	return nil
}
