package uikit

import "testing"

func TestSingularFollowsEachLanguage(t *testing.T) {
	for _, c := range []struct {
		n    int
		lang string
		want string
	}{
		{0, "fr", "0 client"}, {1, "fr", "1 client"}, {2, "fr", "2 clients"}, {1000, "fr", "1000 clients"},
		{0, "en", "0 customers"}, {1, "en", "1 customer"}, {2, "en", "2 customers"},
	} {
		one, other := "client", "clients"
		if c.lang == "en" {
			one, other = "customer", "customers"
		}
		got := itoa(c.n) + " " + Choose(c.n, c.lang, one, other)
		if got != c.want {
			t.Errorf("%d in %s: %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
