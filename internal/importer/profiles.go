package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Profiles lists the saved mapping profiles, most recently saved first.
func (im *Importer) Profiles(ctx context.Context) ([]Profile, error) {
	var out []Profile
	err := im.svc.Store.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.SQL().QueryContext(ctx, `SELECT name, fingerprint, headers, mapping, options, updated_at
			FROM import_profiles ORDER BY updated_at DESC, name`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanProfile(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list import profiles: %w", err)
	}
	return out, nil
}

func scanProfile(row interface{ Scan(...any) error }) (Profile, error) {
	var p Profile
	var headers, mapping, options, updated string
	if err := row.Scan(&p.Name, &p.Fingerprint, &headers, &mapping, &options, &updated); err != nil {
		return p, err
	}
	p.UpdatedAt = store.ParseTime(updated)
	if err := errors.Join(json.Unmarshal([]byte(headers), &p.Headers), json.Unmarshal([]byte(mapping), &p.Mapping),
		json.Unmarshal([]byte(options), &p.Options)); err != nil {
		return p, fmt.Errorf("profile %q: %w", p.Name, err)
	}
	return p, nil
}

// profileFor returns the most recently saved profile with fingerprint.
func (im *Importer) profileFor(ctx context.Context, fingerprint string) (Profile, bool, error) {
	var p Profile
	found := false
	err := im.svc.Store.View(ctx, func(tx *store.Tx) error {
		var err error
		p, err = scanProfile(tx.SQL().QueryRowContext(ctx, `SELECT name, fingerprint, headers, mapping, options, updated_at
			FROM import_profiles WHERE fingerprint = ? ORDER BY updated_at DESC LIMIT 1`, fingerprint))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	return p, found, err
}

// SaveProfile stores p under its name (replacing a profile of that name).
// Fingerprint is computed from Headers when empty.
func (im *Importer) SaveProfile(ctx context.Context, p Profile) error {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return &domain.FieldError{Field: "profile", Code: "required", Message: domain.Message{
			FR: "Donnez un nom au profil d’importation.", EN: "Give the import profile a name."}}
	}
	if len(p.Mapping) != len(p.Headers) {
		return fmt.Errorf("profile %q: %d columns mapped for %d headers", p.Name, len(p.Mapping), len(p.Headers))
	}
	if p.Fingerprint == "" {
		p.Fingerprint = Fingerprint(p.Headers)
	}
	// Rows left out or decided one by one belong to one file, not to
	// every file with these columns.
	p.Options.ExcludeLines, p.Options.IdentityLines = nil, nil
	headers, _ := json.Marshal(p.Headers)
	mapping, _ := json.Marshal(p.Mapping)
	options, _ := json.Marshal(p.Options)
	return im.svc.Store.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `INSERT INTO import_profiles (name, fingerprint, headers, mapping, options, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint,
			headers = excluded.headers, mapping = excluded.mapping, options = excluded.options, updated_at = excluded.updated_at`,
			p.Name, p.Fingerprint, string(headers), string(mapping), string(options), store.FormatTime(im.Now()))
		if err != nil {
			return fmt.Errorf("save profile %q: %w", p.Name, err)
		}
		return nil
	})
}

// DeleteProfile removes the profile called name.
func (im *Importer) DeleteProfile(ctx context.Context, name string) error {
	return im.svc.Store.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `DELETE FROM import_profiles WHERE name = ?`, name)
		return err
	})
}

// RenameProfile gives the profile called old the name new, keeping its
// mapping, options and date (so that it is still the one chosen for its
// files). An empty new name, or one another profile has (without case),
// is refused with a message that says so; only the case may change.
func (im *Importer) RenameProfile(ctx context.Context, old, new string) error {
	new = strings.TrimSpace(new)
	if new == "" {
		return &domain.Error{Code: "profile_name_required", Message: domain.Message{
			FR: "Donnez un nom au profil d’importation.", EN: "Give the import profile a name."}}
	}
	return im.svc.Store.Update(ctx, func(tx *store.Tx) error {
		var taken string
		err := tx.SQL().QueryRowContext(ctx, `SELECT name FROM import_profiles WHERE name = ? AND name <> ?`, new, old).Scan(&taken)
		switch {
		case err == nil:
			return &domain.Error{Code: "profile_name_taken", Message: domain.Message{
				FR: "Un profil s’appelle déjà « " + taken + " » : choisissez un autre nom, ou supprimez d’abord l’autre profil.",
				EN: "A profile is already called \"" + taken + "\": choose another name, or delete the other profile first."}}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res, err := tx.SQL().ExecContext(ctx, `UPDATE import_profiles SET name = ? WHERE name = ?`, new, old)
		if err != nil {
			return fmt.Errorf("rename profile %q: %w", old, err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return &domain.Error{Code: "not_found", Message: domain.Message{
				FR: "Le profil « " + old + " » n’existe plus : il a peut-être été supprimé ou renommé entre-temps.",
				EN: "Profile \"" + old + "\" no longer exists: it may have been deleted or renamed meanwhile."}}
		}
		return nil
	})
}
