package importer

import (
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/textfold"
)

// cellValue is a parsed cell: the value in the type domain.Customer.Get
// returns for the field, or empty when the cell holds nothing.
type cellValue struct {
	v     any
	empty bool
}

// parseCell reads raw as field key's type. country is the row's billing
// country (ISO-2, "" for France), which decides how postcodes are read.
// Field-level rules (Luhn, VAT key, phone numbering plans…) are left to
// domain.Customer.Normalize, so that they live in one place.
func parseCell(key, raw, country string) (cellValue, *fieldparse.Problem) {
	if strings.HasPrefix(key, domain.CustomPrefix) {
		s, p := fieldparse.Text(raw, domain.MaxNotesLen)
		return cellValue{v: s, empty: s == ""}, p
	}
	f, _ := domain.FieldByKey(key)
	switch f.Type {
	case domain.TypeID:
		s, p := fieldparse.Identifier(raw)
		if s == "" || p.IsError() {
			return cellValue{empty: true}, p
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return cellValue{empty: true}, &fieldparse.Problem{Code: "id.invalid", Severity: fieldparse.Error,
				FR: "« " + s + " » n’est pas un ID client (un nombre attribué par Carnet). Laissez la cellule vide pour un nouveau client.",
				EN: "\"" + s + "\" is not a customer ID (a number assigned by Carnet). Leave the cell empty for a new customer."}
		}
		return cellValue{v: n}, p
	case domain.TypeIdentifier, domain.TypeSIRET, domain.TypeVAT, domain.TypeIBAN, domain.TypePhone:
		s, p := fieldparse.Identifier(raw)
		return cellValue{v: s, empty: s == ""}, p
	case domain.TypeEmail:
		s, p := fieldparse.Email(raw)
		return cellValue{v: s, empty: s == ""}, p
	case domain.TypePhones:
		var phones []domain.Phone
		for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '\n' }) {
			s, p := fieldparse.Identifier(part)
			if p.IsError() {
				return cellValue{empty: true}, p
			}
			if s != "" {
				phones = append(phones, domain.Phone{Number: s})
			}
		}
		return cellValue{v: phones, empty: len(phones) == 0}, nil
	case domain.TypeMoney:
		c, empty, p := fieldparse.Money(raw)
		return cellValue{v: c, empty: empty}, p
	case domain.TypePercent:
		h, empty, p := fieldparse.Percent(raw)
		return cellValue{v: h, empty: empty}, p
	case domain.TypeInteger:
		return parseInteger(raw)
	case domain.TypeDay:
		if strings.TrimSpace(raw) == "" {
			return cellValue{v: "", empty: true}, nil
		}
		t, p := fieldparse.Date(raw, fieldparse.DateOptions{})
		if p.IsError() {
			return cellValue{empty: true}, p
		}
		return cellValue{v: t.Format("2006-01-02")}, p
	case domain.TypeBool:
		b, empty, p := fieldparse.Bool(raw)
		return cellValue{v: b, empty: empty}, p
	case domain.TypeKind:
		return parseKind(raw)
	case domain.TypeConsent:
		// "Pending" is a value that says "not asked" (it replaces a stored
		// answer); only an empty cell keeps it.
		v, empty, p := fieldparse.Consent(raw)
		return cellValue{v: v, empty: empty}, p
	case domain.TypeGroups:
		g := fieldparse.GroupList(raw)
		return cellValue{v: g, empty: len(g) == 0}, nil
	case domain.TypePostcode:
		if country != "" && country != "FR" {
			s, p := fieldparse.Identifier(raw)
			return cellValue{v: s, empty: s == ""}, p
		}
		s, p := fieldparse.FrenchPostcode(raw, "FR")
		return cellValue{v: s, empty: s == ""}, p
	case domain.TypeCountry:
		return parseCountry(raw)
	default:
		s, p := fieldparse.Text(raw, 0)
		return cellValue{v: s, empty: s == ""}, p
	}
}

var companyWords = map[string]bool{"oui": true, "yes": true, "y": true, "o": true, "x": true, "1": true, "true": true, "vrai": true,
	"company": true, "entreprise": true, "societe": true, "personne morale": true, "morale": true, "pm": true,
	"legal entity": true, "organisation": true, "organization": true, "professionnel": true, "pro": true, "b2b": true}

var personWords = map[string]bool{"non": true, "no": true, "n": true, "0": true, "false": true, "faux": true,
	"person": true, "individual": true, "individuel": true, "particulier": true, "personne physique": true,
	"physique": true, "pp": true, "private": true, "b2c": true}

// parseKind reads the Kind column: seed 002's "Entreprise: Oui", or the
// kind's names in French and English.
func parseKind(raw string) (cellValue, *fieldparse.Problem) {
	k := normalForm(raw)
	switch {
	case k == "":
		return cellValue{v: "", empty: true}, nil
	case companyWords[k]:
		return cellValue{v: string(domain.KindCompany)}, nil
	case personWords[k]:
		return cellValue{v: string(domain.KindPerson)}, nil
	}
	return cellValue{empty: true}, &fieldparse.Problem{Code: "kind.invalid", Severity: fieldparse.Error,
		FR: "« " + raw + " » n’est pas un type de client : écrivez « Personne physique » ou « Personne morale » (ou Oui pour une entreprise).",
		EN: "\"" + raw + "\" is not a customer kind: write \"Individual\" or \"Company\" (or Yes for a company)."}
}

