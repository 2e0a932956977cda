package domain

import (
	"strconv"
	"strings"
)

// stripSeparators removes the spaces, NBSP, narrow NBSP, dots and dashes that
// people type inside identifiers.
func stripSeparators(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '.', '-', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// luhn reports whether the digit string passes the Luhn check.
func luhn(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// laPosteSIREN is La Poste's SIREN: its establishments' SIRETs (other than
// the head office) use a digit sum modulo 5 instead of Luhn.
const laPosteSIREN = "356000000"

// NormalizeSIRET checks a SIREN (9 digits) or SIRET (14 digits) and returns
// it without separators.
func NormalizeSIRET(s string) (string, *FieldError) {
	v := stripSeparators(s)
	if v == "" {
		return "", nil
	}
	bad := func(code string, m Message) (string, *FieldError) {
		return "", &FieldError{Field: "siret", Code: code, Message: m}
	}
	if !allDigits(v) || (len(v) != 9 && len(v) != 14) {
		return bad("siret_format", Message{
			FR: "« " + s + " » n’est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres).",
			EN: "\"" + s + "\" is neither a SIREN (9 digits) nor a SIRET (14 digits)."})
	}
	if !luhn(v[:9]) {
		return bad("siren_checksum", Message{
			FR: "Le SIREN « " + v[:9] + " » est invalide (clé de contrôle fausse) : vérifiez les chiffres.",
			EN: "SIREN \"" + v[:9] + "\" is invalid (wrong check digit): check the digits."})
	}
	if len(v) == 14 {
		ok := luhn(v)
		if v[:9] == laPosteSIREN && v != "35600000000048" {
			sum := 0
			for i := 0; i < 14; i++ {
				sum += int(v[i] - '0')
			}
			ok = sum%5 == 0
		}
		if !ok {
			return bad("siret_checksum", Message{
				FR: "Le SIRET « " + v + " » est invalide (clé de contrôle fausse) : vérifiez les 5 derniers chiffres.",
				EN: "SIRET \"" + v + "\" is invalid (wrong check digit): check the last 5 digits."})
		}
	}
	return v, nil
}

// FrenchVATKey computes the numeric key of a French VAT number from a SIREN.
func FrenchVATKey(siren string) string {
	n, _ := strconv.ParseInt(siren, 10, 64)
	return twoDigits(int((12 + 3*(n%97)) % 97))
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// NormalizeVAT checks an intra-EU VAT number. French numbers get their key
// checked against the SIREN; other EU numbers only their shape.
func NormalizeVAT(s string) (string, *FieldError) {
	v := strings.ToUpper(stripSeparators(s))
	if v == "" {
		return "", nil
	}
	bad := func(code string, m Message) (string, *FieldError) {
		return "", &FieldError{Field: "vat_number", Code: code, Message: m}
	}
	if len(v) < 4 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
		return bad("vat_format", Message{
			FR: "« " + s + " » n’est pas un numéro de TVA intracommunautaire : il commence par le code pays (FR, BE…).",
			EN: "\"" + s + "\" is not an EU VAT number: it starts with the country code (FR, BE…)."})
	}
	if v[:2] != "FR" {
		for i := 2; i < len(v); i++ {
			c := v[i]
			if !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') {
				return bad("vat_format", Message{
					FR: "Le numéro de TVA « " + s + " » contient des caractères non autorisés.",
					EN: "VAT number \"" + s + "\" contains characters that are not allowed."})
			}
		}
		return v, nil
	}
	if len(v) != 13 || !allDigits(v[4:]) {
		return bad("vat_format", Message{
			FR: "Un numéro de TVA français s’écrit FR + 2 caractères de clé + SIREN (9 chiffres), par exemple FR44732829320.",
			EN: "A French VAT number is FR + a 2-character key + the SIREN (9 digits), for example FR44732829320."})
	}
	key, siren := v[2:4], v[4:]
	if strings.HasPrefix(siren, "000") { // Monaco: no SIREN behind it
		return v, nil
	}
	if !luhn(siren) {
		return bad("vat_siren", Message{
			FR: "Le SIREN contenu dans le numéro de TVA « " + v + " » est invalide.",
			EN: "The SIREN inside VAT number \"" + v + "\" is invalid."})
	}
	if allDigits(key) {
		if key != FrenchVATKey(siren) {
			return bad("vat_key", Message{
				FR: "La clé du numéro de TVA « " + v + " » ne correspond pas au SIREN : la clé attendue est " + FrenchVATKey(siren) + ".",
				EN: "The key of VAT number \"" + v + "\" does not match the SIREN: the expected key is " + FrenchVATKey(siren) + "."})
		}
		return v, nil
	}
	if !alphaKeyValid(key, siren) {
		return bad("vat_key", Message{
			FR: "La clé du numéro de TVA « " + v + " » est invalide.",
			EN: "The key of VAT number \"" + v + "\" is invalid."})
	}
	return v, nil
}

// alphaKeyValid checks the rare alphanumeric French VAT keys (new-style
// keys issued when the numeric key space ran out).
func alphaKeyValid(key, siren string) bool {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	a := strings.IndexByte(alphabet, key[0])
	b := strings.IndexByte(alphabet, key[1])
	if a < 0 || b < 0 {
		return false
	}
	var check int
	if a < 10 {
		check = a*24 + b - 10
	} else {
		check = a*34 + b - 100
	}
	n, _ := strconv.ParseInt(siren, 10, 64)
	return int((n+1+int64(check/11))%11) == check%11
}

// NormalizeIBAN checks an IBAN by its mod-97 key and returns it upper-case
// without spaces.
func NormalizeIBAN(s string) (string, *FieldError) {
	v := strings.ToUpper(stripSeparators(s))
	if v == "" {
		return "", nil
	}
	bad := Message{
		FR: "L’IBAN « " + s + " » est invalide (clé de contrôle fausse ou longueur incorrecte) : recopiez-le depuis un RIB.",
		EN: "IBAN \"" + s + "\" is invalid (wrong check digits or length): copy it again from a bank statement."}
	if len(v) < 15 || len(v) > 34 || (strings.HasPrefix(v, "FR") && len(v) != 27) {
		return "", &FieldError{Field: "iban", Code: "iban_invalid", Message: bad}
	}
	rearranged := v[4:] + v[:4]
	rem := 0
	for _, c := range rearranged {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A'+10)) % 97
		default:
			return "", &FieldError{Field: "iban", Code: "iban_invalid", Message: bad}
		}
	}
	if rem != 1 {
		return "", &FieldError{Field: "iban", Code: "iban_invalid", Message: bad}
	}
	return v, nil
}
