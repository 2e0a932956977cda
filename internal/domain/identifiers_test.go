package domain

import "testing"

// Cases from ../shared/corpus/MANIFEST.md §6 (rules 1–3).
func TestNormalizeSIRET(t *testing.T) {
	cases := []struct {
		in, want, code string
	}{
		{"732 829 320", "732829320", ""},
		{"73282932000074", "73282932000074", ""},
		{"732.829.320.00074", "73282932000074", ""},
		{"35600000049837", "35600000049837", ""}, // La Poste: digit sum mod 5
		{"35600000049838", "", "siret_checksum"},
		{"35600000000048", "35600000000048", ""}, // La Poste head office: Luhn
		{"732829321", "", "siren_checksum"},
		{"73282932000075", "", "siret_checksum"},
		{"1234", "", "siret_format"},
		{"", "", ""},
	}
	for _, c := range cases {
		got, fe := NormalizeSIRET(c.in)
		if got != c.want || (fe == nil) != (c.code == "") || (fe != nil && fe.Code != c.code) {
			t.Errorf("NormalizeSIRET(%q) = %q, %v; want %q, %q", c.in, got, fe, c.want, c.code)
		}
	}
}

func TestNormalizeVAT(t *testing.T) {
	cases := []struct {
		in, want, code string
	}{
		{"FR44732829320", "FR44732829320", ""},
		{"fr 44 732 829 320", "FR44732829320", ""},
		{"FR83404833048", "FR83404833048", ""},
		{"FR19552008443", "FR19552008443", ""},
		{"FR39356000000", "FR39356000000", ""},
		{"FR45732829320", "", "vat_key"},
		{"FR0123456789", "", "vat_format"},     // Dolibarr sample: one digit short
		{"FR12000123456", "FR12000123456", ""}, // Monaco
		{"BE0123456789", "BE0123456789", ""},
		{"732829320", "", "vat_format"},
	}
	for _, c := range cases {
		got, fe := NormalizeVAT(c.in)
		if got != c.want || (fe == nil) != (c.code == "") || (fe != nil && fe.Code != c.code) {
			t.Errorf("NormalizeVAT(%q) = %q, %v; want %q, %q", c.in, got, fe, c.want, c.code)
		}
	}
}

func TestNormalizeIBAN(t *testing.T) {
	if got, fe := NormalizeIBAN("FR76 3000 6000 0112 3456 7890 189"); fe != nil || got != "FR7630006000011234567890189" {
		t.Errorf("valid IBAN refused: %q %v", got, fe)
	}
	for _, bad := range []string{"FR76 3000 6000 0112 3456 7890 188", "FR76300060000112", "DE00"} {
		if _, fe := NormalizeIBAN(bad); fe == nil || fe.Code != "iban_invalid" {
			t.Errorf("NormalizeIBAN(%q) accepted", bad)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got, fe := NormalizeEmail("  Jean.Dupont@Example.FR "); fe != nil || got != "jean.dupont@example.fr" {
		t.Errorf("got %q %v", got, fe)
	}
	for _, bad := range []string{"jean@", "jean.dupont", "a@b", "a@x.fr; b@y.fr", "a b@x.fr", "a@.fr"} {
		fe := func() *FieldError { _, fe := NormalizeEmail(bad); return fe }()
		if fe == nil {
			t.Errorf("NormalizeEmail(%q) accepted", bad)
		} else if fe.FR == "" || fe.EN == "" {
			t.Errorf("NormalizeEmail(%q): message missing a language", bad)
		}
	}
}

func TestPadCode(t *testing.T) {
	cases := []struct {
		prefix, id string
		length     int
		want       string
		fails      bool
	}{
		{"WEB", "42", 10, "WEB0000042", false},
		{"C", "123", 7, "C000123", false},
		{"C", "12345678", 7, "", true},
		{"411", "DUPONT", 0, "411DUPONT", false},
	}
	for _, c := range cases {
		got, err := PadCode(c.prefix, c.id, c.length)
		if got != c.want || (err != nil) != c.fails {
			t.Errorf("PadCode(%q,%q,%d) = %q, %v", c.prefix, c.id, c.length, got, err)
		}
	}
	if got, _ := DefaultNumbering.Code(123); got != "C0000123" {
		t.Errorf("DefaultNumbering.Code(123) = %q, want C0000123", got)
	}
}
