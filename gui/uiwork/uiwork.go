// Package uiwork runs the window's work off the UI goroutine and hands the
// results back through fyne.Do, under one UI lock, counting what is in
// flight so that tests and benchmarks wait for it instead of sleeping. The
// window and the import wizard share one Runner.
package uiwork

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Runner counts background work and serialises its results.
type Runner struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    int
	// ui is held while a result touches widgets. In the window every
	// callback runs on one goroutine anyway; Fyne's test driver runs
	// fyne.Do callbacks on the caller's goroutine, and there two results
	// must not touch widgets at once.
	ui sync.Mutex
}

// New returns an idle Runner.
func New() *Runner {
	r := &Runner{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// Add counts one piece of work that has not finished (a pending timer…).
func (r *Runner) Add() {
	r.mu.Lock()
	r.n++
	r.mu.Unlock()
}

// Done ends a piece of work counted by Add.
func (r *Runner) Done() {
	r.mu.Lock()
	r.n--
	if r.n == 0 {
		r.cond.Broadcast()
	}
	r.mu.Unlock()
}

// Go runs fn on its own goroutine; fn hands results to widgets through Do.
func (r *Runner) Go(fn func()) {
	r.Add()
	go func() {
		defer r.Done()
		fn()
	}()
}

// Do runs fn on the UI goroutine under the UI lock. It counts as work until
// fn has run: in the window fyne.Do only queues fn, and Wait must not
// return before the result is on screen.
func (r *Runner) Do(fn func()) {
	r.Add()
	fyne.Do(func() {
		defer r.Done()
		r.ui.Lock()
		defer r.ui.Unlock()
		fn()
	})
}

// Lock takes the UI lock: held while building widgets that background
// results will update, and by tests acting as the user.
func (r *Runner) Lock() { r.ui.Lock() }

// Unlock releases the UI lock.
func (r *Runner) Unlock() { r.ui.Unlock() }

// Busy reports whether work is in flight.
func (r *Runner) Busy() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n > 0
}

// Wait blocks until no work runs or timeout passes and reports whether the
// work drained. Work started by another's result counts too.
func (r *Runner) Wait(timeout time.Duration) bool {
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
