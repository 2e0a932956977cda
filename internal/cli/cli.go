// Package cli runs Carnet's sub-commands (DESIGN §3) on the services, for
// scripts, tests and bookkeepers. Every command takes --db, exits non-zero
// on error and, with --json, prints one JSON document on standard output.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Lang           string // "fr" or "en", for messages
}

// command is one sub-command.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands = map[string]command{}

// register adds a sub-command; each lives in its own file.
func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// Run executes args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env *Env) int {
	if env.Lang == "" {
		env.Lang = LangFromEnv()
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "carnet: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		// A command that already printed its outcome may still end with a
		// specific exit code (import: 3 = partial).
		var ec interface{ ExitCode() int }
		if errors.As(err, &ec) {
			fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], err)
			return ec.ExitCode()
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], ue.msg)
			return 2
		}
		fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], domain.UserMessage(err, env.Lang))
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: carnet [COMMAND] [--db PATH] [options]")
	fmt.Fprintln(w, "Without a command, carnet opens its window.")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --db PATH (default: $CARNET_DB, else the database in the user’s configuration folder).")
}

// LangFromEnv picks the message language from LANG/LC_ALL: English when it
// says so, French otherwise.
func LangFromEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(l, "en") {
				return "en"
			}
			return "fr"
		}
	}
	return "fr"
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// flags is a FlagSet with the options every command shares.
type flags struct {
	*flag.FlagSet
	db   *string
	json *bool
}

func newFlags(name string, env *Env) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return &flags{
		FlagSet: fs,
		db:      fs.String("db", "", "database file (default: $CARNET_DB, else the user’s configuration folder)"),
		json:    fs.Bool("json", false, "print one JSON document on standard output"),
	}
}

// parse accepts flags before and after positional arguments
// ("carnet clients dupont --json") and returns the positionals.
func (f *flags) parse(args []string) ([]string, error) {
	var positional []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		if f.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, f.Arg(0))
		args = f.Args()[1:]
	}
}

// open opens the database chosen by --db, CARNET_DB or the default.
func (f *flags) open() (*service.Service, error) {
	path := *f.db
	if path == "" {
		var err error
		if path, err = service.DefaultDBPath(); err != nil {
			return nil, err
		}
	}
	return service.Open(path)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
