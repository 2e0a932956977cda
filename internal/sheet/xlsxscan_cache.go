package sheet

import (
	"os"
	"slices"
	"sync"
	"time"
)

// A workbook is opened several times in one session — the wizard's
// preview, its check, the import — and the pre-scan of a big sheet costs
// about as much as reading it (a second for 200,000 rows). The last few
// scans are kept, keyed by the file's size and time of change, so an
// unchanged file is scanned once.
const scanCacheSize = 4

type scanKey struct {
	path string
	size int64
	mod  time.Time
	part string
}

type scanEntry struct {
	key     scanKey
	merges  []mergeRange
	lastRow int
}

var scanCache struct {
	sync.Mutex
	entries []scanEntry // most recent last
}

// scanPartCached is scanPart, answered from the cache when the file has
// not changed since.
func scanPartCached(path string, wp workbookParts, name string) ([]mergeRange, int, error) {
	st, err := os.Stat(path)
	if err != nil {
		return scanPart(path, wp, name)
	}
	key := scanKey{path: path, size: st.Size(), mod: st.ModTime(), part: name}
	scanCache.Lock()
	for _, e := range scanCache.entries {
		if e.key == key {
			scanCache.Unlock()
			return slices.Clone(e.merges), e.lastRow, nil
		}
	}
	scanCache.Unlock()
	merges, lastRow, err := scanPart(path, wp, name)
	if err != nil {
		return nil, 0, err
	}
	scanCache.Lock()
	if len(scanCache.entries) >= scanCacheSize {
		scanCache.entries = scanCache.entries[1:]
	}
	scanCache.entries = append(scanCache.entries, scanEntry{key, slices.Clone(merges), lastRow})
	scanCache.Unlock()
	return merges, lastRow, nil
}
