package shopsync

// What the presets share once a file is read: finding a customer again
// from another row or file, and reading the cells every shop has (names,
// amounts, counts, dates, consent).

import (
	"strconv"
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/sheet"
)

// customerSet gathers the web customers of a sync in the order they were
// first met, and finds one again by any of the keys it was remembered
// under (its shop ID, its e-mail…).
type customerSet struct {
	list  []*WebCustomer
	byKey map[string]*WebCustomer
}

func newCustomerSet() *customerSet {
	return &customerSet{byKey: make(map[string]*WebCustomer)}
}

// find returns the customer remembered under the first key that names
// one; empty keys are skipped.
func (s *customerSet) find(keys ...string) *WebCustomer {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if c := s.byKey[k]; c != nil {
			return c
		}
	}
	return nil
}

// add appends c and remembers it under keys.
func (s *customerSet) add(c *WebCustomer, keys ...string) {
	s.list = append(s.list, c)
	s.remember(c, keys...)
}

// remember files c under more keys (an ID or an e-mail learnt from a later
// row); a key already taken keeps its first customer.
func (s *customerSet) remember(c *WebCustomer, keys ...string) {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, taken := s.byKey[k]; !taken {
			s.byKey[k] = c
		}
	}
}

func (s *customerSet) result() []WebCustomer {
	out := make([]WebCustomer, len(s.list))
	for i, c := range s.list {
		out[i] = *c
	}
	return out
}

// idKey and emailKey are the keys of a shop ID and of an e-mail, which
// compares without case ("Peter.Pan@…" in one file, "peter.pan@…" in the
// other).
func idKey(id string) string {
	if id == "" {
		return ""
	}
	return "id:" + id
}

func emailKey(email string) string {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return ""
	}
	return "email:" + email
}

// splitName splits a full name written "First Last" (Shopify's Billing
// Name, WooCommerce's Name): the first word is the first name, the rest
// the last name ("Anne-Marie de La Tour" → "Anne-Marie", "de La Tour").
func splitName(full string) (first, last string) {
	full = strings.Join(strings.Fields(full), " ")
	first, last, found := strings.Cut(full, " ")
	if !found {
		return "", first // a single word is a surname more often than not
	}
	return first, last
}

// civility reads a title: PrestaShop's gender number (1 = M., 2 = Mme) or a
// written title in French or English.
func civility(s string) string {
	switch strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".") {
	case "1", "m", "mr", "monsieur", "male", "homme":
		return "M."
	case "2", "mme", "mrs", "ms", "miss", "mlle", "madame", "mademoiselle", "female", "femme":
		return "Mme"
	}
	return ""
}

// consent reads a shop's marketing consent cell; what it cannot read is
// not asked, rather than a refusal the customer never gave.
func consent(s string) domain.Consent {
	v, _, p := fieldparse.Consent(s)
	if p.IsError() {
		return domain.ConsentUnknown
	}
	return domain.Consent(v)
}

// amount reads a money cell in cents ("12,50", "12.50", "€12.50"); an
// empty cell is ok == false. A cell that is not an amount is an error that
// names the file, the row and the column, since a total read wrong would
// go into the customer's history.
func amount(t *table, r sheet.Row, field string) (cents int64, ok bool, err error) {
	v, empty, p := fieldparse.Money(t.get(r, field))
	if p.IsError() {
		return 0, false, cellError(t, r, field, p)
	}
	return v, !empty, nil
}

// count reads a number of orders; empty is 0.
func count(t *table, r sheet.Row, field string) (int, error) {
	v, _, p := fieldparse.Int(t.get(r, field))
	if p.IsError() {
		return 0, cellError(t, r, field, p)
	}
	if v < 0 {
		v = 0
	}
	return int(v), nil
}

// date reads an order date ("2024-05-01 10:00:00 +0200", "2016-04-29
// 00:44:44"); a date it cannot read is left unknown (zero): the order
// still counts, only its date is missing.
func date(s string) time.Time {
	d, p := fieldparse.Date(s, fieldparse.DateOptions{})
	if p.IsError() {
		return time.Time{}
	}
	return d
}

// summaryOrder is the order that stands for a count and a total of orders
// when the export gives no more; none for no order.
func summaryOrder(n int, total int64) []Order {
	if n <= 0 {
		return nil
	}
	return []Order{{Total: total, Count: n}}
}

// addPhone adds a phone number once.
func addPhone(c *WebCustomer, phone string) {
	phone = strings.TrimSpace(phone)
	if phone == "" {
		return
	}
	for _, p := range c.Phones {
		if p == phone {
			return
		}
	}
	c.Phones = append(c.Phones, phone)
}

// streetLines splits a street written on several lines (Magento keeps
// them in one cell, one per line) into the address's two lines, the
// lines after the second joined to it so that nothing is lost.
func streetLines(s string) (line1, line2 string) {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	switch len(lines) {
	case 0:
		return "", ""
	case 1:
		return lines[0], ""
	}
	return lines[0], strings.Join(lines[1:], ", ")
}

// fillEmpty sets *dst to v when *dst is empty: a later row completes what
// the first left blank, never overwrites it.
func fillEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// cellError says which cell of which file cannot be read, and why.
func cellError(t *table, r sheet.Row, field string, p *fieldparse.Problem) error {
	line := strconv.Itoa(r.Line)
	return &domain.Error{Code: "shop_file_cell", Message: domain.Message{
		FR: t.file + ", ligne " + line + ", colonne « " + t.header(field) + " » : " + p.FR,
		EN: t.file + ", line " + line + ", column \"" + t.header(field) + "\": " + p.EN,
	}}
}
