package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// settingsView is what a setting is read and changed with.
type settingsView struct {
	env *Env
	svc *service.Service
	st  domain.Settings // as they were when the command started
}

// setting is one key of carnet settings.
type setting struct {
	key   string
	label domain.Message // what it is, for the overview
	about domain.Message // its values and syntax, for --help
	// value is what --json prints for it.
	value func(ctx context.Context, v *settingsView) (any, error)
	// text is the value on one line (nil: as fmt prints it).
	text func(v *settingsView, value any) string
	// detail prints the key read alone in full (the lists); nil: text.
	detail func(v *settingsView, value any) error
	// set changes the setting and says what it did ("" prints "key = new
	// value"); nil for a read-only setting.
	set func(ctx context.Context, v *settingsView, value string) (string, error)
	// writeOnly keys are not shown in the overview; showAfter is the key
	// --json prints once they are set.
	writeOnly bool
	showAfter string
}

var settingKeys []setting

func init() {
	regions := make([]string, len(domain.PhoneRegions))
	for i, r := range domain.PhoneRegions {
		regions[i] = r.Code
	}
	settingKeys = []setting{
		{key: "code_prefix", label: msg("Préfixe des codes clients", "Customer code prefix"),
			about: msg("préfixe des nouveaux codes clients : C, CLI-, WEB, ou \"\" pour aucun", "prefix of new customer codes: C, CLI-, WEB, or \"\" for none"),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.Numbering.Prefix, nil },
			text:  func(_ *settingsView, x any) string { return orNone(x.(string)) },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				r := v.st.Numbering
				r.Prefix = s
				return setNumbering(ctx, v, r)
			}},
		{key: "code_length", label: msg("Longueur des codes, préfixe compris", "Code length, prefix included"),
			about: msg("longueur du code entier, préfixe compris (8 : C0000001)", "length of the whole code, prefix included (8: C0000001)"),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.Numbering.Length, nil },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil {
					return "", usageErr("code_length attend un nombre entier de caractères, préfixe compris (8 donne C0000001)",
						"code_length takes a whole number of characters, prefix included (8 gives C0000001)")
				}
				r := v.st.Numbering
				r.Length = n
				return setNumbering(ctx, v, r)
			}},
		{key: "next_code", label: msg("Code du prochain nouveau client", "Next new customer’s code"),
			about: msg("code du prochain nouveau client (lecture seule : suit code_prefix et code_length)", "the next new customer’s code (read-only: follows code_prefix and code_length)"),
			value: func(ctx context.Context, v *settingsView) (any, error) { return v.svc.NextCode(ctx, v.st.Numbering) }},
		{key: "phone_region", label: msg("Région par défaut des téléphones et adresses", "Default region of phones and addresses"),
			about: msg("région d’un numéro ou d’une adresse écrits sans pays : "+strings.Join(regions, ", "),
				"region of a number or address written without a country: "+strings.Join(regions, ", ")),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.PhoneRegion, nil },
			text: func(v *settingsView, x any) string {
				return x.(string) + " (" + domain.RegionName(x.(string), v.env.Lang) + ")"
			},
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return "", v.svc.SetPhoneRegion(ctx, s)
			}},
		{key: "sundry_account", label: msg("Compte « Clients divers »", "Sundry customers account"),
			about: msg("compte des clients sans compte à eux (411000)", "account of the customers without one of their own (411000)"),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.SundryAccount, nil },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return "", v.svc.SetAccounting(ctx, s, v.st.AccountPrefix)
			}},
		{key: "account_prefix", label: msg("Début imposé des numéros de compte", "Required start of account numbers"),
			about: msg("début imposé des numéros de compte (411), ou \"\" pour les laisser libres", "required start of account numbers (411), or \"\" to leave them free"),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.AccountPrefix, nil },
			text:  func(v *settingsView, x any) string { return orText(x.(string), v.env.m("(libre)", "(free)")) },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return "", v.svc.SetAccounting(ctx, v.st.SundryAccount, s)
			}},
		{key: "backup_keep", label: msg("Sauvegardes gardées", "Backups kept"),
			about: msg("nombre de sauvegardes gardées (1 à 1000)", "how many backups are kept (1 to 1000)"),
			value: func(_ context.Context, v *settingsView) (any, error) { return v.st.BackupKeep, nil },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil {
					return "", usageErr("backup_keep attend un nombre de 1 à 1000", "backup_keep takes a number from 1 to 1000")
				}
				return "", v.svc.SetBackupKeep(ctx, n)
			}},
		onOffSetting("operators_on", msg("Opérateurs et permissions", "Operators and permissions"),
			msg("on : demander qui travaille et vérifier ses permissions ; off : un seul utilisateur", "on: ask who is working and check their permissions; off: a single user"),
			func(st domain.Settings) bool { return st.OperatorsOn }, (*service.Service).SetOperatorsOn),
		onOffSetting("eu_declaration", msg("Déclaration UE", "EU declaration"),
			msg("on : le N° TVA intracommunautaire peut être saisi et modifié ; off : il est verrouillé", "on: the EU VAT number can be entered and changed; off: it is locked"),
			func(st domain.Settings) bool { return st.EUDeclaration }, (*service.Service).SetEUDeclaration),
	}
	for _, l := range domain.RefLists {
		settingKeys = append(settingKeys, refListSetting(l))
	}
	settingKeys = append(settingKeys,
		setting{key: "custom_fields", label: msg("Champs personnalisés", "Custom fields"),
			about: msg("+Nom:type crée (text, number, date, bool, list:A|B|C), -Nom archive, Ancien=Nouveau renomme, Nom@2 place en 2e position",
				"+Name:type creates (text, number, date, bool, list:A|B|C), -Name archives, Old=New renames, Name@2 moves to 2nd place"),
			value: func(ctx context.Context, v *settingsView) (any, error) {
				fs, err := v.svc.CustomFields(ctx)
				return nonNil(fs), err
			},
			text: func(_ *settingsView, x any) string {
				var names []string
				for _, f := range x.([]domain.CustomField) {
					if !f.Archived {
						names = append(names, f.Name+" ("+string(f.Type)+")")
					}
				}
				return summary(names)
			},
			detail: func(v *settingsView, x any) error { return printCustomFields(v.env, x.([]domain.CustomField)) },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return editCustomFields(ctx, v.env, v.svc, s)
			}},
		setting{key: "operators", label: msg("Opérateurs", "Operators"),
			about: msg("+Nom:owner ou +Nom:employee:balance,import crée, -Nom archive, Ancien=Nouveau renomme",
				"+Name:owner or +Name:employee:balance,import creates, -Name archives, Old=New renames"),
			value: func(ctx context.Context, v *settingsView) (any, error) {
				ops, err := v.svc.Operators(ctx)
				return nonNil(ops), err
			},
			text: func(v *settingsView, x any) string {
				var names []string
				for _, o := range x.([]domain.Operator) {
					if !o.Archived {
						names = append(names, o.Name+" ("+string(o.Role)+")")
					}
				}
				return summary(names)
			},
			detail: func(v *settingsView, x any) error { return printOperators(v.env, x.([]domain.Operator)) },
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return editOperators(ctx, v.env, v.svc, s)
			}},
		setting{key: "operator_pin", writeOnly: true, showAfter: "operators",
			about: msg("operator_pin NOM : le code PIN de NOM, demandé au terminal (ou $CARNET_NEW_PIN) ; vide le retire",
				"operator_pin NAME: NAME’s PIN, asked on the terminal (or $CARNET_NEW_PIN); empty removes it"),
			set: func(ctx context.Context, v *settingsView, s string) (string, error) {
				return setOperatorPIN(ctx, v.env, v.svc, s)
			}},
	)
}

