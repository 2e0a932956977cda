package export

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"carnet/internal/domain"
)

// What the three mailing writers (mail-merge CSV, vCard, labels) share
// about a postal address.

// isHomeCountry reports whether code is a country La Poste delivers to
// without a country line: France (stored as "FR" or left empty), the
// overseas departments and collectivities, which have French postcodes
// (971…, 974…, 987…), and Monaco, which La Poste serves with 980xx codes.
// Carnet is a French shop's customer file, so France is "home".
func isHomeCountry(code string) bool {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "", "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "MC":
		return true
	}
	return false
}

// countryName returns the name of the ISO 3166-1 country code in lang
// ("Allemagne", "Germany"), or code itself when it is not a known region,
// so that nothing the user typed is lost.
func countryName(code, lang string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		return ""
	}
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	dict := display.French
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		dict = display.English
	}
	if name := dict.Regions().Name(region); name != "" {
		return name
	}
	return code
}

// postalAddress returns the customer's billing address, the one mailings
// go to, with every line trimmed.
func postalAddress(c *domain.Customer) domain.Address {
	a := c.Billing
	a.Line1 = strings.TrimSpace(a.Line1)
	a.Line2 = strings.TrimSpace(a.Line2)
	a.Postcode = strings.TrimSpace(a.Postcode)
	a.City = strings.TrimSpace(a.City)
	a.Country = strings.TrimSpace(a.Country)
	return a
}

// hasPostalAddress reports whether a has something a postman can use: a
// street line, or at least a postcode or town (a village address can be
// "Le Bourg, 23200 Aubusson" with no street). A complement alone
// ("Bâtiment B") is not an address.
func hasPostalAddress(a domain.Address) bool {
	return a.Line1 != "" || a.Postcode != "" || a.City != ""
}
