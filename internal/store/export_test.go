package store

// SetFarOffset lets the tests of package store_test reach the far-offset
// path with a small database.
func SetFarOffset(n int) (restore func()) {
	old := farOffset
	farOffset = n
	return func() { farOffset = old }
}
