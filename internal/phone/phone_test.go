package phone

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

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
	for e164, want := range map[string]string{"+33612345678": "0612345678", "+590590123456": "0590123456",
		"+262692123456": "0692123456", "+443450507080": "443450507080", "+508411234": "508411234"} {
		if got := SearchForm(e164); got != want {
			t.Errorf("SearchForm(%q) = %q, want %q", e164, got, want)
		}
	}
	for typed, want := range map[string]string{"+33 6 12": "0612", "0033 6 12": "0612", "+33 (0)6 12": "0612",
		"06 12": "0612", "+590 590 12": "059012", "+44 3450": "443450", "612 34": "61234", "+33": "33",
		"+508 41 12 34": "508411234", "33612345678": "0612345678", "336123": "336123", "590590123456": "0590123456"} {
		if got := SearchQuery(typed); got != want {
			t.Errorf("SearchQuery(%q) = %q, want %q", typed, got, want)
		}
	}
}

// The shortcut for national numbers must answer exactly as
// libphonenumber's Parse: every prefix of the French plan is tried with a
// few endings, in each of the written forms.
func TestMainlandShortcutAgreesWithParse(t *testing.T) {
	endings := []string{"000000", "123456", "999999", "505050"}
	if testing.Short() {
		endings = endings[:2]
	}
	for p := 100; p <= 999; p++ {
		for _, end := range endings {
			d := fmt.Sprintf("0%d%s", p, end)
			for _, written := range []string{d, d[:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:8] + " " + d[8:], d[:2] + "." + d[2:4] + "." + d[4:6] + "." + d[6:8] + "." + d[8:]} {
				got, gotMsg := Parser{}.ToE164(written, "FR")
				want := ""
				region := "FR"
				for _, o := range overseasPrefixes {
					if strings.HasPrefix(d, o.prefix) {
						region = o.region
					}
				}
				num, err := phonenumbers.Parse(written, region)
				if err == nil && phonenumbers.IsValidNumber(num) {
					want = phonenumbers.Format(num, phonenumbers.E164)
				}
				if got != want || (gotMsg == nil) != (want != "") {
					t.Fatalf("%q: shortcut gives %q (%v), Parse gives %q", written, got, gotMsg, want)
				}
			}
		}
	}
}

func BenchmarkToE164National(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		Parser{}.ToE164(fmt.Sprintf("06 %02d 34 56 %02d", i%100, i/100%100), "FR")
	}
}

// frenchValid must answer as libphonenumber's IsValidNumber on every
// French number: every four-digit start of the nine digits, with endings
// of low, middle and high digits (the plan's patterns tell numbers apart
// by their first digits), and the plan must be the one +33 is valid under.
func TestFrenchValidityAgreesWithLibphonenumber(t *testing.T) {
	if regions := phonenumbers.GetRegionCodesForCountryCode(33); !slices.Equal(regions, []string{"FR"}) {
		t.Fatalf("+33 is the plan of %v, not of FR alone: IsValidNumber would look elsewhere", regions)
	}
	if frenchPlan() == nil {
		t.Fatal("no French plan in libphonenumber's metadata: every number goes the slow way")
	}
	endings := []string{"00000", "57291", "99999"}
	if testing.Short() {
		endings = endings[1:2]
	}
	cc := int32(33)
	valid := 0
	for start := 1000; start <= 9999; start++ {
		for _, end := range endings {
			nsn := strconv.Itoa(start) + end
			n, _ := strconv.ParseUint(nsn, 10, 64)
			want := phonenumbers.IsValidNumber(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &n})
			if got := frenchValid(nsn); got != want {
				t.Fatalf("+33 %s: frenchValid %v, libphonenumber %v", nsn, got, want)
			}
			if want {
				valid++
			}
		}
	}
	if valid == 0 {
		t.Fatal("no valid number among those tried: the comparison proves nothing")
	}
}
