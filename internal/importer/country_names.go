package importer

import (
	"sync"

	"golang.org/x/text/language"
	cldr "golang.org/x/text/language/display"
)

// countryNames maps every country's name in French and English (CLDR's,
// through golang.org/x/text), folded, to its ISO code: shop exports write
// "Cayman Islands", "Fidji", "Côte d’Ivoire". countryCodes keeps the
// spellings CLDR does not give (USA, Angleterre, three-letter codes).
var countryNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	en, fr := cldr.English.Regions(), cldr.French.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() {
				continue
			}
			for _, name := range []string{en.Name(r), fr.Name(r)} {
				if k := normalForm(name); k != "" {
					if _, taken := m[k]; !taken {
						m[k] = r.String()
					}
				}
			}
		}
	}
	return m
})

// CountryCode reads a country as an import does — ISO code, French or
// English name, common spellings — and returns its ISO code; false when
// it is not a country.
func CountryCode(raw string) (string, bool) {
	v, p := parseCountry(raw)
	if p != nil || v.empty {
		return "", false
	}
	code, ok := v.v.(string)
	return code, ok
}
