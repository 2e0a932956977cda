package domain

import (
	"strconv"
	"strings"
	"time"
)

// CustomType is the type of a custom field's values.
type CustomType string

const (
	CustomText   CustomType = "text"
	CustomNumber CustomType = "number"
	CustomDate   CustomType = "date"
	CustomBool   CustomType = "bool"
	CustomList   CustomType = "list"
)

// CustomTypes are the types offered, in the order the settings show them.
var CustomTypes = []CustomType{CustomText, CustomNumber, CustomDate, CustomBool, CustomList}

// Label is the type's name for the user.
func (t CustomType) Label() Message {
	switch t {
	case CustomText:
		return Message{"Texte", "Text"}
	case CustomNumber:
		return Message{"Nombre", "Number"}
	case CustomDate:
		return Message{"Date", "Date"}
	case CustomBool:
		return Message{"Oui / non", "Yes / no"}
	case CustomList:
		return Message{"Liste de valeurs", "List of values"}
	}
	return Message{string(t), string(t)}
}

// CustomField is a field the business adds to every customer ("Données du
// passeport", seed 002). Its values are stored under its name, in a form
// that needs no locale: text as typed, numbers with a dot ("1234.5"), dates
// ISO ("2026-12-31"), yes/no as "true"/"false", a list's value spelt as in
// Options. An archived field is no longer shown on the form, and its values
// are kept.
type CustomField struct {
	ID       int64      `json:"id"`
	Name     string     `json:"name"`
	Type     CustomType `json:"type"`
	Options  []string   `json:"options,omitempty"` // the values of a list
	Position int        `json:"position"`
	Archived bool       `json:"archived"`
	Uses     int        `json:"uses"` // customers with a value
}

// Key is the field's key among the customer fields ("custom:Passeport").
func (f CustomField) Key() string { return CustomPrefix + f.Name }

// MaxCustomFields bounds how many custom fields a file has.
const MaxCustomFields = 100

// CheckCustomField trims a new or changed definition and refuses what the
// form and the import could not handle: no name, a name already taken (by
// another custom field or a built-in field's label), an unknown type, a
// list without values.
func CheckCustomField(f CustomField, existing []CustomField) (CustomField, *FieldError) {
	bad := func(fr, en string) (CustomField, *FieldError) {
		return f, SettingError("custom_fields", Message{FR: fr, EN: en})
	}
	f.Name = strings.Join(strings.Fields(f.Name), " ")
	switch {
	case f.Name == "":
		return bad("Le nom du champ est obligatoire.", "The field name is required.")
	case len([]rune(f.Name)) > MaxRefName:
		return bad("« "+f.Name+" » est trop long : 60 caractères au plus.", "\""+f.Name+"\" is too long: 60 characters at most.")
	case strings.ContainsAny(f.Name, ",="):
		return bad("« "+f.Name+" » : un nom de champ ne contient ni virgule ni « = » (ils séparent les colonnes de --map).",
			"\""+f.Name+"\": a field name has neither comma nor \"=\" (they separate --map’s columns).")
	}
	for _, b := range Fields {
		if strings.EqualFold(b.FR, f.Name) || strings.EqualFold(b.EN, f.Name) || strings.EqualFold(b.Key, f.Name) {
			return bad("« "+f.Name+" » est déjà un champ de la fiche client : choisissez un autre nom.",
				"\""+f.Name+"\" is already a field of the customer form: choose another name.")
		}
	}
	active := 0
	for _, o := range existing {
		if o.ID == f.ID {
			continue
		}
		if strings.EqualFold(o.Name, f.Name) {
			return bad("Le champ « "+o.Name+" » existe déjà"+map[bool]string{true: " (archivé : réactivez-le)"}[o.Archived]+".",
				"Field \""+o.Name+"\" already exists"+map[bool]string{true: " (archived: bring it back)"}[o.Archived]+".")
		}
		active++
	}
	if f.ID == 0 && active >= MaxCustomFields {
		return bad("Un fichier a au plus 100 champs personnalisés : archivez-en un dont vous n’avez plus besoin.",
			"A file has at most 100 custom fields: archive one you no longer need.")
	}
	known := false
	for _, t := range CustomTypes {
		known = known || t == f.Type
	}
	if !known {
		return bad("Choisissez le type du champ : texte, nombre, date, oui / non ou liste de valeurs.",
			"Choose the field’s type: text, number, date, yes / no or list of values.")
	}
	if f.Type != CustomList {
		f.Options = nil
		return f, nil
	}
	var opts []string
	for _, o := range f.Options {
		o = strings.Join(strings.Fields(o), " ")
		if o == "" {
			continue
		}
		for _, p := range opts {
			if strings.EqualFold(p, o) {
				return bad("La valeur « "+o+" » figure deux fois dans la liste.", "Value \""+o+"\" is twice in the list.")
			}
		}
		opts = append(opts, o)
	}
	if len(opts) == 0 {
		return bad("Une liste de valeurs en a au moins une : écrivez-les, une par ligne.",
			"A list of values has at least one: write them, one per line.")
	}
	f.Options = opts
	return f, nil
}

