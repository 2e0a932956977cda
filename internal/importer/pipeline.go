package importer

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"

	"carnet/internal/domain"
	"carnet/internal/sheet"
)

// The engine is a pipeline so that the writer (the one SQLite connection)
// never waits for parsing: a reader goroutine cuts the file into batches,
// parse workers read cells, convert phone numbers (the costliest rule) and
// build the customers rows may create (fresh.go) on the other cores, and
// the writer takes the batches back in file order. At most pipelineDepth
// batches are in flight, so memory stays flat.
const (
	batchRows     = 256
	pipelineDepth = 8
)

// parsedLine is one row after the parse stage.
type parsedLine struct {
	row      sheet.Row
	parsed   parsedRow
	problems []Problem
	phones   phoneMemo
	fresh    *freshCustomer // the customer the row makes if it matches no one (fresh.go)
}

type batch struct {
	lines []parsedLine
	err   error         // reading stopped here (io.EOF excluded)
	done  chan struct{} // closed once parsed
	// read is the share of the file read once the batch was cut, and
	// rowsRead the rows read by then (this batch's included).
	read     float64
	rowsRead int
}

// stream starts the reader and the workers; the writer receives batches in
// file order from the returned channel, which is closed at the end.
// Cancelling ctx stops every goroutine; wait returns once they are gone,
// so that the caller may close r.
func (run *run) stream(ctx context.Context, r sheet.Reader) (batches <-chan *batch, wait func()) {
	ordered := make(chan *batch, pipelineDepth)
	work := make(chan *batch, pipelineDepth)
	workers := max(1, runtime.GOMAXPROCS(0)-1)
	var wg sync.WaitGroup
	wg.Add(workers + 1)
	for range workers {
		go func() {
			defer wg.Done()
			for b := range work {
				for i := range b.lines {
					l := &b.lines[i]
					l.parsed, l.problems = run.parse(l.row)
					l.phones = run.prenormalizePhones(l.parsed)
					l.fresh = run.prepareFresh(l)
				}
				close(b.done)
			}
		}()
	}
	go func() {
		defer wg.Done()
		defer close(ordered)
		defer close(work)
		rowsRead := 0
		for {
			b := &batch{done: make(chan struct{})}
			for len(b.lines) < batchRows {
				row, err := r.Next()
				if err != nil {
					if !errors.Is(err, io.EOF) {
						b.err = err
					}
					break
				}
				b.lines = append(b.lines, parsedLine{row: row})
			}
			rowsRead += len(b.lines)
			b.read, b.rowsRead = r.Progress(), rowsRead
			last := b.err != nil || len(b.lines) < batchRows
			select {
			case work <- b:
			case <-ctx.Done():
				return
			}
			select {
			case ordered <- b:
			case <-ctx.Done():
				return
			}
			if last {
				return
			}
		}
	}()
	return ordered, wg.Wait
}

// phoneMemo holds the E.164 conversions done by a parse worker, keyed by
// region and raw text, so that Customer.Normalize — which stays the one
// place of the rules — finds them ready.
type phoneMemo map[string]phoneResult

type phoneResult struct {
	e164 string
	msg  *domain.Message
}

// prenormalizePhones converts the row's phone and fax cells with the
// region Normalize will use: the row's country, else the settings' default
// region (a miss only costs the conversion again in the writer).
func (run *run) prenormalizePhones(pr parsedRow) phoneMemo {
	region := run.rules.Region
	if region == "" {
		region = "FR"
	}
	if cv, ok := pr.values["country"]; ok && !cv.empty {
		region = cv.v.(string)
	}
	memo := phoneMemo{}
	add := func(raw string) {
		e164, msg := run.im.svc.Phones.ToE164(raw, region)
		memo[region+"\x00"+raw] = phoneResult{e164, msg}
		if msg == nil {
			// Normalize converts stored numbers again on an update.
			memo[region+"\x00"+e164] = phoneResult{e164, nil}
		}
	}
	if cv, ok := pr.values["phones"]; ok && !cv.empty {
		for _, p := range cv.v.([]domain.Phone) {
			add(p.Number)
		}
	}
	if cv, ok := pr.values["fax"]; ok && !cv.empty {
		add(cv.v.(string))
	}
	return memo
}

// memoParser answers from a row's memo, else asks the real parser.
type memoParser struct {
	memo phoneMemo
	next domain.PhoneParser
}

func (p memoParser) ToE164(raw, region string) (string, *domain.Message) {
	if region == "" {
		region = "FR"
	}
	if r, ok := p.memo[region+"\x00"+raw]; ok {
		return r.e164, r.msg
	}
	return p.next.ToE164(raw, region)
}
