package shopsync

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"carnet/internal/corpustest"
	"carnet/internal/domain"
	"carnet/internal/sheet"
)

// fixture is a file of testdata/shopsync (the Shopify exports and the
// downloads the corpus lacks).
func fixture(name string) string {
	return filepath.Join("..", "..", "testdata", "shopsync", name)
}

func corpusFile(t *testing.T, rel string) string {
	t.Helper()
	return corpustest.File(t, "ecommerce/"+rel)
}

func mustRead(t *testing.T, shop Shop, files ...string) []WebCustomer {
	t.Helper()
	got, err := readShop(context.Background(), shop, files)
	if err != nil {
		t.Fatalf("readShop(%s, %v): %v", shop, files, err)
	}
	return got
}

// byEmail finds the customer with email (case-insensitive), failing the
// test when there is none.
func byEmail(t *testing.T, list []WebCustomer, email string) WebCustomer {
	t.Helper()
	for _, c := range list {
		if strings.EqualFold(c.Email, email) {
			return c
		}
	}
	t.Fatalf("no customer %s among %d", email, len(list))
	return WebCustomer{}
}

func checkAddress(t *testing.T, who, which string, got, want domain.Address) {
	t.Helper()
	if got != want {
		t.Errorf("%s %s address = %+v, want %+v", who, which, got, want)
	}
}

func checkOrders(t *testing.T, who string, got, want []Order) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s orders = %+v, want %+v", who, got, want)
	}
}

func TestPrestaShopCustomersAndAddresses(t *testing.T) {
	customers := corpusFile(t, "prestashop/ps16_customers_import.csv")
	addresses := corpusFile(t, "prestashop/ps16_addresses_import.csv")
	// The addresses file first: files are told apart by their columns.
	got := mustRead(t, ShopPrestaShop, addresses, customers)
	if len(got) != 9 {
		t.Fatalf("%d customers, want the 9 of the customers file (brand and supplier addresses are not customers)", len(got))
	}
	for _, c := range got {
		if c.LastName == "Noland" || c.LastName == "Austin" || c.LastName == "Non-Doe" {
			t.Errorf("the address of a brand or supplier became customer %+v", c)
		}
	}

	peter := byEmail(t, got, "Peter.Pan@prestashop.com")
	if peter.ShopID != "1" || peter.Civility != "M." || peter.FirstName != "Peter" || peter.LastName != "Pan" {
		t.Errorf("Peter Pan read as %+v", peter)
	}
	if peter.Line != "ps16_customers_import.csv, ligne 2" {
		t.Errorf("Peter Pan's line = %q", peter.Line)
	}
	// Every address row has one ";" more than the header: read by column
	// name, the town, postcode and country stay in place.
	checkAddress(t, "Peter Pan", "billing", peter.Billing,
		domain.Address{Line1: "360W, 42nd Street", Postcode: "12001", City: "New York", Country: "United States"})
	if !peter.Shipping.IsEmpty() {
		t.Errorf("Peter Pan has one address, yet shipping = %+v", peter.Shipping)
	}
	if !reflect.DeepEqual(peter.Phones, []string{"01 02 03 04 05", "06 02 03 04 05"}) {
		t.Errorf("Peter Pan's phones = %q", peter.Phones)
	}

	wendy := byEmail(t, got, "wendy.moira.darling@prestashop.com")
	if wendy.Civility != "Mme" || wendy.FirstName != "Wendy Moira" {
		t.Errorf("Wendy read as %+v", wendy)
	}
	checkAddress(t, "Wendy", "billing", wendy.Billing,
		domain.Address{Line1: "360W, 42nd Street", Postcode: "12001", City: "New York", Country: "United States"})
	checkAddress(t, "Wendy", "shipping (her second address)", wendy.Shipping,
		domain.Address{Line1: "Lansdowne road 50 London", Line2: "Kensington", Postcode: "W11", City: "London", Country: "United Kingdom"})

	// Newsletter is the consent; Opt-in (partner offers) is not.
	if hook := byEmail(t, got, "James.Hook@prestashop.com"); hook.Consent != domain.ConsentNo {
		t.Errorf("James Hook (Newsletter 0, Opt-in 1) consent = %q, want no", hook.Consent)
	}
	if tinker := byEmail(t, got, "Tinker.Bell@prestashop.com"); tinker.Consent != domain.ConsentYes ||
		tinker.Company != "Santa Clauss Inc." || tinker.Billing.Line1 != "Tähtikuja 1" || tinker.Billing.City != "Napapiiri" {
		t.Errorf("Tinker Bell read as %+v", tinker)
	}
	if jack := byEmail(t, got, "Jack.Banning@prestashop.com"); !jack.Billing.IsEmpty() || len(jack.Orders) != 0 {
		t.Errorf("Jack Banning has no address in the file, yet %+v", jack)
	}

	again := mustRead(t, ShopPrestaShop, customers, addresses)
	if !reflect.DeepEqual(got, again) {
		t.Errorf("the order of the files changes the reading:\n%+v\n%+v", got, again)
	}
}

