package importer

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// run is one pass of the engine over a file, inside one transaction.
type run struct {
	im      *Importer
	tx      *store.Tx
	req     Request
	commit  bool
	headers []string
	plan    *Plan
	res     *Result

	// columnOf gives the first column of each mapped field, to name the
	// column of a validation error.
	columnOf  map[string]int
	protected map[string]bool
	exclude   map[int]bool
	countryAt int // column of the billing country, -1 when not mapped

	stamp time.Time // created_at/updated_at of everything the import writes
	batch int64     // journal number (0 in a check)
	// firstCreated..lastCreated are the IDs of the customers created.
	firstCreated, lastCreated int64

	codes   *store.CodeAllocator
	groups  map[string]bool // folded names of existing groups
	sources map[string]bool // folded names of existing marketing sources
	// touched remembers, for every customer this file already matched or
	// created, the line that did it: a second row on it is an error.
	touched *touchedSet
	lookup  *lookup
	keys    []string // the key cascade (matchKeysFor)

	// rules are the settings and lists rows are checked against; custom
	// holds the custom fields by lower-case name (those the import
	// creates included).
	rules  domain.Rules
	custom map[string]domain.CustomField
	// operator is who runs the import, recorded in the journal.
	operator string

	// speculate: the parse workers build the customers rows may create
	// (fresh.go); the writer turns it off while rows mostly update.
	speculate atomic.Bool

	balanceWarned  bool
	indexesDecided bool // maybeDeferIndexes has been asked
	maxRows        int
	maxProblems    int
}

func (im *Importer) newRun(ctx context.Context, tx *store.Tx, req Request, headers []string, commit bool, res *Result) (*run, error) {
	run := &run{im: im, tx: tx, req: req, commit: commit, headers: headers, plan: &res.Plan, res: res,
		columnOf: map[string]int{}, protected: map[string]bool{}, exclude: map[int]bool{}, countryAt: -1,
		stamp: im.Now().UTC().Truncate(time.Millisecond), touched: newTouchedSet(),
		maxRows: req.SampleRows, maxProblems: req.SampleProblems}
	run.speculate.Store(guessCreations) // a file adds customers until it shows otherwise
	if run.maxRows <= 0 {
		run.maxRows = DefaultSampleRows
	}
	if run.maxProblems <= 0 {
		run.maxProblems = DefaultSampleProblems
	}
	for i, f := range req.Mapping {
		if _, ok := run.columnOf[f]; !ok && f != Ignore {
			run.columnOf[f] = i
		}
		if f == "country" {
			run.countryAt = i
		}
	}
	protected := req.Options.Protected
	if protected == nil {
		protected = DefaultProtected()
	}
	for _, f := range protected {
		run.protected[f] = true
	}
	for _, l := range req.Options.ExcludeLines {
		run.exclude[l] = true
	}
	var err error
	if run.codes, err = tx.Codes(ctx); err != nil {
		return nil, err
	}
	if run.groups, err = existingNames(ctx, tx, `SELECT name FROM groups`); err != nil {
		return nil, err
	}
	if run.sources, err = existingNames(ctx, tx, `SELECT name FROM marketing_sources`); err != nil {
		return nil, err
	}
	if run.rules, err = im.svc.RulesIn(ctx, tx); err != nil {
		return nil, err
	}
	run.operator = im.svc.OperatorName()
	run.lookup = newLookup(tx)
	run.keys = matchKeysFor(req.Options.Key)
	if commit {
		if run.batch, err = run.openBatch(ctx); err != nil {
			return nil, err
		}
		res.Batch = run.batch
	}
	if err := run.prepareCustomFields(ctx); err != nil {
		return nil, err
	}
	return run, nil
}

func existingNames(ctx context.Context, tx *store.Tx, query string) (map[string]bool, error) {
	rows, err := tx.SQL().QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[fold(n)] = true
	}
	return out, rows.Err()
}

// finish saves where the code sequence stands and the journal's counts.
func (run *run) finish(ctx context.Context) error {
	if err := run.codes.Save(ctx); err != nil {
		return err
	}
	if run.commit {
		return run.closeBatch(ctx)
	}
	return nil
}

// columnName is the header of the column holding field, or "".
func (run *run) columnName(field string) string {
	if i, ok := run.columnOf[field]; ok {
		return run.headers[i]
	}
	return ""
}

func (run *run) isProtected(field string) bool { return run.protected[field] }

func trimmed(s string) string { return strings.TrimSpace(s) }
