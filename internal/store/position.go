package store

import (
	"context"
	"strings"
)

// Position returns where customer id stands in the list q describes (its
// filters and sort, ignoring its window), and false when q does not list
// it: the window scrolls to a customer just saved. The list is ordered by
// the sort column, then archived, then id (Search's order), so the
// position is the number of listed customers before it in that order.
func (s *Store) Position(ctx context.Context, q Query, id int64) (int, bool, error) {
	where, args := q.where()
	and := " AND "
	if where == "" {
		and = " WHERE "
	}
	var listed int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM customers c`+where+and+`c.id = ?`,
		append(append([]any(nil), args...), id)...).Scan(&listed)
	if err != nil || listed == 0 {
		return 0, false, err
	}
	col := sortExpr[q.Sort]
	if col == "" {
		col = sortExpr[SortName]
	}
	before := "<"
	if q.Desc {
		before = ">"
	}
	var n int
	err = s.read.QueryRowContext(ctx, `SELECT count(*) FROM customers c`+where+and+
		`(`+col+`, c.archived, c.id) `+before+` (SELECT `+strings.Replace(col, "c.", "x.", 1)+`, x.archived, x.id FROM customers x WHERE x.id = ?)`,
		append(append([]any(nil), args...), id)...).Scan(&n)
	return n, err == nil, err
}