func TestPrestaShopCustomerFilesAlone(t *testing.T) {
	got := mustRead(t, ShopPrestaShop, corpusFile(t, "prestashop/ps8_customers_import.csv"))
	if len(got) != 9 {
		t.Fatalf("%d customers, want 9", len(got))
	}
	maggie := byEmail(t, got, "Maggie.Banning@prestashop.com")
	if maggie.ShopID != "9" || maggie.Civility != "Mme" || maggie.Consent != domain.ConsentNo || !maggie.Billing.IsEmpty() {
		t.Errorf("Maggie Banning read as %+v", maggie)
	}

	// The technical header of PrestaShop's own tests: no ID, no consent.
	got = mustRead(t, ShopPrestaShop, corpusFile(t, "prestashop/ps8_tests_customers_insert.csv"))
	if len(got) != 2 {
		t.Fatalf("%d customers, want 2", len(got))
	}
	jane := byEmail(t, got, "behat.customer.b@example.com")
	if jane.ShopID != "" || jane.FirstName != "Jane" || jane.LastName != "Roe" || jane.Consent != domain.ConsentUnknown {
		t.Errorf("Jane Roe read as %+v", jane)
	}
}

func TestPrestaShopAddressesAlone(t *testing.T) {
	got := mustRead(t, ShopPrestaShop, corpusFile(t, "prestashop/ps_old_adresses_import_fr.csv"))
	if len(got) != 1 {
		t.Fatalf("%d customers, want John Doe alone (Apple's address is a brand's): %+v", len(got), got)
	}
	john := got[0]
	if john.Email != "johndoe@prestashop.com" || john.FirstName != "John" || john.LastName != "Doe" || john.ShopID != "" {
		t.Errorf("John Doe read as %+v", john)
	}
	checkAddress(t, "John Doe", "billing", john.Billing,
		domain.Address{Line1: "16, Main street", Line2: "2nd floor", Postcode: "75000", City: "PARIS", Country: "France"})
	checkAddress(t, "John Doe", "shipping", john.Shipping,
		domain.Address{Line1: "535, Baker street", Postcode: "13000", City: "Marseile", Country: "France"})
	if !reflect.DeepEqual(john.Phones, []string{"140138844", "235445588"}) {
		t.Errorf("phones = %q, want them as written (the import normalises)", john.Phones)
	}
}

