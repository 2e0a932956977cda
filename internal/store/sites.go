package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"carnet/internal/domain"
)

// MainSiteID reads the main site's id (0 on a file from before sites).
func mainSiteID(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) int64 {
	var id int64
	_ = db.QueryRowContext(ctx, `SELECT id FROM sites WHERE main = 1`).Scan(&id)
	return id
}

// SetSite makes id the current site of the transactions that follow.
func (s *Store) SetSite(id int64) { s.site.Store(id) }

// Sites lists the sites, the main one first; withCounts also counts the
// customers present on each (a walk of the presence index).
func (t *Tx) Sites(ctx context.Context, withCounts bool) ([]domain.Site, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, code, name, main FROM sites ORDER BY main DESC, position, code`)
	if err != nil {
		return nil, err
	}
	var out []domain.Site
	for rows.Next() {
		var s domain.Site
		if err := rows.Scan(&s.ID, &s.Code, &s.Name, &s.Main); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil || !withCounts {
		return out, err
	}
	for i := range out {
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customer_sites WHERE site_id = ?`, out[i].ID).Scan(&out[i].Customers); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SiteByCode loads one site; an unknown code is a user error.
func (t *Tx) SiteByCode(ctx context.Context, code string) (domain.Site, error) {
	var s domain.Site
	err := t.tx.QueryRowContext(ctx, `SELECT id, code, name, main FROM sites WHERE code = ?`, code).Scan(&s.ID, &s.Code, &s.Name, &s.Main)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrUnknownSite(code)
	}
	return s, err
}

// SiteByID loads one site.
func (t *Tx) SiteByID(ctx context.Context, id int64) (domain.Site, error) {
	var s domain.Site
	err := t.tx.QueryRowContext(ctx, `SELECT id, code, name, main FROM sites WHERE id = ?`, id).Scan(&s.ID, &s.Code, &s.Name, &s.Main)
	if errors.Is(err, sql.ErrNoRows) {
		return s, domain.ErrNotFound
	}
	return s, err
}

// ErrDuplicateSite: another site has the code.
var ErrDuplicateSite = &domain.Error{Code: "duplicate_site", Message: domain.Message{
	FR: "Un autre site a déjà ce code : choisissez-en un autre.", EN: "Another site already has this code: choose another one."}}

// AddSite creates a site whose reference lists start as copies of the main
// site's. main makes it the main site instead of the current one.
func (t *Tx) AddSite(ctx context.Context, code, name string, main bool) (int64, error) {
	if main {
		if _, err := t.tx.ExecContext(ctx, `UPDATE sites SET main = 0 WHERE main = 1`); err != nil {
			return 0, err
		}
	}
	from := mainSiteID(ctx, t.tx)
	res, err := t.tx.ExecContext(ctx, `INSERT INTO sites (code, name, main, position)
		VALUES (?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM sites))`, code, name, main)
	if err != nil {
		if isUnique(err) {
			return 0, ErrDuplicateSite
		}
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if from != 0 {
		_, err = t.tx.ExecContext(ctx, `INSERT INTO site_lists (site_id, list, code, label, position)
			SELECT ?, list, code, label, position FROM site_lists WHERE site_id = ? AND list NOT IN ('states', 'credit_hold_reasons')`, id, from)
	}
	return id, err
}

// RenameSite changes a site's code and name; customers follow by id.
func (t *Tx) RenameSite(ctx context.Context, id int64, code, name string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE sites SET code = ?, name = ? WHERE id = ?`, code, name, id)
	if err != nil {
		if isUnique(err) {
			return ErrDuplicateSite
		}
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// SetMainSite makes id the main site. The shared lists (states, credit-hold
// reasons) move with it.
func (t *Tx) SetMainSite(ctx context.Context, id int64) error {
	old := mainSiteID(ctx, t.tx)
	if old == id {
		return nil
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE sites SET main = 0 WHERE id = ?`, old); err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE sites SET main = 1 WHERE id = ?`, id); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE OR REPLACE site_lists SET site_id = ? WHERE site_id = ? AND list IN ('states', 'credit_hold_reasons')`, id, old)
	return err
}

// OnlyOnSite counts the customers present on site id and on no other.
func (t *Tx) OnlyOnSite(ctx context.Context, id int64) (int, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customer_sites cs WHERE cs.site_id = ?
		AND NOT EXISTS (SELECT 1 FROM customer_sites o WHERE o.customer_id = cs.customer_id AND o.site_id <> cs.site_id)`, id).Scan(&n)
	return n, err
}

// DeleteSite removes a site and the site parts it kept; the caller has
// checked that no customer is only there and that it is not the main one.
func (t *Tx) DeleteSite(ctx context.Context, id int64) error {
	if _, err := t.tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS site_left (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	defer t.tx.ExecContext(context.WithoutCancel(ctx), `DELETE FROM temp.site_left`)
	if _, err := t.tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.site_left SELECT customer_id FROM customer_sites WHERE site_id = ?`, id); err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM customer_sites WHERE site_id = ?`, id); err != nil {
		return err
	}
	// Their search text no longer names the site.
	if err := t.reindex(ctx, `id IN (SELECT id FROM temp.site_left)`); err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, `DELETE FROM sites WHERE id = ? AND main = 0`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// LinkCustomer puts a customer on a site with an empty site part; false
// when it was there already.
func (t *Tx) LinkCustomer(ctx context.Context, customerID, siteID int64) (bool, error) {
	res, err := t.exec(ctx, `INSERT OR IGNORE INTO customer_sites (customer_id, site_id) VALUES (?, ?)`, customerID, siteID)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	return true, t.reindex(ctx, `id = ?`, customerID)
}

// UnlinkCustomer takes a customer off a site and returns on how many sites
// it remains.
func (t *Tx) UnlinkCustomer(ctx context.Context, customerID, siteID int64) (int, error) {
	res, err := t.exec(ctx, `DELETE FROM customer_sites WHERE customer_id = ? AND site_id = ?`, customerID, siteID)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, domain.ErrNotFound
	}
	if err := t.reindex(ctx, `id = ?`, customerID); err != nil {
		return 0, err
	}
	var left int
	err = t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customer_sites WHERE customer_id = ?`, customerID).Scan(&left)
	return left, err
}

// SitesOf lists the ids of the sites a customer is on.
func (t *Tx) SitesOf(ctx context.Context, customerID int64) ([]int64, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT cs.site_id FROM customer_sites cs JOIN sites s ON s.id = cs.site_id
		WHERE cs.customer_id = ? ORDER BY s.main DESC, s.position, s.code`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SubordinateCount counts the customers attached to buying group id.
func (t *Tx) SubordinateCount(ctx context.Context, id int64) (int, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE buying_group_id = ?`, id).Scan(&n)
	return n, err
}

func isUnique(err error) bool { return err != nil && strings.Contains(err.Error(), "UNIQUE") }

// LinkEveryNth puts every nth customer (by id) on site id, in one
// statement: the sample data's way of spreading customers over sites.
func (t *Tx) LinkEveryNth(ctx context.Context, siteID int64, nth int) (int64, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_sites (customer_id, site_id)
		SELECT id, ? FROM customers WHERE id % ? = 0`, siteID, nth)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return n, t.reindex(ctx, `id % ? = 0`, nth)
}
