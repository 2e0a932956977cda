package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"carnet/internal/domain"
	"carnet/internal/phone"
	"carnet/internal/textfold"
)

// Sort columns of the customer list.
const (
	SortName    = "name"
	SortCode    = "code"
	SortCity    = "city"
	SortEmail   = "email"
	SortPhone   = "phone"
	SortBalance = "balance"
)

var sortExpr = map[string]string{
	SortName:    "c.sort_name",
	SortCode:    "c.code",
	SortCity:    "c.sort_city",
	SortEmail:   "c.email",
	SortPhone:   "c.phone1",
	SortBalance: "c.balance",
}

// Tri-state filters: FilterAny shows all, FilterYes only flagged rows,
// FilterNo only unflagged ones.
type Filter int

const (
	FilterAny Filter = iota
	FilterYes
	FilterNo
)

// Query selects a window of the customer list.
type Query struct {
	Text    string
	GroupID int64 // 0: any group
	// ImportBatch keeps the customers an import created or updated (0: all).
	ImportBatch int64
	Kind        domain.Kind // "": both kinds
	Supplier    Filter
	Archived    Filter // FilterNo (hide archived) is what the Clients tab shows by default
	// SiteID keeps the customers present on that site (0: every site).
	SiteID int64
	// BuyingGroupOf keeps the subordinates of that buying group (0: all).
	BuyingGroupOf int64
	Sort          string // one of the Sort* constants; name by default
	Desc          bool
	Offset        int
	Limit         int
}

// ListRow is one line of the customer list: only what the table shows.
type ListRow struct {
	ID           int64
	Code         string
	Name         string
	Kind         domain.Kind
	City         string
	Email        string
	Phone        string
	Groups       string // names joined by ", "
	Balance      int64
	Disappointed bool
	Archived     bool
	BuyingGroup  bool              // the customer is a buying group (centrale d'achat)
	Discount     domain.Applicable // what a till applies (own, else best group)
	Custom       map[string]string // custom field values, by field name
}

// Flag tokens in the search text let the trigram index answer the common
// filters without reading the customers table: a control character on each
// side makes them exactly one trigram, which nobody can type.
const (
	tokenArchived = "\x01a\x01"
	tokenSupplier = "\x01s\x01"
	tokenCompany  = "\x01c\x01"
)

// flagTokens returns the flag line of a customer's search text.
func flagTokens(c *domain.Customer) string {
	var b strings.Builder
	if c.Archived {
		b.WriteString(tokenArchived + " ")
	}
	if c.Supplier {
		b.WriteString(tokenSupplier + " ")
	}
	if c.Kind == domain.KindCompany {
		b.WriteString(tokenCompany + " ")
	}
	return b.String()
}

// ftsQuery is q as one FTS5 expression (text and flag filters), or "" when
// q has no text long enough for the trigram index.
func (q Query) ftsQuery() string {
	match, _ := searchTerms(q.Text)
	if match == "" {
		return ""
	}
	// The terms that must be there first, then each excluded one: FTS5
	// binds juxtaposed terms tighter than NOT, so "x NOT a b" would mean
	// "x NOT (a AND b)".
	must, not := match, ""
	flag := func(tok string, f Filter) {
		switch f {
		case FilterYes:
			must += ` "` + tok + `"`
		case FilterNo:
			not += ` NOT "` + tok + `"`
		}
	}
	flag(tokenArchived, q.Archived)
	flag(tokenSupplier, q.Supplier)
	switch q.Kind {
	case domain.KindCompany:
		flag(tokenCompany, FilterYes)
	case domain.KindPerson:
		flag(tokenCompany, FilterNo)
	}
	if q.SiteID == firstSite {
		not += " " + siteFTS(q.SiteID)
	} else if q.SiteID != 0 {
		must += " " + siteFTS(q.SiteID)
	}
	expr := must + not
	return expr
}

