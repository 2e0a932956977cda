package importwizard

import "context"

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
