package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Big shared strings are kept in a temporary file (xlsxsst.go). Every
// workbook that needs one gets a folder of its own for it, removed whole
// when the reader is done or opening fails; the open ones are listed so
// that a signal handler can remove them (RemoveTemporaryFiles), and a
// process that is stopped leaves a folder the next day's sweep removes.

const (
	tempPrefix = "carnet-xlsx-"
	// tempMaxAge: a folder older than this was left by a process that was
	// killed (an import never takes a day), and is removed by the next Open.
	tempMaxAge = 24 * time.Hour
)

var tempDirs struct {
	sync.Mutex
	m map[string]bool
}

var sweepOnce sync.Once

// newTempDir makes a workbook's folder; "" if it cannot be made.
func newTempDir() string {
	sweepOnce.Do(sweepTempDirs)
	dir, err := os.MkdirTemp("", tempPrefix)
	if err != nil {
		return ""
	}
	tempDirs.Lock()
	if tempDirs.m == nil {
		tempDirs.m = map[string]bool{}
	}
	tempDirs.m[dir] = true
	tempDirs.Unlock()
	return dir
}

// removeTempDir removes a workbook's folder and what it holds. Files still
// open are unlinked all the same on Unix; on Windows they stay until the
// next attempt (the background close, or the next day's sweep).
func removeTempDir(dir string) {
	if dir == "" {
		return
	}
	if err := os.RemoveAll(dir); err != nil {
		return
	}
	tempDirs.Lock()
	delete(tempDirs.m, dir)
	tempDirs.Unlock()
}

// sweepTempDirs removes the folders that killed processes left behind.
func sweepTempDirs() {
	entries, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > tempMaxAge {
			_ = os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
		}
	}
}
