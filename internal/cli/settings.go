package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

func init() {
	register("settings", domain.Message{FR: "lire ou changer les paramètres du fichier : carnet settings [CLÉ [VALEUR]] [--json]",
		EN: "read or change the file’s settings: carnet settings [KEY [VALUE]] [--json]"}, runSettings)
	onCancel("settings", domain.Message{FR: "Interrompu : les paramètres n’ont pas changé.", EN: "Interrupted: the settings did not change."})
}

// settingsHelp is the usage of carnet settings, with every key.
func settingsHelp(env *Env) string {
	var b strings.Builder
	b.WriteString(env.m(`Usage : carnet settings [CLÉ [VALEUR]] [options]

Sans CLÉ : tous les paramètres du fichier. CLÉ seule : sa valeur (une liste
avec le nombre de clients de chaque entrée). CLÉ VALEUR : la change, après
l’avoir vérifiée ; une valeur refusée ne change rien et le message dit ce
qui est attendu (code de sortie 1 ; 2 pour une ligne de commande mal écrite).
Une VALEUR qui commence par « - » s’écrit telle quelle ; "" est une valeur vide.

Clés :
`, `Usage: carnet settings [KEY [VALUE]] [options]

Without KEY: every setting of the file. KEY alone: its value (a list with
how many customers have each entry). KEY VALUE: changes it, after checking
it; a refused value changes nothing and the message says what is expected
(exit code 1; 2 for a badly written command line). A VALUE starting with
"-" is written as is; "" is an empty value.

Keys:
`))
	for _, s := range settingKeys {
		fmt.Fprintf(&b, "  %-18s %s\n", s.key, s.about.In(env.Lang))
	}
	b.WriteString(env.m("\nPermissions d’un employé (operators) :\n", "\nAn employee’s permissions (operators):\n"))
	b.WriteString(permissionList(env))
	b.WriteString(env.m(`
Exemples :
  carnet settings code_prefix WEB
  carnet settings marketing_sources +Salon
  carnet settings custom_fields "+Taille:list:S|M|L"
  carnet settings operators +Marie:employee:balance,import

Options :
`, `
Examples:
  carnet settings code_prefix WEB
  carnet settings marketing_sources +Salon
  carnet settings custom_fields "+Size:list:S|M|L"
  carnet settings operators +Marie:employee:balance,import

Options:
`))
	return b.String()
}

func runSettings(ctx context.Context, env *Env, args []string) error {
	f := newFlags("settings", env)
	help := settingsHelp(env)
	f.help(help, help)
	pos, err := f.parse(valuesAreNotFlags(args))
	if err != nil {
		return err
	}
	if len(pos) > 2 {
		return usageErr("trop d’arguments : carnet settings [CLÉ [VALEUR]] (une VALEUR avec des espaces se met entre guillemets)",
			"too many arguments: carnet settings [KEY [VALUE]] (a VALUE with spaces goes in quotes)")
	}
	if len(pos) == 0 {
		return showAllSettings(ctx, f)
	}
	s, ok := settingByKey(pos[0])
	if !ok {
		keys := make([]string, len(settingKeys))
		for i, s := range settingKeys {
			keys[i] = s.key
		}
		return usageErr("clé « "+pos[0]+" » inconnue ; les clés sont : "+strings.Join(keys, ", "),
			"unknown key \""+pos[0]+"\"; the keys are: "+strings.Join(keys, ", "))
	}
	if len(pos) == 1 {
		if s.writeOnly {
			return usageErr("écrivez carnet settings "+s.key+" NOM", "write carnet settings "+s.key+" NAME")
		}
		return showSetting(ctx, f, s)
	}
	if s.set == nil {
		return usageErr(s.key+" se lit seulement : il suit code_prefix et code_length", s.key+" is read-only: it follows code_prefix and code_length")
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := viewOf(ctx, env, svc)
	if err != nil {
		return err
	}
	said, err := s.set(ctx, v, pos[1])
	if err != nil {
		return refusal(err)
	}
	if s.showAfter != "" {
		s, _ = settingByKey(s.showAfter)
	}
	if v, err = viewOf(ctx, env, svc); err != nil {
		return err
	}
	value, err := s.value(ctx, v)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{s.key: value})
	}
	if said == "" {
		said = env.m("Enregistré : ", "Saved: ") + s.key + " = " + textOf(v, s, value)
	}
	fmt.Fprintln(env.Stdout, said)
	return nil
}