// refListSetting is the key of a reference list.
func refListSetting(l domain.RefList) setting {
	return setting{key: string(l), label: l.Title(),
		about: msg(strings.ToLower(l.Title().FR)+" : +Nom ajoute (ou réactive), -Nom archive, Ancien=Nouveau renomme",
			strings.ToLower(l.Title().EN)+": +Name adds (or brings back), -Name archives, Old=New renames"),
		value: func(ctx context.Context, v *settingsView) (any, error) {
			vs, err := v.svc.RefValues(ctx, l)
			return nonNil(vs), err
		},
		text: func(_ *settingsView, x any) string {
			var names []string
			for _, r := range x.([]domain.RefValue) {
				if !r.Archived {
					names = append(names, r.Name)
				}
			}
			return summary(names)
		},
		detail: func(v *settingsView, x any) error { return printRefList(v.env, x.([]domain.RefValue)) },
		set: func(ctx context.Context, v *settingsView, s string) (string, error) {
			return editRefList(ctx, v.env, v.svc, l, s)
		}}
}

// setNumbering saves a new numbering rule and says the next code.
func setNumbering(ctx context.Context, v *settingsView, r domain.NumberingRule) (string, error) {
	if err := v.svc.SetNumberingRule(ctx, r); err != nil {
		return "", err
	}
	next, err := v.svc.NextCode(ctx, r)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(v.env.m("Codes des nouveaux clients : préfixe %s, %d caractères ; prochain code : %s.",
		"New customers’ codes: prefix %s, %d characters; next code: %s."), orNone(r.Prefix), r.Length, next), nil
}

func msg(fr, en string) domain.Message { return domain.Message{FR: fr, EN: en} }

// onOff reads on/off in either language.
func onOff(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "on", "oui", "yes", "true", "1":
		return true, true
	case "off", "non", "no", "false", "0":
		return false, true
	}
	return false, false
}

// summary is a list on one line: its first names, then how many more.
func summary(names []string) string {
	const shown = 5
	if len(names) > shown {
		return strings.Join(names[:shown], ", ") + fmt.Sprintf(", … (%d)", len(names))
	}
	return orDash(strings.Join(names, ", "))
}

func orNone(s string) string { return orText(s, `""`) }

func orText(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// nonNil makes an empty list print as [] in JSON.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// onOffSetting is a setting written "on" or "off": read with get, changed
// with set.
func onOffSetting(key string, label, about domain.Message, get func(domain.Settings) bool,
	set func(*service.Service, context.Context, bool) error) setting {
	return setting{key: key, label: label, about: about,
		value: func(_ context.Context, v *settingsView) (any, error) { return get(v.st), nil },
		text: func(_ *settingsView, x any) string {
			if x.(bool) {
				return "on"
			}
			return "off"
		},
		set: func(ctx context.Context, v *settingsView, s string) (string, error) {
			on, ok := onOff(s)
			if !ok {
				return "", usageErr(key+" attend on ou off", key+" takes on or off")
			}
			return "", set(v.svc, ctx, on)
		}}
}
