package domain

import (
	"strconv"
	"strings"
)

// Settings are the customer file's own settings (they travel with the
// file, not with the workstation). Reference lists, custom fields and
// operators have their own types.
type Settings struct {
	Numbering NumberingRule `json:"numbering"`
	// PhoneRegion is the region a number typed without its international
	// prefix belongs to, and the country of an address typed without one.
	PhoneRegion string `json:"phone_region"`
	// SundryAccount is the "Clients divers" account the accounting export
	// uses for a customer without an account number of its own.
	SundryAccount string `json:"sundry_account"`
	// AccountPrefix, when set, is how every customer account number must
	// start (411 in the French chart of accounts); empty leaves it free.
	AccountPrefix string `json:"account_prefix"`
	// OperatorsOn asks who is working and checks permissions.
	OperatorsOn bool `json:"operators_on"`
	BackupKeep  int  `json:"backup_keep"`
	// EUDeclaration enables the EU VAT fields (seed 001: "Activer
	// déclaration UE"); off, they are shown but cannot be changed.
	EUDeclaration bool `json:"eu_declaration"`
}

// EUVATFields are the fields the EU declaration setting enables.
var EUVATFields = []string{"vat_number"}

// ErrEUDeclarationOff refuses a change to an EU VAT field while the setting
// is off.
var ErrEUDeclarationOff = &Error{Code: "eu_declaration_off", Message: Message{
	FR: "Le N° TVA intracommunautaire ne peut être modifié que si la déclaration UE est activée (Paramètres › Comptabilité, ou carnet settings eu_declaration on).",
	EN: "The EU VAT number can be changed only when the EU declaration is on (Settings › Accounting, or carnet settings eu_declaration on)."}}

// DefaultSettings are a new customer file's.
var DefaultSettings = Settings{Numbering: DefaultNumbering, PhoneRegion: "FR", SundryAccount: "411000", BackupKeep: 10, EUDeclaration: true}

// Region is a default region offered for phone numbers and addresses.
type Region struct {
	Code string // ISO 3166-1 alpha-2, as libphonenumber names regions
	Name Message
}

// PhoneRegions are the regions offered: France first, its neighbours whose
// shops use Carnet, then the overseas departments and collectivities, which
// have their own numbering regions.
var PhoneRegions = []Region{
	{"FR", Message{"France métropolitaine", "Metropolitan France"}},
	{"BE", Message{"Belgique", "Belgium"}},
	{"CH", Message{"Suisse", "Switzerland"}},
	{"LU", Message{"Luxembourg", "Luxembourg"}},
	{"MC", Message{"Monaco", "Monaco"}},
	{"GP", Message{"Guadeloupe", "Guadeloupe"}},
	{"MQ", Message{"Martinique", "Martinique"}},
	{"GF", Message{"Guyane", "French Guiana"}},
	{"RE", Message{"La Réunion", "Réunion"}},
	{"YT", Message{"Mayotte", "Mayotte"}},
	{"PM", Message{"Saint-Pierre-et-Miquelon", "Saint Pierre and Miquelon"}},
	{"BL", Message{"Saint-Barthélemy", "Saint Barthélemy"}},
	{"MF", Message{"Saint-Martin", "Saint Martin"}},
}

// RegionName is the name of a region code in lang, or the code itself.
func RegionName(code, lang string) string {
	for _, r := range PhoneRegions {
		if r.Code == code {
			return r.Name.In(lang)
		}
	}
	return code
}

// SettingError is a refused setting: which one, and what is expected.
func SettingError(key string, m Message) *FieldError {
	return &FieldError{Field: key, Code: "setting_invalid", Message: m}
}

// CheckPhoneRegion refuses a region that is not offered.
func CheckPhoneRegion(code string) *FieldError {
	for _, r := range PhoneRegions {
		if r.Code == code {
			return nil
		}
	}
	codes := make([]string, len(PhoneRegions))
	for i, r := range PhoneRegions {
		codes[i] = r.Code
	}
	return SettingError("phone_region", Message{
		FR: "« " + code + " » n’est pas une région proposée : choisissez l’une de " + strings.Join(codes, ", ") + ".",
		EN: "\"" + code + "\" is not an offered region: choose one of " + strings.Join(codes, ", ") + "."})
}

