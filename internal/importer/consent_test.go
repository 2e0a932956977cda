package importer

import (
	"context"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// Headers that shops, ERPs and French spreadsheets give the marketing
// consent are suggested as it; the technical columns around a newsletter
// (its date, the subscriber's IP, a subscription's status) are not.
func TestSuggestFindsTheMarketingConsent(t *testing.T) {
	im, _ := newImporter(t)
	cases := []struct {
		name, headers, row string // ";"-separated
		want               []string
	}{
		{"Shopify 2022+: the e-mail consent, not the SMS one",
			"Customer ID;First Name;Last Name;Email;Accepts Email Marketing;Accepts SMS Marketing;Tags",
			"'7012345;Léa;Durand;lea@exemple.fr;yes;no;VIP",
			[]string{Ignore, "first_name", "last_name", "email", "marketing_consent", Ignore, "groups"}},
		{"Shopify's older export", "Email;Accepts Marketing", "lea@exemple.fr;no", []string{"email", "marketing_consent"}},
		{"Shopify's marketing state", "Email;Email Marketing Consent", "lea@exemple.fr;not_subscribed", []string{"email", "marketing_consent"}},
		{"WooCommerce / PrestaShop newsletter", "Nom;Newsletter", "Durand;1", []string{"last_name", "marketing_consent"}},
		{"PrestaShop technical names", "lastname;optin", "Durand;0", []string{"last_name", "marketing_consent"}},
		{"Opt-in", "Nom;Opt-in", "Durand;Oui", []string{"last_name", "marketing_consent"}},
		{"Magento's newsletter grid", "Name;Newsletter subscription", "Durand;Subscribed", []string{"last_name", "marketing_consent"}},
		{"Magento's attribute", "lastname;is_subscribed", "Durand;1", []string{"last_name", "marketing_consent"}},
		{"French: consentement", "Nom;Consentement", "Durand;Non", []string{"last_name", "marketing_consent"}},
		{"French: accepte les offres", "Nom;Accepte les offres", "Durand;Oui", []string{"last_name", "marketing_consent"}},
		{"French: opt in newsletter", "Nom;Opt in newsletter", "Durand;X", []string{"last_name", "marketing_consent"}},
		{"French: accepte marketing", "Nom;Accepte marketing", "Durand;Non", []string{"last_name", "marketing_consent"}},
		{"Carnet's own label", "Nom;Consentement marketing", "Durand;Non demandé", []string{"last_name", "marketing_consent"}},
		{"what is around a newsletter is not the consent",
			"Nom;newsletter_date_add;ip_registration_newsletter;subscription_status",
			"Durand;2024-03-01 10:00:00;81.56.12.3;wc-active",
			[]string{"last_name", Ignore, Ignore, Ignore}},
	}
	for _, c := range cases {
		got, _, err := im.Suggest(context.Background(), strings.Split(c.headers, ";"), [][]string{strings.Split(c.row, ";")})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range got {
			if s.Field != c.want[i] {
				t.Errorf("%s: %q suggested %q (%s), want %q", c.name, s.Header, s.Field, s.Reason.EN, c.want[i])
			}
		}
	}
}

// consentOf is the stored consent of the customer with email.
func consentOf(t *testing.T, im *Importer, email string) domain.Consent {
	t.Helper()
	return customerByEmail(t, im.svc, email).MarketingConsent
}

// A Shopify export (yes/no) and a newsletter column (1/0) store the
// answers; an empty cell keeps an existing customer's answer and leaves a
// new one not asked; the check lists the change by the answers' names;
// importing the file again changes nothing, and undo puts the answers back.
func TestImportStoresTheConsentAndUndoRestoresIt(t *testing.T) {
	ctx := context.Background()
	files := []struct{ name, text string }{
		{"shopify.csv", "First Name,Last Name,Email,Accepts Email Marketing\n" +
			"Paul,Martin,paul@example.fr,no\nAnne,Neuf,anne@example.fr,yes\nLéa,Vide,lea@example.fr,\nJean,Garde,jean@example.fr,\n"},
		{"newsletter.csv", "Prénom;Nom;E-mail;Newsletter\n" +
			"Paul;Martin;paul@example.fr;0\nAnne;Neuf;anne@example.fr;1\nLéa;Vide;lea@example.fr;\nJean;Garde;jean@example.fr;\n"},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			im, svc := newImporter(t)
			for _, c := range []*domain.Customer{
				{LastName: "Martin", FirstName: "Paul", Email: "paul@example.fr", MarketingConsent: domain.ConsentYes},
				{LastName: "Garde", FirstName: "Jean", Email: "jean@example.fr", MarketingConsent: domain.ConsentNo},
			} {
				if err := svc.CreateCustomer(ctx, c); err != nil {
					t.Fatal(err)
				}
			}
			before := dump(t, svc)
			req := request(t, im, writeFile(t, f.name, f.text, false))
			if got := req.Mapping[3]; got != "marketing_consent" {
				t.Fatalf("the consent column is mapped to %q", got)
			}

			plan, err := im.Check(ctx, req, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range plan.Rows {
				if r.Line != 2 {
					continue
				}
				if len(r.Changes) != 1 || r.Changes[0].Field != "marketing_consent" || r.Changes[0].Old != "Oui" || r.Changes[0].New != "Non" {
					t.Errorf("Paul's row plans %+v, want the consent from Oui to Non", r.Changes)
				}
			}

			res := commit(t, im, req)
			if c := res.Counts; c.Created != 2 || c.Updated != 1 || c.Unchanged != 1 || c.Errors != 0 {
				t.Fatalf("counts %+v: want Anne and Léa created, Paul updated, Jean unchanged", c)
			}
			for email, want := range map[string]domain.Consent{"paul@example.fr": domain.ConsentNo,
				"anne@example.fr": domain.ConsentYes, "lea@example.fr": domain.ConsentUnknown, "jean@example.fr": domain.ConsentNo} {
				if got := consentOf(t, im, email); got != want {
					t.Errorf("%s: consent %q, want %q", email, got, want)
				}
			}

			if c := commit(t, im, req).Counts; c.Unchanged != 4 || c.Created+c.Updated+c.Errors != 0 {
				t.Errorf("the same file again: %+v, want every row unchanged", c)
			}

			if _, err := im.Undo(ctx, res.Batch); err != nil {
				t.Fatal(err)
			}
			if got := consentOf(t, im, "paul@example.fr"); got != domain.ConsentYes {
				t.Errorf("after undo Paul's consent is %q, want yes again", got)
			}
			if after := dump(t, svc); after != before {
				t.Errorf("undo did not restore the database:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// A value the import cannot read is the row's error, naming the answers
// it accepts, and nothing is written for that row.
func TestUnreadableConsentIsTheRowsError(t *testing.T) {
	im, svc := newImporter(t)
	path := writeFile(t, "f.csv", "Nom;E-mail;Newsletter\nDurand;durand@example.fr;peut-être\nMartin;martin@example.fr;oui\n", false)
	plan, err := im.Check(context.Background(), request(t, im, path), nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Counts.Errors != 1 || plan.Counts.Created != 1 {
		t.Fatalf("counts %+v, want Durand in error and Martin created", plan.Counts)
	}
	for _, r := range plan.Rows {
		if r.Line == 2 && (len(r.Problems) == 0 || r.Problems[0].Field != "marketing_consent" ||
			!strings.Contains(r.Problems[0].Message.FR, "Non demandé")) {
			t.Errorf("Durand's row: %+v", r.Problems)
		}
	}
	if n := count(t, svc, `SELECT count(*) FROM customers`); n != 0 {
		t.Errorf("a check wrote %d customers", n)
	}
}
