package sheet

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// A workbook is opened several times in one session — the wizard's
// preview, its check, the import — and the pre-scan of a big sheet costs
// about as much as reading it (a second for 200,000 rows). The last few
// scans are kept, keyed by the file's size and time of change and by the
// part's checksum and compressed size in the zip directory (a copy that
// kept the time, or a coarse file system, cannot pass an other sheet off
// as the one scanned), so an unchanged file is scanned once.
const scanCacheSize = 4

type scanKey struct {
	path       string
	size       int64
	mod        time.Time
	part       string
	crc        uint32
	compressed uint64
}

type scanEntry struct {
	key scanKey
	res scanResult
}

var scanCache struct {
	sync.Mutex
	entries []scanEntry // most recent last
}

// scanPartCached is scanPart, answered from the cache when the file has
// not changed since. Failed scans are not kept.
func scanPartCached(ctx context.Context, path string, wp workbookParts, name string, maxStrings int) (scanResult, error) {
	st, err := os.Stat(path)
	if err != nil {
		return scanPart(ctx, path, wp, name, maxStrings)
	}
	key := scanKey{path: path, size: st.Size(), mod: st.ModTime(), part: name}
	if zf, ok := wp.files[strings.ToLower(name)]; ok {
		key.crc, key.compressed = zf.CRC32, zf.CompressedSize64
	}
	scanCache.Lock()
	for _, e := range scanCache.entries {
		if e.key == key && (maxStrings <= 0 || e.res.strings <= maxStrings) {
			scanCache.Unlock()
			res := e.res
			res.merges = slices.Clone(res.merges)
			return res, nil
		}
	}
	scanCache.Unlock()
	res, err := scanPart(ctx, path, wp, name, maxStrings)
	if err != nil {
		return res, err
	}
	scanCache.Lock()
	if len(scanCache.entries) >= scanCacheSize {
		scanCache.entries = scanCache.entries[1:]
	}
	kept := res
	kept.merges = slices.Clone(res.merges)
	scanCache.entries = append(scanCache.entries, scanEntry{key, kept})
	scanCache.Unlock()
	return res, nil
}
