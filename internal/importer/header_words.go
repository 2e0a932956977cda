package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Word classes that read a header the way a bookkeeper does. Every word is
// folded (lower case, no accents), as headerKey leaves it.

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// stopWords carry no meaning in a header: "N° de téléphone" is
// "N° téléphone", "Is a company" is "Is company".
var stopWords = wordSet("de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en", "et", "the", "of", "in", "for", "and")

// neutralWords say whose value a column holds when it is the customer's own:
// "Customer e-mail", "Contact phone number", Magento's "_address_street",
// Shopify's "Default Address City". Dropping them gives the field's name.
var neutralWords = wordSet("customer", "customers", "client", "clients", "billing", "facturation", "default",
	"address", "contact", "main", "primary", "principal")

// foreignWords make a column another record's: the shipping address's
// first name, the parent company, a child table's title, the supplier's
// code, the cart's discount. A synonym found inside such a header is not
// the customer's field (the shipping fields have their own synonyms).
var foreignWords = wordSet("shipping", "delivery", "livraison", "related", "parent", "child", "children",
	"supplier", "fournisseur", "vendor", "manufacturer", "fabricant", "cart", "panier", "coupon", "bank", "banque")

// headWords make a column a fact about something rather than the thing:
// "Address type", "vat_is_valid", "vat_request_date", "ProspectStatus",
// Magento's "_address_default_shipping_" flag. A synonym found inside such
// a header must contain the word itself. ("default" is also neutral: the
// header without it is looked up as a whole, "Default language".)
var headWords = wordSet("type", "status", "statut", "level", "niveau", "date", "is", "has", "est", "valid",
	"count", "total", "nombre", "default")

// exactOnly synonyms are too vague to be found inside a longer header:
// "first" and "last" are first and last names alone, but "Last active"
// and "First order" are not names.
var exactOnly = wordSet("first", "last")

// nameWords and companyWords together name a company: "Nom Société",
// "Nom de l'entreprise", "Company name", "Dénomination de la société".
var (
	nameWords          = wordSet("nom", "noms", "name", "names", "denomination", "libelle", "appellation", "raison")
	headerCompanyWords = wordSet("societe", "entreprise", "company", "organisation", "organization",
		"etablissement", "firme", "firm")
)

func allIn(tokens []string, set map[string]bool) bool {
	for _, t := range tokens {
		if !set[t] {
			return false
		}
	}
	return len(tokens) > 0
}

func anyIn(tokens []string, set map[string]bool) bool {
	for _, t := range tokens {
		if set[t] {
			return true
		}
	}
	return false
}

// namesACompany reports whether a header is "name of the company" in
// one of its spellings.
func namesACompany(tokens []string) bool {
	return anyIn(tokens, nameWords) && anyIn(tokens, headerCompanyWords)
}

// referenceLike reports whether a header names another table's row
// rather than a value: Dolibarr's "fk_forme_juridique", Magento's
// "group_id", PrestaShop's "Titles ID", "Default group ID".
func referenceLike(tokens []string) bool {
	n := len(tokens)
	return (n > 0 && tokens[0] == "fk") || (n >= 2 && (tokens[n-1] == "id" || tokens[0] == "id"))
}

var integer = regexp.MustCompile(`^\s*[0-9]+\s*$`)

// allIntegers reports whether every value of a non-empty sample is a whole
// number, as the row numbers of another table are.
func allIntegers(values []string) bool {
	for _, v := range values {
		if !integer.MatchString(v) {
			return false
		}
	}
	return len(values) > 0
}

// shapeFits is the share of values that look like key's values for the
// text fields whose values have a recognisable look; the import cannot
// reject a wrong value there, so the suggestion checks it instead: a
// website is a domain or an address ("base", Magento's scope code, is
// not), a civility a short title without digits ("Test 5" is a document's
// title). Other fields: 1.
func shapeFits(key string, values []string) float64 {
	var fits func(string) bool
	switch key {
	case "website":
		fits = func(v string) bool {
			v = strings.ToLower(strings.TrimSpace(v))
			return !strings.Contains(v, " ") && (strings.Contains(v, ".") || strings.HasPrefix(v, "http"))
		}
	case "civility":
		fits = func(v string) bool {
			v = strings.TrimSpace(v)
			return utf8.RuneCountInString(v) <= 15 && len(strings.Fields(v)) <= 3 && !strings.ContainsAny(v, "0123456789")
		}
	default:
		return 1
	}
	if len(values) == 0 {
		return 1
	}
	ok := 0
	for _, v := range values {
		if fits(v) {
			ok++
		}
	}
	return float64(ok) / float64(len(values))
}
