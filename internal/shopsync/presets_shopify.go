package shopsync

// Shopify exports customers in two layouts and orders in a third (Admin ›
// Customers › Export, Admin › Orders › Export; fixtures in
// testdata/shopsync/, the corpus has none):
//
//   - before 2022: First Name, Last Name, Email, Company, Address1,
//     Address2, City, Province, Province Code, Country, Country Code, Zip,
//     Phone, Accepts Marketing, Total Spent, Total Orders, Tags, Note, Tax
//     Exempt; no customer ID;
//   - since 2022: Customer ID, First Name, Last Name, Email, Accepts Email
//     Marketing, Default Address Company, Default Address Address1…,
//     Default Address Country Code, Default Address Zip, Default Address
//     Phone, Phone, Accepts SMS Marketing, Total Spent, Total Orders, Note,
//     Tax Exempt, Tags;
//   - orders: one line per order item. What this preset relies on: every
//     line of an order has its Name ("#1001"); the order's own columns
//     (Email, Financial Status, Paid at, Total, Created at, Billing…,
//     Shipping…, Cancelled at) are filled on its first line and may be
//     blank on the item lines that follow; Total is the order's amount,
//     taxes and shipping included, in the shop's currency. So the lines
//     are grouped by Name, and the order is read from the first of its
//     lines that carries a Total.
//
// Shopify protects numeric-looking cells with a leading "'" so that a
// spreadsheet keeps them as text ("'7012345678901", "'06 12 34 56 78",
// "'02101", sometimes even an e-mail): every cell of a Shopify file is
// read without it (table.quote).

import (
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/sheet"
)

var shopifyKinds = []*fileKind{
	{role: roleCustomers, name: domain.Message{FR: "export des clients", EN: "customers export"},
		columns: map[string][]string{
			"id":        {"Customer ID"},
			"firstname": {"First Name"},
			"lastname":  {"Last Name"},
			"email":     {"Email"},
			"consent":   {"Accepts Email Marketing", "Accepts Marketing"},
			"company":   {"Default Address Company", "Company"},
			"address1":  {"Default Address Address1", "Address1"},
			"address2":  {"Default Address Address2", "Address2"},
			"city":      {"Default Address City", "City"},
			"zip":       {"Default Address Zip", "Zip"},
			"country":   {"Default Address Country Code", "Country Code", "Country"},
			"addrphone": {"Default Address Phone"},
			"phone":     {"Phone"},
			"spent":     {"Total Spent"},
			"orders":    {"Total Orders"},
		},
		required: []string{"firstname", "lastname", "email", "spent", "orders"}},
	{role: roleOrders, name: domain.Message{FR: "export des commandes", EN: "orders export"},
		columns: map[string][]string{
			"name":      {"Name"},
			"email":     {"Email"},
			"financial": {"Financial Status"},
			"paid":      {"Paid at"},
			"created":   {"Created at"},
			"cancelled": {"Cancelled at"},
			"total":     {"Total"},
			"consent":   {"Accepts Marketing", "Accepts Email Marketing"},
			"phone":     {"Phone"},

			"billing_name":     {"Billing Name"},
			"billing_street":   {"Billing Street"},
			"billing_address1": {"Billing Address1"},
			"billing_address2": {"Billing Address2"},
			"billing_company":  {"Billing Company"},
			"billing_city":     {"Billing City"},
			"billing_zip":      {"Billing Zip"},
			"billing_country":  {"Billing Country"},
			"billing_phone":    {"Billing Phone"},

			"shipping_name":     {"Shipping Name"},
			"shipping_street":   {"Shipping Street"},
			"shipping_address1": {"Shipping Address1"},
			"shipping_address2": {"Shipping Address2"},
			"shipping_city":     {"Shipping City"},
			"shipping_zip":      {"Shipping Zip"},
			"shipping_country":  {"Shipping Country"},
			"shipping_phone":    {"Shipping Phone"},
		},
		required: []string{"name", "email", "financial", "total"}},
}

// readShopify reads the customers, then the orders: each order goes to the
// customer with its e-mail. A customer known only from orders is made
// from them, with the names and addresses of their latest order; an
// order without e-mail (a shop-counter sale) is a customer of its own,
// which only a catch-all account can take. Once a customer has orders
// from the orders file, the count and total of the customers file are
// dropped: they would count the same orders twice. Cancelled and voided
// orders are not recorded.
func readShopify(tables []*table) ([]WebCustomer, error) {
	s := shopifyReader{set: newCustomerSet(), latest: map[*WebCustomer]time.Time{},
		ordered: map[*WebCustomer]bool{}}
	for _, t := range tables {
		var err error
		if t.kind.role == roleOrders {
			err = s.orders(t)
		} else {
			err = s.customers(t)
		}
		if err != nil {
			return nil, err
		}
	}
	return s.set.result(), nil
}

type shopifyReader struct {
	set *customerSet
	// latest is the date of the order whose addresses a customer made
	// from orders carries.
	latest map[*WebCustomer]time.Time
	// ordered marks the customers that have orders from the orders file.
	ordered map[*WebCustomer]bool
}