// writeFile writes a small file for a case the corpus does not hold.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrestaShopAddressJoinsByCustomerIDFirst(t *testing.T) {
	customers := writeFile(t, "customers.csv", "Customer ID;Email *;Password *;Last Name *;First Name *;Newsletter (0/1)\r\n"+
		"41;anne@example.com;x;Roy;Anne;1\r\n42;marc@example.com;x;Roy;Marc;0\r\n")
	// The address names Marc's ID with Anne's e-mail (a shared mailbox):
	// the ID decides. The second row has no ID: its e-mail decides.
	addresses := writeFile(t, "addresses.csv", "ID;Alias*;Customer e-mail*;Customer ID;Lastname*;Firstname*;Address 1*;Zipcode*;City*;Country*\r\n"+
		"1;Maison;anne@example.com;42;Roy;Marc;1 rue Haute;35000;Rennes;France\r\n"+
		"2;Maison;anne@example.com;;Roy;Anne;2 rue Basse;29000;Quimper;France\r\n")
	got := mustRead(t, ShopPrestaShop, customers, addresses)
	if len(got) != 2 {
		t.Fatalf("%d customers, want 2", len(got))
	}
	if marc := byEmail(t, got, "marc@example.com"); marc.Billing.City != "Rennes" {
		t.Errorf("Marc's billing town = %q, want Rennes (joined by Customer ID)", marc.Billing.City)
	}
	if anne := byEmail(t, got, "anne@example.com"); anne.Billing.City != "Quimper" || !anne.Shipping.IsEmpty() {
		t.Errorf("Anne's addresses = %+v / %+v, want Quimper only", anne.Billing, anne.Shipping)
	}
}

func TestWooCommerceSubscriptionsExport(t *testing.T) {
	got := mustRead(t, ShopWooCommerce, corpusFile(t, "woocommerce/wcs-import-sample.csv"))
	// 10 subscriptions of 7 people: rows of one customer are one customer.
	if len(got) != 7 {
		t.Fatalf("%d customers, want 7", len(got))
	}
	george := byEmail(t, got, "george@example.com") // customer_id 1, e-mail from billing_email
	if george.ShopID != "1" || george.FirstName != "George" || george.LastName != "Washington" || george.Company != "Prospress Inc." {
		t.Errorf("George read as %+v", george)
	}
	if george.Line != "wcs-import-sample.csv, ligne 2" {
		t.Errorf("George's line = %q", george.Line)
	}
	checkOrders(t, "George", george.Orders,
		[]Order{{Date: time.Date(2016, 4, 29, 0, 44, 44, 0, time.UTC), Total: 4668, Count: 1}})

	benji := byEmail(t, got, "benji@example.com")
	want := domain.Address{Line1: "36 Craven Street", Postcode: "WC2N 5NF", City: "London", Country: "GB"}
	checkAddress(t, "Benjamin Franklin", "billing", benji.Billing, want)
	checkAddress(t, "Benjamin Franklin", "shipping", benji.Shipping, want)
	if !reflect.DeepEqual(benji.Phones, []string{"(123) 581-3213"}) {
		t.Errorf("Benjamin Franklin's phones = %q", benji.Phones)
	}
	checkOrders(t, "Benjamin Franklin", benji.Orders, []Order{
		{Date: time.Date(2016, 4, 22, 0, 30, 3, 0, time.UTC), Total: 4326, Count: 1},
		{Date: time.Date(2016, 4, 29, 0, 44, 44, 0, time.UTC), Total: 4668, Count: 1},
	})
	if alex := byEmail(t, got, "alex@example.com"); len(alex.Orders) != 1 || alex.Orders[0].Total != 3520 {
		t.Errorf("Alexander Hamilton's orders = %+v, want one of 35,20 (order_total 35.2)", alex.Orders)
	}
}

func TestWooCommerceAnalyticsDownload(t *testing.T) {
	for _, name := range []string{"woocommerce_analytics_customers.csv", "woocommerce_analytics_customers_old.csv"} {
		got := mustRead(t, ShopWooCommerce, fixture(name))
		margaux := byEmail(t, got, "margaux.petit@example.com")
		if margaux.FirstName != "Margaux" || margaux.LastName != "Petit" || margaux.ShopID != "" {
			t.Errorf("%s: Margaux read as %+v", name, margaux)
		}
		if margaux.Billing.City != "Toulouse" || margaux.Billing.Postcode != "31000" {
			t.Errorf("%s: Margaux's town = %+v", name, margaux.Billing)
		}
		checkOrders(t, name+": Margaux", margaux.Orders, []Order{{Total: 15030, Count: 3}})
	}
	got := mustRead(t, ShopWooCommerce, fixture("woocommerce_analytics_customers.csv"))
	if len(got) != 3 {
		t.Fatalf("%d customers, want 3", len(got))
	}
	checkOrders(t, "Théo", byEmail(t, got, "theo.lambert@example.com").Orders, []Order{{Total: 123450, Count: 1}})
	if nora := byEmail(t, got, "nora.fontaine@example.com"); len(nora.Orders) != 0 {
		t.Errorf("Nora has no order, yet %+v", nora.Orders)
	}
}

