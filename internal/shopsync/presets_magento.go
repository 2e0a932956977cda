package shopsync

// Magento 2 exports customers from System › Data Transfer › Export in
// three entity files (samples in the corpus, magento/): the Customers
// Main File (email, _website, firstname…: no customer ID), Customer
// Addresses (_website, _email, then the address; its _entity_id is the
// address's own number, not the customer's) and the composite Customers
// and Addresses file (the main file's columns, then _address_*; a row
// whose customer columns are empty is one more address of the customer
// above). The admin's Customers grid (Customers › All Customers › Export)
// is read too: it is the one that carries the customer ID.

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/sheet"
)

var magentoMainColumns = map[string][]string{
	"id":         {"entity_id", "_entity_id"},
	"email":      {"email"},
	"website":    {"_website"},
	"firstname":  {"firstname"},
	"middlename": {"middlename"},
	"lastname":   {"lastname"},
	"prefix":     {"prefix"},
	"gender":     {"gender"},
	"taxvat":     {"taxvat"},
}

// magentoAddressColumns are the address columns, named with prefix in the
// composite file ("_address_city") and without in the address file.
func magentoAddressColumns(prefix string) map[string][]string {
	cols := map[string][]string{}
	for _, f := range []string{"firstname", "lastname", "company", "street", "postcode", "city",
		"country_id", "telephone", "vat_id", "default_billing_", "default_shipping_"} {
		name := prefix + f
		if strings.HasPrefix(f, "default_") {
			name = "_address_" + f // the flags keep their prefix in both files
		}
		cols["addr_"+f] = []string{name}
	}
	return cols
}

