package main

import (
	"os"
	"syscall"
)

// The Windows release is a GUI-subsystem program (`fyne package` links it
// with -H=windowsgui) so that the Start menu opens the window without a
// console beside it. Windows gives such a program no console: typed in
// cmd.exe or PowerShell, a sub-command's output would go nowhere unless
// redirected to a file or a pipe. So a sub-command writes to the console of
// the shell that started it, when there is one.
func init() {
	if _, window := windowArgs(os.Args[1:]); window {
		return
	}
	useParentConsole()
}

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var attachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// useParentConsole attaches to the parent's console and points the standard
// streams that lead nowhere at it; streams already redirected (to a file, a
// pipe, or a console Wine passed on) are kept.
func useParentConsole() {
	in, out, errs := stdHandle(syscall.STD_INPUT_HANDLE), stdHandle(syscall.STD_OUTPUT_HANDLE), stdHandle(syscall.STD_ERROR_HANDLE)
	if in && out && errs {
		return
	}
	// Fails when started from Explorer, which has no console: nothing to do.
	if ok, _, _ := attachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		return
	}
	if !out {
		reopen(&os.Stdout, "CONOUT$", "/dev/stdout")
	}
	if !errs {
		reopen(&os.Stderr, "CONOUT$", "/dev/stderr")
	}
	if !in {
		reopen(&os.Stdin, "CONIN$", "/dev/stdin")
	}
}

// stdHandle reports whether the standard handle leads somewhere.
func stdHandle(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}

// reopen points *f at the console device name (CONOUT$ or CONIN$).
func reopen(f **os.File, device, name string) {
	h, err := syscall.Open(device, syscall.O_RDWR, 0)
	if err != nil {
		return
	}
	*f = os.NewFile(uintptr(h), name)
}
