package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"carnet/internal/sheet"
	"carnet/internal/store"
)

// bulkCacheKiB is SQLite's page cache during an import: large enough for
// the customer indexes of a million-row file, well under the 300 MB bar.
const bulkCacheKiB = 40 << 10

// errDryRun makes Store.Update roll the check's transaction back;
// errNoRows rolls back an import of a file without data rows, which leaves
// no empty import in the journal.
var (
	errDryRun = errors.New("dry run: rolled back")
	errNoRows = errors.New("no data row: rolled back")
)

// Check parses, validates and matches every row without writing anything:
// it runs the import in a transaction that is always rolled back.
func (im *Importer) Check(ctx context.Context, req Request, progress func(Progress)) (*Plan, error) {
	res, err := im.execute(ctx, req, false, progress)
	if err != nil {
		return nil, err
	}
	return &res.Plan, nil
}

// Commit imports the file in one transaction: every valid row is written
// and rows in error are skipped and reported, or — on error or when ctx is
// cancelled — nothing at all is written. The import is recorded in the
// journal under Result.Batch.
func (im *Importer) Commit(ctx context.Context, req Request, progress func(Progress)) (*Result, error) {
	return im.execute(ctx, req, true, progress)
}

func (im *Importer) execute(ctx context.Context, req Request, commit bool, progress func(Progress)) (*Result, error) {
	started := time.Now()
	defer relaxGC()()
	r, err := openSheet(ctx, req.Path, req.Settings)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	headers := r.Header()
	res := &Result{Plan: Plan{File: req.Path, Detected: detectedFrom(r.Detected()), Headers: headers,
		Mapping: req.Mapping, Options: req.Options}}
	res.Refused = append(CheckMapping(headers, req.Mapping), codeRequiredMapping(headers, req.Mapping, req.Options)...)
	if len(res.Refused) > 0 {
		return res, nil
	}
	if err := im.checkPermissions(ctx, req); err != nil {
		return nil, err
	}
	if commit {
		b, err := im.svc.Store.AutoBackup(ctx, store.ReasonImport)
		if err != nil {
			return nil, fmt.Errorf("backup before the import: %w", err)
		}
		res.Backup = b.Path
	}
	err = im.svc.Store.Update(ctx, func(tx *store.Tx) (err error) {
		if err := tx.BeginBulk(ctx, bulkCacheKiB); err != nil {
			return err
		}
		defer func() {
			if e := tx.EndBulk(context.WithoutCancel(ctx), commit && err == nil); err == nil {
				err = e
			}
		}()
		// The customers the import creates are indexed for search once
		// they are all in (store.DeferSearchIndex): in one statement after
		// the rows, where a check, which rolls back, never goes.
		if err := tx.DeferSearchIndex(ctx); err != nil {
			return err
		}
		if req.Options.Site != "" {
			site, err := tx.SiteByCode(ctx, req.Options.Site)
			if err != nil {
				return err
			}
			tx.OnSite(site.ID)
		}
		run, err := im.newRun(ctx, tx, req, headers, commit, res)
		if err != nil {
			return err
		}
		for _, p := range append(headerWarnings(r.Detected(), headers), ignoredColumns(headers, req.Mapping, r.Detected().HeaderRow)...) {
			res.Counts.Warnings++
			res.Problems = append(res.Problems, p)
		}
		if err := run.loop(ctx, r, progress); err != nil {
			return err
		}
		if err := tx.WriteQueued(ctx); err != nil { // before anything reads them
			return err
		}

		if err := run.finish(ctx); err != nil {
			return err
		}
		if req.Finish != nil {
			if err := req.Finish(ctx, tx, run.batch); err != nil {
				return err
			}
		}
		switch {
		case !commit:
			return errDryRun
		case res.Counts.Rows == 0:
			return errNoRows
		}
		return nil
	})
	noRows := errors.Is(err, errNoRows)
	if errors.Is(err, errDryRun) || noRows {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", filepath.Base(req.Path), err)
	}
	if !commit || noRows {
		res.Batch = 0
	}
	res.Duration = time.Since(started)
	return res, nil
}

// A file foreseen to create at least defaultDeferIndexesFrom customers
// (Importer.DeferIndexesFrom when set), into a directory of at most half
// that many, is written with the list-order indexes deferred
// (store.DeferSortIndexes): building them afterwards costs less than
// keeping them in step row by row. A few batches in, the engine knows the
// file's size in rows and the share of creations. A check defers them
// whatever the number of creations: it rolls back, so it never builds
// them again, and the drop costs little in a small directory.
const defaultDeferIndexesFrom = 50_000.0

