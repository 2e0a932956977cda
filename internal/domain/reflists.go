package domain

import "strings"

// RefList names one of the reference lists the settings manage.
type RefList string

const (
	ListMarketing  RefList = "marketing_sources"
	ListPriceTypes RefList = "price_types"
	ListCivilities RefList = "civilities"
)

// RefLists are the lists, in the order the settings show them.
var RefLists = []RefList{ListMarketing, ListPriceTypes, ListCivilities}

// Title is the list's name, as the settings and messages call it.
func (l RefList) Title() Message {
	switch l {
	case ListMarketing:
		return Message{"Sources marketing", "Marketing sources"}
	case ListPriceTypes:
		return Message{"Types de prix", "Price types"}
	case ListCivilities:
		return Message{"Civilités", "Titles"}
	}
	return Message{string(l), string(l)}
}

// Where says where the list is edited, for messages: "Paramètres › Listes ›
// Types de prix".
func (l RefList) Where() Message {
	t := l.Title()
	return Message{FR: "Paramètres › Listes › " + t.FR, EN: "Settings › Lists › " + t.EN}
}

// RefValue is one entry of a reference list. An archived entry is no
// longer offered, but the customers that have it keep it.
type RefValue struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Archived bool   `json:"archived"`
	Uses     int    `json:"uses"` // customers that have it
}

// MaxRefName bounds a list entry's name.
const MaxRefName = 60

// CheckRefName trims a new or renamed entry and refuses an empty or overlong
// one, or one already in the list (names are compared without case).
func CheckRefName(l RefList, name string, existing []RefValue, self int64) (string, *FieldError) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", SettingError(string(l), Message{FR: "Le nom est obligatoire.", EN: "The name is required."})
	}
	if len([]rune(name)) > MaxRefName {
		return "", SettingError(string(l), Message{
			FR: "« " + name + " » est trop long : 60 caractères au plus.",
			EN: "\"" + name + "\" is too long: 60 characters at most."})
	}
	for _, v := range existing {
		if v.ID != self && strings.EqualFold(v.Name, name) {
			return "", SettingError(string(l), Message{
				FR: "« " + v.Name + " » est déjà dans la liste" + archivedFR(v) + ".",
				EN: "\"" + v.Name + "\" is already in the list" + archivedEN(v) + "."})
		}
	}
	return name, nil
}

func archivedFR(v RefValue) string {
	if v.Archived {
		return " (archivée : réactivez-la)"
	}
	return ""
}

func archivedEN(v RefValue) string {
	if v.Archived {
		return " (archived: bring it back)"
	}
	return ""
}

// FindRef returns the list entry named name (without case), or false.
func FindRef(list []RefValue, name string) (RefValue, bool) {
	for _, v := range list {
		if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			return v, true
		}
	}
	return RefValue{}, false
}

// ErrUnknownRef is a value that is not in its list: field is the customer
// field, l the list, value what was given.
func ErrUnknownRef(field string, l RefList, value string) *FieldError {
	w := l.Where()
	return &FieldError{Field: field, Code: "ref_unknown", Message: Message{
		FR: "« " + value + " » n’est pas dans la liste (" + w.FR + ") : ajoutez-la là, ou choisissez une valeur de la liste.",
		EN: "\"" + value + "\" is not in the list (" + w.EN + "): add it there, or choose a value from the list."}}
}

// civilitySpellings are the usual ways of writing the standard titles, in
// French and English, lower case without the final dot: files write
// "Monsieur", "Mr" or "Mrs" where the list holds "M." and "Mme".
var civilitySpellings = map[string]string{
	"monsieur": "M.", "m": "M.", "mr": "M.", "mister": "M.",
	"madame": "Mme", "mme": "Mme", "mrs": "Mme", "ms": "Mme",
	"mademoiselle": "Mlle", "mlle": "Mlle", "miss": "Mlle",
	"docteur": "Dr", "doctor": "Dr", "dr": "Dr",
	"maître": "Me", "maitre": "Me", "me": "Me",
	"professeur": "Pr", "professor": "Pr", "prof": "Pr", "pr": "Pr",
}

// FindCivility returns the list's entry for a title as files write it:
// the entry itself, or the standard title it spells ("Monsieur" → "M.")
// when the list has that title.
func FindCivility(list []RefValue, v string) (RefValue, bool) {
	if e, ok := FindRef(list, v); ok {
		return e, true
	}
	key := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(v)), ".")
	if std, ok := civilitySpellings[key]; ok {
		return FindRef(list, std)
	}
	return RefValue{}, false
}
