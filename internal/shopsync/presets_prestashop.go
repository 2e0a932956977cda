package shopsync

// PrestaShop exports customers and their addresses in two ";" files
// (Customers › Import / Export; samples in the corpus, prestashop/). Its
// labels carry "*" marks and hints ("Titles ID (Mr = 1, Ms = 2, else 0)"),
// which headerKey drops; the technical names of its import tests (email,
// passwd, lastname…) and the labels of the back office's customer list
// (Social title, Newsletter, Partner offers…, English or French) are read
// too.

import (
	"carnet/internal/domain"
	"carnet/internal/sheet"
)

var prestashopCustomerColumns = map[string][]string{
	"id":         {"Customer ID", "ID", "id_customer", "ID client"},
	"title":      {"Titles ID", "Social title", "Titre", "Titres ID", "id_gender"},
	"email":      {"Email", "E-mail", "Email address", "Adresse e-mail"},
	"password":   {"Password", "passwd", "Mot de passe"},
	"lastname":   {"Last Name", "Lastname", "Nom"},
	"firstname":  {"First Name", "Firstname", "Prénom"},
	"newsletter": {"Newsletter"},
	// "Opt-in" is the partner offers box, not the shop's own newsletter:
	// it is read only to tell the back office's list, never as consent.
	"optin":   {"Opt-in", "optin", "Partner offers", "Offres partenaires"},
	"company": {"Company", "Société", "Entreprise"},
}

var prestashopKinds = []*fileKind{
	{role: roleCustomers, name: domain.Message{FR: "fichier clients", EN: "customers file"},
		columns: prestashopCustomerColumns, required: []string{"email", "lastname", "firstname", "password"}},
	{role: roleCustomers, name: domain.Message{FR: "liste des clients du back-office", EN: "back-office customer list"},
		columns: prestashopCustomerColumns, required: []string{"email", "lastname", "firstname", "newsletter", "optin"}},
	{role: roleAddresses, name: domain.Message{FR: "fichier adresses", EN: "addresses file"},
		columns: map[string][]string{
			"alias":        {"Alias"},
			"email":        {"Customer e-mail", "Customer email", "customer_email", "E-mail client"},
			"customer":     {"Customer ID", "id_customer", "ID client"},
			"manufacturer": {"Manufacturer", "Fabricant"},
			"supplier":     {"Supplier", "Fournisseur"},
			"company":      {"Company", "Société"},
			"lastname":     {"Lastname", "Last Name", "Nom"},
			"firstname":    {"Firstname", "First Name", "Prénom"},
			"address1":     {"Address 1", "address1", "Adresse"},
			"address2":     {"Address 2", "address2", "Adresse (2)", "Complément d'adresse"},
			"postcode":     {"Zipcode", "Postcode / Zipcode", "Postcode", "Zip/postal code", "Code postal"},
			"city":         {"City", "Ville"},
			"country":      {"Country", "Pays"},
			"phone":        {"Phone", "Téléphone"},
			"mobile":       {"Mobile Phone", "phone_mobile", "Téléphone mobile", "Téléphone portable"},
			"vat":          {"VAT number", "vat_number", "Numéro de TVA"},
		},
		required: []string{"alias", "address1", "city"}},
}

// readPrestaShop reads the customers, then joins each address to its
// customer by Customer ID when the row gives one, else by e-mail: the
// first address of a customer is the billing address, the second the
// shipping one (PrestaShop has no such flag; later ones are left).
// Addresses of brands and suppliers (Manufacturer, Supplier filled) and
// addresses tied to no customer are not customers'. An address whose
// customer is not in the customers file (or when only the addresses file
// is given) makes a customer of its own, named as the address is.
func readPrestaShop(tables []*table) ([]WebCustomer, error) {
	set := newCustomerSet()
	for _, t := range tables {
		for _, r := range t.rows {
			switch t.kind.role {
			case roleCustomers:
				id, email := t.get(r, "id"), t.get(r, "email")
				if id == "" && email == "" {
					continue
				}
				if set.find(idKey(id), emailKey(email)) != nil {
					continue // listed twice: the first row stands
				}
				c := &WebCustomer{ShopID: id, Email: email, Civility: civility(t.get(r, "title")),
					FirstName: t.get(r, "firstname"), LastName: t.get(r, "lastname"),
					Company: t.get(r, "company"), Line: t.line(r)}
				if t.has("newsletter") {
					c.Consent = consent(t.get(r, "newsletter"))
				}
				set.add(c, idKey(id), emailKey(email))
			case roleAddresses:
				prestashopAddress(set, t, r)
			}
		}
	}
	return set.result(), nil
}

func prestashopAddress(set *customerSet, t *table, r sheet.Row) {
	if t.get(r, "manufacturer") != "" || t.get(r, "supplier") != "" {
		return
	}
	id, email := t.get(r, "customer"), t.get(r, "email")
	if id == "" && email == "" {
		return
	}
	c := set.find(idKey(id), emailKey(email))
	if c == nil {
		c = &WebCustomer{ShopID: id, Email: email, FirstName: t.get(r, "firstname"),
			LastName: t.get(r, "lastname"), Line: t.line(r)}
		set.add(c, idKey(id), emailKey(email))
	}
	a := domain.Address{Line1: t.get(r, "address1"), Line2: t.get(r, "address2"),
		Postcode: t.get(r, "postcode"), City: t.get(r, "city"), Country: t.get(r, "country")}
	switch {
	case c.Billing.IsEmpty():
		c.Billing = a
		// What the billing address says of the customer: a company
		// named on a later, shipping address may be the recipient's.
		fillEmpty(&c.Company, t.get(r, "company"))
		fillEmpty(&c.VATNumber, t.get(r, "vat"))
	case c.Shipping.IsEmpty():
		c.Shipping = a
	}
	addPhone(c, t.get(r, "phone"))
	addPhone(c, t.get(r, "mobile"))
}