func (run *run) maybeDeferIndexes(ctx context.Context, rowsInFile float64) error {
	c := run.plan.Counts
	if c.Rows == 0 {
		return nil
	}
	from := run.im.DeferIndexesFrom
	if from <= 0 {
		from = defaultDeferIndexesFrom
	}
	if !run.commit {
		from = 0
	}
	creations := float64(c.Created) / float64(c.Rows) * rowsInFile
	if creations < from {
		return nil
	}
	n, err := run.tx.CustomerCount(ctx)
	if err != nil {
		return err
	}
	if before := n - c.Created; float64(before) > creations/2 {
		return nil
	}
	if run.im.IndexesDeferred != nil {
		run.im.IndexesDeferred()
	}
	if err := run.tx.DeferSortIndexes(ctx); err != nil {
		return err
	}
	// Most keys of such a file are new: a filter of the keys that exist
	// spares asking SQLite for each (keyfilter.go).
	if err := run.lookup.filterKeys(ctx, rowsInFile); err != nil {
		return err
	}
	if !run.commit {
		return nil
	}
	// The search index, too, is built apart — on the other core, while
	// the rows go in (store.BuildSearchIndexAside).
	return run.tx.BuildSearchIndexAside(ctx)
}

// defaultProgressEvery is how often progress is reported
// (Importer.ProgressEvery when set).
const defaultProgressEvery = 100 * time.Millisecond

// loop decides every row, in file order, as the pipeline delivers them.
func (run *run) loop(ctx context.Context, r sheet.Reader, progress func(Progress)) error {
	ctx, stop := context.WithCancel(ctx)
	batches, wait := run.stream(ctx, r)
	// On any return: stop the reader and the workers, and wait for them
	// before the caller closes the file.
	defer wait()
	defer stop()
	// Row statements run under a context that cannot be cancelled: with a
	// cancellable one, the SQLite driver starts a goroutine to watch it for
	// every statement, a tenth of the writer's time. Cancel is still seen
	// between rows (ctx.Err below), and a row's statements are short.
	db := context.WithoutCancel(ctx)
	started := time.Now()
	lastReport := started
	every := run.im.ProgressEvery
	if every <= 0 {
		every = defaultProgressEvery
	}
	for b := range batches {
		select {
		case <-b.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := run.lookup.prefetch(db, run.keys, b.lines); err != nil {
			return err
		}
		created, matched := 0, 0
		for i := range b.lines {
			if err := ctx.Err(); err != nil {
				return err
			}
			l := &b.lines[i]
			rp, err := run.row(db, l)
			if err != nil {
				return fmt.Errorf("row %d: %w", l.row.Line, err)
			}
			switch rp.Action {
			case ActionCreate:
				created++
			case ActionUpdate, ActionUnchanged:
				matched++
			}
			if err := run.record(rp); err != nil {
				return err
			}
			b.lines[i] = parsedLine{} // let the batch's memory go
		}
		run.noteOutcome(created, matched)
		if b.err != nil {
			return b.err
		}
		if !run.indexesDecided && b.read >= 0.01 && b.rowsRead >= 8*batchRows {
			run.indexesDecided = true
			if err := run.maybeDeferIndexes(db, float64(b.rowsRead)/b.read); err != nil {
				return err
			}
		}
		if progress != nil {
			if now := time.Now(); now.Sub(lastReport) >= every {
				lastReport = now
				done := run.plan.Counts.Rows
				p := Progress{Done: done, Rate: float64(done) / now.Sub(started).Seconds()}
				if b.read >= 0.01 {
					p.Estimate = max(done, int(float64(b.rowsRead)/b.read+0.5))
				}
				progress(p)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if progress != nil {
		el := time.Since(started).Seconds()
		progress(Progress{Done: run.plan.Counts.Rows, Total: run.plan.Counts.Rows, Estimate: run.plan.Counts.Rows, Rate: float64(run.plan.Counts.Rows) / max(el, 1e-9)})
	}
	return nil
}

// record counts a row's outcome and keeps it in the bounded samples.
func (run *run) record(rp RowPlan) error {
	c := &run.plan.Counts
	c.Rows++
	switch rp.Action {
	case ActionCreate:
		c.Created++
	case ActionUpdate:
		c.Updated++
	case ActionUnchanged:
		c.Unchanged++
	case ActionError:
		c.Errors++
	case ActionSkipped:
		c.Skipped++
	}
	for _, p := range rp.Problems {
		if p.Severity == SeverityWarning {
			c.Warnings++
		}
		if len(run.plan.Problems) < run.maxProblems {
			run.plan.Problems = append(run.plan.Problems, p)
		} else {
			run.plan.Truncated = true
		}
	}
	if rp.Conflict != nil {
		c.Conflicts++
		if len(run.plan.Conflicts) < run.maxProblems {
			run.plan.Conflicts = append(run.plan.Conflicts, *rp.Conflict)
		} else {
			run.plan.Truncated = true
		}
	}
	if rp.Action != ActionUnchanged && rp.Action != ActionSkipped {
		if len(run.plan.Rows) < run.maxRows {
			run.plan.Rows = append(run.plan.Rows, rp)
		} else {
			run.plan.Truncated = true
		}
	}
	if run.req.OnRow != nil {
		return run.req.OnRow(rp)
	}
	return nil
}
