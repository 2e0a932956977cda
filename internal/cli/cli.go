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
	"slices"
	"sort"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Lang           string // "fr" or "en", for messages
	// Stdin is where a PIN is typed (os.Stdin when nil); a PIN is only
	// asked when it is a terminal.
	Stdin io.Reader
}

// m is a message in both languages, said in the command's.
func (env *Env) m(fr, en string) string { return domain.Message{FR: fr, EN: en}.In(env.Lang) }

// command is one sub-command.
type command struct {
	summary domain.Message
	run     func(ctx context.Context, env *Env, args []string) error
	// cancelled says what a Ctrl-C left behind.
	cancelled domain.Message
}

var commands = map[string]command{}

// register adds a sub-command; each lives in its own file.
func register(name string, summary domain.Message, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary: summary, run: run,
		cancelled: domain.Message{FR: "Interrompu : rien n’a été écrit.", EN: "Interrupted: nothing was written."}}
}

// onCancel sets what a command says when Ctrl-C stops it.
func onCancel(name string, m domain.Message) {
	c := commands[name]
	c.cancelled = m
	commands[name] = c
}

// Run executes args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env *Env) int {
	if env.Lang == "" {
		env.Lang = LangFromEnv()
	}
	args = globalFlagsAfterCommand(args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout, env)
		return 0
	}
	if versionFlags[args[0]] {
		args = append([]string{"version"}, args[1:]...)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, env.m("carnet : commande inconnue « %s »\n\n", "carnet: unknown command %q\n\n"), args[0])
		usage(env.Stderr, env)
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], cmd.cancelled.In(env.Lang))
			return 1
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
			fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], ue.In(env.Lang))
			return 2
		}
		fmt.Fprintf(env.Stderr, "carnet %s: %s\n", args[0], domain.UserMessage(err, env.Lang))
		return 1
	}
	return 0
}

// globalFlags are the options every command takes that may also come
// before the command: "carnet --db x.db --operator Marie import f.csv".
var globalFlags = []string{"db", "operator"}

// globalFlagsAfterCommand moves the global options written before the
// command to just after it, where its flag set reads them.
func globalFlagsAfterCommand(args []string) []string {
	var moved []string
	for len(args) > 0 {
		name, inline := strings.TrimLeft(args[0], "-"), false
		if i := strings.IndexByte(name, '='); i >= 0 {
			name, inline = name[:i], true
		}
		if !strings.HasPrefix(args[0], "-") || !slices.Contains(globalFlags, name) {
			break
		}
		n := 2
		if inline || len(args) == 1 {
			n = 1
		}
		moved, args = append(moved, args[:n]...), args[n:]
	}
	if len(moved) == 0 || len(args) == 0 {
		return append(moved, args...)
	}
	return append(append([]string{args[0]}, moved...), args[1:]...)
}

func usage(w io.Writer, env *Env) {
	fmt.Fprintln(w, env.m("Usage : carnet [COMMANDE] [--db CHEMIN] [--operator NOM] [options]", "Usage: carnet [COMMAND] [--db PATH] [--operator NAME] [options]"))
	fmt.Fprintln(w, env.m("Sans commande, carnet ouvre sa fenêtre. carnet --version écrit sa version.", "Without a command, carnet opens its window. carnet --version prints its version."))
	fmt.Fprintln(w, "\n"+env.m("Commandes :", "Commands:"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary.In(env.Lang))
	}
	fmt.Fprintln(w, "\n"+env.m("Chaque commande prend --db CHEMIN (par défaut : $CARNET_DB, sinon la base du dossier de configuration de l’utilisateur). carnet COMMANDE --help détaille ses options.",
		"Every command takes --db PATH (default: $CARNET_DB, else the database in the user’s configuration folder). carnet COMMAND --help lists its options."))
	fmt.Fprintln(w, env.m("Quand les opérateurs sont activés (carnet settings operators_on on), les commandes qui modifient la base demandent --operator NOM ; le code PIN est demandé au terminal sans être affiché, ou lu dans $CARNET_PIN.",
		"When operators are on (carnet settings operators_on on), the commands that change the database need --operator NAME; the PIN is asked on the terminal without being shown, or read from $CARNET_PIN."))
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

// usageError is a command line the command cannot run: exit code 2.
type usageError struct{ domain.Message }

func (e usageError) Error() string { return e.EN }

// usageErr is a usageError in both languages.
func usageErr(fr, en string) usageError { return usageError{domain.Message{FR: fr, EN: en}} }

// flags is a FlagSet with the options every command shares; its texts
// follow the user's language.
type flags struct {
	*flag.FlagSet
	env      *Env
	db       *string
	json     *bool
	operator *string
}

func newFlags(name string, env *Env) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f := &flags{FlagSet: fs, env: env}
	// The flag package prints its own English usage on every error; the
	// command says the error in the user's words instead, and --help
	// prints the options.
	fs.Usage = func() {}
	f.db = fs.String("db", "", env.m("fichier de la base de clients (par défaut : $CARNET_DB, sinon le dossier de configuration de l’utilisateur)",
		"customer database file (default: $CARNET_DB, else the user’s configuration folder)"))
	f.json = fs.Bool("json", false, env.m("écrire un document JSON sur la sortie standard", "print one JSON document on standard output"))
	f.operator = fs.String("operator", "", env.m("qui travaille, quand les opérateurs sont activés (code PIN : demandé au terminal, ou $CARNET_PIN)",
		"who is working, when operators are on (PIN: asked on the terminal, or $CARNET_PIN)"))
	return f
}

// help prints text, then the options, when --help is asked.
func (f *flags) help(fr, en string) {
	f.FlagSet.Usage = func() {
		fmt.Fprint(f.env.Stderr, f.env.m(fr, en))
		f.PrintDefaults()
	}
}

// flagError says what the flag package refused, in the user's words.
func flagError(err error, env *Env) usageError {
	msg := err.Error()
	name := func(prefix string) string { return strings.TrimPrefix(msg, prefix) }
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		o := name("flag provided but not defined: ")
		return usageErr("option inconnue : "+o+" (--help liste les options)", "unknown option: "+o+" (--help lists the options)")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		o := name("flag needs an argument: ")
		return usageErr("l’option "+o+" attend une valeur", "option "+o+" needs a value")
	case strings.HasPrefix(msg, "invalid value ") || strings.HasPrefix(msg, "invalid boolean value "):
		return usageErr("valeur refusée : "+msg+" (--help décrit chaque option)", "rejected value: "+msg+" (--help describes each option)")
	}
	return usageErr(msg, msg)
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
			return nil, flagError(err, f.env)
		}
		if f.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, f.Arg(0))
		args = f.Args()[1:]
	}
}

// dbPath is the database chosen by --db, CARNET_DB or the default.
func (f *flags) dbPath() (string, error) {
	if *f.db != "" {
		return *f.db, nil
	}
	return service.DefaultDBPath()
}

// open opens the chosen database to read and write it.
func (f *flags) open() (*service.Service, error) {
	path, err := f.dbPath()
	if err != nil {
		return nil, err
	}
	return service.Open(path)
}

// openRead opens the chosen database to read it only: a write-protected
// file, or one from a newer Carnet, still answers.
func (f *flags) openRead() (*service.Service, error) {
	path, err := f.dbPath()
	if err != nil {
		return nil, err
	}
	return service.OpenReadOnly(path)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
