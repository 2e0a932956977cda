package domain

import (
	"strconv"
	"strings"
)

// NumberingRule builds customer codes as Prefix + sequence, zero-padded so
// that the whole code is Length characters long, prefix included.
type NumberingRule struct {
	Prefix string `json:"prefix"`
	Length int    `json:"length"`
}

// DefaultNumbering gives C0000001, C0000002…: room for 9,999,999 customers.
var DefaultNumbering = NumberingRule{Prefix: "C", Length: 8}

// Code returns the code for sequence number n, or an error when it does not
// fit in Length: codes are never truncated.
func (r NumberingRule) Code(n int64) (string, error) {
	return PadCode(r.Prefix, strconv.FormatInt(n, 10), r.Length)
}

// PadCode inserts zeros between prefix and id so that the result is exactly
// length characters long (length 0: no padding). WEB + 42 in 10 → WEB0000042.
func PadCode(prefix, id string, length int) (string, error) {
	n := len([]rune(prefix)) + len([]rune(id))
	if length > 0 && n > length {
		return "", &Error{Code: "code_too_long", Message: Message{
			FR: "« " + prefix + id + " » ne tient pas en " + strconv.Itoa(length) + " caractères : allongez la longueur ou raccourcissez le préfixe.",
			EN: "\"" + prefix + id + "\" does not fit in " + strconv.Itoa(length) + " characters: increase the length or shorten the prefix."}}
	}
	if length <= 0 {
		return prefix + id, nil
	}
	return prefix + strings.Repeat("0", length-n) + id, nil
}

// Validate checks the rule itself.
func (r NumberingRule) Validate() *FieldError {
	if r.Length < 0 || r.Length > 32 || (r.Length > 0 && len([]rune(r.Prefix)) >= r.Length) {
		return &FieldError{Field: "code", Code: "numbering_invalid", Message: Message{
			FR: "La longueur doit dépasser celle du préfixe et ne pas dépasser 32.",
			EN: "The length must exceed the prefix’s and be at most 32."}}
	}
	return nil
}
