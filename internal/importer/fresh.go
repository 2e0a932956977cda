package importer

import (
	"slices"

	"carnet/internal/domain"
)

// In a big import of new customers the writer goroutine is the critical
// path (it alone talks to SQLite), and a sixth of its Go work was building
// each new customer from its row and validating it (setFields and
// Customer.NormalizeWith), work that needs nothing the writer holds. So
// the parse workers build, for every row that may be a creation, the
// customer it would make; the writer takes it when the row matches no
// one, and throws it away when the row turns out to be about an existing
// customer (which the writer alone can tell, the store being its own).
// When most rows update existing customers, the workers stop guessing
// (run.speculate), so as not to burn the other core for nothing.

// guessCreations lets the workers build customers at all (tests turn it
// off, to compare).
var guessCreations = true

// freshTaken, when set (by tests), hears on the writer whether the
// customer a worker built for a line was taken or thrown away.
var freshTaken func(line int, taken bool)

// freshCustomer is the customer a row makes when it matches no one, and
// the verdict of its validation.
type freshCustomer struct {
	c       *domain.Customer
	balance *int64
	// invalid: the customer broke rules, listed in problems; the row is
	// then an error.
	invalid  bool
	problems []Problem
}

// prepareFresh builds the customer a parsed row would create, or returns
// nil when the row cannot be a creation (excluded, empty, in error) or the
// writer should do it itself.
func (run *run) prepareFresh(l *parsedLine) *freshCustomer {
	if !run.speculate.Load() || run.exclude[l.row.Line] || len(l.parsed.values) == 0 || hasError(l.problems) {
		return nil
	}
	f := &freshCustomer{c: &domain.Customer{}}
	var scratch RowPlan
	f.balance = run.setFields(f.c, nil, l.row.Line, l.parsed, &scratch)
	// A defensive copy: the row's values go to an existing customer too
	// when the row matches one, and normalising builds new slices today,
	// but nothing makes it promise to.
	f.c.Phones, f.c.Groups = slices.Clone(f.c.Phones), slices.Clone(f.c.Groups)
	inferKind(f.c, nil, l.parsed)
	invalid, err := run.normalize(f.c, l.row.Line, l.parsed, &scratch, memoParser{l.phones, run.im.svc.Phones})
	if err != nil {
		return nil // not a rule broken: the writer meets it again and stops
	}
	f.invalid, f.problems = invalid, scratch.Problems
	return f
}

// takeFresh is apply's start for a row that matched no one and whose
// customer a worker built: that customer, its balance, and whether it broke
// rules (the row is then an error, its problems added to rp).
func (run *run) takeFresh(line int, fresh *freshCustomer, rp *RowPlan) (c *domain.Customer, balance *int64, invalid bool) {
	if freshTaken != nil {
		freshTaken(line, true)
	}
	rp.Problems = append(rp.Problems, fresh.problems...)
	if fresh.invalid {
		rp.Action = ActionError
	}
	return fresh.c, fresh.balance, fresh.invalid
}

// thrownFresh notes that the row matched a stored customer, so that the
// customer a worker built for it, if any, goes unused.
func (run *run) thrownFresh(line int, fresh *freshCustomer) {
	if fresh != nil && freshTaken != nil {
		freshTaken(line, false)
	}
}

// noteOutcome tells the workers whether guessing creations pays: it does
// while creations are at least as many as rows about existing customers.
func (run *run) noteOutcome(created, matched int) {
	if created+matched > 0 {
		run.speculate.Store(guessCreations && created >= matched)
	}
}
