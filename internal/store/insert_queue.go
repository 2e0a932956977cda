package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"strings"

	"carnet/internal/domain"
)

// A bulk import creates most of its customers one after the other, and a
// statement per customer row, per site presence and per group membership
// cost more in statement overhead (binding, opening the table's and
// indexes' cursors, AUTOINCREMENT's sequence update, closing) than in
// SQLite's own B-tree work: a multi-row INSERT of 32 customers took 19 µs
// a row against 33 µs one at a time (measured on this schema).
//
// QueueCustomer therefore gives a new customer its ID at once and writes it
// with the ones queued after it, in multi-row statements, when something
// needs them written: any read or write of customers through this
// transaction (CustomerBy, CustomersByIDs, IDsByKey, CustomerCount,
// EachKeyValue, UpdateCustomer, DeleteCustomer, AddBalanceEntry,
// InsertCustomer, EndBulk) and the commit write the queue first, so what
// they see is what one-at-a-time inserts would have left.

// queueLimit is how many customers wait at most; the queue is written when
// it is full.
const queueLimit = 256

// queueChunks are the row counts of the multi-row statements: a queue of n
// customers of one column set is written as n/32 statements of 32, then of
// 8, then single rows, so each column set has three statements at most.
var queueChunks = []int{32, 8, 1}

// queuedCustomer is a customer given its ID and waiting to be written.
type queuedCustomer struct {
	c    *domain.Customer
	mask uint64 // the customers columns it binds (insertCustomerRow's)
	args []any  // customerArgs
	site int64  // the site its part belongs to
	// groups are the IDs of its groups, resolved when it was queued.
	groups []int64
}

type insertQueue struct {
	nextID int64 // 0 until read from the table
	rows   []queuedCustomer
}