func mergeColumns(maps ...map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

var magentoKinds = []*fileKind{
	{role: roleCustomers, name: domain.Message{FR: "fichier principal des clients", EN: "customers main file"},
		columns: magentoMainColumns, required: []string{"email", "website", "firstname", "lastname"}},
	{role: roleComposite, name: domain.Message{FR: "fichier composite clients et adresses", EN: "customers and addresses (composite) file"},
		columns:  mergeColumns(magentoMainColumns, magentoAddressColumns("_address_")),
		required: []string{"email", "website", "addr_street", "addr_city"}},
	{role: roleAddresses, name: domain.Message{FR: "fichier des adresses", EN: "customer addresses file"},
		columns: mergeColumns(magentoAddressColumns(""), map[string][]string{
			"email": {"_email"}, "website": {"_website"}}),
		required: []string{"email", "website", "addr_street", "addr_city"}},
	{role: roleCustomers, name: domain.Message{FR: "grille Clients de l’administration", EN: "admin Customers grid"},
		columns: map[string][]string{
			"grid_id": {"ID"}, "name": {"Name"}, "email": {"Email"}, "phone": {"Phone"},
			"postcode": {"ZIP"}, "country": {"Country"}, "street": {"Street Address"}, "city": {"City"},
			"company": {"Company"}, "vat": {"VAT Number", "Tax VAT Number"}, "gender": {"Gender"},
			"firstname": {"Billing Firstname"}, "lastname": {"Billing Lastname"}, "website": {"Web Site"},
		},
		required: []string{"grid_id", "name", "email", "website"}},
}

// magentoAddress is one address of a customer, with Magento's default
// flags.
type magentoAddress struct {
	domain.Address
	billing, shipping   bool
	company, phone, vat string
}

type magentoReader struct {
	set   *customerSet
	addrs map[*WebCustomer][]magentoAddress
}

// readMagento reads the customers (main file, composite file, grid), then
// joins each address to its customer by e-mail and website (by e-mail
// alone when the website differs, as the grid names websites rather than
// coding them). The address flagged default billing is the billing
// address, the one flagged default shipping the shipping address; without
// flags the first address is the billing one and the second the shipping
// one. An address whose customer is in no file given makes a customer of
// its own (without shop ID).
func readMagento(tables []*table) ([]WebCustomer, error) {
	m := magentoReader{set: newCustomerSet(), addrs: map[*WebCustomer][]magentoAddress{}}
	for _, t := range tables {
		var last *WebCustomer // the composite file's customer above
		for _, r := range t.rows {
			switch {
			case t.has("grid_id"):
				m.gridRow(t, r)
			case t.kind.role == roleAddresses:
				m.addAddress(m.owner(t, r), t, r)
			case t.get(r, "email") == "" && t.get(r, "website") == "":
				if last != nil && t.kind.role == roleComposite {
					m.addAddress(last, t, r)
				}
			default:
				last = m.customerRow(t, r)
				if t.kind.role == roleComposite {
					m.addAddress(last, t, r)
				}
			}
		}
	}
	for _, c := range m.set.list {
		m.settle(c)
	}
	return m.set.result(), nil
}

func magentoKey(email, website string) string {
	if email == "" {
		return ""
	}
	return emailKey(email) + "|" + strings.ToLower(website)
}

func (m *magentoReader) customerRow(t *table, r sheet.Row) *WebCustomer {
	email, website := t.get(r, "email"), t.get(r, "website")
	if c := m.set.find(magentoKey(email, website)); c != nil {
		return c // listed twice: the first row stands, addresses add up
	}
	first := strings.TrimSpace(t.get(r, "firstname") + " " + t.get(r, "middlename"))
	title := civility(t.get(r, "prefix"))
	if title == "" {
		title = t.get(r, "prefix")
	}
	if title == "" {
		title = civility(t.get(r, "gender"))
	}
	c := &WebCustomer{ShopID: t.get(r, "id"), Email: email, Civility: title, FirstName: first,
		LastName: t.get(r, "lastname"), VATNumber: t.get(r, "taxvat"), Line: t.line(r)}
	m.set.add(c, magentoKey(email, website), emailKey(email))
	return c
}

// gridRow reads a row of the admin's Customers grid: its one address is
// the billing address (the grid's "Shipping Address" is one line of text
// that cannot be split into street, postcode and town).
func (m *magentoReader) gridRow(t *table, r sheet.Row) {
	id, email := t.get(r, "grid_id"), t.get(r, "email")
	if m.set.find(idKey(id), emailKey(email)) != nil {
		return
	}
	first, last := t.get(r, "firstname"), t.get(r, "lastname")
	if first == "" && last == "" {
		first, last = splitName(t.get(r, "name"))
	}
	c := &WebCustomer{ShopID: id, Email: email, Civility: civility(t.get(r, "gender")),
		FirstName: first, LastName: last, Company: t.get(r, "company"), VATNumber: t.get(r, "vat"),
		Line: t.line(r), Billing: domain.Address{Line1: t.get(r, "street"), Postcode: t.get(r, "postcode"),
			City: t.get(r, "city"), Country: t.get(r, "country")}}
	addPhone(c, t.get(r, "phone"))
	m.set.add(c, idKey(id), magentoKey(email, t.get(r, "website")), emailKey(email))
}

// owner is the customer of an address file's row, made from the address
// when no file given lists them.
func (m *magentoReader) owner(t *table, r sheet.Row) *WebCustomer {
	email, website := t.get(r, "email"), t.get(r, "website")
	if c := m.set.find(magentoKey(email, website), emailKey(email)); c != nil {
		return c
	}
	c := &WebCustomer{Email: email, FirstName: t.get(r, "addr_firstname"),
		LastName: t.get(r, "addr_lastname"), Line: t.line(r)}
	m.set.add(c, magentoKey(email, website), emailKey(email))
	return c
}

func (m *magentoReader) addAddress(c *WebCustomer, t *table, r sheet.Row) {
	line1, line2 := streetLines(t.get(r, "addr_street"))
	a := magentoAddress{
		Address: domain.Address{Line1: line1, Line2: line2, Postcode: t.get(r, "addr_postcode"),
			City: t.get(r, "addr_city"), Country: t.get(r, "addr_country_id")},
		billing:  t.get(r, "addr_default_billing_") == "1",
		shipping: t.get(r, "addr_default_shipping_") == "1",
		company:  t.get(r, "addr_company"), phone: t.get(r, "addr_telephone"), vat: t.get(r, "addr_vat_id"),
	}
	if a.IsEmpty() && a.Country == "" {
		return // a composite row of a customer without address
	}
	m.addrs[c] = append(m.addrs[c], a)
}

// settle chooses the billing and shipping addresses of c among those read.
func (m *magentoReader) settle(c *WebCustomer) {
	addrs := m.addrs[c]
	if len(addrs) == 0 {
		return
	}
	bill, ship := -1, -1
	for i, a := range addrs {
		if a.billing && bill < 0 {
			bill = i
		}
		if a.shipping && ship < 0 {
			ship = i
		}
	}
	if bill < 0 {
		bill = 0
	}
	if ship < 0 {
		for i := range addrs {
			if i != bill {
				ship = i
				break
			}
		}
	}
	b := addrs[bill]
	c.Billing = b.Address
	fillEmpty(&c.Company, b.company)
	fillEmpty(&c.VATNumber, b.vat)
	addPhone(c, b.phone)
	if ship >= 0 {
		c.Shipping = addrs[ship].Address
		addPhone(c, addrs[ship].phone)
	}
}
