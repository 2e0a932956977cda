package importer

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carnet/internal/service"
)

// A kill -9 in the middle of a commit leaves the database consistent and
// the import not applied at all: one transaction, rolled back from the WAL
// when the database is next opened — list indexes included, which the
// child has dropped to build them after the rows.
func TestKillDuringCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	n := 30000
	csvPath, err := benchCSV(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	killAfterDeferral(t, db, csvPath, 0)

	svc, err := service.Open(db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer svc.Close()
	if v, err := svc.Store.IntegrityCheck(context.Background()); err != nil || v != "ok" {
		t.Fatalf("integrity_check after kill: %q %v", v, err)
	}
	if n := count(t, svc, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'customers_sort_%'`); n != 6 {
		t.Errorf("after kill: %d list indexes, want 6", n)
	}
	customers := count(t, svc, `SELECT count(*) FROM customers`)
	imports := count(t, svc, `SELECT count(*) FROM imports`)
	switch {
	case customers == 0 && imports == 0: // killed before the commit: nothing applied
	case customers == n && imports == 1: // the machine was fast: applied whole
	default:
		t.Errorf("after kill: %d customers and %d journal lines: a partial import", customers, imports)
	}
	if customers == n {
		t.Log("import finished before the kill; atomicity not exercised")
	}
}

// killAfterDeferral imports csvPath into db in the benchmark's child
// (TestMain), told to defer the list indexes from 1,000 creations and to
// say when it does, and kills it with SIGKILL after that moment and
// after: well into the rows and far from the end, however slow the
// machine or the race detector.
func killAfterDeferral(t *testing.T, db, csvPath string, after time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-bench-child-db="+db, "-bench-child-file="+csvPath, "-bench-child-defer-from=1000")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deferred := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "indexes deferred") {
				close(deferred)
				break
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case <-deferred:
	case <-time.After(2 * time.Minute):
		t.Error("the child never deferred the list indexes")
	}
	time.Sleep(after)
	cmd.Process.Kill()
	cmd.Wait()
}
