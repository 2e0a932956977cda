package shopsync

import (
	"strings"
	"testing"

	"carnet/internal/domain"
)

func TestCodesArePrefixZerosAndIDToTheLength(t *testing.T) {
	set := DefaultSettings // WEB, 10
	for _, tc := range []struct {
		id, want, err string
	}{
		{"42", "WEB0000042", ""},
		{"1234567", "WEB1234567", ""},
		{"12345678", "", "ne tient pas"}, // 3 + 8 > 10: never cut
		{"", "", "numéro client"},
		{"4 2", "", "lettres, chiffres"},
	} {
		got, err := set.CodeFor(tc.id)
		if tc.err == "" {
			if err != nil || got != tc.want || len(got) != 10 {
				t.Errorf("CodeFor(%q) = %q, %v; want %q", tc.id, got, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(domain.UserMessage(err, "fr"), tc.err) {
			t.Errorf("CodeFor(%q) = %q, %v; want an error saying %q", tc.id, got, err, tc.err)
		}
		if err != nil && tc.id != "" && !strings.Contains(domain.UserMessage(err, "fr"), tc.id) {
			t.Errorf("the error does not name the ID %q: %s", tc.id, domain.UserMessage(err, "fr"))
		}
	}
}

func TestSettingsThatCannotWorkAreRefusedWithTheReason(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Settings)
		want string
	}{
		{"accent in the prefix", func(s *Settings) { s.CodePrefix = "WÉB" }, "sans espace ni accent"},
		{"length 0", func(s *Settings) { s.CodeLength = 0 }, "de 1 à 20"},
		{"length 21", func(s *Settings) { s.CodeLength = 21 }, "de 1 à 20"},
		{"no room for the ID", func(s *Settings) { s.CodePrefix, s.CodeLength = "WEB", 3 }, "aucune place"},
		{"catch-all without its customer", func(s *Settings) { s.AccountMode = AccountCatchAll }, "choisissez le client"},
		{"shared account empty", func(s *Settings) { s.LedgerMode = LedgerSame }, "Compte comptable commun"},
		{"account prefix too long", func(s *Settings) { s.LedgerMode, s.LedgerPrefix, s.LedgerLength = LedgerPerCustomer, "411000", 6 }, "aucune place"},
	} {
		set := DefaultSettings
		tc.edit(&set)
		err := set.Check()
		if err == nil || !strings.Contains(domain.UserMessage(err, "fr"), tc.want) {
			t.Errorf("%s: %v, want a refusal saying %q", tc.name, err, tc.want)
		}
		if p := set.Preview("42").FR; !strings.Contains(p, tc.want) {
			t.Errorf("%s: the preview line %q does not say why", tc.name, p)
		}
	}
	if err := DefaultSettings.Check(); err != nil {
		t.Fatalf("default settings refused: %v", err)
	}
}

func TestPreviewShowsCodeAndAccount(t *testing.T) {
	set := DefaultSettings
	set.LedgerMode, set.LedgerPrefix, set.LedgerLength = LedgerPerCustomer, "411", 10
	if got := set.Preview("42").FR; got != "ID 42 → code WEB0000042, compte 4110000042" {
		t.Errorf("preview %q", got)
	}
	set.AccountMode, set.CatchAllCode, set.LedgerMode = AccountCatchAll, "WEBDIVERS", LedgerNone
	if got := set.Preview("42").FR; !strings.Contains(got, "client WEBDIVERS") || !strings.Contains(got, "laissé à la comptabilité") {
		t.Errorf("catch-all preview %q", got)
	}
}

func TestAccentsAndCapitalsAsTheSettingsAsk(t *testing.T) {
	set := DefaultSettings
	set.RemoveAccents, set.UpperName, set.UpperAddresses = true, true, false
	w := WebCustomer{LastName: "Lefèvre", FirstName: "Zoé", Billing: domain.Address{Line1: "3 rue de l’Église", City: "Orléans"}}
	row := set.row(w, "WEB0000001", "")
	if row["last_name"] != "LEFEVRE" || row["first_name"] != "ZOE" || row["billing_line1"] != "3 rue de l’Eglise" || row["city"] != "Orleans" {
		t.Errorf("row %v", row)
	}
}
