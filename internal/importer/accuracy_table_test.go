package importer

// The expected mapping of every file of ../shared/corpus that has a
// header row, written by hand from the headers, the corpus MANIFEST and
// what a French bookkeeper moving these customers into Carnet would pick —
// never copied from the suggester's output. Ignore ("") where no Carnet
// field fits, or where the field is already better filled by another
// column of the same file (a field goes on one column only, phones
// excepted).
//
// Conventions used throughout:
//   - another program's own record numbers (PrestaShop "Customer ID",
//     Magento "_entity_id", Odoo's external "ID", WooCommerce
//     "customer_id") are not Carnet IDs: Ignore;
//   - numeric foreign keys (Dolibarr "fk_*", PrestaShop "Titles ID",
//     Magento "group_id") name rows of the other program's tables, not
//     values: Ignore;
//   - flags whose meaning is the reverse of Carnet's, or that Carnet has no
//     field for ("Active", Dolibarr's customer/prospect status, Odoo's
//     "Customer"): Ignore;
//   - a shop's newsletter subscription is the marketing consent; PrestaShop's
//     "Opt-in" is consent to its partners' offers, not the shop's own
//     mailings, and the consent is already the newsletter's: Ignore;
//   - creation and change dates are Carnet's own: Ignore;
//   - Magento writes both "prefix" (Mr, Mrs: the civility) and "gender":
//     civility is the prefix.
//
// Files left out, one reason each:
//   - csv-edge/csvkit/*: headers are placeholders (a, b, c / foo, bar /
//     column_a…) or data (no_header_row: 1, 2, 3), and empty.csv has no row;
//   - csv-spectrum/csvs/{empty,empty_crlf,escaped_quotes,json,newlines,
//     newlines_crlf,quotes_and_newlines,simple,simple_crlf,utf8}.csv:
//     placeholder headers (a, b, c / key, val);
//   - xlsx/corrupt_odoo_test_utf8mangled.xlsx, excelize_encryptSHA1.xlsx,
//     tealeg_badfile_noWorksheets.xlsx: no readable sheet (error cases);
//   - xlsx/csvkit_sheets.xlsx: headers name value types (text, date,
//     integer…), not contents;
//   - xlsx/excelize_Book1, excelize_MergeCell, excelize_OverflowNumericCell,
//     excelize_SharedStrings, tealeg_empty_cells, tealeg_empty_rows,
//     tealeg_googleDocsTest, tealeg_merged_cells2, tealeg_namespaced,
//     tealeg_testcelltypes, tealeg_testfile, xlsx2csv_datetime,
//     xlsx2csv_float, xlsx2csv_formatted_inline_string,
//     xlsx2csv_last-column-empty, xlsx2csv_percentage, xlsx2csv_sheets_order,
//     xlsx2csv_utf8: the first row holds cell names, test values or
//     sentences (A1, Foo, "This is a test spreadsheet"…), no header;
//   - xlsx/tealeg_macNumbersTest, tealeg_wpsBlankLineTest: a single column
//     "编号" (number) over empty or repeated cells;
//   - xlsx/tealeg_merged_cells.xlsx: a product sales table (Date, Product,
//     Quantity), nothing near a customer;
//   - xlsx/tealeg_noStylesAndSharedStringsTest.xlsx: a sports watch log
//     (Calories, Latitude, HeartRate…), nothing near a customer;
//   - xlsx/xlsx2csv_skip_empty_lines.xlsx: a Russian document register,
//     in a language Carnet does not read.
//
// Kept although they are not customer lists: the advertising reports
// (xlsx2csv_empty_row, xlsx2csv_no_cell_ids, tealeg_inlineStrings) and
// Frappe's test document, whose business words (Customer, Agency,
// Campaign, Price, Title, Number…) tempt a suggester: every column is
// Ignore there, so they count its false alarms.

// col is one column of a file: its header as the importer reads it and
// the field expected for it.
type col struct{ header, field string }

// cols reads alternating header, field pairs.
func cols(pairs ...string) []col {
	out := make([]col, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, col{pairs[i], pairs[i+1]})
	}
	return out
}

// Magento 2's "Customers Main File" layout, shared by the samples that
// carry no address columns apart from these.
func magentoCustomerHead() []col {
	return cols("email", "email", "_website", Ignore, "_store", Ignore, "confirmation", Ignore,
		"created_at", Ignore, "created_in", Ignore)
}

