// Package benchutil holds what the benchmarks share.
package benchutil

import (
	"os"
	"strconv"
	"strings"
)

// PeakKiB reads this process's peak resident memory, VmHWM, in KiB; 0
// where /proc/self/status is absent. Not getrusage's ru_maxrss: on Linux
// that keeps the parent's peak across exec, so a benchmark parent that has
// just written a big file would set its child's floor.
func PeakKiB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kib
		}
	}
	return 0
}