// showAllSettings prints every setting: key, what it is, and value.
func showAllSettings(ctx context.Context, f *flags) error {
	svc, err := openToRead(f)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := viewOf(ctx, f.env, svc)
	if err != nil {
		return err
	}
	all := map[string]any{}
	for _, s := range settingKeys {
		if !s.writeOnly {
			if all[s.key], err = s.value(ctx, v); err != nil {
				return err
			}
		}
	}
	if *f.json {
		return printJSON(f.env.Stdout, all)
	}
	var rows [][]string
	for i, s := range settingKeys {
		if s.writeOnly {
			continue
		}
		if i > 0 && s.detail != nil && settingKeys[i-1].detail == nil {
			rows = append(rows, []string{"", "", ""}) // the lists after a blank line
		}
		// The value comes last: a list's can be long.
		rows = append(rows, []string{s.key, s.label.In(f.env.Lang), textOf(v, s, all[s.key])})
	}
	printTable(f.env.Stdout, rows)
	return nil
}

// showSetting prints one setting; a list in full.
func showSetting(ctx context.Context, f *flags, s setting) error {
	svc, err := openToRead(f)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := viewOf(ctx, f.env, svc)
	if err != nil {
		return err
	}
	value, err := s.value(ctx, v)
	switch {
	case err != nil:
		return err
	case *f.json:
		return printJSON(f.env.Stdout, map[string]any{s.key: value})
	case s.detail != nil:
		return s.detail(v, value)
	}
	fmt.Fprintln(f.env.Stdout, textOf(v, s, value))
	return nil
}

func viewOf(ctx context.Context, env *Env, svc *service.Service) (*settingsView, error) {
	st, err := svc.Settings(ctx)
	return &settingsView{env: env, svc: svc, st: st}, err
}

func textOf(v *settingsView, s setting, value any) string {
	if s.text != nil {
		return s.text(v, value)
	}
	return fmt.Sprint(value)
}

func settingByKey(key string) (setting, bool) {
	key = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(key), "-", "_"))
	for _, s := range settingKeys {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

// openToRead opens the database read-only (it answers while the window has
// it, or on a write-protected copy), or read-write when it predates the
// settings and must be brought up to date first.
func openToRead(f *flags) (*service.Service, error) {
	svc, err := f.openRead()
	if err != nil {
		return nil, err
	}
	have, err1 := svc.Store.SchemaVersion(context.Background())
	latest, err2 := store.LatestSchema()
	if err1 == nil && err2 == nil && have < latest {
		svc.Close()
		return f.open()
	}
	return svc, nil
}

// refusal says a refused setting without the field label the form would
// put before it: the command line already names the key.
func refusal(err error) error {
	var fe *domain.FieldError
	if errors.As(err, &fe) {
		return &domain.Error{Code: fe.Code, Message: fe.Message}
	}
	return err
}

// valuesAreNotFlags keeps "-Name" (archive Name) from being read as an
// unknown option: an argument starting with a single "-" that is not one
// of the options is preceded by "--", which makes it a positional value.
func valuesAreNotFlags(args []string) []string {
	options := []string{"db", "json", "operator", "h", "help"}
	out := make([]string, 0, len(args))
	for i, a := range args {
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if len(a) > 1 && a[0] == '-' && a[1] != '-' && !slices.Contains(options, name) && (i == 0 || args[i-1] != "--") {
			out = append(out, "--")
		}
		out = append(out, a)
	}
	return out
}