func magentoCustomerBody() []col {
	return cols("disable_auto_group_change", Ignore, "dob", Ignore, "firstname", "first_name", "gender", Ignore,
		"group_id", Ignore, "lastname", "last_name", "middlename", Ignore, "password_hash", Ignore, "prefix", "civility")
}

// Magento 2's "Customer Addresses" layout (three files).
var magentoAddress = cols(
	"_website", Ignore, "_email", "email", "_entity_id", Ignore, "city", "city", "company", "company_name",
	"country_id", "country", "fax", "fax", "firstname", "first_name", "lastname", "last_name", "middlename", Ignore,
	"postcode", "postcode", "prefix", "civility", "region", Ignore, "region_id", Ignore, "street", "billing_line1",
	"suffix", Ignore, "telephone", "phones", "vat_id", "vat_number", "vat_is_valid", Ignore, "vat_request_date", Ignore,
	"vat_request_id", Ignore, "vat_request_success", Ignore, "_address_default_billing_", Ignore, "_address_default_shipping_", Ignore)

// Magento 2's composite layout: the customer, then its address; the
// address's names and VAT repeat the customer's, whose columns keep them.
var magentoComposite = concat(magentoCustomerHead(), magentoCustomerBody(), cols(
	"rp_token", Ignore, "rp_token_created_at", Ignore, "store_id", Ignore, "suffix", Ignore, "taxvat", "vat_number",
	"website_id", Ignore, "password", Ignore,
	"_address_city", "city", "_address_company", "company_name", "_address_country_id", "country", "_address_fax", "fax",
	"_address_firstname", Ignore, "_address_lastname", Ignore, "_address_middlename", Ignore, "_address_postcode", "postcode",
	"_address_prefix", Ignore, "_address_region", Ignore, "_address_street", "billing_line1", "_address_suffix", Ignore,
	"_address_telephone", "phones", "_address_vat_id", Ignore, "_address_default_billing_", Ignore, "_address_default_shipping_", Ignore))

// PrestaShop's customers sample (1.6; 8 adds the registration date).
func prestashopCustomers(registration bool) []col {
	out := cols("Customer ID", Ignore, "Active (0/1)", Ignore, "Titles ID (Mr = 1, Ms = 2, else 0)", Ignore, "Email *", "email",
		"Password *", Ignore, "Birthday (yyyy-mm-dd)", Ignore, "Last Name *", "last_name", "First Name *", "first_name",
		"Newsletter (0/1)", "marketing_consent", "Opt-in (0/1)", Ignore)
	if registration {
		out = append(out, col{"Registration date (yyyy-mm-dd)", Ignore})
	}
	return append(out, cols("Groups (x,y,z...)", "groups", "Default group ID", Ignore)...)
}

// PrestaShop's address samples: "Supplier" and "Manufacturer" name the
// supplier or brand an address belongs to (not a yes/no flag), "Other" is
// the address's extra line of information, "DNI" a Spanish identity number.
// The 1.6 sample (ps16) adds the customer's ID and the DNI.
func prestashopAddresses(id string, ps16 bool, email, postcode string) []col {
	out := cols(id, Ignore, "Alias*", Ignore, "Active (0/1)", Ignore, email, "email")
	if ps16 {
		out = append(out, col{"Customer ID", Ignore})
	}
	out = append(out, cols("Manufacturer", Ignore, "Supplier", Ignore, "Company", "company_name",
		"Lastname*", "last_name", "Firstname*", "first_name", "Address 1*", "billing_line1", "Address 2", "billing_line2",
		postcode, "postcode", "City*", "city", "Country*", "country", "State", "state", "Other", Ignore,
		"Phone", "phones", "Mobile Phone", "phones", "VAT number", "vat_number")...)
	if ps16 {
		out = append(out, col{"DNI", Ignore})
	}
	return out
}

