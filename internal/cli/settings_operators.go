package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// roleNames and permissionNames are the words the command line accepts,
// English first (what it prints), French too.
var roleNames = map[string]domain.Role{
	"owner": domain.RoleOwner, "propriétaire": domain.RoleOwner, "proprietaire": domain.RoleOwner,
	"employee": domain.RoleEmployee, "employé": domain.RoleEmployee, "employe": domain.RoleEmployee,
}

var permissionNames = map[string]domain.Permission{
	"balance": domain.PermBalance, "solde": domain.PermBalance,
	"import": domain.PermImport, "importer": domain.PermImport,
	"sync": domain.PermSync, "synchro": domain.PermSync,
	"delete": domain.PermDelete, "supprimer": domain.PermDelete,
	"settings": domain.PermSettings, "paramètres": domain.PermSettings, "parametres": domain.PermSettings,
}

// permissionList describes the permissions as they are written.
func permissionList(env *Env) string {
	var b strings.Builder
	for _, p := range domain.Permissions {
		fmt.Fprintf(&b, "  %-9s %s\n", p, p.Label().In(env.Lang))
	}
	return b.String()
}

// operatorSpec reads "Name", "Name:owner" or "Name:employee:balance,import".
func operatorSpec(env *Env, spec string) (name string, role domain.Role, perms []domain.Permission, err error) {
	name, rest, hasRole := strings.Cut(spec, ":")
	name = strings.TrimSpace(name)
	if !hasRole {
		return name, "", nil, nil
	}
	word, list, _ := strings.Cut(rest, ":")
	role, ok := roleNames[strings.ToLower(strings.TrimSpace(word))]
	if !ok {
		return "", "", nil, usageErr("rôle « "+word+" » inconnu : owner (propriétaire) ou employee (employé)",
			"unknown role \""+word+"\": owner or employee")
	}
	for _, w := range strings.Split(list, ",") {
		if w = strings.ToLower(strings.TrimSpace(w)); w == "" {
			continue
		}
		p, ok := permissionNames[w]
		if !ok {
			list := strings.TrimSuffix(permissionList(env), "\n")
			return "", "", nil, usageErr("permission « "+w+" » inconnue ; les permissions sont :\n"+list,
				"unknown permission \""+w+"\"; the permissions are:\n"+list)
		}
		perms = append(perms, p)
	}
	if role == domain.RoleOwner && len(perms) > 0 {
		return "", "", nil, usageErr("le propriétaire peut tout faire : écrivez +"+name+":owner, sans permissions",
			"the owner may do everything: write +"+name+":owner, without permissions")
	}
	return name, role, perms, nil
}

// editOperators applies one change to the operators: "+Name:owner" or
// "+Name:employee:balance,import" creates one (or, for an existing one,
// sets their role and permissions and brings them back), "-Name" archives,
// "Old=New" renames.
func editOperators(ctx context.Context, env *Env, svc *service.Service, value string) (string, error) {
	e, err := parseListEdit(value)
	if err != nil {
		return "", err
	}
	ops, err := svc.Operators(ctx)
	if err != nil {
		return "", err
	}
	name, role, perms := e.name, domain.Role(""), []domain.Permission(nil)
	if e.op == '+' {
		if name, role, perms, err = operatorSpec(env, e.name); err != nil {
			return "", err
		}
	}
	o, exists := findOperator(ops, name)
	switch {
	case e.op == '+' && !exists && role == "":
		return "", usageErr("donnez le rôle du nouvel opérateur : +"+name+":owner, ou +"+name+":employee:balance,import",
			"give the new operator's role: +"+name+":owner, or +"+name+":employee:balance,import")
	case e.op == '+' && !exists:
		o = domain.Operator{Name: name, Role: role, Permissions: perms}
	case !exists:
		return "", errNoOperator(ops, name)
	case e.op == '+':
		o.Archived = false
		if role != "" {
			o.Role, o.Permissions = role, perms
		}
	case e.op == '-':
		o.Archived = true
	default:
		o.Name = e.to
	}
	if _, err := svc.SaveOperator(ctx, o, nil); err != nil {
		return "", err
	}
	switch {
	case e.op == '-':
		return fmt.Sprintf(env.m("Opérateur « %s » archivé : il ne peut plus se connecter.", "Operator \"%s\" archived: they can no longer sign in."), o.Name), nil
	case e.op == '=':
		return fmt.Sprintf(env.m("Opérateur « %s » renommé « %s ».", "Operator \"%s\" renamed \"%s\"."), name, e.to), nil
	case !exists:
		o.Name = strings.Join(strings.Fields(o.Name), " ")
		return fmt.Sprintf(env.m("Opérateur « %s » créé (%s). Pour lui donner un code PIN : carnet settings operator_pin %s",
			"Operator \"%s\" created (%s). To give them a PIN: carnet settings operator_pin %s"), o.Name, o.Role.Label().In(env.Lang), shellWord(o.Name)), nil
	}
	return fmt.Sprintf(env.m("Opérateur « %s » enregistré.", "Operator \"%s\" saved."), o.Name), nil
}

// operatorPerms is what an operator may do, as written on the command line.
func operatorPerms(o domain.Operator) string {
	if o.Role == domain.RoleOwner {
		return "*"
	}
	words := make([]string, len(o.Permissions))
	for i, p := range o.Permissions {
		words[i] = string(p)
	}
	return orDash(strings.Join(words, ","))
}

// printOperators prints the operators with their role, permissions, PIN
// and state.
func printOperators(env *Env, ops []domain.Operator) error {
	if len(ops) == 0 {
		fmt.Fprintln(env.Stdout, env.m("(aucun opérateur : +Nom:owner crée le propriétaire)", "(no operator: +Name:owner creates the owner)"))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Nom\tRôle\tPermissions\tCode PIN\tArchivé", "Name\tRole\tPermissions\tPIN\tArchived"))
	for _, o := range ops {
		pin := env.m("non", "no")
		if o.HasPIN {
			pin = env.m("oui", "yes")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", o.Name, o.Role, operatorPerms(o), pin, archivedText(env, o.Archived))
	}
	return tw.Flush()
}

// shellWord is name as it is typed in a command: in quotes when it has
// spaces or quotes.
func shellWord(name string) string {
	if !strings.ContainsAny(name, " '\"’") {
		return name
	}
	return "\"" + strings.ReplaceAll(name, "\"", "\\\"") + "\""
}
