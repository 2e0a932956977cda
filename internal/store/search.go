package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"carnet/internal/domain"
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
	Text     string
	GroupID  int64       // 0: any group
	Kind     domain.Kind // "": both kinds
	Supplier Filter
	Archived Filter // FilterNo (hide archived) is what the Clients tab shows by default
	Sort     string // one of the Sort* constants; name by default
	Desc     bool
	Offset   int
	Limit    int
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
}

// where builds the WHERE clause and its arguments for q.
func (q Query) where() (string, []any) {
	var conds []string
	var args []any
	if match, prefix := searchTerms(q.Text); match != "" {
		conds = append(conds, "c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
		args = append(args, match)
	} else if prefix != "" {
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
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// searchTerms turns what the user typed into an FTS5 query of quoted
// trigram phrases (all must match), or, when every word is shorter than
// three characters, into a folded prefix.
func searchTerms(text string) (match, prefix string) {
	folded := strings.TrimSpace(textfold.Fold(text))
	if folded == "" {
		return "", ""
	}
	words := strings.Fields(folded)
	if looksLikePhone(folded) {
		// "06 12 34", "+33 6 12": the index holds the bare digits.
		words = []string{strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, folded)}
	}
	var phrases []string
	for _, w := range words {
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
// (100 when unset), so a million customers never load whole.
func (s *Store) Search(ctx context.Context, q Query) ([]ListRow, error) {
	where, args := q.where()
	order := sortExpr[q.Sort]
	if order == "" {
		order = sortExpr[SortName]
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	limit := q.Limit
	if limit <= 0 || limit > 10000 {
		limit = 100
	}
	query := `SELECT c.id, c.code, c.kind, c.last_name, c.first_name, c.company_name, c.city, c.email, c.phone1,
		c.balance, c.disappointed, c.archived,
		COALESCE((SELECT group_concat(g.name, ', ') FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		          WHERE cg.customer_id = c.id), '')
		FROM customers c` + where + ` ORDER BY ` + order + dir + `, c.id` + dir + ` LIMIT ? OFFSET ?`
	rows, err := s.read.QueryContext(ctx, query, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]ListRow, 0, limit)
	for rows.Next() {
		var r ListRow
		var kind, last, first, company string
		if err := rows.Scan(&r.ID, &r.Code, &kind, &last, &first, &company, &r.City, &r.Email, &r.Phone,
			&r.Balance, &r.Disappointed, &r.Archived, &r.Groups); err != nil {
			return nil, err
		}
		r.Kind = domain.Kind(kind)
		c := domain.Customer{Kind: r.Kind, LastName: last, FirstName: first, CompanyName: company}
		r.Name = c.Name()
		out = append(out, r)
	}
	return out, rows.Err()
}

// Count returns how many customers q matches (ignoring its window).
func (s *Store) Count(ctx context.Context, q Query) (int, error) {
	where, args := q.where()
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM customers c`+where, args...).Scan(&n)
	return n, err
}
