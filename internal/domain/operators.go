package domain

import (
	"slices"
	"strings"
	"time"
)

// Permission is something an employee may be allowed to do (seed 002:
// "Peut ajuster le solde du client"). The owner may do everything.
type Permission string

const (
	PermBalance  Permission = "balance"  // adjust customers' balances, by hand or by import
	PermImport   Permission = "import"   // import files and undo imports
	PermSync     Permission = "sync"     // bring in a shop's customers
	PermDelete   Permission = "delete"   // delete customers and groups
	PermSettings Permission = "settings" // change the settings
)

// Permissions are offered in this order.
var Permissions = []Permission{PermBalance, PermImport, PermSync, PermDelete, PermSettings}

// Label is the permission as the settings name it.
func (p Permission) Label() Message {
	switch p {
	case PermBalance:
		return Message{"Peut ajuster le solde des clients", "Can adjust customers’ balances"}
	case PermImport:
		return Message{"Peut importer et annuler des importations", "Can import and undo imports"}
	case PermSync:
		return Message{"Peut synchroniser la boutique en ligne", "Can sync the online shop"}
	case PermDelete:
		return Message{"Peut supprimer des clients et des groupes", "Can delete customers and groups"}
	case PermSettings:
		return Message{"Peut modifier les paramètres", "Can change the settings"}
	}
	return Message{string(p), string(p)}
}

// Role is an operator's role.
type Role string

const (
	RoleOwner    Role = "owner"
	RoleEmployee Role = "employee"
)

// Label is the role's name for the user.
func (r Role) Label() Message {
	if r == RoleOwner {
		return Message{"Propriétaire", "Owner"}
	}
	return Message{"Employé", "Employee"}
}

// Operator is someone who works on the customer file when the settings ask
// who is working. Its PIN is only ever held hashed.
type Operator struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	Role        Role         `json:"role"`
	Permissions []Permission `json:"permissions"`
	HasPIN      bool         `json:"has_pin"`
	Archived    bool         `json:"archived"`
	CreatedAt   time.Time    `json:"created_at"`
}

// Can reports whether o may do p.
func (o *Operator) Can(p Permission) bool {
	return o != nil && (o.Role == RoleOwner || slices.Contains(o.Permissions, p))
}

// ErrPermission refuses an action: who is working, and which permission
// is missing.
func ErrPermission(o *Operator, p Permission) *Error {
	l := p.Label()
	if o == nil {
		return &Error{Code: "permission", Message: Message{
			FR: "Personne n’est identifié : choisissez qui travaille (Fichier › Changer d’opérateur) ; cette action demande la permission « " + l.FR + " ».",
			EN: "Nobody is signed in: choose who is working (File › Change operator); this action needs the permission \"" + l.EN + "\"."}}
	}
	return &Error{Code: "permission", Message: Message{
		FR: o.Name + " n’a pas la permission « " + l.FR + " » : demandez-la au propriétaire (Paramètres › Opérateurs), ou laissez-le faire.",
		EN: o.Name + " lacks the permission \"" + l.EN + "\": ask the owner for it (Settings › Operators), or let them do it."}}
}

// CheckOperator trims a new or changed operator and refuses an empty or
// duplicate name, an unknown role or permission, or a file left without an
// owner.
func CheckOperator(o Operator, existing []Operator) (Operator, *FieldError) {
	bad := func(fr, en string) (Operator, *FieldError) {
		return o, SettingError("operators", Message{FR: fr, EN: en})
	}
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	if o.Name == "" {
		return bad("Le nom de l’opérateur est obligatoire.", "The operator’s name is required.")
	}
	if len([]rune(o.Name)) > MaxRefName {
		return bad("« "+o.Name+" » est trop long : 60 caractères au plus.", "\""+o.Name+"\" is too long: 60 characters at most.")
	}
	if o.Role != RoleOwner && o.Role != RoleEmployee {
		return bad("Choisissez le rôle : propriétaire ou employé.", "Choose the role: owner or employee.")
	}
	var perms []Permission
	for _, p := range o.Permissions {
		if !slices.Contains(Permissions, p) {
			return bad("Permission inconnue « "+string(p)+" ».", "Unknown permission \""+string(p)+"\".")
		}
		if !slices.Contains(perms, p) {
			perms = append(perms, p)
		}
	}
	if o.Role == RoleOwner {
		perms = nil // the owner may do everything
	}
	o.Permissions = perms
	owners := 0
	for _, e := range existing {
		if e.ID != o.ID && strings.EqualFold(e.Name, o.Name) {
			return bad("L’opérateur « "+e.Name+" » existe déjà.", "Operator \""+e.Name+"\" already exists.")
		}
		if e.ID != o.ID && e.Role == RoleOwner && !e.Archived {
			owners++
		}
	}
	if (o.Role != RoleOwner || o.Archived) && owners == 0 {
		return bad("Il faut au moins un propriétaire actif : c’est lui qui donne les permissions.",
			"There must be at least one active owner: they give the permissions.")
	}
	return o, nil
}