func TestShopify2022ExportWithOrders(t *testing.T) {
	got := mustRead(t, ShopShopify, fixture("shopify_orders.csv"), fixture("shopify_customers_2022.csv"))
	// 4 customers of the customers file, then Inès and the counter sale
	// known only from the orders file.
	if len(got) != 6 {
		t.Fatalf("%d customers, want 6: %+v", len(got), got)
	}
	camille := got[0]
	if camille.ShopID != "7123456789012" || camille.Email != "camille.martin@example.com" || camille.Consent != domain.ConsentYes {
		t.Errorf("Camille read as %+v (the ' protecting her ID must go)", camille)
	}
	checkAddress(t, "Camille", "billing", camille.Billing,
		domain.Address{Line1: "12 rue des Lilas", Line2: "Bâtiment B", Postcode: "69003", City: "Lyon", Country: "FR"})
	if !reflect.DeepEqual(camille.Phones, []string{"+33 4 78 00 00 01", "+33 6 12 00 00 01"}) {
		t.Errorf("Camille's phones = %q", camille.Phones)
	}
	// Her orders replace the customers file's count and total; the voided
	// #1004 is not one.
	checkOrders(t, "Camille", camille.Orders, []Order{
		{Number: "#1001", Date: time.Date(2024, 3, 2, 14, 5, 11, 0, time.UTC), Total: 9650, Count: 1},
		{Number: "#1000", Date: time.Date(2024, 1, 15, 9, 30, 0, 0, time.UTC), Total: 8800, Count: 1},
	})

	hugo := byEmail(t, got, "hugo.bernard@example.com")
	if hugo.Email != "hugo.bernard@example.com" || hugo.Company != "Atelier Bernard SARL" || hugo.Consent != domain.ConsentNo ||
		hugo.Billing.Postcode != "01000" {
		t.Errorf("Hugo read as %+v (e-mail and postcode without their ')", hugo)
	}
	if jonas := byEmail(t, got, "jonas.weber@example.com"); !reflect.DeepEqual(jonas.Orders, []Order{{Total: 4200, Count: 1}}) {
		t.Errorf("Jonas (in no order line) keeps his Total Orders/Total Spent: %+v", jonas.Orders)
	}
	if lea := byEmail(t, got, "lea.dubois@example.com"); len(lea.Orders) != 0 || !lea.Billing.IsEmpty() {
		t.Errorf("Léa has no order and no address, yet %+v", lea)
	}

	ines := byEmail(t, got, "ines.moreau@example.com")
	if ines.ShopID != "" || ines.FirstName != "Inès" || ines.LastName != "Moreau" || ines.Consent != domain.ConsentYes {
		t.Errorf("Inès read as %+v", ines)
	}
	if ines.Line != "shopify_orders.csv, ligne 2" {
		t.Errorf("Inès's line = %q", ines.Line)
	}
	// Her latest order (#1006, Angers) gives her addresses.
	checkAddress(t, "Inès", "billing", ines.Billing,
		domain.Address{Line1: "5 place du Ralliement", Postcode: "49100", City: "Angers", Country: "FR"})
	checkOrders(t, "Inès", ines.Orders, []Order{
		{Number: "#1006", Date: time.Date(2024, 5, 20, 9, 12, 40, 0, time.UTC), Total: 3200, Count: 1},
		{Number: "#1003", Date: time.Date(2024, 3, 18, 18, 22, 5, 0, time.UTC), Total: 6480, Count: 1},
	})

	counter := got[5]
	if counter.Email != "" || len(counter.Orders) != 1 || counter.Orders[0].Number != "#1005" || counter.Orders[0].Total != 1800 {
		t.Errorf("the counter sale without e-mail read as %+v", counter)
	}
}

