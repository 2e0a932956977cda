package phone

import "testing"

// The cases of ../shared/corpus/validation (MANIFEST §6 rule 4).
func TestToE164(t *testing.T) {
	ok := []struct{ in, region, want string }{
		{"06 12 34 56 78", "FR", "+33612345678"},
		{"0612345678", "FR", "+33612345678"},
		{"06.12.34.56.78", "FR", "+33612345678"},
		{"06-12-34-56-78", "FR", "+33612345678"},
		{"+33 6 12 34 56 78", "FR", "+33612345678"},
		{"+33 (0)6 12 34 56 78", "FR", "+33612345678"},
		{"0033612345678", "FR", "+33612345678"},
		{"612345678", "FR", "+33612345678"},
		{"'06 12 34 56 78", "FR", "+33612345678"},
		{"0590 12 34 56", "FR", "+590590123456"},
		{"0696 12 34 56", "FR", "+596696123456"},
		{"0262 26 23 45", "FR", "+262262262345"},
		{"01 02 03 04 05", "", "+33102030405"},
		{" +443450507080", "FR", "+443450507080"},
	}
	for _, c := range ok {
		got, msg := Parser{}.ToE164(c.in, c.region)
		if msg != nil || got != c.want {
			t.Errorf("ToE164(%q) = %q, %v; want %q", c.in, got, msg, c.want)
		}
	}
	for _, bad := range []string{"6,12E+08", "07 00 00 00 00", "hello", "12"} {
		if got, msg := (Parser{}).ToE164(bad, "FR"); msg == nil {
			t.Errorf("ToE164(%q) = %q, want an error", bad, got)
		} else if msg.FR == "" || msg.EN == "" {
			t.Errorf("ToE164(%q): message missing a language: %+v", bad, msg)
		}
	}
}

func TestNationalAndSearchForms(t *testing.T) {
	if got := National("+33612345678"); got != "06 12 34 56 78" {
		t.Errorf("National = %q", got)
	}
	forms := SearchForms("+33612345678")
	if len(forms) != 2 || forms[1] != "0612345678" {
		t.Errorf("SearchForms = %v", forms)
	}
}
