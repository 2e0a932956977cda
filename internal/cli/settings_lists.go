package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// listEdit is one change of a list as written on the command line:
// "+Name" adds (or brings back), "-Name" archives, "Old=New" renames.
type listEdit struct {
	op   byte   // '+', '-' or '='
	name string // what follows + or -, or the old name
	to   string // the new name, for '='
}

func parseListEdit(v string) (listEdit, error) {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "+") || strings.HasPrefix(v, "-"):
		if name := strings.TrimSpace(v[1:]); name != "" {
			return listEdit{op: v[0], name: name}, nil
		}
	case strings.Contains(v, "="):
		old, to, _ := strings.Cut(v, "=")
		if strings.TrimSpace(old) != "" {
			return listEdit{op: '=', name: strings.TrimSpace(old), to: strings.TrimSpace(to)}, nil
		}
	}
	return listEdit{}, usageErr("« "+v+" » : écrivez +Nom pour ajouter (ou réactiver), -Nom pour archiver, Ancien=Nouveau pour renommer",
		"\""+v+"\": write +Name to add (or bring back), -Name to archive, Old=New to rename")
}

// refListByKey is the reference list a settings key names.
func refListByKey(key string) (domain.RefList, bool) {
	for _, l := range domain.RefLists {
		if string(l) == key {
			return l, true
		}
	}
	return "", false
}

// editRefList applies one change to a reference list and says what it did.
func editRefList(ctx context.Context, env *Env, svc *service.Service, l domain.RefList, value string) (string, error) {
	e, err := parseListEdit(value)
	if err != nil {
		return "", err
	}
	title := l.Title().In(env.Lang)
	values, err := svc.RefValues(ctx, l)
	if err != nil {
		return "", err
	}
	v, ok := domain.FindRef(values, e.name)
	if e.op == '+' {
		if err := svc.AddRef(ctx, l, e.name); err != nil {
			return "", err
		}
		if ok && v.Archived {
			return fmt.Sprintf(env.m("%s : la liste propose de nouveau « %s ».", "%s: the list offers \"%s\" again."), title, v.Name), nil
		}
		return fmt.Sprintf(env.m("%s : la liste propose désormais « %s ».", "%s: the list now offers \"%s\"."), title, strings.Join(strings.Fields(e.name), " ")), nil
	}
	if !ok {
		names := make([]string, len(values))
		for i, v := range values {
			names[i] = v.Name
		}
		return "", &domain.Error{Code: "ref_unknown", Message: domain.Message{
			FR: "« " + e.name + " » n’est pas dans la liste " + l.Title().FR + " (" + orDash(strings.Join(names, ", ")) + ").",
			EN: "\"" + e.name + "\" is not in the " + l.Title().EN + " list (" + orDash(strings.Join(names, ", ")) + ")."}}
	}
	if e.op == '-' {
		if err := svc.ArchiveRef(ctx, l, v.ID, true); err != nil {
			return "", err
		}
		return fmt.Sprintf(env.m("%s : la liste ne propose plus « %s » (archivé ; les clients qui l’ont le gardent).", "%s: the list no longer offers \"%s\" (archived; the customers who have it keep it)."), title, v.Name), nil
	}
	if err := svc.RenameRef(ctx, l, v.ID, e.to); err != nil {
		return "", err
	}
	return fmt.Sprintf(env.m("%s : « %s » s’appelle désormais « %s » (les clients qui l’ont suivent).", "%s: \"%s\" is now called \"%s\" (the customers who have it follow)."), title, v.Name, e.to), nil
}

