// Package phone normalises telephone numbers with libphonenumber's numbering
// plans (github.com/nyaruka/phonenumbers): French numbers first, and the
// overseas departments by their own region, since their numbers are invalid
// under FR.
package phone

import (
	"strings"

	"carnet/internal/domain"

	"github.com/nyaruka/phonenumbers"
)

// Parser implements domain.PhoneParser.
type Parser struct{}

// overseasPrefixes maps the national prefixes of the overseas departments
// to their numbering region: 0590 is Guadeloupe, not mainland France.
var overseasPrefixes = []struct{ prefix, region string }{
	{"0590", "GP"}, {"0690", "GP"}, {"0691", "GP"},
	{"0594", "GF"}, {"0694", "GF"},
	{"0596", "MQ"}, {"0696", "MQ"}, {"0697", "MQ"},
	{"0262", "RE"}, {"0263", "RE"}, {"0692", "RE"}, {"0693", "RE"},
	{"0269", "YT"}, {"0639", "YT"},
	{"0508", "PM"},
}

// OverseasRegion is the numbering region of a national number ("0596…")
// that belongs to an overseas department ("MQ"), or "" for mainland France.
func OverseasRegion(national string) string {
	for _, o := range overseasPrefixes {
		if strings.HasPrefix(national, o.prefix) {
			return o.region
		}
	}
	return ""
}

// ToE164 parses raw and returns "+33612345678" or a message.
func (Parser) ToE164(raw, region string) (string, *domain.Message) {
	s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(raw), "'"))
	if region == "" {
		region = "FR"
	}
	if region == "FR" {
		if digits := onlyDigits(s); len(digits) == 10 && !strings.HasPrefix(s, "+") {
			if r := OverseasRegion(digits); r != "" {
				region = r
			}
		}
	}
	if strings.ContainsAny(s, "eE") && strings.ContainsAny(s, ",.") {
		return "", &domain.Message{
			FR: "« " + raw + " » est en notation scientifique : le tableur a perdu des chiffres. Formatez la colonne en Texte et ressaisissez le numéro.",
			EN: "\"" + raw + "\" is in scientific notation: the spreadsheet lost digits. Format the column as Text and type the number again."}
	}
	if region == "FR" {
		if nsn, ok := mainlandNational(s); ok {
			if !frenchValid(nsn) {
				return "", invalid(raw)
			}
			return "+33" + nsn, nil
		}
	}
	num, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", invalid(raw)
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

func invalid(raw string) *domain.Message {
	return &domain.Message{
		FR: "« " + raw + " » n’est pas un numéro de téléphone valide (exemples : 06 12 34 56 78, +33 6 12 34 56 78).",
		EN: "\"" + raw + "\" is not a valid phone number (examples: 06 12 34 56 78, +33 6 12 34 56 78)."}
}

// mainlandNational reads the commonest cell of a French file, a national
// number written 06 12 34 56 78, 06.12.34.56.78 or 0612345678, straight
// into libphonenumber's number: Parse would reach the same number, but
// spends most of its time on patterns for extensions, letters and
// international prefixes such a cell cannot hold — a million-row import
// parsed its phones at a third of the speed. Validity is still decided by
// libphonenumber's plan (frenchValid), and anything else goes through
// Parse. It returns the national significant number: the nine digits after
// the 0.
func mainlandNational(s string) (string, bool) {
	var nsn [10]byte
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if digits == 0 && c != '0' || digits == 1 && c == '0' || digits == 10 {
				return "", false // not 0 followed by a digit 1–9, or too long
			}
			nsn[digits] = c
			digits++
		case c == ' ' || c == '.' || c == '-':
		default:
			return "", false
		}
	}
	if digits != 10 {
		return "", false
	}
	return string(nsn[1:]), true
}

// National formats an E.164 number the way people read it in its country
// (06 12 34 56 78), or returns it unchanged when it cannot be parsed.
func National(e164 string) string {
	num, err := phonenumbers.Parse(e164, "FR")
	if err != nil {
		return e164
	}
	if num.GetCountryCode() == 33 {
		return phonenumbers.Format(num, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// trunkCountries are the country codes whose numbers people write in the
// national form, 0 then the nine digits: France and the overseas
// departments (Saint-Pierre-et-Miquelon, +508, has six-digit numbers
// written without a 0, so it is not one of them).
var trunkCountries = []string{"33", "590", "594", "596", "262"}

// SearchForm returns the digits the search index keeps for a number: the
// national form 0612345678 for France and the overseas departments (what
// people type), else the E.164 digits. One form only: every form is
// another dozen trigrams to index for each customer, and SearchQuery
// brings a typed +33 6 12 back to this form.
func SearchForm(e164 string) string {
	d := onlyDigits(e164)
	for _, cc := range trunkCountries {
		if strings.HasPrefix(d, cc) && len(d) == len(cc)+9 {
			return "0" + d[len(cc):]
		}
	}
	return d
}

// SearchQuery returns the digits to look for when a user types a number:
// an international prefix of those countries (+33, 0033, +33 (0)) becomes
// the national 0, as SearchForm stores it, and so does a whole number
// typed without its + (33612345678).
func SearchQuery(typed string) string {
	d := onlyDigits(typed)
	t := strings.TrimSpace(typed)
	switch {
	case strings.HasPrefix(t, "+"):
	case strings.HasPrefix(d, "00"):
		d = d[2:]
	default:
		// A whole E.164 number without its + (copied from a wa.me link):
		// no national number is that long, so it cannot be a part of one.
		if national := SearchForm("+" + d); national != d {
			return national
		}
		return d
	}
	for _, cc := range trunkCountries {
		if rest, ok := strings.CutPrefix(d, cc); ok && rest != "" {
			if !strings.HasPrefix(rest, "0") { // +33 (0)6…: the 0 is there
				rest = "0" + rest
			}
			return rest
		}
	}
	return d
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
