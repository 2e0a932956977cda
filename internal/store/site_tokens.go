package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Site tokens in the search text let the trigram index answer the
// current-site filter, counts included, as it does the archived flag: a
// count over a million customers' presence rows costs 25–90 ms, over a
// token's list a few. A customer's text holds "\x01s<id>\x01" for each
// site it is on, except the first site (id 1, the main site of every file
// when sites arrived), for which it holds "\x01n\x01" when it is NOT on it:
// nearly every customer is on that site, and a file from before sites
// needs no new text at all.

const firstSite = 1

const tokenNotFirst = "\x01n\x01"

// siteToken is one character between two control characters, one
// trigram like the flags: a longer token is a phrase of several trigrams,
// whose position lists FTS5 must compare for each of a site's 300,000
// customers (measured: 88 ms to open a site's list, 25 ms with one
// trigram). Sites past the private-use area get a longer token.
func siteToken(id int64) string {
	if id > 0 && id < 0x1900 {
		return "\x01" + string(rune(0xE000+id)) + "\x01"
	}
	return "\x01s" + strconv.FormatInt(id, 10) + "\x01"
}

// siteTokens is the token line of a customer on sites.
func siteTokens(sites []int64) string {
	var b strings.Builder
	onFirst := false
	for _, id := range sites {
		if id == firstSite {
			onFirst = true
			continue
		}
		b.WriteString(siteToken(id) + " ")
	}
	if !onFirst {
		b.WriteString(tokenNotFirst + " ")
	}
	return b.String()
}

// siteTokensText is siteTokens of a comma-separated list of site ids (what
// group_concat gives the SQL-side search text).
func siteTokensText(list string) string {
	var ids []int64
	for part := range strings.SplitSeq(list, ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return siteTokens(ids)
}

// siteFTS is the search-index term keeping the customers on site id.
func siteFTS(id int64) string {
	if id == firstSite {
		return `NOT "` + tokenNotFirst + `"`
	}
	return `"` + siteToken(id) + `"`
}

// sitesColumn is the SQL expression, over the customers table, of a
// customer's sites for searchDocSQL.
const sitesColumn = `(SELECT group_concat(site_id) FROM customer_sites WHERE customer_id = customers.id)`

// reindex writes again the search text of the customers matching cond (a
// condition on the customers table), after their sites changed.
func (t *Tx) reindex(ctx context.Context, cond string, args ...any) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM customer_search WHERE rowid IN (SELECT id FROM customers WHERE `+cond+`)`, args...); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	searched, err := t.searchedCustom(ctx)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (rowid, doc)
		SELECT id, `+searchDocFunc+`(?, `+searchDocColumns+`) FROM customers WHERE `+cond+` ORDER BY id`,
		append([]any{searchedList(searched)}, args...)...); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// siteCount answers from the search index the count of the Clients tab's
// usual lists on one site (no text, no other filter than archived);
// ok is false for the others.
func (s *Store) siteCount(ctx context.Context, q Query) (n int, ok bool, err error) {
	if q.SiteID == 0 || q.Text != "" || q.GroupID != 0 || q.ImportBatch != 0 || q.BuyingGroupOf != 0 ||
		q.Kind != "" || q.Supplier != FilterAny {
		return 0, false, nil
	}
	archived := `"` + tokenArchived + `"`
	if q.SiteID == firstSite {
		// Everyone but those not on it (and, for the active, the archived).
		total, err := s.total(ctx)
		if err != nil {
			return 0, true, err
		}
		var off int
		switch q.Archived {
		case FilterAny:
			off, err = s.ftsCount(ctx, `"`+tokenNotFirst+`"`)
		case FilterNo:
			off, err = s.ftsCount(ctx, `"`+tokenNotFirst+`" OR `+archived)
		case FilterYes:
			n, err = s.ftsCount(ctx, archived+` NOT "`+tokenNotFirst+`"`)
			return n, true, err
		}
		return total - off, true, err
	}
	expr := siteFTS(q.SiteID)
	switch q.Archived {
	case FilterNo:
		expr += " NOT " + archived
	case FilterYes:
		expr += " " + archived
	}
	n, err = s.ftsCount(ctx, expr)
	return n, true, err
}
