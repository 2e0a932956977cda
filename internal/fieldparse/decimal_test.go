package fieldparse

import "testing"

func TestDecimalReadsFrenchAndInternationalNumbers(t *testing.T) {
	for _, c := range []struct {
		in, want string
		empty    bool
		code     string
	}{
		{"12,5", "12.5", false, ""},
		{"1 234,50", "1234.5", false, ""},
		{"1234.5", "1234.5", false, ""},
		{"-0,25", "-0.25", false, ""},
		{"42", "42", false, ""},
		{"1.234,5", "1234.5", false, ""},
		{"", "", true, ""},
		{"douze", "", false, CodeDecimalInvalid},
		{"1,2345678", "1.234568", false, CodeDecimalRounded},
	} {
		got, empty, p := Decimal(c.in)
		code := ""
		if p != nil {
			code = p.Code
		}
		if got != c.want || empty != c.empty || code != c.code {
			t.Errorf("Decimal(%q) = %q, %v, %q; want %q, %v, %q", c.in, got, empty, code, c.want, c.empty, c.code)
		}
	}
}
