package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"carnet/internal/domain"

	"modernc.org/sqlite"
)

// An import's customers are indexed for search once the rows are in, as
// the list-order indexes of a big import are. Kept in step row by row the
// trigram index took a fifth of the CPU of a 100,000-row import; built in
// one statement at the end it costs a little less (measured: 5 % less CPU
// for the whole import, at 100,000 rows as at a million), and a check,
// which rolls back, never builds it. A big import into a small directory
// goes further and builds it on the other core (search_aside.go).
//
// DeferSearchIndex notes the first customer ID the transaction will
// create; from then on InsertCustomer, UpdateCustomer and DeleteCustomer
// leave the search index alone for those customers, and EndBulk indexes
// them all in one statement that reads them back from the customers table
// (searchDocSQL: the same text as SearchDocWith, computed in Go by a
// function the driver calls row by row). Customers that existed before
// keep being indexed as they change. A rollback — an error, Cancel, a
// crash, a dry run — has nothing to undo: the index was never touched for
// those rows. The search index's text cannot be rebuilt by FTS5 itself
// ('rebuild'): the table is contentless.

// DeferSearchIndex defers the search entries of the customers created from
// now until EndBulk.
func (t *Tx) DeferSearchIndex(ctx context.Context) error {
	if t.searchFrom != 0 {
		return nil
	}
	// AUTOINCREMENT gives max(largest ID ever, largest ID now) + 1.
	var next int64
	if err := t.tx.QueryRowContext(ctx, `SELECT max(
		COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'customers'), 0),
		COALESCE((SELECT max(id) FROM customers), 0)) + 1`).Scan(&next); err != nil {
		return err
	}
	t.searchFrom = next
	return nil
}

// SearchIndexDeferred reports whether DeferSearchIndex took effect.
func (t *Tx) SearchIndexDeferred() bool { return t.searchFrom != 0 }

// searchDeferred reports whether customer id's search entry waits for
// EndBulk.
func (t *Tx) searchDeferred(id int64) bool { return t.searchFrom != 0 && id >= t.searchFrom }

// searchDocColumns are the columns searchDocFunc reads, in its argument
// order after the searched custom fields.
const searchDocColumns = `code, last_name, first_name, company_name, email, phones, city, postcode,
	reference, siret, custom, archived, supplier, kind, ` + sitesColumn

// buildDeferredSearch indexes the customers whose entries were deferred.
func (t *Tx) buildDeferredSearch(ctx context.Context) error {
	if t.searchFrom == 0 {
		return nil
	}
	searched, err := t.searchedCustom(ctx)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO customer_search (rowid, doc)
		SELECT id, `+searchDocFunc+`(?, `+searchDocColumns+`) FROM customers WHERE id >= ? ORDER BY id`,
		searchedList(searched), t.searchFrom); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	t.searchFrom = 0
	return nil
}

// searchDocFunc is the SQL name of the function that computes a
// customer's search text from its stored columns.
const searchDocFunc = "carnet_search_doc"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(searchDocFunc, 16, searchDocSQL)
}

// searchDocSQL is SearchDocWith over stored columns: the first argument
// lists the searched custom fields (folded names, one a line), the others
// are searchDocColumns.
func searchDocSQL(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	text := func(i int) string {
		switch v := args[i].(type) {
		case string:
			return v
		case []byte:
			return string(v)
		}
		return ""
	}
	flag := func(i int) bool { n, _ := args[i].(int64); return n != 0 }
	c := domain.Customer{Code: text(1), LastName: text(2), FirstName: text(3), CompanyName: text(4), Email: text(5),
		Reference: text(9), SIRET: text(10), Archived: flag(12), Supplier: flag(13), Kind: domain.Kind(text(14))}
	c.Billing.City, c.Billing.Postcode = text(7), text(8)
	if p := text(6); p != "" {
		if err := json.Unmarshal([]byte(p), &c.Phones); err != nil {
			return nil, fmt.Errorf("phones: %w", err)
		}
	}
	searched := searchedSet(text(0))
	if cu := text(11); cu != "" && len(searched) > 0 {
		if err := json.Unmarshal([]byte(cu), &c.Custom); err != nil {
			return nil, fmt.Errorf("custom fields: %w", err)
		}
	}
	return SearchDocWith(&c, searched) + siteTokensText(text(15)), nil
}

// searchedSets keeps the last list of searched custom fields read, since
// every row of one build passes the same.
var searchedSets struct {
	sync.Mutex
	list string
	set  map[string]bool
}

func searchedSet(list string) map[string]bool {
	searchedSets.Lock()
	defer searchedSets.Unlock()
	if searchedSets.set == nil || searchedSets.list != list {
		set := map[string]bool{}
		for n := range strings.SplitSeq(list, "\n") {
			if n != "" {
				set[n] = true
			}
		}
		searchedSets.list, searchedSets.set = list, set
	}
	return searchedSets.set
}