func TestShopifyOrdersAlone(t *testing.T) {
	got := mustRead(t, ShopShopify, fixture("shopify_orders.csv"))
	if len(got) != 4 {
		t.Fatalf("%d customers, want Inès, Camille, Hugo and the counter sale: %+v", len(got), got)
	}
	camille := byEmail(t, got, "camille.martin@example.com")
	if camille.FirstName != "Camille" || camille.LastName != "Martin" || camille.Billing.City != "Lyon" {
		t.Errorf("Camille, from her orders' Billing Name and address: %+v", camille)
	}
	if len(camille.Orders) != 2 {
		t.Errorf("Camille's orders = %+v, want #1001 and #1000 (three item lines are one order)", camille.Orders)
	}
	ines := byEmail(t, got, "ines.moreau@example.com")
	checkAddress(t, "Inès", "shipping", ines.Shipping,
		domain.Address{Line1: "5 place du Ralliement", Postcode: "49100", City: "Angers", Country: "FR"})
}

func TestShopifyLegacyExport(t *testing.T) {
	got := mustRead(t, ShopShopify, fixture("shopify_customers_legacy.csv"))
	if len(got) != 3 {
		t.Fatalf("%d customers, want 3", len(got))
	}
	camille := got[0]
	if camille.ShopID != "" || camille.Consent != domain.ConsentYes {
		t.Errorf("Camille (the old export has no ID) read as %+v", camille)
	}
	checkAddress(t, "Camille", "billing", camille.Billing,
		domain.Address{Line1: "12 rue des Lilas", Line2: "Bâtiment B", Postcode: "69003", City: "Lyon", Country: "FR"})
	if !reflect.DeepEqual(camille.Phones, []string{"+33478000001"}) {
		t.Errorf("Camille's phones = %q", camille.Phones)
	}
	checkOrders(t, "Camille", camille.Orders, []Order{{Total: 18450, Count: 2}})
	if hugo := got[1]; hugo.Company != "Atelier Bernard SARL" || hugo.Billing.Postcode != "01000" || hugo.Consent != domain.ConsentNo {
		t.Errorf("Hugo read as %+v", hugo)
	}
}

func TestShopifyUnreadableAmountNamesTheCell(t *testing.T) {
	file := writeFile(t, "customers_export.csv", "First Name,Last Name,Email,Total Spent,Total Orders\n"+
		"Ana,Lopes,ana@example.com,12.00,1\nBen,Morel,ben@example.com,douze euros,1\n")
	_, err := readShop(context.Background(), ShopShopify, []string{file})
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a domain error", err)
	}
	if !strings.Contains(de.FR, "customers_export.csv, ligne 3") || !strings.Contains(de.FR, "Total Spent") {
		t.Errorf("message = %q, want the file, line and column", de.FR)
	}
}

func TestMagentoMainAndAddressFiles(t *testing.T) {
	got := mustRead(t, ShopMagento, corpusFile(t, "magento/m2_sample_customer_address.csv"), corpusFile(t, "magento/m2_sample_customer.csv"))
	if len(got) != 1 {
		t.Fatalf("%d customers, want 1", len(got))
	}
	jon := got[0]
	if jon.Email != "jondoe@example.com" || jon.FirstName != "Jon" || jon.LastName != "Doe" {
		t.Errorf("Jon Doe read as %+v", jon)
	}
	if jon.ShopID != "" || jon.Line != "m2_sample_customer.csv, ligne 2" {
		t.Errorf("Jon Doe's ID %q (the main file has none, the address's _entity_id is not his), line %q", jon.ShopID, jon.Line)
	}
	want := domain.Address{Line1: "Main Street 1", Postcode: "10044", City: "New York", Country: "US"}
	checkAddress(t, "Jon Doe", "billing", jon.Billing, want)
	checkAddress(t, "Jon Doe", "shipping", jon.Shipping, want)

	// Without the address file's Betsy in the main file, she is made from
	// her addresses: default billing Phoenix, default shipping Rocky Road.
	got = mustRead(t, ShopMagento, corpusFile(t, "magento/m2_test_customers_to_import.csv"),
		corpusFile(t, "magento/m2_test_address_import_update.csv"), corpusFile(t, "magento/m2_test_import_uk_address.csv"))
	if len(got) != 7 {
		t.Fatalf("%d customers, want 6 from the main file and Betsy", len(got))
	}
	betsy := byEmail(t, got, "BetsyParker@example.com")
	checkAddress(t, "Betsy", "billing", betsy.Billing,
		domain.Address{Line1: "4225 Martha Street", Postcode: "85034", City: "Phoenix", Country: "US"})
	checkAddress(t, "Betsy", "shipping", betsy.Shipping,
		domain.Address{Line1: "1079 Rocky Road", Postcode: "19107", Country: "US"})
	if lori := byEmail(t, got, "LoriBBanks@magento.com"); lori.Civility != "Mme" || lori.LastName != "Banks" {
		t.Errorf("Lori Banks read as %+v", lori)
	}
}

