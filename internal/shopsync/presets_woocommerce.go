package shopsync

// WooCommerce core has no customer export of its own: shops export with a
// plugin that writes WooCommerce's field names (customer_id,
// customer_email, billing_first_name…, shipping_…), like the Subscriptions
// importer's sample in the corpus (woocommerce/wcs-import-sample.csv), or
// download Analytics › Customers (Name, Username, Email, Orders, Total
// spend…; older builds capitalise "Total Spend").

import (
	"carnet/internal/domain"
	"carnet/internal/sheet"
)

var woocommerceKinds = []*fileKind{
	{role: roleCustomers, name: domain.Message{FR: "export aux colonnes customer_*, billing_*, shipping_*", EN: "export with customer_*, billing_*, shipping_* columns"},
		columns: map[string][]string{
			"id":                 {"customer_id", "user_id"},
			"username":           {"customer_username", "user_login", "username"},
			"email":              {"customer_email", "user_email", "email"},
			"first_name":         {"first_name", "customer_first_name"},
			"last_name":          {"last_name", "customer_last_name"},
			"billing_first_name": {"billing_first_name"},
			"billing_last_name":  {"billing_last_name"},
			"billing_email":      {"billing_email"},
			"billing_phone":      {"billing_phone"},
			"billing_company":    {"billing_company"},
			"billing_address_1":  {"billing_address_1"},
			"billing_address_2":  {"billing_address_2"},
			"billing_postcode":   {"billing_postcode"},
			"billing_city":       {"billing_city"},
			"billing_country":    {"billing_country"},
			"shipping_address_1": {"shipping_address_1"},
			"shipping_address_2": {"shipping_address_2"},
			"shipping_postcode":  {"shipping_postcode"},
			"shipping_city":      {"shipping_city"},
			"shipping_country":   {"shipping_country"},
			"shipping_phone":     {"shipping_phone"},
			// An order or subscription per row, in order exports and in
			// the Subscriptions importer's file.
			"order_total":  {"order_total"},
			"order_number": {"order_number", "order_id", "subscription_id"},
			"order_date":   {"order_date", "date_created", "date", "start_date"},
			// Counts and totals per customer, in customer exports.
			"order_count": {"order_count", "orders_count"},
			"total_spent": {"total_spent", "money_spent"},
		},
		required: []string{"billing_first_name", "billing_last_name"}},
	{role: roleCustomers, name: domain.Message{FR: "téléchargement Analytics › Clients", EN: "Analytics › Customers download"},
		columns: map[string][]string{
			"name":     {"Name"},
			"username": {"Username"},
			"email":    {"Email"},
			"orders":   {"Orders"},
			"spend":    {"Total spend"},
			"country":  {"Country / Region", "Country"},
			"city":     {"City"},
			"postcode": {"Postal code"},
		},
		required: []string{"name", "username", "email", "orders", "spend"}},
}

// readWooCommerce reads one customer per customer: rows of one customer
// (same customer_id, or same e-mail, or same username) are merged, each
// row with an order_total being one order of that customer, dated by the
// order's date or, in a subscriptions file, its start date.
func readWooCommerce(tables []*table) ([]WebCustomer, error) {
	set := newCustomerSet()
	for _, t := range tables {
		read := woocommerceRow
		if t.has("name") {
			read = woocommerceAnalyticsRow
		}
		for _, r := range t.rows {
			if err := read(set, t, r); err != nil {
				return nil, err
			}
		}
	}
	return set.result(), nil
}

func woocommerceRow(set *customerSet, t *table, r sheet.Row) error {
	id, username := t.get(r, "id"), t.get(r, "username")
	email := t.get(r, "email")
	if email == "" {
		email = t.get(r, "billing_email")
	}
	var userKey string
	if username != "" {
		userKey = "user:" + username
	}
	if id == "" && email == "" && username == "" {
		return nil // a row about nobody (a blank line of a plugin's file)
	}
	c := set.find(idKey(id), emailKey(email), userKey)
	if c == nil {
		c = &WebCustomer{Line: t.line(r)}
		set.add(c)
	}
	set.remember(c, idKey(id), emailKey(email), userKey)
	fillEmpty(&c.ShopID, id)
	fillEmpty(&c.Email, email)
	first, last := t.get(r, "first_name"), t.get(r, "last_name")
	if first == "" && last == "" {
		first, last = t.get(r, "billing_first_name"), t.get(r, "billing_last_name")
	}
	fillEmpty(&c.FirstName, first)
	fillEmpty(&c.LastName, last)
	fillEmpty(&c.Company, t.get(r, "billing_company"))
	if c.Billing.IsEmpty() {
		c.Billing = domain.Address{Line1: t.get(r, "billing_address_1"), Line2: t.get(r, "billing_address_2"),
			Postcode: t.get(r, "billing_postcode"), City: t.get(r, "billing_city"), Country: t.get(r, "billing_country")}
	}
	if c.Shipping.IsEmpty() {
		c.Shipping = domain.Address{Line1: t.get(r, "shipping_address_1"), Line2: t.get(r, "shipping_address_2"),
			Postcode: t.get(r, "shipping_postcode"), City: t.get(r, "shipping_city"), Country: t.get(r, "shipping_country")}
	}
	addPhone(c, t.get(r, "billing_phone"))
	addPhone(c, t.get(r, "shipping_phone"))

	total, ok, err := amount(t, r, "order_total")
	if err != nil {
		return err
	}
	if ok {
		c.Orders = append(c.Orders, Order{Number: t.get(r, "order_number"),
			Date: date(t.get(r, "order_date")), Total: total, Count: 1})
	}
	if t.has("order_count") {
		n, err := count(t, r, "order_count")
		if err != nil {
			return err
		}
		spent, _, err := amount(t, r, "total_spent")
		if err != nil {
			return err
		}
		c.Orders = append(c.Orders, summaryOrder(n, spent)...)
	}
	return nil
}

// woocommerceAnalyticsRow reads a row of Analytics › Customers: one
// customer with the town of their last order, and their orders as one
// count and total.
func woocommerceAnalyticsRow(set *customerSet, t *table, r sheet.Row) error {
	email := t.get(r, "email")
	var userKey string
	if u := t.get(r, "username"); u != "" {
		userKey = "user:" + u
	}
	if email == "" && userKey == "" {
		return nil
	}
	if set.find(emailKey(email), userKey) != nil {
		return nil // listed twice: the first row stands
	}
	first, last := splitName(t.get(r, "name"))
	c := &WebCustomer{Email: email, FirstName: first, LastName: last, Line: t.line(r),
		Billing: domain.Address{Postcode: t.get(r, "postcode"), City: t.get(r, "city"), Country: t.get(r, "country")}}
	n, err := count(t, r, "orders")
	if err != nil {
		return err
	}
	spent, _, err := amount(t, r, "spend")
	if err != nil {
		return err
	}
	c.Orders = summaryOrder(n, spent)
	set.add(c, emailKey(email), userKey)
	return nil
}