// Check reads a stored-form value of f (see CustomField) and returns it as
// stored, or says what is expected. "" is always accepted (no value).
func (f CustomField) Check(v string) (string, *FieldError) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	bad := func(fr, en string) (string, *FieldError) {
		return "", &FieldError{Field: f.Key(), Code: "custom_invalid", Message: Message{
			FR: "« " + v + " » " + fr, EN: "\"" + v + "\" " + en}}
	}
	switch f.Type {
	case CustomText:
		if len([]rune(v)) > MaxTextLen {
			return bad("fait plus de 200 caractères.", "is longer than 200 characters.")
		}
	case CustomNumber:
		if _, err := strconv.ParseFloat(v, 64); err != nil || strings.ContainsAny(v, "eEnNiI+_") || strings.HasPrefix(v, ".") {
			return bad("n’est pas un nombre (attendu : 12,5 ou 1 250).", "is not a number (expected: 12.5 or 1250).")
		}
	case CustomDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return bad("n’est pas une date (attendu : 31/12/2026).", "is not a date (expected: 2026-12-31).")
		}
	case CustomBool:
		if v != "true" && v != "false" {
			return bad("n’est ni oui ni non.", "is neither yes nor no.")
		}
	case CustomList:
		for _, o := range f.Options {
			if strings.EqualFold(o, v) {
				return o, nil
			}
		}
		return bad("n’est pas une valeur de la liste ("+strings.Join(f.Options, ", ")+").",
			"is not a value of the list ("+strings.Join(f.Options, ", ")+").")
	}
	return v, nil
}

// FindCustomField returns the field named name (without case), or false.
func FindCustomField(fields []CustomField, name string) (CustomField, bool) {
	for _, f := range fields {
		if strings.EqualFold(f.Name, strings.TrimSpace(name)) {
			return f, true
		}
	}
	return CustomField{}, false
}

// Format says how a value of f is written in a file, for the import
// template's "Lisez-moi" sheet.
func (f CustomField) Format() Message {
	switch f.Type {
	case CustomNumber:
		return Message{FR: "Nombre : 12,5 ou 1 250.", EN: "Number: 12.5 or 1250."}
	case CustomDate:
		return Message{FR: "Date : 31/12/2026.", EN: "Date: 2026-12-31 or 31/12/2026."}
	case CustomBool:
		return Message{FR: "Oui ou Non.", EN: "Yes or No."}
	case CustomList:
		return Message{FR: "Une de ces valeurs : " + strings.Join(f.Options, ", ") + ".",
			EN: "One of: " + strings.Join(f.Options, ", ") + "."}
	}
	return Message{FR: "Texte, 200 caractères au plus.", EN: "Text, 200 characters at most."}
}