// CheckAccount refuses an account number that is not 1 to 20 letters and
// digits, the accounting software's rule for auxiliary accounts.
func CheckAccount(field, v string) *FieldError {
	if v == "" {
		return nil
	}
	if len(v) > 20 || strings.IndexFunc(v, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
	}) >= 0 {
		return SettingError(field, Message{
			FR: "« " + v + " » : un numéro de compte s’écrit avec 1 à 20 lettres et chiffres, sans espace ni ponctuation (411000, 411DUPONT).",
			EN: "\"" + v + "\": an account number is 1 to 20 letters and digits, without spaces or punctuation (411000, 411DUPONT)."})
	}
	return nil
}

// CheckAccountPrefix refuses a prefix that is not 1 to 10 digits.
func CheckAccountPrefix(p string) *FieldError {
	if p == "" {
		return nil
	}
	if len(p) > 10 || strings.Trim(p, "0123456789") != "" {
		return SettingError("account_prefix", Message{
			FR: "« " + p + " » : le début imposé des numéros de compte est fait de 1 à 10 chiffres (411 pour les clients), ou vide pour les laisser libres.",
			EN: "\"" + p + "\": the required start of account numbers is 1 to 10 digits (411 for customers), or empty to leave them free."})
	}
	return nil
}

// CheckAccountFormat refuses a customer account number that does not start
// with the prefix the settings impose.
func CheckAccountFormat(account, prefix string) *FieldError {
	if account == "" || prefix == "" || strings.HasPrefix(account, prefix) {
		return nil
	}
	return &FieldError{Field: "account_number", Code: "account_prefix", Message: Message{
		FR: "Le compte « " + account + " » doit commencer par " + prefix + " (Paramètres › Comptabilité).",
		EN: "Account \"" + account + "\" must start with " + prefix + " (Settings › Accounting)."}}
}

// NumberingCapacity is how many codes rule can give in all.
func (r NumberingRule) NumberingCapacity() int64 {
	digits := r.Length - len([]rune(r.Prefix))
	if r.Length <= 0 || digits >= 18 {
		return 1<<62 - 1
	}
	n := int64(1)
	for range digits {
		n *= 10
	}
	return n - 1
}

// NumberingMargin is how many codes a new rule must still have free beyond
// those already handed out: a tenth of the file, and never fewer than 1,000.
func NumberingMargin(customers int) int64 { return max(1000, int64(customers)/10) }

// CheckNumberingRoom refuses a rule that cannot number the customers to
// come: next is the next sequence number, customers the file's count.
func (r NumberingRule) CheckNumberingRoom(next int64, customers int) *FieldError {
	need := next - 1 + NumberingMargin(customers)
	if r.NumberingCapacity() >= need {
		return nil
	}
	// The shortest length that makes room, to say what to do.
	want := r
	for want.Length < 32 && want.NumberingCapacity() < need {
		want.Length++
	}
	last, _ := r.Code(r.NumberingCapacity())
	return SettingError("numbering", Message{
		FR: "Avec ce préfixe et " + strconv.Itoa(r.Length) + " caractères, le dernier code possible est " + last +
			", mais la numérotation en est déjà au n° " + strconv.FormatInt(next, 10) + " pour " + strconv.Itoa(customers) +
			" clients, et il faut de la place pour les suivants : passez la longueur à " + strconv.Itoa(want.Length) + " au moins.",
		EN: "With this prefix and " + strconv.Itoa(r.Length) + " characters, the last possible code is " + last +
			", but numbering is already at no. " + strconv.FormatInt(next, 10) + " for " + strconv.Itoa(customers) +
			" customers, and the next ones need room: set the length to " + strconv.Itoa(want.Length) + " or more."})
}
