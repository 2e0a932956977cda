package export

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"carnet/internal/domain"
	"carnet/internal/textfold"
)

// vCard 4.0 (RFC 6350), one card per customer with an email, for an email
// program's or a phone's address book. Notes stay private and are never
// written; so are the balance, the discounts and every accounting field.

type vcardWriter struct {
	buf  *bufio.Writer
	lang string
	line []byte // the content line being built, reused
	err  error  // the first write error; the buffer drops what follows
}

func newVCard(w io.Writer, lang string) sink {
	return &vcardWriter{buf: bufio.NewWriterSize(w, 64<<10), lang: lang}
}

func (v *vcardWriter) Write(c *domain.Customer) (string, error) {
	email := strings.TrimSpace(c.Email)
	if email == "" {
		return SkipNoEmail, nil
	}
	v.put("BEGIN", "VCARD")
	v.put("VERSION", "4.0")
	v.put("UID", customerUID(c))
	company := c.Kind == domain.KindCompany && strings.TrimSpace(c.CompanyName) != ""
	if company {
		v.put("KIND", "org")
		// Apple Contacts files a card under its N unless told it is a
		// company; other readers ignore X- properties (RFC 6350 §6.10).
		v.put("X-ABSHOWAS", "COMPANY")
	} else {
		v.put("KIND", "individual")
	}
	v.put("FN", vcardText(formattedName(c, company)))
	if !company {
		v.put("N", vcardText(c.LastName)+";"+vcardText(c.FirstName)+";;"+vcardText(c.Civility)+";")
	}
	if org := strings.TrimSpace(c.CompanyName); org != "" {
		v.put("ORG", vcardText(org))
	}
	v.put("EMAIL", vcardText(email))
	for _, ph := range c.Phones {
		v.putPhone(ph.Number, phoneTypes(ph.Label))
	}
	v.putPhone(c.Fax, "fax")
	if a := postalAddress(c); hasPostalAddress(a) {
		// Post-office box and extended address stay empty, as RFC 6350
		// §6.3.1 advises; the complement is a second street line, the way
		// address books that hold two street lines write them.
		street := a.Line1
		if a.Line2 != "" {
			street = strings.TrimSpace(street + "\n" + a.Line2)
		}
		country := a.Country
		if country == "" {
			country = "FR"
		}
		v.put("ADR;TYPE=work", ";;"+vcardText(street)+";"+vcardText(a.City)+";;"+
			vcardText(a.Postcode)+";"+vcardText(countryName(country, v.lang)))
	}
	v.put("END", "VCARD")
	return "", v.err
}

func (v *vcardWriter) Close() error {
	if v.err != nil {
		return v.err
	}
	return v.buf.Flush()
}

// formattedName is the name an address book shows: first name then last
// name ("Élise Dupont"), the company name for a company, and never empty
// (FN is required).
func formattedName(c *domain.Customer, company bool) string {
	if company {
		return strings.TrimSpace(c.CompanyName)
	}
	if n := strings.TrimSpace(strings.TrimSpace(c.FirstName) + " " + strings.TrimSpace(c.LastName)); n != "" {
		return n
	}
	if n := strings.TrimSpace(c.Name()); n != "" {
		return n
	}
	return strings.TrimSpace(c.Email)
}

// putPhone writes one TEL: an E.164 number as a tel: URI, which phones dial
// as is; anything else (a number typed before phones were normalised) as
// text, so it is not lost.
func (v *vcardWriter) putPhone(number, types string) {
	number = strings.TrimSpace(number)
	if number == "" {
		return
	}
	params := "TEL"
	if isE164(number) {
		params += ";VALUE=uri"
	}
	if types != "" {
		params += ";TYPE=" + types
	}
	if isE164(number) {
		v.put(params, "tel:"+number)
	} else {
		v.put(params, vcardText(number))
	}
}

// isE164 reports a "+" followed by 2 to 15 digits.
func isE164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// phoneTypes reads a phone's free-text label ("Portable", "fixe bureau",
// "Fax") as RFC 6350 TEL types, comma-separated; "" when it says nothing
// we know.
func phoneTypes(label string) string {
	var types []string
	add := func(t string) {
		for _, have := range types {
			if have == t {
				return
			}
		}
		types = append(types, t)
	}
	words := strings.FieldsFunc(textfold.Fold(label), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		switch w {
		case "mobile", "portable", "cell", "cellular", "gsm", "port":
			add("cell")
		case "fixe", "landline", "voice":
			add("voice")
		case "fax", "telecopie":
			add("fax")
		case "travail", "work", "bureau", "office", "pro", "professionnel", "professionnelle", "business":
			add("work")
		case "domicile", "home", "maison", "perso", "personnel", "personnelle", "private", "prive":
			add("home")
		}
	}
	return strings.Join(types, ",")
}

// carnetUIDNamespace is the name space of the customers' vCard UIDs (a
// random UUID drawn once for Carnet; changing it would change every UID).
var carnetUIDNamespace = [16]byte{0x6b, 0x1e, 0x4c, 0x2a, 0x93, 0x0f, 0x4d, 0x58, 0xa7, 0x31, 0x2e, 0xc4, 0x5b, 0x80, 0x19, 0xd6}

// customerUID is a name-based UUID (version 5, RFC 9562 §5.5) of the
// customer's internal ID, which never changes and is never reused: every
// export gives a customer the same UID, so an address book that imports
// the file again updates the card instead of adding a second one, even
// after the customer code was changed. A customer not yet saved (ID 0)
// falls back to its code.
func customerUID(c *domain.Customer) string {
	name := "id:" + strconv.FormatInt(c.ID, 10)
	if c.ID == 0 {
		name = "code:" + c.Code
	}
	h := sha1.New()
	h.Write(carnetUIDNamespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	x := hex.EncodeToString(u)
	return "urn:uuid:" + x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// vcardText escapes a text value (RFC 6350 §3.4): backslash, comma and
// semicolon get a backslash, and a line break of any kind becomes "\n".
func vcardText(s string) string {
	if !strings.ContainsAny(s, "\\,;\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ',', ';':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maxLineOctets is the longest a content line may be, CRLF excluded
// (RFC 6350 §3.2).
const maxLineOctets = 75

// put writes the content line "name:value" (name carries its parameters;
// value is already escaped), folded: a line longer than 75 octets is cut
// and continued after CRLF and a space, and never inside a UTF-8 character.
// A write error is kept in v.err for Write to return.
func (v *vcardWriter) put(name, value string) {
	if v.err != nil {
		return
	}
	line := append(append(append(v.line[:0], name...), ':'), value...)
	v.line = line
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		v.buf.Write(line[:cut])
		v.buf.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	v.buf.Write(line)
	_, v.err = v.buf.WriteString("\r\n")
}
