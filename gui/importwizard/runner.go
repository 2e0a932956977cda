package importwizard

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// runner runs the wizard's work (reading, checking, importing, undoing) off
// the UI goroutine and hands results back through fyne.Do. It counts the
// jobs in flight so that tests wait for them instead of sleeping; the
// window itself never waits.
type runner struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    int
	// uiMu serialises result callbacks: in the window they all run on one
	// goroutine anyway, but Fyne's test driver runs fyne.Do callbacks on the
	// caller's goroutine, and two results must not touch widgets at once.
	// The window shares its own lock, so that its results and the wizard's
	// never run together either.
	uiMu sync.Locker
}

func newRunner(uiLock sync.Locker) *runner {
	if uiLock == nil {
		uiLock = &sync.Mutex{}
	}
	r := &runner{uiMu: uiLock}
	r.cond = sync.NewCond(&r.mu)
	return r
}

func (r *runner) add() {
	r.mu.Lock()
	r.n++
	r.mu.Unlock()
}

func (r *runner) done() {
	r.mu.Lock()
	r.n--
	if r.n == 0 {
		r.cond.Broadcast()
	}
	r.mu.Unlock()
}

// background runs fn on its own goroutine; fn hands results to widgets
// through r.do only.
func (r *runner) background(fn func()) {
	r.add()
	go func() {
		defer r.done()
		fn()
	}()
}

// do runs fn on the UI goroutine. It counts as work until fn has run: in
// the window fyne.Do only queues fn, and wait must not return before the
// result is on screen.
func (r *runner) do(fn func()) {
	r.add()
	fyne.Do(func() {
		defer r.done()
		r.uiMu.Lock()
		defer r.uiMu.Unlock()
		fn()
	})
}

// wait blocks until no job runs or timeout passes; it reports whether the
// work drained. A job started by another job's result counts too, so the
// wizard is settled when wait returns true.
func (r *runner) wait(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		r.mu.Lock()
		r.cond.Broadcast()
		r.mu.Unlock()
	})
	defer timer.Stop()
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.n > 0 {
		if time.Now().After(deadline) {
			return false
		}
		r.cond.Wait()
	}
	return true
}

// task is one cancellable piece of work whose result is wanted only while
// it is the latest of its kind: a preview or a check started again when a
// setting changes makes the previous one stale.
type task struct {
	cancel context.CancelFunc
	gen    int
}

// restart cancels the running task of this kind and returns the context
// and generation of the new one; still reports whether gen is current.
func (t *task) restart() (context.Context, int) {
	if t.cancel != nil {
		t.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	t.gen++
	return ctx, t.gen
}

// stop cancels the running task, if any, and makes its result stale.
func (t *task) stop() {
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	t.gen++
}

func (t *task) current(gen int) bool { return t.gen == gen }
