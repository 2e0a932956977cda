package store

import "time"

// SetFarOffset lets the tests of package store_test reach the far-offset
// path with a small database.
func SetFarOffset(n int) (restore func()) {
	old := farOffset
	farOffset = n
	return func() { farOffset = old }
}

// SetBusyTimeout shortens the wait for another program's write (stores
// opened afterwards).
func SetBusyTimeout(d time.Duration) (restore func()) {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}
