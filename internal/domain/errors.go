// Package domain holds Carnet's types and business rules. It imports only the
// standard library: storage, parsing and screens depend on it, never the reverse.
package domain

import (
	"errors"
	"strings"
)

// Message is a text meant for the user, in both interface languages.
type Message struct {
	FR string
	EN string
}

// In returns the message in lang ("fr" or "en"); French is the default.
func (m Message) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") && m.EN != "" {
		return m.EN
	}
	return m.FR
}

// Labelled puts label before text the way lang writes it: "Code client :
// …" in French (a no-break space before the colon), "Customer code: …" in
// English.
func Labelled(label, text, lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return label + ": " + text
	}
	return label + "\u00a0: " + text
}

// FieldError says which field breaks which rule and what is expected.
type FieldError struct {
	Field string // stable field key, e.g. "email"
	Code  string // stable machine code, e.g. "email_invalid"
	Message
}

func (e *FieldError) Error() string { return e.Field + ": " + e.EN }

// ValidationError gathers every broken rule of one record, so that the user
// can fix them all at once instead of one per attempt.
type ValidationError struct {
	Errors []*FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		parts[i] = fe.Error()
	}
	return strings.Join(parts, "; ")
}

// In joins the field messages in one language, one per line.
func (e *ValidationError) In(lang string) string {
	parts := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		parts[i] = Labelled(FieldLabel(fe.Field, lang), fe.In(lang), lang)
	}
	return strings.Join(parts, "\n")
}

// For returns the first error about field, or nil.
func (e *ValidationError) For(field string) *FieldError {
	for _, fe := range e.Errors {
		if fe.Field == field {
			return fe
		}
	}
	return nil
}

func (e *ValidationError) add(fe *FieldError) {
	if fe != nil {
		e.Errors = append(e.Errors, fe)
	}
}

func (e *ValidationError) orNil() error {
	if len(e.Errors) == 0 {
		return nil
	}
	return e
}

// Error is a domain error that is not about one field (not found, conflict…).
type Error struct {
	Code string
	Message
}

func (e *Error) Error() string { return e.EN }

// Sentinel codes callers test with errors.Is.
var (
	ErrNotFound      = &Error{Code: "not_found", Message: Message{FR: "Introuvable.", EN: "Not found."}}
	ErrDuplicateCode = &Error{Code: "duplicate_code", Message: Message{
		FR: "Ce code client est déjà utilisé par un autre client : choisissez-en un autre ou laissez-le vide pour qu’il soit attribué.",
		EN: "This customer code is already used by another customer: choose another one or leave it empty to have one assigned."}}
	// ErrBusy: another program holds the database for writing (an import
	// run from the command line while the window is open) past the wait.
	ErrBusy = &Error{Code: "busy", Message: Message{
		FR: "La base de clients est occupée par une autre opération (par exemple une importation lancée en ligne de commande) : réessayez quand elle sera terminée.",
		EN: "The customer database is busy with another operation (an import run from the command line, for instance): try again when it is over."}}
	ErrDuplicateGroup = &Error{Code: "duplicate_group", Message: Message{
		FR: "Un groupe porte déjà ce nom.", EN: "A group with this name already exists."}}
)

// Is lets errors.Is match domain errors by code, so wrapped copies still match.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Code == e.Code
	}
	return false
}

// UserMessage returns the text to show for err in lang: the domain message
// when there is one, else the error text.
func UserMessage(err error, lang string) string {
	if err == nil {
		return ""
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.In(lang)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		if fe.Code == "setting_invalid" {
			return fe.In(lang) // says which setting itself; its key means nothing to the user
		}
		return Labelled(FieldLabel(fe.Field, lang), fe.In(lang), lang)
	}
	var de *Error
	if errors.As(err, &de) {
		return de.In(lang)
	}
	type localized interface{ Message(lang string) string }
	var l localized
	if errors.As(err, &l) {
		return l.Message(lang)
	}
	return err.Error()
}
