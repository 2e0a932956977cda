package fieldparse

import (
	"reflect"
	"strings"
	"testing"
)

func TestEmail(t *testing.T) {
	tests := []struct {
		in, out string
		w       want
	}{
		{"", "", none},
		{"   ", "", none},
		{"jean.dupont@orange.fr", "jean.dupont@orange.fr", none},
		{"Peter.Pan@prestashop.com", "peter.pan@prestashop.com", none}, // PrestaShop sample
		{"  AnthonyANealy@magento.com ", "anthonyanealy@magento.com", none},
		{"\u00a0jean@free.fr\u00a0", "jean@free.fr", none},
		{"'seaw89@gmail.com", "seaw89@gmail.com", none}, // Shopify text marker
		{"mailto:Jean@Example.FR", "jean@example.fr", none},
		{"MAILTO:jean@example.fr?subject=Devis", "jean@example.fr", none},
		{"jean+factures@example.fr", "jean+factures@example.fr", none},
		{"o'neil@example.ie", "o'neil@example.ie", none},
		{"contact@sous.domaine.example.co.uk", "contact@sous.domaine.example.co.uk", none},
		{"x@a-b.fr", "x@a-b.fr", none},
		{"jean@example.fr;", "jean@example.fr", none}, // trailing separator from a mail client
		{"jean@example.fr ;", "jean@example.fr", none},
		{"Jean@Example.fr,", "jean@example.fr", none},

		// Accepted with a warning.
		{"Jean Dupont <Jean.Dupont@Example.fr>", "jean.dupont@example.fr", warn(CodeEmailDisplayName)},
		{"\"Dupont, Jean\" <jean@example.fr>", "jean@example.fr", warn(CodeEmailDisplayName)},
		{"<jean@example.fr>", "jean@example.fr", warn(CodeEmailDisplayName)},
		{"\"Jean Dupont\"@Example.fr", "\"Jean Dupont\"@example.fr", warn(CodeEmailQuoted)},
		{"jean@[192.0.2.1]", "jean@[192.0.2.1]", warn(CodeEmailIPLiteral)},
		{"jean(bureau)@example.fr", "jean@example.fr", warn(CodeEmailComment)},
		{"jean @example.fr", "jean@example.fr", warn(CodeEmailComment)},
		{"jean@orange", "jean@orange", warn(CodeEmailDomain)},
		{"jean@example.123", "jean@example.123", warn(CodeEmailDomain)},
		{"jean@exa_mple.fr", "jean@exa_mple.fr", warn(CodeEmailDomain)},
		{"jérôme@example.fr", "jérôme@example.fr", warn(CodeEmailNonASCII)},
		{"JÉRÔME@example.fr", "jérôme@example.fr", warn(CodeEmailNonASCII)},
		{"contact@café.fr", "contact@café.fr", warn(CodeEmailNonASCII)},
		{strings.Repeat("a", 65) + "@example.fr", strings.Repeat("a", 65) + "@example.fr", warn(CodeEmailTooLong)},

		// Rejected.
		{"jean.dupont", "", fail(CodeEmailInvalid)},
		{"jean.dupont@", "", fail(CodeEmailInvalid)},
		{"@example.fr", "", fail(CodeEmailInvalid)},
		{"jean..dupont@example.fr", "", fail(CodeEmailInvalid)},
		{".jean@example.fr", "", fail(CodeEmailInvalid)},
		{"jean.@example.fr", "", fail(CodeEmailInvalid)},
		{"jean@example..fr", "", fail(CodeEmailInvalid)},
		{"jean@example.fr.", "", fail(CodeEmailInvalid)},
		{"jean@-example.fr", "", fail(CodeEmailInvalid)},
		{"jean dupont@example.fr", "", fail(CodeEmailInvalid)},
		{"jean@exam ple.fr", "", fail(CodeEmailInvalid)},
		{"jean@@example.fr", "", fail(CodeEmailInvalid)},
		{"jean@example@fr", "", fail(CodeEmailInvalid)},
		{"jean.dupont@orange,fr", "", fail(CodeEmailInvalid)},
		{"jean\u00a0dupont@example.fr", "", fail(CodeEmailInvalid)},
		{"jean@example.fr\n", "", fail(CodeEmailInvalid)},
		{"jean@exemple.fr©", "", fail(CodeEmailInvalid)},
		{"jean@exemple.fr\xff", "", fail(CodeEmailInvalid)},
		{"\"jean@example.fr", "", fail(CodeEmailInvalid)},
		{"<jean@example.fr", "", fail(CodeEmailInvalid)},
		{"mailto:", "", fail(CodeEmailInvalid)},
		{"#N/A", "", fail(CodeSpreadsheetError)},

		// One address per cell.
		{"a@x.fr; b@y.fr", "", fail(CodeEmailMultiple)},
		{"a@x.fr,b@y.fr", "", fail(CodeEmailMultiple)},
		{"a@x.fr b@y.fr", "", fail(CodeEmailMultiple)},
		{"a@x.fr / b@y.fr", "", fail(CodeEmailMultiple)},
		{"a@x.fr\nb@y.fr", "", fail(CodeEmailMultiple)},
		{"a@x.fr\r\nb@y.fr", "", fail(CodeEmailMultiple)},
	}
	for _, tc := range tests {
		got, p := Email(tc.in)
		if got != tc.out {
			t.Errorf("Email(%q) = %q, want %q (%v)", tc.in, got, tc.out, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestEmailMessages(t *testing.T) {
	tests := []struct{ in, fr, en string }{
		{"jean.dupont", "il manque le « @ »", "the \"@\" is missing"},
		{"a@x.fr; b@y.fr", "une seule adresse", "one address per cell"},
		{"jean dupont@x.fr", "une espace", "a space"},
		{"jean@@x.fr", "deux « @ »", "two \"@\""},
		{"jean@x.fr\n", "retour à la ligne", "line break"},
		{"jean@x.fr\n", "jean@x.fr␊", "jean@x.fr␊"}, // the invisible character is shown
		{"jean@orange", "il manque sans doute l’extension", "extension"},
	}
	for _, tc := range tests {
		_, p := Email(tc.in)
		if p == nil || !strings.Contains(p.FR, tc.fr) || !strings.Contains(p.EN, tc.en) {
			t.Errorf("Email(%q) = %v; want FR containing %q and EN containing %q", tc.in, p, tc.fr, tc.en)
		}
	}
}

func TestEmailList(t *testing.T) {
	tests := []struct {
		in  string
		out []string
		w   want
	}{
		{"", nil, none},
		{"a@x.fr", []string{"a@x.fr"}, none},
		{"a@x.fr; B@Y.fr", []string{"a@x.fr", "b@y.fr"}, none},
		{"a@x.fr,b@y.fr,,", []string{"a@x.fr", "b@y.fr"}, none},
		{"a@x.fr\nb@y.fr\r\nc@z.fr", []string{"a@x.fr", "b@y.fr", "c@z.fr"}, none},
		{"a@x.fr b@y.fr", []string{"a@x.fr", "b@y.fr"}, none},
		{"a@x.fr; A@X.FR", []string{"a@x.fr"}, none},
		{"\"Dupont, Jean\" <jean@x.fr>; b@y.fr", []string{"jean@x.fr", "b@y.fr"}, warn(CodeEmailDisplayName)},
		{"a@x.fr; pas-une-adresse; b@y.fr", []string{"a@x.fr", "b@y.fr"}, fail(CodeEmailInvalid)},
		{"jean@orange; pas-une-adresse", []string{"jean@orange"}, fail(CodeEmailInvalid)},
	}
	for _, tc := range tests {
		got, p := EmailList(tc.in)
		if !reflect.DeepEqual(got, tc.out) {
			t.Errorf("EmailList(%q) = %q, want %q (%v)", tc.in, got, tc.out, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestEmailNoAllocs(t *testing.T) {
	for _, in := range []string{"jean.dupont@orange.fr", " 'jean@free.fr ", "mailto:contact@example.co.uk"} {
		if n := testing.AllocsPerRun(100, func() { Email(in) }); n != 0 {
			t.Errorf("Email(%q): %v allocations, want 0", in, n)
		}
	}
}

func TestSimpleEmailAgreesWithFullReader(t *testing.T) {
	// Whatever the fast path accepts, the full reader must accept unchanged
	// and without remark.
	for _, in := range []string{
		"a@b.fr", "jean.dupont@orange.fr", "x+y@a-b.c-d.com", "!#$%&'*+/=?^_`{|}~-@x.io",
		strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + ".fr",
	} {
		if !simpleEmail(in) {
			t.Errorf("simpleEmail(%q) = false", in)
			continue
		}
		canon, issues, err, _ := classifyEmail(in)
		if canon != in || issues != 0 || err != eeNone {
			t.Errorf("classifyEmail(%q) = %q, %b, %v", in, canon, issues, err)
		}
	}
}