// QueueCustomer stores a new, already normalised customer like
// InsertCustomer, sets c.ID at once and may write its rows later (see
// above). The caller promises that no stored customer holds c.Code: a
// queued row is not checked for a duplicate code until it is written, and
// a duplicate found then fails the transaction instead of the row. A
// customer with shipping addresses or a buying group is inserted at once.
func (t *Tx) QueueCustomer(ctx context.Context, c *domain.Customer, opt SaveOptions) error {
	if len(c.Shipping) > 0 || c.BuyingGroup != "" {
		return t.InsertCustomer(ctx, c, opt)
	}
	q := &t.queue
	if q.nextID == 0 {
		if err := t.tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'customers'), 0),
			coalesce((SELECT max(id) FROM customers), 0)) + 1`).Scan(&q.nextID); err != nil {
			return err
		}
	}
	sourceID, err := t.sourceID(ctx, c.MarketingSource, opt.CreateSources)
	if err != nil {
		return err
	}
	site, err := t.siteOfPart(ctx, c)
	if err != nil {
		return err
	}
	var groups []int64
	for _, name := range c.Groups {
		id, err := t.cachedGroupID(ctx, name, opt.CreateGroups)
		if err != nil {
			return err
		}
		groups = append(groups, id)
	}
	args := t.customerArgs(c, sourceID, sql.NullInt64{})
	c.ID = q.nextID
	q.nextID++
	c.Site.Present = true // a new customer is on the site it is created on
	q.rows = append(q.rows, queuedCustomer{c: c, mask: boundColumns(args), args: args, site: site, groups: groups})
	if err := t.indexNew(ctx, c, site); err != nil {
		return err
	}
	if len(q.rows) >= queueLimit {
		return t.flushQueue(ctx)
	}
	return nil
}

// WriteQueued writes the customers QueueCustomer queued, for a caller
// about to read them some other way.
func (t *Tx) WriteQueued(ctx context.Context) error { return t.flushQueue(ctx) }

// flushQueue writes the queued customers: their rows, then (the foreign
// keys point at them) their site parts and group memberships.
func (t *Tx) flushQueue(ctx context.Context) error {
	q := &t.queue
	if len(q.rows) == 0 {
		q.nextID = 0 // the next queued customer reads the table again
		return nil
	}
	rows := q.rows
	q.rows, q.nextID = nil, 0
	// One column set after another, in order of first appearance.
	var masks []uint64
	byMask := map[uint64][]*queuedCustomer{}
	for i := range rows {
		r := &rows[i]
		if _, ok := byMask[r.mask]; !ok {
			masks = append(masks, r.mask)
		}
		byMask[r.mask] = append(byMask[r.mask], r)
	}
	for _, m := range masks {
		if err := t.insertQueuedRows(ctx, m, byMask[m]); err != nil {
			return mapConstraint(err)
		}
	}
	// A customer with no site term is on its site by its two keys alone
	// (most imported customers); one with a site term (a note, say) brings
	// its whole part. Both many to a statement: one statement a part cost
	// the writer 37 µs for each such customer.
	var presence, parts, members []any
	for i := range rows {
		r := &rows[i]
		if r.c.Site.IsEmpty() {
			presence = append(presence, r.c.ID, r.site)
		} else {
			parts = sitePartArgs(parts, r.c, r.site)
		}
		for _, g := range r.groups {
			members = append(members, r.c.ID, g)
		}
	}
	if err := t.insertTuples(ctx, `INSERT INTO customer_sites (customer_id, site_id) VALUES `, 2, presence); err != nil {
		return err
	}
	if err := t.insertTuples(ctx, `INSERT INTO `+sitePartInsert, sitePartWidth, parts); err != nil {
		return err
	}
	return t.insertTuples(ctx, `INSERT OR IGNORE INTO customer_groups (customer_id, group_id) VALUES `, 2, members)
}

// insertQueuedRows writes customers that bind the same columns (mask), in
// chunks of queueChunks rows.
func (t *Tx) insertQueuedRows(ctx context.Context, mask uint64, rows []*queuedCustomer) error {
	_, mask = insertQuery(mask) // past insertShapes sets, every column
	cols := []string{"id"}
	for i, col := range columnNames {
		if mask&(1<<i) != 0 {
			cols = append(cols, col)
		}
	}
	width := bits.OnesCount64(mask) + 1
	for len(rows) > 0 {
		n := chunkFor(len(rows))
		args := make([]any, 0, n*width)
		for _, r := range rows[:n] {
			args = append(args, r.c.ID)
			for i, a := range r.args {
				if mask&(1<<i) != 0 {
					args = append(args, a)
				}
			}
		}
		query := `INSERT OR FAIL INTO customers (` + strings.Join(cols, ", ") + `) VALUES ` + valueTuples(n, width)
		if _, err := t.exec(ctx, query, args...); err != nil {
			return err
		}
		for _, r := range rows[:n] {
			t.noteEmail(r.c.Email, r.c.ID)
		}
		rows = rows[n:]
	}
	return nil
}

// insertTuples runs insert (which ends with VALUES) over args taken width
// by width, in chunks of queueChunks rows.
func (t *Tx) insertTuples(ctx context.Context, insert string, width int, args []any) error {
	for len(args) > 0 {
		n := chunkFor(len(args) / width)
		if _, err := t.exec(ctx, insert+valueTuples(n, width), args[:width*n]...); err != nil {
			return err
		}
		args = args[width*n:]
	}
	return nil
}

// chunkFor is the largest of queueChunks not above n (n ≥ 1).
func chunkFor(n int) int {
	for _, c := range queueChunks {
		if c <= n {
			return c
		}
	}
	panic(fmt.Sprintf("chunkFor(%d)", n))
}

// valueTuples is "(?, …), (?, …)…": n tuples of width placeholders.
func valueTuples(n, width int) string {
	tuple := "(?" + strings.Repeat(", ?", width-1) + ")"
	return tuple + strings.Repeat(", "+tuple, n-1)
}
