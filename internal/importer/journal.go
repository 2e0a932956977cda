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

const selectBatch = `SELECT id, file, fingerprint, profile, headers, mapping, options, counts, created_at, written_at, undone_at, operator, undone_by FROM imports `

// Journal lists every import, newest first.
func (im *Importer) Journal(ctx context.Context) ([]Batch, error) {
	var out []Batch
	err := im.svc.Store.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.SQL().QueryContext(ctx, selectBatch+`ORDER BY id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			b, _, err := scanBatch(rows)
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("import journal: %w", err)
	}
	return out, nil
}

// scanBatch reads one journal line and the instant its writes carry.
func scanBatch(row interface{ Scan(...any) error }) (Batch, string, error) {
	var b Batch
	var headers, mapping, options, counts, created, written string
	var undone sql.NullString
	if err := row.Scan(&b.ID, &b.File, &b.Fingerprint, &b.Profile, &headers, &mapping, &options, &counts, &created, &written, &undone, &b.Operator, &b.UndoneBy); err != nil {
		return b, "", err
	}
	b.CreatedAt = store.ParseTime(created)
	if undone.Valid {
		t := store.ParseTime(undone.String)
		b.UndoneAt = &t
	}
	if err := errors.Join(json.Unmarshal([]byte(headers), &b.Headers), json.Unmarshal([]byte(mapping), &b.Mapping),
		json.Unmarshal([]byte(options), &b.Options), json.Unmarshal([]byte(counts), &b.Counts)); err != nil {
		return b, "", fmt.Errorf("import %d: %w", b.ID, err)
	}
	return b, written, nil
}

// ErrAlreadyUndone is returned by Undo for an import undone before.
var ErrAlreadyUndone = &domain.Error{Code: "import_already_undone", Message: domain.Message{
	FR: "Cette importation a déjà été annulée.", EN: "This import has already been undone."}}

// ErrNoSuchImport is returned by Undo for an unknown batch number.
var ErrNoSuchImport = &domain.Error{Code: "import_not_found", Message: domain.Message{
	FR: "Aucune importation ne porte ce numéro (voir « carnet imports »).", EN: "No import has this number (see \"carnet imports\")."}}
