package service_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
	"carnet/internal/textfold"
)

// The customer file of the first release: what testdata/upgrade/schema1.db
// holds, and what every later Carnet must still find in it. The file is
// written from this list by writeSchema1 (go test ./internal/service -run
// TestUpgradeFromFirstRelease -update-schema1), with the first release's
// schema (migrations/001_customers.sql alone) and plain SQL, as that
// release stored its rows; it is kept in the repository so that the
// migrations of every later version run on the same bytes.

// schema1Path is the fixture, from this package's folder.
const schema1Path = "../../testdata/upgrade/schema1.db"

// oldCustomer is one customer of the first release's file.
type oldCustomer struct {
	c domain.Customer
	// notes and language were columns of the customer in schema 1; since
	// sites (006) they are the main site's part of it.
	notes, language string
	ledger          []oldEntry
	docs            []oldDoc
}

type oldEntry struct {
	date   string // YYYY-MM-DD
	label  string
	amount int64 // cents
	origin string
}

type oldDoc struct {
	kind, number, date string
	total              int64
}

// oldGroups are the groups of the file and their discounts (hundredths of
// a percent).
var oldGroups = map[string]int64{"Boulangeries": 500, "Fidélité": 250, "Revendeurs": 1500, "VIP": 1000}

// oldDeletedDocs are documents of a customer deleted before the upgrade:
// they keep its code and name, and answer by code.
var oldDeletedDocs = []domain.Document{{CustomerCode: "C0000099", CustomerName: "Ancien Client", Kind: "invoice", Number: "FA2025-0007", Total: 4590}}

func fr(number, label string) domain.Phone { return domain.Phone{Number: number, Label: label} }

func addr(line1, postcode, city, country string) domain.Address {
	return domain.Address{Line1: line1, Postcode: postcode, City: city, Country: country}
}

func shipTo(label, line1, line2, postcode, city, country string) domain.Address {
	return domain.Address{Label: label, Line1: line1, Line2: line2, Postcode: postcode, City: city, Country: country}
}

