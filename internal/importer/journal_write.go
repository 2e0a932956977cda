package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// openBatch writes the journal line of this import; its counts are filled
// by closeBatch in the same transaction.
func (run *run) openBatch(ctx context.Context) (int64, error) {
	headers, _ := json.Marshal(run.headers)
	mapping, _ := json.Marshal(run.req.Mapping)
	options, _ := json.Marshal(run.req.Options)
	now := store.FormatTime(run.stamp)
	res, err := run.tx.SQL().ExecContext(ctx, `INSERT INTO imports (file, fingerprint, profile, headers, mapping, options, created_at, written_at, operator)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, run.journalName(), Fingerprint(run.headers), run.req.Profile,
		string(headers), string(mapping), string(options), now, now, run.operator)
	if err != nil {
		return 0, fmt.Errorf("journal: %w", err)
	}
	return res.LastInsertId()
}

// journalName is the file name the journal records.
func (run *run) journalName() string {
	if run.req.JournalName != "" {
		return run.req.JournalName
	}
	return filepath.Base(run.req.Path)
}

func (run *run) closeBatch(ctx context.Context) error {
	counts, _ := json.Marshal(run.plan.Counts)
	if _, err := run.tx.SQL().ExecContext(ctx, `UPDATE imports SET counts = ?, first_created = ?, last_created = ? WHERE id = ?`,
		string(counts), run.firstCreated, run.lastCreated, run.batch); err != nil {
		return err
	}
	c := run.plan.Counts
	return run.im.svc.Record(ctx, run.tx, domain.JournalImport, run.journalName(),
		domain.JournalDetail(domain.Message{
			FR: fmt.Sprintf("n° %d : %d créé(s), %d modifié(s), %d ligne(s) en erreur", run.batch, c.Created, c.Updated, c.Errors),
			EN: fmt.Sprintf("no. %d: %d created, %d updated, %d row(s) in error", run.batch, c.Created, c.Updated, c.Errors)}))
}

// journalChange records that the import created or updated a customer;
// before is the updated customer as it was (nil for a creation, which only
// widens the batch's ID range).
func (run *run) journalChange(ctx context.Context, id int64, before *domain.Customer) error {
	if before == nil {
		if run.firstCreated == 0 {
			run.firstCreated = id
		}
		run.lastCreated = id
		return nil
	}
	if !run.commit {
		return nil
	}
	action := "create"
	var image sql.NullString
	if before != nil {
		action = "update"
		b, err := json.Marshal(before)
		if err != nil {
			return err
		}
		image = sql.NullString{String: string(b), Valid: true}
	}
	st, err := run.tx.Prepared(ctx, `INSERT INTO import_changes (import_id, customer_id, action, before) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, run.batch, id, action, image)
	return err
}

// journalCreated records a group or marketing source the import created.
func (run *run) journalCreated(ctx context.Context, kind, name string) error {
	if !run.commit {
		return nil
	}
	_, err := run.tx.SQL().ExecContext(ctx, `INSERT INTO import_created (import_id, kind, name) VALUES (?, ?, ?)`, run.batch, kind, name)
	return err
}
