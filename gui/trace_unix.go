//go:build unix

package gui

import (
	"os"
	"os/signal"
	"syscall"
)

// onDumpSignal calls dump each time the process receives SIGUSR1.
func onDumpSignal(dump func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	go func() {
		for range ch {
			dump()
		}
	}()
}
