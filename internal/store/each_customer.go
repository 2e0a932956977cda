package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"carnet/internal/domain"
)

// EachCustomer calls fn with every customer q lists, whole (groups,
// shipping addresses, applicable discount), in q's order, from one read
// transaction: an export sees one consistent state of the file however long
// it takes. q's Offset and Limit are ignored. fn's customer is not kept by
// EachCustomer; an error from fn stops the walk and is returned.
//
// One statement reads the customers, and SQLite hands each one over as one
// text (walkColumns): through database/sql and the pure-Go driver every
// column of every row costs a round of locks and conversions, which for
// fifty columns made the read six times slower than the data itself. The
// group memberships are read once beforehand (a subquery per customer
// halved the speed), and only the few customers with shipping addresses
// cost a query of their own.
//
// Three goroutines share the work, so that the two cores of a small
// machine both run: SQLite steps the rows, the second turns them into
// customers, and fn (the file being written) runs on the caller's.
func (s *Store) EachCustomer(ctx context.Context, q Query, fn func(*domain.Customer) error) error {
	where, args := q.where()
	col := q.Sort
	if sortExpr[col] == "" {
		col = SortName
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	query := `SELECT c.id, ` + walkColumns + ` FROM customers c ` + siteJoins(s.site.Load()) + where +
		` ORDER BY ` + sortExpr[col] + dir + `, c.archived` + dir + `, c.id` + dir
	return s.View(ctx, func(tx *Tx) error {
		w, err := tx.newWalker(ctx)
		if err != nil {
			return err
		}
		rows := tx.stepRows(ctx, query, args)
		parseCtx, stopParsing := context.WithCancel(ctx)
		defer stopParsing()
		customers := make(chan []*domain.Customer, 4)
		parsed := make(chan error, 1)
		go func() {
			defer close(customers)
			parsed <- w.parse(parseCtx, rows.batches, customers)
		}()
		for batch := range customers {
			for _, c := range batch {
				if err := fn(c); err != nil {
					stopParsing()
					for range customers {
					}
					<-parsed
					rows.stop()
					return err
				}
			}
		}
		if err := <-parsed; err != nil {
			rows.stop()
			return err
		}
		return rows.err() // a walk cut short must not pass for the whole list
	})
}

// walker turns walked rows into customers.
type walker struct {
	tx      *Tx
	groups  map[int64]domain.Group
	members memberships
	shipped []int64 // customers with shipping addresses, sorted
}

func (t *Tx) newWalker(ctx context.Context) (*walker, error) {
	w := &walker{tx: t}
	var err error
	if w.groups, err = t.groupsByID(ctx); err != nil {
		return nil, err
	}
	if w.members, err = t.allMemberships(ctx); err != nil {
		return nil, err
	}
	w.shipped, err = t.customersWithShipping(ctx)
	return w, err
}

// parse reads batches of rows into batches of customers until the rows
// end, ctx is cancelled or a row cannot be read. It alone uses the
// transaction's prepared statements while the walk runs.
func (w *walker) parse(ctx context.Context, in <-chan []joinedRow, out chan<- []*domain.Customer) error {
	for batch := range in {
		customers := make([]*domain.Customer, 0, len(batch))
		for _, r := range batch {
			c, err := w.customer(ctx, r)
			if err != nil {
				return err
			}
			customers = append(customers, c)
		}
		select {
		case out <- customers:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func (w *walker) customer(ctx context.Context, r joinedRow) (*domain.Customer, error) {
	read, err := scanCustomer(&r)
	if errors.Is(err, errMisjoined) {
		// A value holds the separator: read this one the slow way.
		read, err = w.tx.CustomerBy(ctx, "id", r.id)
	}
	if err != nil {
		return nil, err
	}
	c := walked{read}
	c.setGroups(w.members.of(r.id), w.groups)
	c.Shipping = nil
	if _, ok := slices.BinarySearch(w.shipped, r.id); ok {
		if c.Shipping, err = w.tx.shippingOf(ctx, r.id); err != nil {
			return nil, err
		}
	}
	return c.Customer, nil
}

// walkBatch is how many rows travel together from the stepping goroutine.
const walkBatch = 256

// steppedRows are the rows of a walk, stepped by SQLite on a goroutine of
// their own while the caller's goroutine turns them into customers and
// writes them: each takes a core.
type steppedRows struct {
	batches chan []joinedRow
	done    chan error
	cancel  context.CancelFunc
}

func (t *Tx) stepRows(ctx context.Context, query string, args []any) *steppedRows {
	ctx, cancel := context.WithCancel(ctx)
	r := &steppedRows{batches: make(chan []joinedRow, 4), done: make(chan error, 1), cancel: cancel}
	go func() {
		defer close(r.batches)
		r.done <- t.step(ctx, query, args, r.batches)
	}()
	return r
}

func (t *Tx) step(ctx context.Context, query string, args []any, out chan<- []joinedRow) error {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	batch := make([]joinedRow, 0, walkBatch)
	send := func() error {
		select {
		case out <- batch:
			batch = make([]joinedRow, 0, walkBatch)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for rows.Next() {
		var r joinedRow
		if err := rows.Scan(&r.id, &r.text); err != nil {
			return err
		}
		if batch = append(batch, r); len(batch) == walkBatch {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return send()
	}
	return nil
}

// stop ends the stepping early and waits for its goroutine.
func (r *steppedRows) stop() {
	r.cancel()
	for range r.batches {
	}
	<-r.done
}

// err is the stepping's outcome, once every batch was taken.
func (r *steppedRows) err() error {
	err := <-r.done
	r.cancel()
	return err
}

// walkSeparator separates the values of walkColumns: the unit separator,
// a control character that no stored text holds (imports and the form
// refuse control characters); a row where it turns up anyway is read
// again the ordinary way.
const walkSeparator = "\x1f"

// walkColumns is selectCustomer's columns after the id, as one text.
var walkColumns = func() string {
	parts := make([]string, 0, len(columnNames)+2)
	for _, col := range columnNames {
		parts = append(parts, "COALESCE(c."+col+", '')")
	}
	parts = append(parts, "c.balance", "COALESCE((SELECT m.name FROM marketing_sources m WHERE m.id = c.marketing_source_id), '')")
	parts = append(parts, siteSelectParts...)
	return strings.Join(parts, " || char(31) || ")
}()

// errMisjoined: the row's text does not split into its columns.
var errMisjoined = errors.New("walk: a value holds the separator")

// joinedRow scans one walk row into scanCustomer's destinations: the id,
// then the text split at walkSeparator, each part converted to its
// destination's type.
type joinedRow struct {
	id   int64
	text string
}

func (r *joinedRow) Scan(dest ...any) error {
	if len(dest) < 2 || strings.Count(r.text, walkSeparator) != len(dest)-2 {
		return errMisjoined // a value holds the separator
	}
	*(dest[0].(*int64)) = r.id
	rest := r.text
	for i, d := range dest[1:] {
		v, tail, _ := strings.Cut(rest, walkSeparator)
		rest = tail
		if err := assignText(d, v); err != nil {
			return fmt.Errorf("customer %d column %d: %w", r.id, i+1, err)
		}
	}
	return nil
}

// assignText converts one column's text to its destination.
func assignText(dest any, v string) error {
	switch d := dest.(type) {
	case *string:
		*d = v
	case *int64:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return err
		}
		*d = n
	case *bool:
		*d = v != "" && v != "0"
	case *sql.NullInt64:
		if v == "" {
			*d = sql.NullInt64{}
			return nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return err
		}
		*d = sql.NullInt64{Int64: n, Valid: true}
	default:
		return fmt.Errorf("no conversion to %T", dest)
	}
	return nil
}

// groupsByID reads every group once: name and discount by id.
func (t *Tx) groupsByID(ctx context.Context) (map[int64]domain.Group, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name, discount FROM groups`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.Group{}
	for rows.Next() {
		var g domain.Group
		if err := rows.Scan(&g.ID, &g.Name, &g.Discount); err != nil {
			return nil, err
		}
		out[g.ID] = g
	}
	return out, rows.Err()
}

// walked is a customer read by EachCustomer.
type walked struct{ *domain.Customer }

// setGroups fills the groups from their ids, sorted by name as
// loadChildren sorts them (SQLite's NOCASE: ASCII letters folded), and the
// applicable discount they give.
func (c walked) setGroups(ids []int64, groups map[int64]domain.Group) {
	c.Groups = nil
	var discounts map[string]int64
	for _, id := range ids {
		g, ok := groups[id]
		if !ok {
			continue
		}
		if discounts == nil {
			discounts = map[string]int64{}
		}
		c.Groups = append(c.Groups, g.Name)
		discounts[g.Name] = g.Discount
	}
	slices.SortFunc(c.Groups, func(a, b string) int { return strings.Compare(asciiLower(a), asciiLower(b)) })
	c.Discount = domain.ApplicableDiscount(c.DiscountSales, discounts)
}

// memberships are every (customer, group) pair, sorted by customer: read
// once in the table's own order, 16 bytes a pair, they answer each
// customer of a walk by binary search. Asking SQLite for each customer's
// groups (a correlated subquery) halved the walk's speed.
type memberships struct {
	customer, group []int64
}

func (t *Tx) allMemberships(ctx context.Context) (memberships, error) {
	var m memberships
	rows, err := t.tx.QueryContext(ctx, `SELECT customer_id, group_id FROM customer_groups ORDER BY customer_id`)
	if err != nil {
		return m, err
	}
	defer rows.Close()
	for rows.Next() {
		var c, g int64
		if err := rows.Scan(&c, &g); err != nil {
			return m, err
		}
		m.customer = append(m.customer, c)
		m.group = append(m.group, g)
	}
	return m, rows.Err()
}

// of returns the groups of customer id.
func (m memberships) of(id int64) []int64 {
	i, _ := slices.BinarySearch(m.customer, id)
	j := i
	for j < len(m.customer) && m.customer[j] == id {
		j++
	}
	return m.group[i:j]
}

// customersWithShipping lists, sorted, the customers that have shipping
// addresses: few do, and only theirs are read.
func (t *Tx) customersWithShipping(ctx context.Context) ([]int64, error) {
	return queryIDs(ctx, t.tx, `SELECT DISTINCT customer_id FROM shipping_addresses ORDER BY customer_id`)
}

// asciiLower folds ASCII letters only, as SQLite's NOCASE does.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