func TestMagentoCompositeFiles(t *testing.T) {
	got := mustRead(t, ShopMagento, corpusFile(t, "magento/m2_sample_customer_composite.csv"))
	if len(got) != 1 {
		t.Fatalf("%d customers, want 1", len(got))
	}
	// The quoted street on two lines is kept, one line each.
	checkAddress(t, "Jon Doe", "billing", got[0].Billing,
		domain.Address{Line1: "Main Street 1", Line2: "Suite 200", Postcode: "95008", City: "Campbell", Country: "US"})
	if got[0].Civility != "M." || !reflect.DeepEqual(got[0].Phones, []string{"123456789"}) {
		t.Errorf("Jon Doe read as %+v", got[0])
	}

	got = mustRead(t, ShopMagento, corpusFile(t, "magento/m2_test_customer_composite_update.csv"))
	// The row without customer columns is Anthony's second address, not
	// a fifth customer.
	if len(got) != 4 {
		t.Fatalf("%d customers, want 4: %+v", len(got), got)
	}
	anthony := byEmail(t, got, "AnthonyANealy@magento.com")
	checkAddress(t, "Anthony", "billing", anthony.Billing,
		domain.Address{Line1: "3176 Cambridge Court", Postcode: "72701", City: "Fayetteville", Country: "US"})
	for _, c := range got {
		if c.Billing.City == "Irvine" {
			t.Errorf("Anthony's second address became %s's billing", c.Email)
		}
	}
	if kelly := byEmail(t, got, "KellyNIlson@magento.com"); !kelly.Billing.IsEmpty() {
		t.Errorf("Kelly has no address, yet %+v", kelly.Billing)
	}

	// Without default flags, the continuation row's address is the
	// customer's second address: the shipping one.
	flagless := writeFile(t, "customer_composite.csv",
		"email,_website,firstname,lastname,_address_city,_address_country_id,_address_postcode,_address_street,_address_default_billing_,_address_default_shipping_\n"+
			"rose@example.com,base,Rose,Caron,Nantes,FR,44000,1 rue Kervégan,,\n"+
			",,,,Vannes,FR,56000,\"8 place Henri IV\nBâtiment C\",,\n"+
			"yves@example.com,base,Yves,Caron,Brest,FR,29200,3 rue de Siam,,\n")
	got = mustRead(t, ShopMagento, flagless)
	if len(got) != 2 {
		t.Fatalf("%d customers, want 2", len(got))
	}
	checkAddress(t, "Rose", "shipping", got[0].Shipping,
		domain.Address{Line1: "8 place Henri IV", Line2: "Bâtiment C", Postcode: "56000", City: "Vannes", Country: "FR"})
	if got[1].Billing.City != "Brest" || !got[1].Shipping.IsEmpty() {
		t.Errorf("Yves's addresses = %+v / %+v", got[1].Billing, got[1].Shipping)
	}
}

func TestMagentoCustomersGrid(t *testing.T) {
	got := mustRead(t, ShopMagento, fixture("magento_customer_grid.csv"))
	if len(got) != 2 {
		t.Fatalf("%d customers, want 2", len(got))
	}
	elodie := got[0]
	if elodie.ShopID != "12" || elodie.FirstName != "Élodie" || elodie.LastName != "Garnier" || elodie.Civility != "Mme" ||
		elodie.Company != "Garnier Conseil" || elodie.VATNumber != "FR32123456789" {
		t.Errorf("Élodie read as %+v", elodie)
	}
	checkAddress(t, "Élodie", "billing", elodie.Billing,
		domain.Address{Line1: "9 rue Crébillon", Postcode: "44000", City: "Nantes", Country: "France"})
	if paul := got[1]; paul.ShopID != "15" || paul.FirstName != "Paul" || paul.LastName != "Roux" {
		t.Errorf("Paul read as %+v", paul)
	}
}

