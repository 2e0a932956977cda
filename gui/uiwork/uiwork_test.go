package uiwork

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// Wait returns only once the work and the results it handed back are done,
// including work a result started.
func TestWaitCoversChainedWorkAndResults(t *testing.T) {
	test.NewTempApp(t)
	r := New()
	var applied atomic.Int32
	release := make(chan struct{})
	r.Go(func() {
		<-release
		r.Do(func() {
			applied.Add(1)
			r.Go(func() { r.Do(func() { applied.Add(1) }) })
		})
	})
	if r.Wait(50 * time.Millisecond) {
		t.Fatal("Wait returned while work was blocked")
	}
	close(release)
	if !r.Wait(5 * time.Second) {
		t.Fatal("work did not drain")
	}
	if n := applied.Load(); n != 2 {
		t.Fatalf("%d results applied when Wait returned, want 2", n)
	}
}

// A pending piece counted with Add holds Wait until Done.
func TestAddHoldsWaitUntilDone(t *testing.T) {
	r := New()
	r.Add()
	if r.Wait(20 * time.Millisecond) {
		t.Fatal("Wait ignored a counted piece of work")
	}
	r.Done()
	if !r.Wait(time.Second) {
		t.Fatal("Wait did not return after Done")
	}
}