// countryCodes maps folded country names (French and English) and ISO-3
// codes to ISO-2. Two-letter codes are taken as they are.
var countryCodes = map[string]string{
	"france": "FR", "fra": "FR", "republique francaise": "FR", "belgique": "BE", "belgium": "BE", "bel": "BE",
	"suisse": "CH", "switzerland": "CH", "che": "CH", "luxembourg": "LU", "lux": "LU", "monaco": "MC", "mco": "MC",
	"allemagne": "DE", "germany": "DE", "deu": "DE", "espagne": "ES", "spain": "ES", "esp": "ES",
	"italie": "IT", "italy": "IT", "ita": "IT", "portugal": "PT", "prt": "PT", "pays bas": "NL", "netherlands": "NL",
	"nld": "NL", "royaume uni": "GB", "united kingdom": "GB", "uk": "GB", "angleterre": "GB", "england": "GB", "gbr": "GB",
	"irlande": "IE", "ireland": "IE", "autriche": "AT", "austria": "AT", "etats unis": "US", "united states": "US",
	"usa": "US", "canada": "CA", "can": "CA", "maroc": "MA", "morocco": "MA", "algerie": "DZ", "algeria": "DZ",
	"tunisie": "TN", "tunisia": "TN", "senegal": "SN", "pologne": "PL", "poland": "PL", "suede": "SE", "sweden": "SE",
	"danemark": "DK", "denmark": "DK", "norvege": "NO", "norway": "NO", "finlande": "FI", "finland": "FI",
	"grece": "GR", "greece": "GR", "andorre": "AD", "andorra": "AD", "chine": "CN", "china": "CN", "japon": "JP", "japan": "JP",
	"guadeloupe": "GP", "martinique": "MQ", "guyane": "GF", "guyane francaise": "GF", "french guiana": "GF",
	"la reunion": "RE", "reunion": "RE", "mayotte": "YT", "saint pierre et miquelon": "PM", "nouvelle caledonie": "NC",
	"new caledonia": "NC", "polynesie francaise": "PF", "french polynesia": "PF", "saint barthelemy": "BL", "saint martin": "MF",
	"wallis et futuna": "WF",
}

func parseCountry(raw string) (cellValue, *fieldparse.Problem) {
	k := normalForm(raw)
	if k == "" {
		return cellValue{v: "", empty: true}, nil
	}
	if code, ok := countryCodes[k]; ok {
		return cellValue{v: code}, nil
	}
	if code, ok := countryNames()[k]; ok {
		return cellValue{v: code}, nil
	}
	if len(k) == 2 && k[0] >= 'a' && k[0] <= 'z' && k[1] >= 'a' && k[1] <= 'z' {
		return cellValue{v: strings.ToUpper(k)}, nil
	}
	return cellValue{empty: true}, &fieldparse.Problem{Code: "country.unknown", Severity: fieldparse.Error,
		FR: "Pays « " + raw + " » inconnu : écrivez son code ISO à 2 lettres (FR, BE, CH…).",
		EN: "Unknown country \"" + raw + "\": write its 2-letter ISO code (FR, BE, CH…)."}
}

// typeFits is the share (0..1) of sample values that read cleanly as key's
// type; 1 for an empty sample or a text field.
func typeFits(key string, values []string) float64 {
	if len(values) == 0 {
		return 1
	}
	ok := 0
	for _, v := range values {
		switch key {
		case "email":
			if _, p := fieldparse.Email(v); p == nil && strings.Contains(v, "@") {
				ok++
			}
		case "siret":
			if _, fe := domain.NormalizeSIRET(v); fe == nil {
				ok++
			}
		case "vat_number":
			if _, fe := domain.NormalizeVAT(v); fe == nil {
				ok++
			}
		case "phones", "fax":
			if digits(v) >= 6 {
				ok++
			}
		case "iban":
			if _, fe := domain.NormalizeIBAN(v); fe == nil {
				ok++
			}
		default:
			cv, p := parseCell(key, v, "")
			if !p.IsError() && !cv.empty {
				ok++
			}
		}
	}
	return float64(ok) / float64(len(values))
}

// fold is the comparison form of group and source names.
func fold(s string) string { return textfold.Fold(s) }

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// parseInteger reads a whole number of days; spaces and a trailing ",0"
// that spreadsheets add are accepted.
func parseInteger(raw string) (cellValue, *fieldparse.Problem) {
	s, empty, p := fieldparse.Decimal(raw)
	if empty || p.IsError() {
		return cellValue{v: int64(0), empty: true}, p
	}
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || strings.Trim(frac, "0") != "" {
		return cellValue{empty: true}, &fieldparse.Problem{Code: "integer.invalid", Severity: fieldparse.Error,
			FR: "« " + raw + " » n’est pas un nombre entier de jours.",
			EN: "\"" + raw + "\" is not a whole number of days."}
	}
	return cellValue{v: n}, nil
}