// Dolibarr's third-party import: every row is a société, so its "Name"
// is the company name; SIREN repeats the SIRET's head, which holds it.
func dolibarrCompany(name, barcode string) []col {
	return cols(name, "company_name", "Status (s.status)", Ignore, "Customer* (s.client)", Ignore,
		"Supplier* (s.fournisseur)", "supplier", "DateCreation (s.datec)", Ignore, "CustomerCode (s.code_client)", "code",
		"SupplierCode (s.code_fournisseur)", Ignore, "Address (s.address)", "billing_line1", "Zip (s.cp)", "postcode",
		"Town (s.ville)", "city", "Phone (s.tel)", "phones", "Fax (s.fax)", "fax", "Url (s.url)", "website",
		"Email (s.email)", "email", "IdProf1 (s.siret)", "siret", "IdProf2 (s.siren)", Ignore, "IdProf3 (s.ape)", Ignore,
		"IdProf4 (s.idprof4)", Ignore, "VATIntraShort (s.tva_intra)", "vat_number", "Capital (s.capital)", Ignore,
		"Note (s.note)", "notes", "ThirdPartyType (s.fk_typent)", Ignore, "Effectif (s.fk_effectif)", Ignore,
		"JuridicalStatus (s.fk_forme_juridique)", Ignore, "ProspectLevel (s.fk_prospectlevel)", Ignore,
		"ProspectStatus (s.fk_stcomm)", Ignore, "DefaultLanguage (s.default_lang)", "language", barcode, "reference")
}

// An advertising report (xlsx2csv's two copies of one sheet).
var adReport = cols("Date", Ignore, "Agency", Ignore, "Customer", Ignore, "Campaign", Ignore, "Publisher", Ignore,
	"Format", Ignore, "Inventory", Ignore, "Impressions", Ignore, "Clicks", Ignore, "CTR (%)", Ignore, "Price", Ignore,
	"Price model", Ignore, "Revenue", Ignore)

