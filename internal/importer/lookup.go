package importer

import (
	"context"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// lookup answers the key cascade for one batch of rows at a time: before
// the writer decides a batch, prefetch asks SQLite once per key column for
// every value of the batch and loads the customers found, instead of two
// or three round trips per row.
//
// Rows of the batch write as they are decided, so a later row of the same
// batch may name a customer an earlier one created or re-keyed: written
// records the key values writes gave, and a value a write took away from
// its customer (stale) is asked of the database again, which has seen the
// writes, so the answer is the one a row-by-row lookup would give.
type lookup struct {
	tx        *store.Tx
	found     map[string]map[any]int64 // key → value → smallest ID, from the database
	written   map[string]map[any]int64 // key → value → ID, from this batch's writes
	stale     map[string]map[any]bool  // key → values this batch's writes removed
	customers map[int64]*domain.Customer
	// keys, when set, tells the values no customer holds (keyfilter.go):
	// those are not asked.
	keys *keyFilter
}

func newLookup(tx *store.Tx) *lookup { return &lookup{tx: tx} }

// matchKeys are the key columns, in cascade order.
var matchKeys = []string{"id", "code", "email", "siret", "vat_number"}

// prefetch reads what the batch's rows will look up.
func (l *lookup) prefetch(ctx context.Context, keys []string, lines []parsedLine) error {
	l.found = map[string]map[any]int64{}
	l.written = map[string]map[any]int64{}
	l.stale = map[string]map[any]bool{}
	var ids []int64
	seen := map[int64]bool{}
	for _, key := range keys {
		var values []any
		for i := range lines {
			if v, ok := keyValue(key, lines[i].parsed); ok {
				if s, text := v.(string); text && l.keys != nil && !l.keys.mayHold(key, s) {
					continue
				}
				values = append(values, v)
			}
		}
		found, err := l.tx.IDsByKey(ctx, key, values)
		if err != nil {
			return err
		}
		l.found[key] = found
		for _, id := range found {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	var err error
	l.customers, err = l.tx.CustomersByIDs(ctx, ids)
	return err
}

// keyValue is the value a row looks its customer up by on key, in the form
// the column stores it.
func keyValue(key string, pr parsedRow) (any, bool) {
	cv, ok := pr.values[key]
	if !ok || cv.empty {
		return nil, false
	}
	switch key {
	case "siret":
		s, fe := domain.NormalizeSIRET(cv.v.(string))
		return s, fe == nil // a bad one is reported by validation
	case "vat_number":
		s, fe := domain.NormalizeVAT(cv.v.(string))
		return s, fe == nil
	}
	return cv.v, true
}

// find returns the ID of the customer whose key column equals value, or 0.
func (l *lookup) find(ctx context.Context, key string, value any) (int64, error) {
	if l.stale[key][value] {
		found, err := l.tx.IDsByKey(ctx, key, []any{value})
		return found[value], err
	}
	id := l.found[key][value]
	if w := l.written[key][value]; w != 0 && (id == 0 || w < id) {
		id = w
	}
	return id, nil
}

// wrote records the key values of a customer this batch just wrote;
// before is what it was (nil for a creation).
func (l *lookup) wrote(before, after *domain.Customer) {
	for _, key := range []string{"code", "email", "siret", "vat_number"} {
		v := after.Get(key)
		if s, _ := v.(string); s != "" && l.keys != nil {
			l.keys.add(key, s)
		}
		if before != nil {
			if old := before.Get(key); old != v && old != "" {
				mark(l.stale, key, old)
			}
		}
		if v == "" {
			continue
		}
		m := l.written[key]
		if m == nil {
			m = map[any]int64{}
			l.written[key] = m
		}
		if old, ok := m[v]; !ok || after.ID < old {
			m[v] = after.ID
		}
	}
}

func mark(m map[string]map[any]bool, key string, v any) {
	if m[key] == nil {
		m[key] = map[any]bool{}
	}
	m[key][v] = true
}

// customer returns the customer with ID id, prefetched when possible.
func (l *lookup) customer(ctx context.Context, id int64) (*domain.Customer, error) {
	if c, ok := l.customers[id]; ok {
		delete(l.customers, id) // the row takes it and may change it
		return c, nil
	}
	return l.tx.CustomerBy(ctx, "id", id)
}