// oldCustomers are twenty customers as varied as a shop's file: people and
// companies, accents and ligatures, overseas and foreign addresses, groups,
// shipping addresses, balances, documents, archived and on credit hold.
var oldCustomers = []oldCustomer{
	{c: domain.Customer{Code: "C0000001", Kind: domain.KindPerson, Civility: "M.", LastName: "Dupont", FirstName: "Jean",
		Email: "jean.dupont@exemple.fr", Phones: []domain.Phone{fr("+33612345678", "mobile"), fr("+33142000001", "fixe")},
		Billing: addr("12 rue de la Paix", "75002", "Paris", "FR"), Groups: []string{"VIP"}, MarketingSource: "Bouche à oreille"},
		notes: "Client depuis 2010", language: "fr",
		ledger: []oldEntry{{"2025-03-02", "Avoir retour", 15000, "manual"}, {"2025-04-10", "Règlement", -5000, "manual"}},
		docs:   []oldDoc{{"invoice", "FA2025-0001", "2025-03-01", 12990}}},
	{c: domain.Customer{Code: "C0000002", Kind: domain.KindPerson, Civility: "Mme", LastName: "Lefèvre-Müller", FirstName: "Élise",
		Email: "elise.lefevre@exemple.fr", Phones: []domain.Phone{fr("+33681828384", "mobile")},
		Billing: addr("3 place Saint-Pierre", "25000", "Besançon", "FR"),
		Shipping: []domain.Address{shipTo("Maison", "3 place Saint-Pierre", "", "25000", "Besançon", "FR"),
			shipTo("Résidence secondaire", "Lieu-dit L’Écluse", "Chemin des Crêtes", "74400", "Chamonix-Mont-Blanc", "FR")},
		Groups: []string{"Fidélité", "VIP"}}, language: "fr"},
	{c: domain.Customer{Code: "C0000003", Kind: domain.KindCompany, CompanyName: "Boulangerie Ça & Là", LegalForm: "SARL",
		SIRET: "73282932000074", VATNumber: "FR44732829320", Email: "contact@ca-et-la.fr", Phones: []domain.Phone{fr("+33478000003", "travail")},
		Billing: addr("8 quai de Saône", "69009", "Lyon", "FR"), AccountNumber: "411CAETLA", Groups: []string{"Boulangeries"},
		PaymentTerms: "30 jours fin de mois", PaymentMethod: "Virement", Currency: "EUR", CreditLimit: 500000,
		Shipping: []domain.Address{shipTo("Fournil", "Zone artisanale, bât. 2", "", "69009", "Lyon", "FR")}},
		notes: "Livrer avant 6 h", language: "fr",
		ledger: []oldEntry{{"2025-05-31", "Facture mai", 48230, "import"}},
		docs:   []oldDoc{{"invoice", "FA2025-0002", "2025-05-31", 48230}, {"order", "CO2025-0011", "2025-06-02", 21000}}},
	{c: domain.Customer{Code: "C0000004", Kind: domain.KindCompany, CompanyName: "Les Vélos Durand", LegalForm: "SAS", Supplier: true,
		CreditHold: true, CreditHoldReason: "Impayé mars", Email: "compta@velos-durand.fr",
		Billing: addr("45 avenue Jean-Jaurès", "31000", "Toulouse", "FR"), IBAN: "FR7630006000011234567890189"},
		notes: "Relancer le 15 de chaque mois", ledger: []oldEntry{{"2025-03-15", "Facture impayée", 123456, "manual"}}},
	{c: domain.Customer{Code: "C0000005", Kind: domain.KindPerson, Civility: "M.", LastName: "Martin", FirstName: "Noël",
		Email: "noel.martin@exemple.fr", Billing: addr("1 rue Nationale", "59000", "Lille", "FR"), Archived: true},
		notes: "A déménagé"},
	{c: domain.Customer{Code: "C0000006", Kind: domain.KindPerson, Civility: "Mme", LastName: "Petit", FirstName: "Zoé",
		Email: "zoe.petit@exemple.fr", Phones: []domain.Phone{fr("+33699000006", "mobile")},
		Billing: addr("27 boulevard Gambetta", "06000", "Nice", "FR"), Custom: map[string]string{"Pointure": "38", "Couleur préférée": "Vert"}}},
	{c: domain.Customer{Code: "C0000007", Kind: domain.KindCompany, CompanyName: "Brasserie Œnologique", LegalForm: "SPRL",
		VATNumber: "BE0123456749", Email: "info@oenologique.be", Phones: []domain.Phone{fr("+3225551234", "bureau")},
		Billing: addr("Grand-Place 9", "1000", "Bruxelles", "BE"), Currency: "EUR", Groups: []string{"Revendeurs"}},
		language: "nl"},
	{c: domain.Customer{Code: "C0000008", Kind: domain.KindPerson, Civility: "Mme", LastName: "Bélair", FirstName: "Maïté",
		Email: "maite.belair@exemple.gp", Phones: []domain.Phone{fr("+590690123456", "mobile")},
		Billing: addr("Rue Frébault", "97110", "Pointe-à-Pitre", "GP")}, language: "fr"},
	{c: domain.Customer{Code: "C0000009", Kind: domain.KindCompany, CompanyName: "Atelier Fleurs d’Été", LegalForm: "EI",
		SIRET: "40483304800022", Email: "atelier@fleurs-ete.fr", MarketingSource: "Salon 2025",
		Billing: addr("2 impasse des Lilas", "44000", "Nantes", "FR"), Groups: []string{"Revendeurs"}}},
	{c: domain.Customer{Code: "C0000010", Kind: domain.KindPerson, Civility: "M.", LastName: "Roux", FirstName: "François",
		Email: "francois.roux@exemple.fr", DiscountSales: 1250, DiscountServices: 500, DiscountMaterials: 300,
		PriceTypeSales: "Tarif 2", PriceTypeOrders: "Tarif pro", SalesRep: "Julie", DiscountCard: "RC-0010",
		Billing: addr("9 rue des Tanneurs", "67000", "Strasbourg", "FR")}},
	{c: domain.Customer{Code: "C0000011", Kind: domain.KindPerson, Civility: "Mlle", LastName: "Garçon", FirstName: "Chloé",
		Email: "chloe.garcon@exemple.fr", Disappointed: true, Billing: addr("14 cours Mirabeau", "13100", "Aix-en-Provence", "FR")},
		notes: "Réclamation sur la commande de juin\nRappeler avant toute offre"},
	{c: domain.Customer{Code: "C0000012", Kind: domain.KindCompany, CompanyName: "Quincaillerie Lemaître & Fils", LegalForm: "SA",
		SIRET: "55208131766522", Email: "achats@lemaitre.fr", Fax: "+33240000012", Website: "https://www.lemaitre.fr",
		Billing: addr("Zone industrielle Nord", "49100", "Angers", "FR"), InsurerGuarantee: 1000000, OtherGuarantees: 250000,
		Shipping: []domain.Address{shipTo("Dépôt 1", "Rue de l’Industrie", "", "49100", "Angers", "FR"),
			shipTo("Dépôt 2", "Route de Paris", "Bâtiment C", "49000", "Écouflant", "FR"),
			shipTo("Magasin", "5 place du Ralliement", "", "49100", "Angers", "FR")}},
		docs: []oldDoc{{"order", "CO2025-0020", "2025-02-14", 98765}, {"invoice", "FA2025-0009", "2025-02-20", 98765}}},
	{c: domain.Customer{Code: "C0000013", Kind: domain.KindPerson, Civility: "Dr", LastName: "N’Diaye", FirstName: "Aïssatou",
		Email: "a.ndiaye@exemple.fr", Reference: "2900000000017", Billing: addr("60 rue de la République", "69002", "Lyon", "FR"),
		Groups: []string{"Fidélité"}}},
	{c: domain.Customer{Code: "C0000014", Kind: domain.KindCompany, CompanyName: "Horlogerie Zürich", LegalForm: "GmbH",
		Email: "kontakt@horlogerie-zuerich.ch", Phones: []domain.Phone{fr("+41445551234", "bureau")}, Currency: "CHF",
		Billing: addr("Bahnhofstrasse 10", "8001", "Zürich", "CH")}, language: "de"},
	{c: domain.Customer{Code: "C0000015", Kind: domain.KindPerson, LastName: "Ñúñez", FirstName: "Zoë",
		Email: "zoe.nunez@exemple.es", Billing: addr("Calle Mayor 1", "28013", "Madrid", "ES")}, language: "es"},
	{c: domain.Customer{Code: "C0000016", Kind: domain.KindPerson, LastName: "Simple", Email: "simple@exemple.fr"}},
	{c: domain.Customer{Code: "C0000017", Kind: domain.KindCompany, CompanyName: "Pâtisserie L’Éclair", LegalForm: "SARL",
		SIRET: "81234567800015", Email: "bonjour@leclair.fr", Billing: addr("18 rue Sainte-Catherine", "33000", "Bordeaux", "FR"),
		Groups: []string{"Boulangeries", "Fidélité"}},
		ledger: []oldEntry{{"2025-01-31", "Facture janvier", 25000, "import"}, {"2025-02-05", "Règlement chèque", -25000, "manual"}}},
	{c: domain.Customer{Code: "C0000018", Kind: domain.KindPerson, Civility: "M.", LastName: "Hoarau", FirstName: "Kévin",
		Email: "kevin.hoarau@exemple.re", Phones: []domain.Phone{fr("+262692123456", "mobile")},
		Billing: addr("12 rue de Paris", "97400", "Saint-Denis", "RE"), Groups: []string{"VIP"}}},
	{c: domain.Customer{Code: "C0000019", Kind: domain.KindCompany, CompanyName: "Crèmerie du Marché", LegalForm: "SNC",
		Email: "cremerie@marche.fr", Billing: addr("Halles centrales", "21000", "Dijon", "FR"), Supplier: true, Archived: true}},
	{c: domain.Customer{Code: "C0000020", Kind: domain.KindPerson, Civility: "Mme", LastName: "O’Brien", FirstName: "Siobhán",
		Email: "siobhan@exemple.ie", Phones: []domain.Phone{fr("+353871234567", "mobile")},
		Billing:  addr("1 Grafton Street", "D02", "Dublin", "IE"),
		Shipping: []domain.Address{shipTo("Bureau", "Rue du Commerce 4", "", "1040", "Bruxelles", "BE")}}, language: "en"},
}