func (s *shopifyReader) customers(t *table) error {
	for _, r := range t.rows {
		id, email := t.get(r, "id"), t.get(r, "email")
		if id == "" && email == "" {
			continue
		}
		if s.set.find(idKey(id), emailKey(email)) != nil {
			continue // listed twice: the first row stands
		}
		c := &WebCustomer{ShopID: id, Email: email, FirstName: t.get(r, "firstname"),
			LastName: t.get(r, "lastname"), Company: t.get(r, "company"),
			Consent: consent(t.get(r, "consent")), Line: t.line(r),
			Billing: domain.Address{Line1: t.get(r, "address1"), Line2: t.get(r, "address2"),
				Postcode: t.get(r, "zip"), City: t.get(r, "city"), Country: t.get(r, "country")}}
		addPhone(c, t.get(r, "addrphone"))
		addPhone(c, t.get(r, "phone"))
		n, err := count(t, r, "orders")
		if err != nil {
			return err
		}
		spent, _, err := amount(t, r, "spent")
		if err != nil {
			return err
		}
		c.Orders = summaryOrder(n, spent)
		s.set.add(c, idKey(id), emailKey(email))
	}
	return nil
}

// shopifyOrder is the lines of one order.
type shopifyOrder struct {
	head  sheet.Row // the line that carries the order's columns
	email string
	total bool // head has a Total
}

func (s *shopifyReader) orders(t *table) error {
	var list []*shopifyOrder
	byName := map[string]*shopifyOrder{}
	for _, r := range t.rows {
		name := t.get(r, "name")
		o := byName[name]
		if o == nil || name == "" {
			o = &shopifyOrder{head: r}
			list = append(list, o)
			if name != "" {
				byName[name] = o
			}
		}
		if !o.total && t.get(r, "total") != "" {
			o.head, o.total = r, true
		}
		fillEmpty(&o.email, t.get(r, "email"))
	}
	for _, o := range list {
		if err := s.order(t, o); err != nil {
			return err
		}
	}
	return nil
}

func (s *shopifyReader) order(t *table, o *shopifyOrder) error {
	r := o.head
	if !o.total || t.get(r, "cancelled") != "" || strings.EqualFold(t.get(r, "financial"), "voided") {
		return nil
	}
	total, _, err := amount(t, r, "total")
	if err != nil {
		return err
	}
	when := date(t.get(r, "created"))
	if when.IsZero() {
		when = date(t.get(r, "paid"))
	}
	c := s.set.find(emailKey(o.email))
	if c == nil {
		c = &WebCustomer{Email: o.email, Consent: consent(t.get(r, "consent")), Line: t.line(r)}
		s.set.add(c, emailKey(o.email))
		s.latest[c] = when
		s.addresses(t, r, c, true)
	} else if _, fromOrders := s.latest[c]; fromOrders && when.After(s.latest[c]) {
		s.latest[c] = when
		s.addresses(t, r, c, true)
	} else {
		s.addresses(t, r, c, false)
	}
	if !s.ordered[c] {
		s.ordered[c] = true
		c.Orders = nil // the customers file's count and total, now detailed
	}
	c.Orders = append(c.Orders, Order{Number: t.get(r, "name"), Date: when, Total: total, Count: 1})
	return nil
}

// addresses sets the names, addresses and phones of an order on its
// customer: all of them when replace (a customer made from orders, from
// their latest order), else only what the customer lacks.
func (s *shopifyReader) addresses(t *table, r sheet.Row, c *WebCustomer, replace bool) {
	name := t.get(r, "billing_name")
	if name == "" {
		name = t.get(r, "shipping_name")
	}
	first, last := splitName(name)
	billing := shopifyAddress(t, r, "billing_")
	shipping := shopifyAddress(t, r, "shipping_")
	if replace {
		if name != "" {
			c.FirstName, c.LastName = first, last
		}
		if co := t.get(r, "billing_company"); co != "" {
			c.Company = co
		}
		if !billing.IsEmpty() {
			c.Billing = billing
		}
		if !shipping.IsEmpty() {
			c.Shipping = shipping
		}
	} else {
		if c.FirstName == "" && c.LastName == "" {
			c.FirstName, c.LastName = first, last
		}
		fillEmpty(&c.Company, t.get(r, "billing_company"))
		if c.Billing.IsEmpty() {
			c.Billing = billing
		}
		if c.Shipping.IsEmpty() {
			c.Shipping = shipping
		}
	}
	addPhone(c, t.get(r, "billing_phone"))
	addPhone(c, t.get(r, "phone"))
	addPhone(c, t.get(r, "shipping_phone"))
}

// shopifyAddress reads an order's billing_ or shipping_ address: Address1
// and Address2 when the file has them, else its Street.
func shopifyAddress(t *table, r sheet.Row, side string) domain.Address {
	a := domain.Address{Line1: t.get(r, side+"address1"), Line2: t.get(r, side+"address2"),
		Postcode: t.get(r, side+"zip"), City: t.get(r, side+"city"), Country: t.get(r, side+"country")}
	if a.Line1 == "" && a.Line2 == "" {
		a.Line1 = t.get(r, side+"street")
	}
	return a
}
