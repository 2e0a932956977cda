package uikit

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestTrTranslatesThenFormats(t *testing.T) {
	// French forced as gui/i18n.go does, before the translation is added.
	t.Setenv("LANGUAGE", "fr")
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(k, "fr_FR.UTF-8")
	}
	if err := lang.AddTranslationsForLocale([]byte(`{
		"uikit test: %d rows of %s": "test uikit : %d lignes de %s",
		"uikit test: 100% done": "test uikit : 100 % fait"
	}`), "fr"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key  string
		args []any
		want string
	}{
		{"uikit test: %d rows of %s", []any{3, "a.csv"}, "test uikit : 3 lignes de a.csv"},
		{"uikit test: %d rows of %s", nil, "test uikit : %d lignes de %s"}, // no args: not formatted
		{"uikit test: 100% done", nil, "test uikit : 100 % fait"},
	} {
		if got := Tr(c.key, c.args...); got != c.want {
			t.Errorf("Tr(%q, %v) = %q, want %q", c.key, c.args, got, c.want)
		}
	}
}