func headerOf(t *testing.T, path string) []string {
	t.Helper()
	r, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return r.Header()
}

func TestDetectShop(t *testing.T) {
	corpus := map[string]Shop{
		"prestashop/ps16_customers_import.csv":          ShopPrestaShop,
		"prestashop/ps16_addresses_import.csv":          ShopPrestaShop,
		"prestashop/ps8_customers_import.csv":           ShopPrestaShop,
		"prestashop/ps8_tests_customers_insert.csv":     ShopPrestaShop,
		"prestashop/ps_old_adresses_import_fr.csv":      ShopPrestaShop,
		"woocommerce/wcs-import-sample.csv":             ShopWooCommerce,
		"magento/m2_sample_customer.csv":                ShopMagento,
		"magento/m2_sample_customer_address.csv":        ShopMagento,
		"magento/m2_sample_customer_composite.csv":      ShopMagento,
		"magento/m2_test_address_import_update.csv":     ShopMagento,
		"magento/m2_test_customer_composite_update.csv": ShopMagento,
		"magento/m2_test_customers_to_import.csv":       ShopMagento,
		"magento/m2_test_import_uk_address.csv":         ShopMagento,
	}
	for rel, want := range corpus {
		if got := DetectShop(headerOf(t, corpusFile(t, rel))); got != want {
			t.Errorf("%s: detected %q, want %q", rel, got, want)
		}
	}
	fixtures := map[string]Shop{
		"shopify_customers_2022.csv":              ShopShopify,
		"shopify_customers_legacy.csv":            ShopShopify,
		"shopify_orders.csv":                      ShopShopify,
		"woocommerce_analytics_customers.csv":     ShopWooCommerce,
		"woocommerce_analytics_customers_old.csv": ShopWooCommerce,
		"magento_customer_grid.csv":               ShopMagento,
	}
	for name, want := range fixtures {
		if got := DetectShop(headerOf(t, fixture(name))); got != want {
			t.Errorf("%s: detected %q, want %q", name, got, want)
		}
	}
	if got := DetectShop([]string{"Code", "Nom", "Prénom", "Ville", "E-mail"}); got != "" {
		t.Errorf("a plain customer list detected as %q, want none", got)
	}
}

func TestFileOfAnotherShopIsRefusedWithTheExpectedColumns(t *testing.T) {
	woo := corpusFile(t, "woocommerce/wcs-import-sample.csv")
	_, err := readShop(context.Background(), ShopPrestaShop, []string{woo})
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != "shop_file_unrecognised" {
		t.Fatalf("err = %v, want the file refused", err)
	}
	for _, part := range []string{"wcs-import-sample.csv", "PrestaShop", "Email, Last Name, First Name", "Alias", "WooCommerce", "générique"} {
		if !strings.Contains(de.FR, part) {
			t.Errorf("French message lacks %q: %s", part, de.FR)
		}
	}
	if !strings.Contains(de.EN, "generic") || !strings.Contains(de.EN, "Expected columns") {
		t.Errorf("English message = %s", de.EN)
	}

	// A file of no shop: the same advice, without a shop to suggest.
	plain := writeFile(t, "clients.csv", "Nom;Prénom;Ville\nRoy;Anne;Rennes\n")
	_, err = readShop(context.Background(), ShopMagento, []string{plain})
	if !errors.As(err, &de) || strings.Contains(de.FR, "ressemble") || !strings.Contains(de.FR, "_website") {
		t.Errorf("err = %v, want Magento's columns named and no shop suggested", err)
	}
}

func TestReadShopStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := readShop(ctx, ShopShopify, []string{fixture("shopify_orders.csv")})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
