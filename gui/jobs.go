package gui

import (
	"fyne.io/fyne/v2"
	"sync"
	"time"
)

// jobs counts the work running off the UI goroutine. Tests and benchmarks
// wait for it to drain instead of sleeping; the window itself never waits.
type jobs struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    int
}

func newJobs() *jobs {
	j := &jobs{}
	j.cond = sync.NewCond(&j.mu)
	return j
}

func (j *jobs) add() {
	j.mu.Lock()
	j.n++
	j.mu.Unlock()
}

func (j *jobs) done() {
	j.mu.Lock()
	j.n--
	if j.n == 0 {
		j.cond.Broadcast()
	}
	j.mu.Unlock()
}

// wait blocks until no job runs, or timeout passes; it reports whether the
// work drained.
func (j *jobs) wait(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		j.mu.Lock()
		j.cond.Broadcast()
		j.mu.Unlock()
	})
	defer timer.Stop()
	j.mu.Lock()
	defer j.mu.Unlock()
	for j.n > 0 {
		if time.Now().After(deadline) {
			return false
		}
		j.cond.Wait()
	}
	return true
}

// background runs fn off the UI goroutine; fn hands results back to
// widgets through fyne.Do only.
func (u *ui) background(fn func()) {
	u.jobs.add()
	go func() {
		defer u.jobs.done()
		fn()
	}()
}

// do runs fn on the UI goroutine (fyne.Do). The lock changes nothing in the
// window, where every callback already runs on one goroutine; under Fyne's
// test driver, which runs fyne.Do callbacks on the caller's goroutine, it
// keeps two results from touching widgets at once.
func (u *ui) do(fn func()) {
	fyne.Do(func() {
		u.uiMu.Lock()
		defer u.uiMu.Unlock()
		fn()
	})
}

// waitIdle waits for the window's work and the import wizard's; tests and
// benchmarks call it before they look at widgets.
func (u *ui) waitIdle(timeout time.Duration) bool {
	if !u.jobs.wait(timeout) {
		return false
	}
	return u.wizard == nil || u.wizard.Wait(timeout)
}
