package importer

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"
)

// During an import the live heap is small — the batches in flight — but
// the readers and parsers allocate about 10 KB per CSV row and 20 KB per
// XLSX row (excelize's XML decoding), so at Go's default pace the garbage
// collector took a quarter of the CPU the writer needs on a 2-core
// machine. An import lets the heap grow to importGCPercent of its live
// size between collections, under a ceiling of importHeadroom above what
// the process held when the import began, so memory stays bounded
// whatever the file (measured: an XLSX of 100,000 rows in 10.3 s at the
// default pace, 7.7 s at 400 %).
const (
	importGCPercent = 400
	importHeadroom  = 96 << 20
)

var gcTuning struct {
	sync.Mutex
	users          int
	percent, limit int64
}

// relaxGC applies the import's pace and returns the function that puts
// the process's own settings back once the last import running ends.
func relaxGC() (restore func()) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if gcTuning.users == 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		held := int64(ms.Sys - ms.HeapReleased)
		gcTuning.percent = int64(debug.SetGCPercent(importGCPercent))
		gcTuning.limit = debug.SetMemoryLimit(math.MaxInt64)
		debug.SetMemoryLimit(min(gcTuning.limit, held+importHeadroom))
	}
	gcTuning.users++
	return func() {
		gcTuning.Lock()
		defer gcTuning.Unlock()
		if gcTuning.users--; gcTuning.users == 0 {
			debug.SetGCPercent(int(gcTuning.percent))
			debug.SetMemoryLimit(gcTuning.limit)
		}
	}
}
