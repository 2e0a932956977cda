package textfold

import "testing"

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Élise":             "elise",
		"dupont":            "dupont",
		"DUPONT":            "dupont",
		"François Nœl":      "francois noel",
		"  Code \t Postal ": "code postal",
		"1\u202f234\u00a0€": "1 234 €",
		"Straße":            "strasse",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
