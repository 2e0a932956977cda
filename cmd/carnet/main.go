// Command carnet opens Carnet's window when called with no command (or only
// --db PATH), and runs a sub-command headless otherwise.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"carnet/gui"
	"carnet/internal/cli"
	"carnet/internal/service"
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
		if err := gui.Run(db); err != nil {
			fmt.Fprintln(os.Stderr, "carnet:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(cli.Run(ctx, args, &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
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