func concat(parts ...[]col) []col {
	var out []col
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// accuracyFiles is the expected mapping of every corpus file kept.
var accuracyFiles = []struct {
	file string
	cols []col
}{
	{"ecommerce/magento/m2_sample_customer.csv", concat(magentoCustomerHead(), magentoCustomerBody(), cols(
		"reward_update_notification", Ignore, "reward_warning_notification", Ignore, "rp_token", Ignore,
		"rp_token_created_at", Ignore, "store_id", Ignore, "suffix", Ignore, "taxvat", "vat_number",
		"updated_at", Ignore, "website_id", Ignore, "password", Ignore))},
	{"ecommerce/magento/m2_sample_customer_address.csv", magentoAddress},
	{"ecommerce/magento/m2_sample_customer_composite.csv", magentoComposite},
	{"ecommerce/magento/m2_test_address_import_update.csv", magentoAddress},
	{"ecommerce/magento/m2_test_customer_composite_update.csv", magentoComposite},
	{"ecommerce/magento/m2_test_customers_to_import.csv", concat(magentoCustomerHead(),
		cols("default_billing", Ignore, "default_shipping", Ignore), magentoCustomerBody(), cols(
			"rp_token", Ignore, "rp_token_created_at", Ignore, "store_id", Ignore, "suffix", Ignore, "taxvat", "vat_number",
			"website_id", Ignore, "password", Ignore))},
	{"ecommerce/magento/m2_test_import_uk_address.csv", magentoAddress},

	{"ecommerce/prestashop/ps16_addresses_import.csv", prestashopAddresses("Adress ID", true, "Customer e-mail*", "Zipcode*")},
	{"ecommerce/prestashop/ps16_customers_import.csv", prestashopCustomers(false)},
	{"ecommerce/prestashop/ps8_customers_import.csv", prestashopCustomers(true)},
	{"ecommerce/prestashop/ps8_tests_customers_insert.csv", cols("email", "email", "passwd", Ignore,
		"lastname", "last_name", "firstname", "first_name", "active", Ignore)},
	{"ecommerce/prestashop/ps_old_adresses_import_fr.csv", prestashopAddresses("ID", false, "Customer e-mail", "Postcode* / Zipcode*")},

	// WooCommerce Subscriptions: one row per subscription. The account's
	// e-mail is the customer's (billing_email repeats it), the shipping
	// names repeat the billing ones; order amounts, dates and items are
	// the subscription's. Its payment method and currency are the
	// customer's, and the customer's note goes to the notes.
	{"ecommerce/woocommerce/wcs-import-sample.csv", cols(
		"Row Description (Do not import)", Ignore, "customer_id", Ignore, "customer_username", Ignore,
		"customer_email", "email", "subscription_status", Ignore, "start_date", Ignore, "trial_end_date", Ignore,
		"next_payment_date", Ignore, "last_payment_date", "last_payment_date", "end_date", Ignore, "billing_period", Ignore,
		"billing_interval", Ignore, "order_shipping", Ignore, "order_shipping_tax", Ignore, "order_tax", Ignore,
		"cart_discount", Ignore, "cart_discount_tax", Ignore, "order_total", Ignore, "order_currency", "currency",
		"payment_method", "payment_method", "payment_method_title", Ignore, "payment_method_post_meta", Ignore,
		"payment_method_user_meta", Ignore, "shipping_method", Ignore,
		"billing_first_name", "first_name", "billing_last_name", "last_name", "billing_email", Ignore,
		"billing_phone", "phones", "billing_address_1", "billing_line1", "billing_address_2", "billing_line2",
		"billing_postcode", "postcode", "billing_city", "city", "billing_state", "state", "billing_country", "country",
		"billing_company", "company_name", "shipping_first_name", Ignore, "shipping_last_name", Ignore,
		"shipping_address_1", "shipping_line1", "shipping_address_2", "shipping_line2", "shipping_postcode", "shipping_postcode",
		"shipping_city", "shipping_city", "shipping_state", Ignore, "shipping_country", "shipping_country",
		"shipping_company", Ignore, "customer_note", "notes", "order_items", Ignore, "order_notes", Ignore,
		"coupon_items", Ignore, "fee_items", Ignore, "tax_items", Ignore, "download_permissions", Ignore)},

	{"erp/dolibarr/Example_import_company_1.csv", dolibarrCompany("Name* (s.nom)", "BarCode (s.gencod)")},
	{"erp/dolibarr/file_import_company_1.csv", dolibarrCompany("Name* (s.name)", "BarCode (s.barcode)")},

	// Frappe's test document type: nothing here describes a customer
	// ("Title" is the document's, not a civility).
	{"erp/frappe/sample_import_file_semicolon.csv", cols("Title", Ignore, "Description", Ignore, "Number", Ignore,
		"another_number", Ignore, "ID (Table Field 1)", Ignore, "Child Title (Table Field 1)", Ignore,
		"Child Description (Table Field 1)", Ignore, "Child 2 Title (Table Field 2)", Ignore,
		"Child 2 Date (Table Field 2)", Ignore, "Child 2 Number (Table Field 2)", Ignore,
		"Child Title (Table Field 1 Again)", Ignore, "Child Date (Table Field 1 Again)", Ignore,
		"Child Number (Table Field 1 Again)", Ignore, "table_field_1_again.child_another_number", Ignore)},

	// Odoo: "Name" holds a person's or a company's whole name, and the
	// kind column says which; "Related company" is the parent of a
	// contact, not the contact's own company name.
	{"erp/odoo/coffice_m2m_customers_tags.csv", cols("Name", "last_name", "Reference", "reference", "Tags", "groups",
		"Customer", Ignore, "Street", "billing_line1", "City", "city", "Country", "country")},
	{"erp/odoo/coffice_o2m_customers_contacts.csv", cols("Name", "last_name", "Is a company", "kind",
		"Related company", Ignore, "Address type", Ignore, "Street", "billing_line1", "ZIP", "postcode", "City", "city",
		"State", "state", "Country", "country")},
	{"erp/odoo/odoo_base_import_res.partner.csv", cols("ID", Ignore, "Name", "last_name", "Company Type", "kind",
		"Related Company", Ignore, "Customer", Ignore, "Supplier", "supplier", "Address Type", Ignore,
		"Street", "billing_line1", "Street2", "billing_line2", "City", "city", "State", "state", "ZIP", "postcode",
		"Country", "country", "Website", "website", "Phone", "phones", "Mobile", "phones", "Email", "email")},

	{"csv-spectrum/csvs/comma_in_quotes.csv", cols("first", "first_name", "last", "last_name", "address", "billing_line1",
		"city", "city", "zip", "postcode")},
	{"csv-spectrum/csvs/location_coordinates.csv", cols("Contact Phone Number", "phones", "Location Coordinates", Ignore,
		"Cities", "city", "Counties", Ignore)},

	{"xlsx/tealeg_inlineStrings.xlsx", cols("Date", Ignore, "Campaign", Ignore, "Impressions", Ignore, "Clicks", Ignore,
		"CTR", Ignore, "Avg. CPC", Ignore, "Spend", Ignore, "Sales Units", Ignore, "Sales", Ignore, "ROAS", Ignore)},
	{"xlsx/xlsx2csv_empty_row.xlsx", adReport},
	{"xlsx/xlsx2csv_no_cell_ids.xlsx", adReport},
}
