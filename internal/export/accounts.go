package export

import (
	"io"

	"carnet/internal/domain"
)

// accountsSink writes the customers' accounts for the accounting software
// (seed 004): one line per customer, its auxiliary account or, when it has
// none, the "Clients divers" account of the settings, then what the
// accountant needs to recognise it. CSV ";" UTF-8 with BOM, the form the
// French accounting packages import.
type accountsSink struct {
	csv    *csvSink
	sundry string
}

// accountColumns are the accounting export's columns after the account.
var accountColumns = []struct {
	key, fr, en string
}{
	{"account_number", "Compte", "Account"},
	{"name", "Nom", "Name"},
	{"billing_line1", "Adresse", "Address"},
	{"billing_line2", "Complément d’adresse", "Address line 2"},
	{"postcode", "Code postal", "Postcode"},
	{"city", "Ville", "City"},
	{"country", "Pays", "Country"},
	{"siret", "SIRET", "SIRET"},
	{"vat_number", "N° TVA intracommunautaire", "EU VAT number"},
	{"email", "E-mail", "Email"},
	{"phone", "Téléphone", "Phone"},
	{"code", "Code client", "Customer code"},
}

func newAccountsSink(w io.Writer, sundry, lang string) (*accountsSink, error) {
	s := &accountsSink{sundry: sundry}
	cols := make([]column, len(accountColumns))
	for i, ac := range accountColumns {
		cols[i] = column{header: domain.Message{FR: ac.fr, EN: ac.en}.In(lang), kind: cellText, value: s.reader(ac.key, lang)}
	}
	csv, err := newCSVSink(w, cols, "fr", false) // ";" whatever the language: accounting files are French
	if err != nil {
		return nil, err
	}
	s.csv = csv
	return s, nil
}

func (s *accountsSink) reader(key, lang string) func(c *domain.Customer) any {
	switch key {
	case "account_number":
		return func(c *domain.Customer) any {
			if c.AccountNumber != "" {
				return c.AccountNumber
			}
			return s.sundry
		}
	case "name":
		return func(c *domain.Customer) any { return c.Name() }
	case "phone":
		return func(c *domain.Customer) any { return readablePhone(c.FirstPhone()) }
	}
	return func(c *domain.Customer) any { return cellOf(key, c.Get(key), lang) }
}

func (s *accountsSink) Write(c *domain.Customer) (string, error) { return s.csv.Write(c) }
func (s *accountsSink) Close() error                             { return s.csv.Close() }
