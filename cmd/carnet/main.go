// Command carnet opens Carnet's window when called with no command (or only
// --db PATH), and runs a sub-command headless otherwise.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"carnet/gui"
	"carnet/internal/cli"
	"carnet/internal/service"
	"carnet/internal/sheet"
)

func main() {
	args := os.Args[1:]
	if db, ok := windowArgs(args); ok {
		if db == "" {
			var err error
			if db, err = service.DefaultDBPath(); err != nil {
				fmt.Fprintln(os.Stderr, "carnet:", err)
				os.Exit(1)
			}
		}
		err := gui.Run(db)
		sheet.RemoveTemporaryFiles()
		if err != nil {
			fmt.Fprintln(os.Stderr, "carnet:", err)
			os.Exit(1)
		}
		return
	}
	// Ctrl-C or a TERM cancels the command, which then rolls back and says
	// so; the workbooks' temporary files go even if a read was cut short.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, args, &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	sheet.RemoveTemporaryFiles()
	os.Exit(code)
}

// windowArgs reports whether args ask for the window: none, or only
// "--db PATH" / "--db=PATH"; it returns the database path given, if any.
func windowArgs(args []string) (string, bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && (args[0] == "--db" || args[0] == "-db"):
		return args[1], true
	case len(args) == 1 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		return args[0][strings.Index(args[0], "=")+1:], true
	}
	return "", false
}
