package domain

import (
	"net/mail"
	"strings"
)

// NormalizeEmail trims and lower-cases one email address and checks its
// shape. A customer has one email: invoices go to it.
func NormalizeEmail(s string) (string, *FieldError) {
	v := strings.ToLower(strings.TrimSpace(s))
	v = strings.TrimPrefix(v, "mailto:")
	if v == "" {
		return "", nil
	}
	if strings.ContainsAny(v, ",; ") {
		return "", &FieldError{Field: "email", Code: "email_several", Message: Message{
			FR: "Une seule adresse e-mail est autorisée ; « " + s + " » en contient plusieurs ou des espaces.",
			EN: "Only one email address is allowed; \"" + s + "\" holds several or contains spaces."}}
	}
	at := strings.LastIndexByte(v, '@')
	domain := ""
	if at > 0 {
		domain = v[at+1:]
	}
	addr, err := mail.ParseAddress(v)
	if err != nil || addr.Address != v || !strings.Contains(domain, ".") ||
		strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return "", &FieldError{Field: "email", Code: "email_invalid", Message: Message{
			FR: "« " + s + " » n’est pas une adresse e-mail valide (attendu : nom@domaine.fr).",
			EN: "\"" + s + "\" is not a valid email address (expected: name@domain.com)."}}
	}
	return v, nil
}

// PhoneParser turns what a user typed into an E.164 number. It lives behind
// an interface because the numbering plan comes from a library, and this
// package depends on the standard library only.
type PhoneParser interface {
	// ToE164 parses raw with defaultRegion (ISO code, "FR") and returns the
	// E.164 form, or a message saying what is wrong.
	ToE164(raw, defaultRegion string) (string, *Message)
}

// NormalizePhones converts every number to E.164 and drops empty ones.
func NormalizePhones(phones []Phone, region string, p PhoneParser) ([]Phone, *FieldError) {
	out := phones[:0:0]
	for _, ph := range phones {
		raw := strings.TrimSpace(ph.Number)
		if raw == "" {
			continue
		}
		e164, msg := p.ToE164(raw, region)
		if msg != nil {
			return nil, &FieldError{Field: "phones", Code: "phone_invalid", Message: *msg}
		}
		out = append(out, Phone{Number: e164, Label: strings.TrimSpace(ph.Label)})
	}
	return out, nil
}