// printRefList prints a list's entries with their use counts.
func printRefList(env *Env, values []domain.RefValue) error {
	if len(values) == 0 {
		fmt.Fprintln(env.Stdout, env.m("(liste vide : +Nom ajoute une entrée)", "(empty list: +Name adds an entry)"))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Nom\tClients\tArchivé", "Name\tCustomers\tArchived"))
	for _, v := range values {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", v.Name, v.Uses, archivedText(env, v.Archived))
	}
	return tw.Flush()
}

func archivedText(env *Env, archived bool) string {
	if archived {
		return env.m("oui", "yes")
	}
	return env.m("non", "no")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// customTypeNames are the words accepted for each custom field type.
var customTypeNames = map[string]domain.CustomType{
	"text": domain.CustomText, "texte": domain.CustomText,
	"number": domain.CustomNumber, "nombre": domain.CustomNumber,
	"date": domain.CustomDate,
	"bool": domain.CustomBool, "yes-no": domain.CustomBool, "yesno": domain.CustomBool, "oui-non": domain.CustomBool,
	"list": domain.CustomList, "liste": domain.CustomList,
}

// customSpec reads "Name", "Name:type" or "Name:list:A|B|C".
func customSpec(spec string) (name string, typ domain.CustomType, options []string, err error) {
	name, rest, hasType := strings.Cut(spec, ":")
	name = strings.TrimSpace(name)
	if !hasType {
		return name, "", nil, nil
	}
	word, opts, hasOpts := strings.Cut(rest, ":")
	typ, ok := customTypeNames[strings.ToLower(strings.TrimSpace(word))]
	if !ok {
		return "", "", nil, usageErr("type « "+word+" » inconnu : text, number, date, bool (oui / non) ou list:A|B|C",
			"unknown type \""+word+"\": text, number, date, bool (yes / no) or list:A|B|C")
	}
	if typ == domain.CustomList && !hasOpts {
		return "", "", nil, usageErr("une liste donne ses valeurs : +"+name+":list:A|B|C", "a list gives its values: +"+name+":list:A|B|C")
	}
	if hasOpts && typ != domain.CustomList {
		return "", "", nil, usageErr("seule une liste a des valeurs (+"+name+":list:A|B|C)", "only a list has values (+"+name+":list:A|B|C)")
	}
	if hasOpts {
		options = strings.Split(opts, "|")
	}
	return name, typ, options, nil
}

// editCustomFields applies one change to the custom fields: "+Name:type"
// defines one ("+Name" brings an archived one back, "+Name:list:A|B|C" on
// an existing list changes its values), "-Name" archives, "Old=New"
// renames, "Name@N" puts it at position N of the form.
func editCustomFields(ctx context.Context, env *Env, svc *service.Service, value string) (string, error) {
	fields, err := svc.CustomFields(ctx)
	if err != nil {
		return "", err
	}
	if name, to, ok := customMove(value); ok {
		return moveCustomField(ctx, env, svc, fields, name, to)
	}
	e, err := parseListEdit(value)
	if err != nil {
		return "", err
	}
	name, typ, options := e.name, domain.CustomType(""), []string(nil)
	if e.op == '+' {
		if name, typ, options, err = customSpec(e.name); err != nil {
			return "", err
		}
	}
	f, exists := domain.FindCustomField(fields, name)
	switch {
	case e.op == '+' && !exists && typ == "":
		return "", usageErr("donnez le type du nouveau champ : +"+name+":text (ou number, date, bool, list:A|B|C)",
			"give the new field's type: +"+name+":text (or number, date, bool, list:A|B|C)")
	case e.op == '+' && !exists:
		f = domain.CustomField{Name: name, Type: typ, Options: options}
	case !exists:
		return "", errNoCustomField(fields, name)
	case e.op == '+' && typ != "" && typ != f.Type:
		return "", &domain.Error{Code: "custom_type", Message: domain.Message{
			FR: "Le champ « " + f.Name + " » est de type " + f.Type.Label().FR + " : un type ne change pas (créez un autre champ).",
			EN: "Field \"" + f.Name + "\" is of type " + f.Type.Label().EN + ": a type never changes (create another field)."}}
	case e.op == '+':
		f.Archived = false
		if options != nil {
			f.Options = options
		}
	case e.op == '-':
		f.Archived = true
	default:
		f.Name = e.to
	}
	if _, err := svc.SaveCustomField(ctx, f); err != nil {
		return "", err
	}
	switch {
	case e.op == '-':
		return fmt.Sprintf(env.m("Champ « %s » archivé : il n’est plus proposé, ses valeurs sont gardées.", "Field \"%s\" archived: no longer offered, its values are kept."), f.Name), nil
	case e.op == '=':
		return fmt.Sprintf(env.m("Champ « %s » renommé « %s ».", "Field \"%s\" renamed \"%s\"."), name, e.to), nil
	case exists:
		return fmt.Sprintf(env.m("Champ « %s » enregistré.", "Field \"%s\" saved."), f.Name), nil
	}
	return fmt.Sprintf(env.m("Champ « %s » (%s) créé.", "Field \"%s\" (%s) created."), strings.Join(strings.Fields(f.Name), " "), f.Type.Label().In(env.Lang)), nil
}

func errNoCustomField(fields []domain.CustomField, name string) error {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	return &domain.Error{Code: "custom_unknown", Message: domain.Message{
		FR: "Aucun champ personnalisé ne s’appelle « " + name + " » (champs : " + orDash(strings.Join(names, ", ")) + ").",
		EN: "No custom field is called \"" + name + "\" (fields: " + orDash(strings.Join(names, ", ")) + ")."}}
}

// customMove reads "Name@N", a move to position N (from 1).
func customMove(v string) (name string, to int, ok bool) {
	i := strings.LastIndexByte(v, '@')
	if i <= 0 || strings.HasPrefix(v, "+") || strings.HasPrefix(v, "-") {
		return "", 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v[i+1:]))
	return strings.TrimSpace(v[:i]), n, err == nil && n >= 1
}

func moveCustomField(ctx context.Context, env *Env, svc *service.Service, fields []domain.CustomField, name string, to int) (string, error) {
	f, ok := domain.FindCustomField(fields, name)
	if !ok {
		return "", errNoCustomField(fields, name)
	}
	to = min(to, len(fields))
	if err := svc.MoveCustomField(ctx, f.ID, to-1); err != nil {
		return "", err
	}
	return fmt.Sprintf(env.m("Champ « %s » placé en position %d.", "Field \"%s\" moved to position %d."), f.Name, to), nil
}

// printCustomFields prints the custom fields in order, with their type,
// values, use counts and state.
func printCustomFields(env *Env, fields []domain.CustomField) error {
	if len(fields) == 0 {
		fmt.Fprintln(env.Stdout, env.m("(aucun champ : +Nom:text en crée un)", "(no field: +Name:text creates one)"))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Nom\tType\tValeurs\tClients\tArchivé", "Name\tType\tValues\tCustomers\tArchived"))
	for _, f := range fields {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", f.Name, f.Type, strings.Join(f.Options, "|"), f.Uses, archivedText(env, f.Archived))
	}
	return tw.Flush()
}
