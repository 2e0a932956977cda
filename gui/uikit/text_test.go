package uikit

import "testing"

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"Dupont":             "Dupont",
		"12 rue\nBât. B":     "12 rue ¶ Bât. B",
		"a\r\nb\rc":          "a ¶ b ¶ c",
		"":                   "",
		"ligne 1\n\nligne 3": "ligne 1 ¶  ¶ ligne 3",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
