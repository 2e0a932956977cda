package domain

import (
	"errors"
	"testing"
)

// Each answer has a name in both languages, and ParseConsent reads back the
// stored value and both names.
func TestConsentLabelsReadBack(t *testing.T) {
	want := map[Consent][2]string{
		ConsentUnknown: {"Non demandé", "Not asked"},
		ConsentYes:     {"Oui", "Yes"},
		ConsentNo:      {"Non", "No"},
	}
	if len(Consents) != len(want) {
		t.Fatalf("the form offers %v", Consents)
	}
	for _, c := range Consents {
		l := c.Label()
		if l.FR != want[c][0] || l.EN != want[c][1] {
			t.Errorf("%q is labelled %+v, want %v", c, l, want[c])
		}
		for _, s := range []string{string(c), l.FR, l.EN, "  " + l.EN + " ", l.FR} {
			if got, ok := ParseConsent(s); !ok || got != c {
				t.Errorf("ParseConsent(%q) = %q, %v; want %q", s, got, ok, c)
			}
		}
	}
	for _, s := range []string{"peut-être", "1", "subscribed"} {
		if got, ok := ParseConsent(s); ok {
			t.Errorf("ParseConsent(%q) = %q: the importer's spellings are fieldparse's", s, got)
		}
	}
}

// A customer saved with the answer's name in any case keeps the stored
// value; anything else is refused on the consent field.
func TestNormalizeChecksTheConsent(t *testing.T) {
	c := Customer{LastName: "Durand", MarketingConsent: "OUI"}
	if err := c.Normalize(nil); err != nil || c.MarketingConsent != ConsentYes {
		t.Fatalf("Oui: %q, %v", c.MarketingConsent, err)
	}
	c = Customer{LastName: "Durand", MarketingConsent: "peut-être"}
	var ve *ValidationError
	if err := c.Normalize(nil); !errors.As(err, &ve) || ve.For("marketing_consent") == nil {
		t.Fatalf("an unknown answer was accepted: %v", err)
	}
}

// The importer and the exports reach the field by its key, as a string,
// and it follows the marketing source in the order of exports.
func TestConsentFieldByKey(t *testing.T) {
	f, ok := FieldByKey("marketing_consent")
	if !ok || f.Type != TypeConsent || f.FR != "Consentement marketing" || f.EN != "Marketing consent" {
		t.Fatalf("field: %+v, %v", f, ok)
	}
	if fieldIndex["marketing_consent"] != fieldIndex["marketing_source"]+1 {
		t.Errorf("the consent is field %d, the source %d", fieldIndex["marketing_consent"], fieldIndex["marketing_source"])
	}
	var c Customer
	if v := c.Get("marketing_consent"); v != "" || !IsZeroValue(v) {
		t.Errorf("a new customer's consent reads %#v, want \"\" (not asked)", v)
	}
	c.Set("marketing_consent", string(ConsentNo))
	if c.MarketingConsent != ConsentNo || c.Get("marketing_consent") != "no" {
		t.Errorf("after Set: %q", c.MarketingConsent)
	}
}