// oldCreated is when the first release stored customer i.
func oldCreated(i int) time.Time {
	return time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC).Add(time.Duration(i) * 26 * time.Hour)
}

// writeSchema1 writes the first release's file at path from oldCustomers.
func writeSchema1(path string) error {
	first, err := os.ReadFile(filepath.Join("..", "store", "migrations", "001_customers.sql"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	db, err := sql.Open("sqlite", tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	defer db.Close()
	db.SetMaxOpenConns(1)
	// Small pages keep the fixture a few dozen KB; WAL as every release
	// has opened its files.
	for _, q := range []string{"PRAGMA page_size = 512", string(first), "PRAGMA user_version = 1", "PRAGMA journal_mode = WAL"} {
		if _, err := db.Exec(q); err != nil {
			return err
		}
	}
	exec := func(q string, args ...any) (int64, error) {
		res, err := db.Exec(q, args...)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", q[:min(40, len(q))], err)
		}
		return res.LastInsertId()
	}
	groupIDs, sourceIDs := map[string]int64{}, map[string]int64{}
	for _, name := range []string{"Boulangeries", "Fidélité", "Revendeurs", "VIP"} {
		if groupIDs[name], err = exec(`INSERT INTO groups (name, discount) VALUES (?, ?)`, name, oldGroups[name]); err != nil {
			return err
		}
	}
	for i, o := range oldCustomers {
		c := o.c
		var source sql.NullInt64
		if c.MarketingSource != "" {
			if sourceIDs[c.MarketingSource] == 0 {
				if sourceIDs[c.MarketingSource], err = exec(`INSERT INTO marketing_sources (name) VALUES (?)`, c.MarketingSource); err != nil {
					return err
				}
			}
			source = sql.NullInt64{Int64: sourceIDs[c.MarketingSource], Valid: true}
		}
		phones, custom := "", ""
		if len(c.Phones) > 0 {
			b, _ := json.Marshal(c.Phones)
			phones = string(b)
		}
		if len(c.Custom) > 0 {
			b, _ := json.Marshal(c.Custom)
			custom = string(b)
		}
		when := store.FormatTime(oldCreated(i))
		id, err := exec(`INSERT INTO customers (code, kind, civility, last_name, first_name, company_name, legal_form,
			siret, vat_number, iban, email, phones, phone1, fax, website, billing_line1, billing_line2, postcode, city,
			country, reference, account_number, supplier, disappointed, marketing_source_id, discount_card,
			discount_sales, discount_services, discount_materials, price_type_sales, price_type_orders, sales_rep,
			payment_terms, payment_method, currency, language, credit_limit, insurer_guarantee, other_guarantees,
			credit_hold, credit_hold_reason, notes, custom, archived, created_at, updated_at, sort_name, sort_city)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Code, string(c.Kind), c.Civility, c.LastName, c.FirstName, c.CompanyName, c.LegalForm,
			c.SIRET, c.VATNumber, c.IBAN, c.Email, phones, c.FirstPhone(), c.Fax, c.Website, c.Billing.Line1, c.Billing.Line2,
			c.Billing.Postcode, c.Billing.City, c.Billing.Country, c.Reference, c.AccountNumber, c.Supplier, c.Disappointed,
			source, c.DiscountCard, c.DiscountSales, c.DiscountServices, c.DiscountMaterials, c.PriceTypeSales,
			c.PriceTypeOrders, c.SalesRep, c.PaymentTerms, c.PaymentMethod, c.Currency, o.language, c.CreditLimit,
			c.InsurerGuarantee, c.OtherGuarantees, c.CreditHold, c.CreditHoldReason, o.notes, custom, c.Archived,
			when, when, textfold.Fold(c.Name()), textfold.Fold(c.Billing.City))
		if err != nil {
			return err
		}
		for pos, a := range c.Shipping {
			if _, err := exec(`INSERT INTO shipping_addresses (customer_id, position, label, line1, line2, postcode, city, country)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, pos, a.Label, a.Line1, a.Line2, a.Postcode, a.City, a.Country); err != nil {
				return err
			}
		}
		for _, g := range c.Groups {
			if _, err := exec(`INSERT INTO customer_groups (customer_id, group_id) VALUES (?, ?)`, id, groupIDs[g]); err != nil {
				return err
			}
		}
		for _, e := range o.ledger {
			if _, err := exec(`INSERT INTO balance_entries (customer_id, date, label, amount, origin) VALUES (?, ?, ?, ?, ?)`,
				id, e.date+"T10:00:00.000Z", e.label, e.amount, e.origin); err != nil {
				return err
			}
		}
		for _, d := range o.docs {
			if _, err := exec(`INSERT INTO documents (customer_id, customer_code, customer_name, kind, number, date, total)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, c.Code, c.Name(), d.kind, d.number, d.date+"T10:00:00.000Z", d.total); err != nil {
				return err
			}
		}
		if _, err := exec(`INSERT INTO customer_search (rowid, doc) VALUES (?, ?)`, id, store.SearchDoc(&c)); err != nil {
			return err
		}
	}
	for _, d := range oldDeletedDocs {
		if _, err := exec(`INSERT INTO documents (customer_id, customer_code, customer_name, kind, number, date, total)
			VALUES (NULL, ?, ?, ?, ?, '2025-01-15T10:00:00.000Z', ?)`, d.CustomerCode, d.CustomerName, d.Kind, d.Number, d.Total); err != nil {
			return err
		}
	}
	// Compact; closing the last connection folds the -wal into the file.
	for _, q := range []string{"VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err := db.Exec(q); err != nil {
			return err
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