// CheckPIN refuses a PIN that is not 4 to 12 digits.
func CheckPIN(pin string) *FieldError {
	if pin == "" {
		return nil
	}
	if len(pin) < 4 || len(pin) > 12 || strings.Trim(pin, "0123456789") != "" {
		return SettingError("pin", Message{
			FR: "Le code PIN est fait de 4 à 12 chiffres.",
			EN: "The PIN is 4 to 12 digits."})
	}
	return nil
}

// ErrWrongPIN refuses a sign-in.
var ErrWrongPIN = &Error{Code: "wrong_pin", Message: Message{
	FR: "Code PIN incorrect : réessayez, ou demandez au propriétaire de le changer (Paramètres › Opérateurs).",
	EN: "Wrong PIN: try again, or ask the owner to change it (Settings › Operators)."}}

// JournalEntry is one line of the activity journal: who did what, when.
type JournalEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Operator string    `json:"operator"`
	Action   string    `json:"action"` // one of the Journal* constants
	Subject  string    `json:"subject"`
	Detail   string    `json:"detail"`
}

// Journal actions.
const (
	JournalImport   = "import"
	JournalUndo     = "undo"
	JournalSync     = "sync"
	JournalBalance  = "balance"
	JournalDelete   = "delete_customer"
	JournalDelGroup = "delete_group"
	JournalSettings = "settings"
	JournalSignIn   = "sign_in"
	JournalSites    = "sites"       // a site added, renamed, deleted, or a list changed
	JournalUnlink   = "site_unlink" // a customer taken off one site, kept on others
)

// JournalActionLabel is an action as the journal shows it.
func JournalActionLabel(action string) Message {
	switch action {
	case JournalImport:
		return Message{"Importation", "Import"}
	case JournalUndo:
		return Message{"Annulation d’importation", "Import undone"}
	case JournalSync:
		return Message{"Synchronisation", "Sync"}
	case JournalBalance:
		return Message{"Correction de solde", "Balance adjustment"}
	case JournalDelete:
		return Message{"Client supprimé", "Customer deleted"}
	case JournalDelGroup:
		return Message{"Groupe supprimé", "Group deleted"}
	case JournalSettings:
		return Message{"Paramètres modifiés", "Settings changed"}
	case JournalSignIn:
		return Message{"Ouverture de session", "Sign-in"}
	case JournalSites:
		return Message{"Sites modifiés", "Sites changed"}
	case JournalUnlink:
		return Message{"Client retiré d’un site", "Customer taken off a site"}
	}
	return Message{action, action}
}

// journalSep separates a journal detail's French and English texts.
const journalSep = "\x1f"

// JournalDetail stores a detail written in both languages.
func JournalDetail(m Message) string {
	if m.FR == m.EN {
		return m.FR
	}
	return m.FR + journalSep + m.EN
}

// DetailIn is the entry's detail in lang (a detail without language, such
// as a name or a code, reads the same in both).
func (e JournalEntry) DetailIn(lang string) string {
	fr, en, ok := strings.Cut(e.Detail, journalSep)
	if !ok {
		return e.Detail
	}
	return Message{FR: fr, EN: en}.In(lang)
}
