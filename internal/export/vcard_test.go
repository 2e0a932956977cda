package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"carnet/internal/domain"
)

// parseVCards checks the physical lines of a vCard file (CRLF, at most 75
// octets, whole UTF-8 characters), unfolds them and returns each card as
// its content lines.
func parseVCards(t *testing.T, data string) [][]string {
	t.Helper()
	if !strings.HasSuffix(data, "\r\n") {
		t.Errorf("the file does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var logical []string
	for i, line := range physical {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets long, more than 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") && len(logical) > 0 {
			logical[len(logical)-1] += line[1:]
			continue
		}
		logical = append(logical, line)
	}
	var cards [][]string
	for _, line := range logical {
		switch {
		case line == "BEGIN:VCARD":
			cards = append(cards, nil)
		case line == "END:VCARD":
		case len(cards) == 0:
			t.Fatalf("content outside a card: %q", line)
		default:
			cards[len(cards)-1] = append(cards[len(cards)-1], line)
		}
	}
	return cards
}

// property returns the values of the lines of card named name (with their
// parameters, as written: "TEL;VALUE=uri;TYPE=cell").
func property(card []string, name string) []string {
	var values []string
	for _, line := range card {
		if n, v, ok := strings.Cut(line, ":"); ok && n == name {
			values = append(values, v)
		}
	}
	return values
}

func TestVCard(t *testing.T) {
	e := elise()
	// A company name of two-octet letters right after "ORG:" puts octet 75
	// inside a letter: the fold must step back to the letter's start.
	e.CompanyName = strings.Repeat("É", 60)
	var out bytes.Buffer
	skips := writeAll(t, newVCard(&out, "fr"), e, muller(), martinNoEmail(), formulaName())
	if got := strings.Join(skips, "|"); got != "||"+SkipNoEmail+"|" {
		t.Errorf("skips = %q, want only the customer without email skipped (%s)", skips, SkipNoEmail)
	}
	data := out.String()
	if strings.Contains(data, "relancer") {
		t.Errorf("the customer's private notes reached the vCard")
	}
	cards := parseVCards(t, data)
	if len(cards) != 3 {
		t.Fatalf("%d cards, want 3", len(cards))
	}

	el := cards[0]
	want := map[string]string{
		"VERSION":                       "4.0",
		"KIND":                          "individual",
		"FN":                            "Élise Dupont",
		"N":                             "Dupont;Élise;;Mme;",
		"ORG":                           strings.Repeat("É", 60),
		"EMAIL":                         "elise.dupont@example.fr",
		"TEL;VALUE=uri;TYPE=cell":       "tel:+33612345678",
		"TEL;VALUE=uri;TYPE=voice,work": "tel:+33478000000",
		"ADR;TYPE=work":                 `;;12 rue de la République prolongée et place des Terreaux\nBâtiment B\, 3e étage;Lyon;;69002;France`,
	}
	for name, value := range want {
		if got := property(el, name); len(got) != 1 || got[0] != value {
			t.Errorf("Élise's %s = %q, want %q", name, got, value)
		}
	}

	mu := cards[1]
	for name, value := range map[string]string{
		"KIND":          "org",
		"FN":            `Müller Bäckerei\; Söhne\, GmbH`,
		"ORG":           `Müller Bäckerei\; Söhne\, GmbH`,
		"ADR;TYPE=work": ";;Hauptstraße 5;Berlin;;10115;Allemagne",
	} {
		if got := property(mu, name); len(got) != 1 || got[0] != value {
			t.Errorf("company's %s = %q, want %q", name, got, value)
		}
	}
	if n := property(mu, "N"); len(n) != 0 {
		t.Errorf("a company card has a person's name N: %q", n)
	}
	// A vCard is no spreadsheet: the name is written as typed.
	if fn := property(cards[2], "FN"); len(fn) != 1 || fn[0] != `+Paul =HYPERLINK("http://x.example")` {
		t.Errorf("FN = %q, want the name as typed", fn)
	}
}

func TestVCardUID(t *testing.T) {
	uidOf := func(c *domain.Customer) string {
		var out bytes.Buffer
		writeAll(t, newVCard(&out, "en"), c)
		uid := property(parseVCards(t, out.String())[0], "UID")
		if len(uid) != 1 {
			t.Fatalf("UID lines = %q, want one", uid)
		}
		return uid[0]
	}
	first := uidOf(elise())
	if !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(first) {
		t.Errorf("UID %q is not a version-5 urn:uuid", first)
	}
	renamed := elise()
	renamed.Code, renamed.LastName = "C99999", "Dupont-Moreau"
	if again := uidOf(renamed); again != first {
		t.Errorf("re-export after a code change gives UID %q, first export gave %q: the address book would duplicate the card", again, first)
	}
	if other := uidOf(muller()); other == first {
		t.Errorf("two customers share UID %q", first)
	}
}

func TestPhoneTypes(t *testing.T) {
	cases := map[string]string{
		"Portable":      "cell",
		"mobile pro":    "cell,work",
		"Fixe":          "voice",
		"Tél. domicile": "home",
		"Fax":           "fax",
		"Standard":      "",
		"":              "",
	}
	for label, want := range cases {
		if got := phoneTypes(label); got != want {
			t.Errorf("phoneTypes(%q) = %q, want %q", label, got, want)
		}
	}
}
