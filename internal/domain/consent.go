package domain

import "strings"

// Consent is a customer's answer to marketing: mailings leave out those who
// said no and count them (DESIGN.md, Clients tab "Mailing"). The empty value
// is "not asked", so that every customer stored before the field existed
// reads as such.
type Consent string

const (
	ConsentUnknown Consent = "" // not asked
	ConsentYes     Consent = "yes"
	ConsentNo      Consent = "no"
)

// Consents are the answers in the order the form offers them.
var Consents = []Consent{ConsentUnknown, ConsentYes, ConsentNo}

// Label is the answer's name for the user.
func (c Consent) Label() Message {
	switch c {
	case ConsentUnknown:
		return Message{FR: "Non demandé", EN: "Not asked"}
	case ConsentYes:
		return Message{FR: "Oui", EN: "Yes"}
	case ConsentNo:
		return Message{FR: "Non", EN: "No"}
	}
	return Message{FR: string(c), EN: string(c)}
}

// Valid reports whether c is one of the three answers.
func (c Consent) Valid() bool {
	return c == ConsentUnknown || c == ConsentYes || c == ConsentNo
}

// ParseConsent reads an answer as Carnet writes it: the stored value
// ("", "yes", "no") or its label in French or English, whatever the case
// and surrounding spaces. Spreadsheet spellings (1/0, Subscribed…) are the
// importer's business (fieldparse.Consent).
func ParseConsent(s string) (Consent, bool) {
	s = strings.TrimSpace(s)
	for _, c := range Consents {
		l := c.Label()
		if strings.EqualFold(s, string(c)) || strings.EqualFold(s, l.FR) || strings.EqualFold(s, l.EN) {
			return c, true
		}
	}
	return ConsentUnknown, false
}