// where builds the WHERE clause and its arguments for q. With text, the
// search index answers the text and the flag filters together.
func (q Query) where() (string, []any) {
	var conds []string
	var args []any
	fts := q.ftsQuery()
	if fts != "" {
		conds = append(conds, "c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
		args = append(args, fts)
	} else if _, prefix := searchTerms(q.Text); prefix != "" {
		// Under three characters the trigram index cannot help: match the
		// start of the name or of the code, which both have an index.
		conds = append(conds, "((c.sort_name >= ? AND c.sort_name < ?) OR (c.code >= ? AND c.code < ?))")
		up := strings.ToUpper(prefix)
		args = append(args, prefix, prefix+"\U0010FFFF", up, up+"\U0010FFFF")
	}
	if q.GroupID != 0 {
		conds = append(conds, "c.id IN (SELECT customer_id FROM customer_groups WHERE group_id = ?)")
		args = append(args, q.GroupID)
	}
	if q.SiteID != 0 && fts == "" {
		// A correlated probe, not IN: the list walks its sort index and
		// checks each customer's presence, so the first window of a
		// million customers is read at once. Through the compact (site,
		// customer) index: the wide presence rows' primary key cost twice
		// as much (a two-letter prefix on a site counts 50,000 candidates:
		// 312 → 161 ms). With text, the search index answers the site
		// too (siteFTS).
		conds = append(conds, "EXISTS (SELECT 1 FROM customer_sites cs INDEXED BY customer_sites_site WHERE cs.site_id = ? AND cs.customer_id = c.id)")
		args = append(args, q.SiteID)
	}
	if q.BuyingGroupOf != 0 {
		conds = append(conds, "c.buying_group_id = ?")
		args = append(args, q.BuyingGroupOf)
	}
	if q.ImportBatch != 0 {
		conds = append(conds, `(c.id BETWEEN (SELECT first_created FROM imports WHERE id = ?) AND (SELECT last_created FROM imports WHERE id = ?)
			OR c.id IN (SELECT customer_id FROM import_changes WHERE import_id = ? AND action = 'update'))`)
		args = append(args, q.ImportBatch, q.ImportBatch, q.ImportBatch)
	}
	if fts == "" {
		if q.Kind != "" {
			conds = append(conds, "c.kind = ?")
			args = append(args, string(q.Kind))
		}
		for _, f := range []struct {
			col string
			f   Filter
		}{{"c.supplier", q.Supplier}, {"c.archived", q.Archived}} {
			switch f.f {
			case FilterYes:
				conds = append(conds, f.col+" = 1")
			case FilterNo:
				conds = append(conds, f.col+" = 0")
			}
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// searchTerms turns what the user typed into an FTS5 query of quoted
// trigram phrases (all must match), or, when every word is shorter than
// three characters, into a folded prefix.
func searchTerms(text string) (match, prefix string) {
	folded := textfold.Fold(text)
	if folded == "" {
		return "", ""
	}
	words := strings.Fields(folded)
	if looksLikePhone(folded) {
		// "06 12 34", "+33 6 12": the index holds the bare digits, in the
		// national form for French numbers.
		words = []string{phone.SearchQuery(folded)}
	}
	var phrases []string
	for _, w := range words {
		w = strings.Map(func(r rune) rune {
			if r < ' ' { // keep the flag tokens out of reach
				return -1
			}
			return r
		}, w)
		if utf8.RuneCountInString(w) >= 3 {
			phrases = append(phrases, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
		}
	}
	if len(phrases) == 0 {
		return "", words[0]
	}
	return strings.Join(phrases, " "), ""
}

func looksLikePhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '.' || r == '-' || r == '+' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 3
}

// Search returns one window of the list; never more than q.Limit rows
// (100 when unset), so a million customers never load whole. It first reads
// the window's ids, then loads those rows.
func (s *Store) Search(ctx context.Context, q Query) ([]ListRow, error) {
	where, args := q.where()
	col := q.Sort
	if sortExpr[col] == "" {
		col = SortName
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	limit := q.Limit
	if limit <= 0 || limit > 10000 {
		limit = 100
	}
	from := " FROM customers c"
	if fts := q.ftsQuery(); fts != "" {
		// When the text matches many customers (a common trigram such as
		// "mar"), walking the sort index and testing each id against the
		// matches finds a window at once; otherwise reading the matches and
		// sorting them is cheaper.
		n, err := s.ftsCount(ctx, fts)
		if err != nil {
			return nil, err
		}
		total, err := s.total(ctx)
		if err != nil {
			return nil, err
		}
		if n*denseShare > total {
			from += " INDEXED BY " + sortIndex[col]
		}
	}
	offset, reversed := q.Offset, false
	if offset > farOffset {
		// Far down the list, walk the index from the other end: OFFSET
		// costs what it skips, so the bottom of a million rows is as
		// quick as the top.
		n, err := s.Count(ctx, q)
		if err != nil {
			return nil, err
		}
		if offset >= n {
			return nil, nil
		}
		if offset > n/2 {
			reversed = true
			limit = min(limit, n-offset)
			offset = n - offset - limit
			if q.Desc {
				dir = " ASC"
			} else {
				dir = " DESC"
			}
		}
	}
	ids, err := s.windowIDs(ctx, `SELECT c.id`+from+where+` ORDER BY `+sortExpr[col]+dir+`, c.archived`+dir+`, c.id`+dir+
		` LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if reversed {
		slices.Reverse(ids)
	}
	return s.listRows(ctx, ids)
}

// farOffset is where walking the list from its end starts to pay.
var farOffset = 20000

// denseShare: text matching more than 1/denseShare of all customers is
// listed by walking the sort index.
const denseShare = 1000

var sortIndex = map[string]string{
	SortName:    "customers_sort_name",
	SortCode:    "customers_sort_code",
	SortCity:    "customers_sort_city",
	SortEmail:   "customers_sort_email",
	SortPhone:   "customers_sort_phone",
	SortBalance: "customers_sort_balance",
}

func (s *Store) ftsCount(ctx context.Context, expr string) (int, error) {
	return s.counts.get(s.generation.Load(), expr, func() (int, error) {
		var n int
		err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ?`, expr).Scan(&n)
		return n, err
	})
}

// total counts every customer. SQLite has no stored row count, so even
// count(*) walks a b-tree: the answer is cached until the next write.
func (s *Store) total(ctx context.Context) (int, error) {
	return s.counts.get(s.generation.Load(), "", func() (int, error) {
		var n int
		err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&n)
		return n, err
	})
}

// countCache remembers counts until the data changes: the Clients tab asks
// for the count and then for windows of the same query, and a count over
// the index is the dearest part of a keystroke.
type countCache struct {
	mu         sync.Mutex
	generation uint64
	counts     map[string]int
}

func (c *countCache) get(generation uint64, key string, compute func() (int, error)) (int, error) {
	c.mu.Lock()
	if c.generation == generation {
		if n, ok := c.counts[key]; ok {
			c.mu.Unlock()
			return n, nil
		}
	}
	c.mu.Unlock()
	n, err := compute()
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.generation != generation || c.counts == nil || len(c.counts) > 256 {
		c.generation, c.counts = generation, map[string]int{}
	}
	c.counts[key] = n
	return n, nil
}

func (s *Store) windowIDs(ctx context.Context, query string, args ...any) ([]int64, error) {
	return queryIDs(ctx, s.read, query, args...)
}

// queryIDs runs a query of one integer column and returns its values.
func queryIDs(ctx context.Context, db interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, query string, args ...any) ([]int64, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// listRows loads the list columns of ids, in the order of ids.
func (s *Store) listRows(ctx context.Context, ids []int64) ([]ListRow, error) {
	marks := strings.Repeat(",?", len(ids))[1:]
	args := make([]any, len(ids))
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		args[i] = id
		pos[id] = i
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.code, c.kind, c.last_name, c.first_name, c.company_name,
		c.city, c.email, c.phone1, c.balance, c.disappointed, c.archived,
		COALESCE((SELECT group_concat(g.name, ', ') FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		          WHERE cg.customer_id = c.id), ''),
		c.discount_sales, c.custom, c.is_buying_group,
		(SELECT g.name FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		 WHERE cg.customer_id = c.id AND g.discount > 0 ORDER BY g.discount DESC, g.name COLLATE NOCASE LIMIT 1),
		COALESCE((SELECT max(g.discount) FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		          WHERE cg.customer_id = c.id), 0)
		FROM customers c WHERE c.id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]ListRow, len(ids))
	for rows.Next() {
		var r ListRow
		var kind, last, first, company, custom string
		var own, best int64
		var bestGroup sql.NullString
		if err := rows.Scan(&r.ID, &r.Code, &kind, &last, &first, &company, &r.City, &r.Email, &r.Phone,
			&r.Balance, &r.Disappointed, &r.Archived, &r.Groups, &own, &custom, &r.BuyingGroup, &bestGroup, &best); err != nil {
			return nil, err
		}
		groups := map[string]int64{}
		if bestGroup.Valid {
			groups[bestGroup.String] = best
		}
		r.Discount = domain.ApplicableDiscount(own, groups)
		if custom != "" {
			_ = json.Unmarshal([]byte(custom), &r.Custom)
		}
		r.Kind = domain.Kind(kind)
		c := domain.Customer{Kind: r.Kind, LastName: last, FirstName: first, CompanyName: company}
		r.Name = c.Name()
		out[pos[r.ID]] = r
	}
	// A row deleted between the two reads leaves a hole: close it.
	kept := out[:0]
	for _, r := range out {
		if r.ID != 0 {
			kept = append(kept, r)
		}
	}
	return kept, rows.Err()
}

// Count returns how many customers q matches (ignoring its window). The
// common cases are answered by the search index alone.
func (s *Store) Count(ctx context.Context, q Query) (int, error) {
	if n, ok, err := s.siteCount(ctx, q); ok || err != nil {
		return n, err
	}
	if q.GroupID == 0 && q.ImportBatch == 0 && (q.SiteID == 0 || q.ftsQuery() != "") && q.BuyingGroupOf == 0 {
		if fts := q.ftsQuery(); fts != "" {
			return s.ftsCount(ctx, fts)
		}
		if q.Text == "" && q.Kind == "" && q.Supplier == FilterAny {
			switch q.Archived {
			case FilterAny:
				return s.total(ctx)
			case FilterYes:
				return s.ftsCount(ctx, `"`+tokenArchived+`"`)
			case FilterNo:
				total, err := s.total(ctx)
				if err != nil {
					return 0, err
				}
				archived, err := s.ftsCount(ctx, `"`+tokenArchived+`"`)
				return total - archived, err
			}
		}
	}
	from := " FROM customers c"
	where, args := q.where()
	return s.counts.get(s.generation.Load(), fmt.Sprintf("q:%s%s%q", from, where, args), func() (int, error) {
		var n int
		err := s.read.QueryRowContext(ctx, `SELECT count(*)`+from+where, args...).Scan(&n)
		return n, err
	})
}
