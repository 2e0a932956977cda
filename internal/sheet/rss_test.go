package sheet

import (
	"os"
	"runtime"
	"strconv"
	"strings"
)

// selfPeakRSS is this process's peak resident memory in bytes: VmHWM on
// Linux (taken from the process's own memory map, which exec renews, unlike
// the rusage a parent gets after fork), the memory obtained from the system
// by the Go runtime elsewhere.
func selfPeakRSS() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
					return kb << 10
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}
