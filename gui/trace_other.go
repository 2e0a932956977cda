//go:build !unix

package gui

// onDumpSignal does nothing where there is no SIGUSR1: the smoke test runs
// on Linux.
func onDumpSignal(func()) {}
