package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"

	"carnet/internal/domain"
)

// The mail-merge CSV is the data source of a Word or LibreOffice mailing:
// one row per customer, one column per merge field, UTF-8 with a BOM (Word
// then reads the accents without asking), ";" in French because French
// Excel and Word split on it, "," in English, CRLF line ends.

// mailingColumns lists the merge fields in file order: the field key whose
// label heads the column (the importer's labels, so the names are familiar),
// and the cell for one customer.
var mailingColumns = []struct {
	key  string
	cell func(c *domain.Customer, a domain.Address, lang string) string
}{
	{"civility", func(c *domain.Customer, _ domain.Address, _ string) string { return personal(c, c.Civility) }},
	{"last_name", func(c *domain.Customer, _ domain.Address, _ string) string { return c.LastName }},
	{"first_name", func(c *domain.Customer, _ domain.Address, _ string) string { return c.FirstName }},
	{"company_name", func(c *domain.Customer, _ domain.Address, _ string) string { return c.CompanyName }},
	{"name", func(c *domain.Customer, _ domain.Address, _ string) string { return c.Name() }},
	{"billing_line1", func(_ *domain.Customer, a domain.Address, _ string) string { return a.Line1 }},
	{"billing_line2", func(_ *domain.Customer, a domain.Address, _ string) string { return a.Line2 }},
	{"postcode", func(_ *domain.Customer, a domain.Address, _ string) string { return a.Postcode }},
	{"city", func(_ *domain.Customer, a domain.Address, _ string) string { return a.City }},
	{"country", func(_ *domain.Customer, a domain.Address, lang string) string { return mailingCountry(a, lang) }},
	{"email", func(c *domain.Customer, _ domain.Address, _ string) string { return strings.TrimSpace(c.Email) }},
}

// displayNameLabel heads the display-name column, the one a letter opens
// with: "name" is not an importer field but is derived (company name, else
// last and first name), so it has no label there.
var displayNameLabel = domain.Message{FR: "Destinataire", EN: "Recipient"}

// personal returns v for a natural person and "" for a company: a company
// has no civility, even when an import left one behind.
func personal(c *domain.Customer, v string) string {
	if c.Kind == domain.KindCompany {
		return ""
	}
	return v
}

// mailingCountry leaves the country empty for France and writes the full
// name of any other country. A letter posted in France to a French address
// carries no country line (La Poste, NF Z 10-011), and mail-merge users
// most often drop a «Pays» field straight into their letter: an empty cell
// prints nothing there, and Word's "Address block" rule "include the
// country only if different from France" gives the same result.
func mailingCountry(a domain.Address, lang string) string {
	if isHomeCountry(a.Country) {
		return ""
	}
	return countryName(a.Country, lang)
}

type mailingCSV struct {
	buf  *bufio.Writer
	csv  *csv.Writer
	lang string
	row  []string
}

// newMailingCSV writes the BOM and the header row to w (buffered: errors
// show at the first Write or at Close).
func newMailingCSV(w io.Writer, lang string) sink {
	m := &mailingCSV{buf: bufio.NewWriterSize(w, 64<<10), lang: lang, row: make([]string, len(mailingColumns))}
	m.buf.WriteString("\ufeff")
	// csv.NewWriter reuses m.buf, which is already a large enough
	// *bufio.Writer, so the BOM and the rows share one buffer in order.
	m.csv = csv.NewWriter(m.buf)
	m.csv.UseCRLF = true
	if !strings.HasPrefix(strings.ToLower(lang), "en") {
		m.csv.Comma = ';'
	}
	for i, col := range mailingColumns {
		label := domain.FieldLabel(col.key, lang)
		if col.key == "name" {
			label = displayNameLabel.In(lang)
		}
		m.row[i] = label
	}
	m.csv.Write(m.row)
	return m
}

func (m *mailingCSV) Write(c *domain.Customer) (string, error) {
	a := postalAddress(c)
	if strings.TrimSpace(c.Email) == "" && !hasPostalAddress(a) {
		return SkipNoContact, nil
	}
	for i, col := range mailingColumns {
		m.row[i] = Neutralise(strings.TrimSpace(col.cell(c, a, m.lang)))
	}
	return "", m.csv.Write(m.row)
}

func (m *mailingCSV) Close() error {
	m.csv.Flush()
	return m.csv.Error()
}
