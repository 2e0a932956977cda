package store

import (
	"context"
	"strings"

	"carnet/internal/domain"
)

// listSite is where list l is kept: the main site for the shared lists.
func (t *Tx) listSite(ctx context.Context, site int64, l domain.SiteList) int64 {
	if l.PerMain() {
		return mainSiteID(ctx, t.tx)
	}
	return site
}

// SiteList reads one reference list of a site, in its order.
func (t *Tx) SiteList(ctx context.Context, site int64, l domain.SiteList) ([]domain.SiteEntry, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT code, label FROM site_lists WHERE site_id = ? AND list = ?
		ORDER BY position, code COLLATE NOCASE`, t.listSite(ctx, site, l), string(l))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.SiteEntry
	for rows.Next() {
		var e domain.SiteEntry
		if err := rows.Scan(&e.Code, &e.Label); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PutSiteListEntry adds an entry to a list, or relabels it when its code
// is there already.
func (t *Tx) PutSiteListEntry(ctx context.Context, site int64, l domain.SiteList, e domain.SiteEntry) error {
	site = t.listSite(ctx, site, l)
	_, err := t.tx.ExecContext(ctx, `INSERT INTO site_lists (site_id, list, code, label, position)
		VALUES (?, ?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM site_lists WHERE site_id = ? AND list = ?))
		ON CONFLICT (site_id, list, code) DO UPDATE SET label = excluded.label`, site, string(l), e.Code, e.Label, site, string(l))
	return err
}

// SiteListUses counts the customers of the site (every customer, for the
// shared lists) whose value is code.
func (t *Tx) SiteListUses(ctx context.Context, site int64, l domain.SiteList, code string) (int, error) {
	var query string
	args := []any{code}
	switch l {
	case domain.MainStates:
		query = `SELECT count(*) FROM customers WHERE billing_state = ? COLLATE NOCASE`
	case domain.MainCreditHoldReasons:
		query = `SELECT count(*) FROM customers WHERE credit_hold_reason = ? COLLATE NOCASE`
	case domain.SiteWarehouses, domain.SiteCarriers:
		key := "warehouse"
		if l == domain.SiteCarriers {
			key = "carrier"
		}
		query = `SELECT count(*) FROM customer_sites s WHERE s.site_id = ? AND s.shipping <> ''
			AND EXISTS (SELECT 1 FROM json_each(s.shipping) j WHERE json_extract(j.value, '$.` + key + `') = ? COLLATE NOCASE)`
		args = []any{site, code}
	default:
		var cols []string
		for _, f := range domain.Fields {
			if domain.SiteListOf(f.Key) == l && f.Site {
				cols = append(cols, siteColumnOf(f.Key)+" = ?1 COLLATE NOCASE")
			}
		}
		query = `SELECT count(*) FROM customer_sites WHERE site_id = ?2 AND (` + strings.Join(cols, " OR ") + `)`
		args = []any{code, site}
	}
	var n int
	err := t.tx.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// siteColumnOf is the customer_sites column of a site field's key.
func siteColumnOf(key string) string {
	if key == "site_country" {
		return "country"
	}
	return key
}

// DeleteSiteListEntry removes an entry; the caller has checked it is unused.
func (t *Tx) DeleteSiteListEntry(ctx context.Context, site int64, l domain.SiteList, code string) error {
	res, err := t.tx.ExecContext(ctx, `DELETE FROM site_lists WHERE site_id = ? AND list = ? AND code = ?`,
		t.listSite(ctx, site, l), string(l), code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// SiteListValues reads every list a customer's values on site are checked
// against: the site's own and the main site's shared ones.
func (t *Tx) SiteListValues(ctx context.Context, site int64) (domain.SiteListValues, error) {
	v := domain.SiteListValues{Lists: map[domain.SiteList]map[string]string{}}
	s, err := t.SiteByID(ctx, site)
	if err != nil {
		return v, err
	}
	v.Site = s.Code
	rows, err := t.tx.QueryContext(ctx, `SELECT list, code FROM site_lists WHERE site_id = ? AND list NOT IN ('states', 'credit_hold_reasons')
		UNION ALL SELECT list, code FROM site_lists WHERE site_id = (SELECT id FROM sites WHERE main = 1) AND list IN ('states', 'credit_hold_reasons')`, site)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var l, code string
		if err := rows.Scan(&l, &code); err != nil {
			return v, err
		}
		set := v.Lists[domain.SiteList(l)]
		if set == nil {
			set = map[string]string{}
			v.Lists[domain.SiteList(l)] = set
		}
		set[strings.ToUpper(code)] = code
	}
	return v, rows.Err()
}
