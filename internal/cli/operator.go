package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// The PIN of --operator comes from pinEnv when it is set, else from the
// terminal. A new PIN (settings operator_pin) has its own variable: with
// operators on, the one who sets it signs in with their own PIN first.
const (
	pinEnv    = "CARNET_PIN"
	newPINEnv = "CARNET_NEW_PIN"
)

// openToChange opens the database for a command that changes it. When the
// file's operators are on, the operator named by --operator signs in first
// (the service then checks their permissions), and a command without
// --operator is refused: the journal must say who did what.
func (f *flags) openToChange(ctx context.Context) (*service.Service, error) {
	svc, err := f.open()
	if err != nil {
		return nil, err
	}
	if err := signIn(ctx, f.env, svc, *f.operator); err != nil {
		svc.Close()
		return nil, err
	}
	return svc, nil
}

// checkOperatorMay signs in and checks permission p for a command that
// replaces the database without opening it through the service (restore).
// A database that cannot be read, or whose operators are off, asks nothing:
// restoring a backup must stay possible when the file is damaged.
func (f *flags) checkOperatorMay(ctx context.Context, p domain.Permission) error {
	path, err := f.dbPath()
	if err != nil {
		return err
	}
	ro, err := service.OpenReadOnly(path)
	if err != nil {
		return nil
	}
	on, err := ro.OperatorsOn(ctx)
	ro.Close()
	if err != nil || !on {
		return nil
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	return svc.Require(ctx, p)
}

// signIn makes name the current operator when operators are on.
func signIn(ctx context.Context, env *Env, svc *service.Service, name string) error {
	on, err := svc.OperatorsOn(ctx)
	if err != nil || !on {
		return err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return usageErr("les opérateurs sont activés pour ce fichier : dites qui travaille avec --operator NOM (le code PIN est demandé au terminal, ou lu dans $CARNET_PIN)",
			"operators are on for this file: say who is working with --operator NAME (the PIN is asked on the terminal, or read from $CARNET_PIN)")
	}
	ops, err := svc.Operators(ctx)
	if err != nil {
		return err
	}
	pin := ""
	if op, ok := findOperator(ops, name); ok && op.HasPIN && !op.Archived {
		if pin, err = readPIN(ctx, env, op.Name); err != nil {
			return err
		}
	}
	_, err = svc.SignIn(ctx, name, pin)
	return err
}

// readPIN is the sign-in PIN of operator name: $CARNET_PIN, else typed on
// the terminal without being shown.
func readPIN(ctx context.Context, env *Env, name string) (string, error) {
	if v, ok := os.LookupEnv(pinEnv); ok {
		return strings.TrimSpace(v), nil
	}
	pin, asked, err := askSecret(ctx, env, env.m("Code PIN de "+name+" : ", "PIN for "+name+": "))
	if !asked {
		return "", &domain.Error{Code: "pin_needed", Message: domain.Message{
			FR: name + " a un code PIN et aucun terminal ne peut le demander : donnez-le dans la variable CARNET_PIN.",
			EN: name + " has a PIN and there is no terminal to ask it: give it in the CARNET_PIN variable."}}
	}
	return pin, err
}

// askSecret asks for a secret on the terminal without showing what is
// typed. asked is false when standard input is not a terminal. Ctrl-C
// while it waits gives the terminal back as it was.
func askSecret(ctx context.Context, env *Env, prompt string) (secret string, asked bool, err error) {
	var in io.Reader = os.Stdin
	if env.Stdin != nil {
		in = env.Stdin
	}
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", false, nil
	}
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return "", true, err
	}
	fmt.Fprint(env.Stderr, prompt)
	type typed struct {
		b   []byte
		err error
	}
	done := make(chan typed, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- typed{b, err}
	}()
	select {
	case t := <-done:
		fmt.Fprintln(env.Stderr)
		return strings.TrimSpace(string(t.b)), true, t.err
	case <-ctx.Done():
		_ = term.Restore(fd, state)
		fmt.Fprintln(env.Stderr)
		return "", true, ctx.Err()
	}
}

// findOperator is the operator called name (without case), archived or not.
func findOperator(ops []domain.Operator, name string) (domain.Operator, bool) {
	name = strings.Join(strings.Fields(name), " ")
	for _, o := range ops {
		if strings.EqualFold(o.Name, name) {
			return o, true
		}
	}
	return domain.Operator{}, false
}

// errNoOperator refuses a name that is not an operator's, with the names.
func errNoOperator(ops []domain.Operator, name string) error {
	names := make([]string, 0, len(ops))
	for _, o := range ops {
		names = append(names, o.Name)
	}
	list := strings.Join(names, ", ")
	if list == "" {
		list = "—"
	}
	return &domain.Error{Code: "unknown_operator", Message: domain.Message{
		FR: "Aucun opérateur ne s’appelle « " + name + " » (opérateurs : " + list + ").",
		EN: "No operator is called \"" + name + "\" (operators: " + list + ")."}}
}

// setOperatorPIN sets, changes or removes (empty) the PIN of operator name.
// The new PIN is typed twice on the terminal, or read from $CARNET_NEW_PIN.
func setOperatorPIN(ctx context.Context, env *Env, svc *service.Service, name string) (string, error) {
	ops, err := svc.Operators(ctx)
	if err != nil {
		return "", err
	}
	op, ok := findOperator(ops, name)
	if !ok {
		return "", errNoOperator(ops, name)
	}
	pin, ok := os.LookupEnv(newPINEnv)
	pin = strings.TrimSpace(pin)
	if !ok {
		var asked bool
		pin, asked, err = askSecret(ctx, env, env.m("Nouveau code PIN de "+op.Name+" (4 à 12 chiffres, vide pour le retirer) : ",
			"New PIN for "+op.Name+" (4 to 12 digits, empty to remove it): "))
		if err != nil {
			return "", err
		}
		if !asked {
			return "", usageErr("aucun terminal pour demander le nouveau code PIN : donnez-le dans la variable CARNET_NEW_PIN (vide pour le retirer)",
				"no terminal to ask the new PIN: give it in the CARNET_NEW_PIN variable (empty to remove it)")
		}
		if pin != "" {
			again, _, err := askSecret(ctx, env, env.m("Le même code, encore une fois : ", "The same PIN again: "))
			if err != nil {
				return "", err
			}
			if again != pin {
				return "", &domain.Error{Code: "pin_mismatch", Message: domain.Message{
					FR: "Les deux codes diffèrent : rien n’a changé, recommencez.",
					EN: "The two PINs differ: nothing changed, try again."}}
			}
		}
	}
	if _, err := svc.SaveOperator(ctx, op, &pin); err != nil {
		return "", err
	}
	if pin == "" {
		return env.m("Code PIN de "+op.Name+" retiré.", "PIN of "+op.Name+" removed."), nil
	}
	return env.m("Code PIN de "+op.Name+" enregistré.", "PIN of "+op.Name+" saved."), nil
}
