package fieldparse

import (
	"strings"
	"testing"
)

func TestConsent(t *testing.T) {
	tests := []struct {
		in    string
		v     string
		empty bool
		w     want
	}{
		{"", ConsentNotAsked, true, none},
		{"   ", ConsentNotAsked, true, none},
		{"Oui", ConsentYes, false, none},
		{" OUI ", ConsentYes, false, none},
		{"yes", ConsentYes, false, none}, // Shopify's Accepts Email Marketing
		{"x", ConsentYes, false, none},
		{"1", ConsentYes, false, none}, // PrestaShop's Newsletter (0/1)
		{"'1", ConsentYes, false, none},
		{"TRUE", ConsentYes, false, none},
		{"Vrai", ConsentYes, false, none},
		{"Subscribed", ConsentYes, false, none}, // Magento
		{"SUBSCRIBED", ConsentYes, false, none}, // Shopify's marketing state
		{"Abonné", ConsentYes, false, none},
		{"Non", ConsentNo, false, none},
		{"no", ConsentNo, false, none},
		{"0", ConsentNo, false, none},
		{"false", ConsentNo, false, none},
		{"Faux", ConsentNo, false, none},
		{"Not Subscribed", ConsentNo, false, none}, // Magento
		{"not_subscribed", ConsentNo, false, none}, // Shopify
		{"Unsubscribed", ConsentNo, false, none},
		{"Désabonné", ConsentNo, false, none},
		{"pending", ConsentNotAsked, false, none}, // confirmation unanswered
		{"Non demandé", ConsentNotAsked, false, none},
		{"Not asked", ConsentNotAsked, false, none},
		{"peut-être", ConsentNotAsked, false, fail(CodeConsentInvalid)},
		{"2", ConsentNotAsked, false, fail(CodeConsentInvalid)},
		{"oui non", ConsentNotAsked, false, fail(CodeConsentInvalid)},
		{"subscribed since 2020 to every letter", ConsentNotAsked, false, fail(CodeConsentInvalid)},
		{"#N/A", ConsentNotAsked, false, fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		v, empty, p := Consent(tc.in)
		if v != tc.v || empty != tc.empty {
			t.Errorf("Consent(%q) = %q, empty=%v; want %q, empty=%v (%v)", tc.in, v, empty, tc.v, tc.empty, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

// The refusal quotes the cell and names what is accepted, in both
// languages.
func TestConsentRefusalNamesTheAnswers(t *testing.T) {
	_, _, p := Consent("Peut-être")
	if p == nil {
		t.Fatal("accepted")
	}
	for _, part := range []string{"Peut-être", "Oui", "Non", "Non demandé", "vide"} {
		if !strings.Contains(p.FR, part) {
			t.Errorf("the French message %q does not say %q", p.FR, part)
		}
	}
	for _, part := range []string{"Peut-être", "Yes", "No", "Not asked", "empty"} {
		if !strings.Contains(p.EN, part) {
			t.Errorf("the English message %q does not say %q", p.EN, part)
		}
	}
}
