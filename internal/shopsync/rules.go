package shopsync

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/phone"
)

// rowFields are the columns of the file a sync hands to the import engine,
// by field key, in order.
var rowFields = []string{"code", "kind", "civility", "last_name", "first_name", "company_name", "email", "phones",
	"vat_number", "billing_line1", "billing_line2", "postcode", "city", "country",
	"shipping_line1", "shipping_line2", "shipping_postcode", "shipping_city", "shipping_country",
	"account_number", "sales_rep", "marketing_consent"}

var (
	billingFields  = []string{"billing_line1", "billing_line2", "postcode", "city", "country"}
	shippingFields = []string{"shipping_line1", "shipping_line2", "shipping_postcode", "shipping_city", "shipping_country"}
	// newOnlyFields are set on the customers a sync creates, never changed
	// on those it finds: the accounting account and the representative
	// are the business's, not the shop's.
	newOnlyFields = []string{"account_number", "sales_rep"}
)

// protected lists the fields a sync leaves alone on a customer it finds.
func (s Settings) protected(base []string) []string {
	out := append(append([]string(nil), base...), newOnlyFields...)
	if !s.UpdateBilling {
		out = append(out, billingFields...)
	}
	if !s.UpdateShipping {
		out = append(out, shippingFields...)
	}
	return out
}

// row is the web customer as the import row the settings make of it:
// values by field key, accents and capitals as the settings ask.
func (s Settings) row(w WebCustomer, code, account string) map[string]string {
	name := func(v string) string { return s.nameText(v) }
	addr := func(v string) string { return s.addressText(v) }
	kind := "Personne physique"
	if strings.TrimSpace(w.Company) != "" && strings.TrimSpace(w.LastName) == "" {
		kind = "Personne morale"
	}
	consent := ""
	switch w.Consent {
	case domain.ConsentYes:
		consent = "Oui"
	case domain.ConsentNo:
		consent = "Non"
	}
	return map[string]string{
		"code": code, "kind": kind, "civility": w.Civility,
		"last_name": name(w.LastName), "first_name": name(w.FirstName), "company_name": name(w.Company),
		"email": w.Email, "phones": strings.Join(w.Phones, ", "), "vat_number": w.VATNumber,
		"billing_line1": addr(w.Billing.Line1), "billing_line2": addr(w.Billing.Line2),
		"postcode": w.Billing.Postcode, "city": addr(w.Billing.City), "country": w.Billing.Country,
		"shipping_line1": addr(w.Shipping.Line1), "shipping_line2": addr(w.Shipping.Line2),
		"shipping_postcode": w.Shipping.Postcode, "shipping_city": addr(w.Shipping.City), "shipping_country": w.Shipping.Country,
		"account_number": account, "sales_rep": s.SalesRep, "marketing_consent": consent,
	}
}

func (s Settings) nameText(v string) string {
	if s.RemoveAccents {
		v = withoutAccents(v)
	}
	if s.UpperName {
		v = strings.ToUpper(v)
	}
	return v
}

func (s Settings) addressText(v string) string {
	if s.RemoveAccents {
		v = withoutAccents(v)
	}
	if s.UpperAddresses {
		v = strings.ToUpper(v)
	}
	return v
}

// withoutAccents takes the accents off letters (é → e, Ç → C), keeping
// their case; letters that are not an accented form (ß, Œ) stay.
func withoutAccents(v string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), v)
	if err != nil {
		return v
	}
	return out
}

// checkPhones keeps the numbers that read as phone numbers, in the
// region of the customer's address (France when it has none), and says which it leaves out: a shop's form takes
// anything ("01 02 03 04 05", "n/a"), and one unreadable number must not
// keep a customer and their orders out.
func checkPhones(w *WebCustomer) []domain.Message {
	region, ok := importer.CountryCode(w.Billing.Country)
	if !ok {
		region = "FR"
	}
	var kept []string
	var notes []domain.Message
	for _, raw := range w.Phones {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if _, bad := (phone.Parser{}).ToE164(raw, region); bad != nil {
			notes = append(notes, domain.Message{
				FR: "téléphone « " + raw + " » illisible, laissé de côté",
				EN: "unreadable phone “" + raw + "”, left out"})
			continue
		}
		kept = append(kept, raw)
	}
	w.Phones = kept
	return notes
}
