package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Another program (an import run from the command line) holding the
// database for writing longer than the wait gives a message that says so,
// not SQLite's "database is locked".
func TestWriteWhileAnotherProgramWritesSaysTheDatabaseIsBusy(t *testing.T) {
	defer store.SetBusyTimeout(100 * time.Millisecond)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	importer, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer importer.Close()
	window, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()

	held, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- importer.Update(ctx, func(tx *store.Tx) error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	err = window.Update(ctx, func(tx *store.Tx) error { return nil })
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !errors.Is(err, domain.ErrBusy) {
		t.Fatalf("write during another program's write: %v, want ErrBusy", err)
	}
	if msg := domain.UserMessage(err, "fr"); !strings.Contains(msg, "occupée par une autre opération") {
		t.Errorf("message %q", msg)
	}
	if err := window.Update(ctx, func(tx *store.Tx) error { return nil }); err != nil {
		t.Errorf("once the other write is over: %v", err)
	}
}
