package sheet

import (
	"strings"
	"testing"
)

// csvCase is what a user would notice about one real-world CSV file: how it
// was read, its header, how many data rows, and a few values. records is
// counted as in MANIFEST.md: the header line plus the data rows.
type csvCase struct {
	file      string
	opt       Options
	encoding  string
	sure      bool
	delim     rune
	headerRow int
	columns   int
	records   int
	values    map[int]map[string]string // Line → column → value
	extra     map[int][]string          // Line → Row.Extra
}

func TestCSVCorpus(t *testing.T) {
	cases := []csvCase{
		// E-commerce exports.
		{file: "ecommerce/prestashop/ps16_customers_import.csv", encoding: EncodingUTF8, sure: false, delim: ';', headerRow: 1, columns: 12, records: 10,
			values: map[int]map[string]string{
				5:  {"Groups (x,y,z...)": "Customer, Carribean", "Email *": "James.Hook@prestashop.com"},
				6:  {"Birthday (yyyy-mm-dd)": "1900-01-01"},
				10: {"Last Name *": "Banning", "Default group ID": "5"},
			}},
		{file: "ecommerce/prestashop/ps16_addresses_import.csv", encoding: EncodingUTF8, sure: true, delim: ';', headerRow: 1, columns: 21, records: 17,
			// Every data row has a 22nd, empty field (trailing ';'): it must
			// be dropped, not shift the data nor become a column.
			values: map[int]map[string]string{
				2: {"Adress ID": "1", "Zipcode*": "12001", "Phone": "01 02 03 04 05", "DNI": ""},
				4: {"Zipcode*": "W11", "City*": "London"},
			}},
		{file: "ecommerce/prestashop/ps8_customers_import.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 13, records: 10,
			values: map[int]map[string]string{2: {"Registration date (yyyy-mm-dd)": "2015-01-10"}}},
		{file: "ecommerce/prestashop/ps_old_adresses_import_fr.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 19, records: 4,
			values: map[int]map[string]string{
				2: {"City*": "PARIS", "Phone": "140138844"}, // "PARIS " trimmed; the lost 0 stays lost (flagged later)
				3: {"City*": "Marseile"},
				4: {"Mobile Phone": "", "Phone": "(800) 275-2273"}, // no final newline
			}},
		{file: "ecommerce/prestashop/ps8_tests_customers_insert.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 5, records: 3,
			values: map[int]map[string]string{3: {"email": "behat.customer.b@example.com", "active": "1"}}},
		{file: "ecommerce/woocommerce/wcs-import-sample.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 51, records: 11,
			values: map[int]map[string]string{
				2: {"billing_phone": "(555) 555-5555", "billing_first_name": "George"},
			}},
		{file: "ecommerce/magento/m2_sample_customer.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 25, records: 2},
		{file: "ecommerce/magento/m2_sample_customer_address.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 24, records: 2,
			values: map[int]map[string]string{2: {"postcode": "10044", "street": "Main Street 1"}}},
		{file: "ecommerce/magento/m2_sample_customer_composite.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 38, records: 2,
			values: map[int]map[string]string{2: {"_address_street": "Main Street 1\nSuite 200"}}},
		{file: "ecommerce/magento/m2_test_customers_to_import.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 24, records: 7,
			values: map[int]map[string]string{2: {"created_at": "5/6/2012 15:53", "dob": "5/6/2010"}}},
		{file: "ecommerce/magento/m2_test_customer_composite_update.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 38, records: 6,
			values: map[int]map[string]string{3: {"email": "", "_address_city": "Irvine", "_address_postcode": "92664"}}},
		{file: "ecommerce/magento/m2_test_address_import_update.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 24, records: 4},
		{file: "ecommerce/magento/m2_test_import_uk_address.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 24, records: 2,
			values: map[int]map[string]string{2: {"telephone": "+443450507080", "postcode": "L2 2AY"}}},

		// ERP / CRM samples.
		{file: "erp/odoo/odoo_base_import_res.partner.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 17, records: 7,
			values: map[int]map[string]string{3: {"Related Company": "Grocery Outlet", "Customer": ""}, 2: {"Customer": "TRUE"}}},
		{file: "erp/odoo/coffice_o2m_customers_contacts.csv", encoding: EncodingUTF8, sure: true, delim: ',', headerRow: 1, columns: 9, records: 9,
			values: map[int]map[string]string{2: {"City": "San José"}}},
		{file: "erp/odoo/coffice_m2m_customers_tags.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 7, records: 6,
			values: map[int]map[string]string{3: {"Name": "Services & Finance", "Tags": "Consultancy Services,IT Services", "Customer": "True"}}},
		{file: "erp/dolibarr/Example_import_company_1.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 28, records: 2,
			values: map[int]map[string]string{2: {"DateCreation (s.datec)": "01/01/00", "Zip (s.cp)": "123456", "VATIntraShort (s.tva_intra)": "FR0123456789"}}},
		{file: "erp/dolibarr/file_import_company_1.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 28, records: 3,
			values: map[int]map[string]string{3: {"CustomerCode (s.code_client)": "auto"}}},
		// `""` followed by spaces: five records of fourteen trimmed fields.
		{file: "erp/frappe/sample_import_file_semicolon.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 14, records: 5,
			values: map[int]map[string]string{
				2: {"Title": "Test 5", "ID (Table Field 1)": "", "Child Description (Table Field 1)": "child description with ,comma and", "table_field_1_again.child_another_number": "7"},
				3: {"Title": "", "Child Title (Table Field 1)": "child title 2", "Child 2 Date (Table Field 2)": "30-10-2019"},
				5: {"Title": "Test 4", "table_field_1_again.child_another_number": "71"},
			}},

		// csvkit examples.
		{file: "csv-edge/csvkit/bad.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 4,
			values: map[int]map[string]string{3: {"column_a": "", "column_b": "I'm too short!", "column_c": ""}},
			extra:  map[int][]string{2: {"I'm too long!"}}},
		{file: "csv-edge/csvkit/bad_skip_lines.csv", encoding: EncodingUTF8, delim: ',', headerRow: 4, columns: 3, records: 4,
			extra: map[int][]string{5: {"I'm too long!"}}},
		{file: "csv-edge/csvkit/test_skip_lines.csv", encoding: EncodingUTF8, delim: ',', headerRow: 4, columns: 3, records: 2,
			values: map[int]map[string]string{5: {"a": "1", "c": "3"}}},
		{file: "csv-edge/csvkit/blanks.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 6, records: 2,
			values: map[int]map[string]string{2: {"b": "NA", "c": "N/A", "d": "NONE", "e": "NULL", "f": "."}}},
		// CR-only line ends, a CR inside quotes stays in the cell.
		{file: "csv-edge/csvkit/mac_newlines.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{3: {"a": "Once upon\ra time", "c": "6"}}},
		// NUL bytes are stripped.
		{file: "csv-edge/csvkit/null_byte.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2,
			values: map[int]map[string]string{2: {"a": "", "b": "2"}}},
		{file: "csv-edge/csvkit/optional_quote_characters.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2},
		{file: "csv-edge/csvkit/sniff_limit.csv", encoding: EncodingUTF8, delim: ';', headerRow: 1, columns: 3, records: 2},
		{file: "csv-edge/csvkit/test_locale.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2,
			values: map[int]map[string]string{2: {"a": "1,7", "b": "200.000.000", "c": ""}}},
		{file: "csv-edge/csvkit/test_locale_converted.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2,
			values: map[int]map[string]string{2: {"a": "1.7", "b": "200000000", "c": ""}}},
		{file: "csv-edge/csvkit/test_no_leading_zeroes.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2,
			values: map[int]map[string]string{2: {"a": "01", "b": "00.11"}}},
		{file: "csv-edge/csvkit/date_like_number.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 1, records: 2,
			values: map[int]map[string]string{2: {"a": "4.5"}}},
		{file: "csv-edge/csvkit/test_date_format.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 1, records: 3,
			values: map[int]map[string]string{3: {"a": "31/12/2012"}}},
		{file: "csv-edge/csvkit/test_numeric_date_format.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 1, records: 3},
		{file: "csv-edge/csvkit/test_extra_header.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 4, records: 2,
			values: map[int]map[string]string{2: {"c": "3", "d": ""}}},
		// Rows of empty fields only: skipped.
		{file: "csv-edge/csvkit/test_empty_columns_long_row.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 1},
		{file: "csv-edge/csvkit/test_empty_columns_short_row.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 1},
		// The header cell "\t\n\v\f\r start \t\n\v\f\r end \t\n\v\f\r" is trimmed, inner white space kept.
		{file: "csv-edge/csvkit/test_header_newline.csv", encoding: EncodingUTF8, delim: ',', headerRow: 1, columns: 3, records: 2,
			values: map[int]map[string]string{2: {"start \t\n\v\f\r end": "d"}}},
		// MANIFEST says é = 0xE9; the byte is in fact 0xA9, © in ISO-8859-1
		// and Windows-1252 alike (csvkit's own test expects ©).
		{file: "csv-edge/csvkit/test_latin1.csv", encoding: EncodingCP1252, sure: false, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{3: {"c": "©"}}},
		{file: "csv-edge/csvkit/test_utf8.csv", encoding: EncodingUTF8, sure: true, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{3: {"baz": "ʤ"}}},
		{file: "csv-edge/csvkit/test_utf8_bom.csv", encoding: EncodingUTF8, sure: true, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{2: {"foo": "1"}, 3: {"baz": "ʤ"}}},
		{file: "csv-edge/csvkit/test_utf16_little.csv", encoding: EncodingUTF16LE, sure: true, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{3: {"c": "ʤ"}}},
		{file: "csv-edge/csvkit/test_utf16_big.csv", encoding: EncodingUTF16BE, sure: true, delim: ',', headerRow: 1, columns: 3, records: 3,
			values: map[int]map[string]string{3: {"c": "ʤ"}}},
		// No header: the user says so; its one line is data (records counts
		// a header line, so 2).
		{file: "csv-edge/csvkit/no_header_row.csv", opt: Options{NoHeader: true}, encoding: EncodingUTF8, delim: ',', headerRow: 0, columns: 3, records: 2,
			values: map[int]map[string]string{1: {"Colonne 1": "1", "Colonne 3": "3"}}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			det, header, rows := readAll(t, corpus(t, tc.file), tc.opt)
			if det.Format != FormatCSV || det.Encoding != tc.encoding || det.Delimiter != tc.delim {
				t.Errorf("read as %s %s %q, want csv %s %q", det.Format, det.Encoding, det.Delimiter, tc.encoding, tc.delim)
			}
			if tc.sure && !det.EncodingSure {
				t.Errorf("EncodingSure = false, want true")
			}
			if tc.encoding == EncodingCP1252 && det.EncodingSure {
				t.Errorf("Windows-1252 fallback reported as sure")
			}
			if det.HeaderRow != tc.headerRow || det.Columns != tc.columns || len(header) != tc.columns {
				t.Errorf("header row %d, %d columns (%d names), want row %d, %d columns", det.HeaderRow, det.Columns, len(header), tc.headerRow, tc.columns)
			}
			if dataRows := tc.records - 1; len(rows) != dataRows {
				t.Errorf("%d data rows, want %d", len(rows), tc.records-1)
			}
			byLine := map[int]Row{}
			for _, r := range rows {
				byLine[r.Line] = r
				if want, ok := tc.extra[r.Line]; ok {
					if strings.Join(r.Extra, "|") != strings.Join(want, "|") {
						t.Errorf("line %d Extra = %q, want %q", r.Line, r.Extra, want)
					}
				} else if r.Extra != nil {
					t.Errorf("line %d unexpected Extra %q", r.Line, r.Extra)
				}
			}
			for line, cols := range tc.values {
				r, ok := byLine[line]
				if !ok {
					t.Errorf("no data row at line %d", line)
					continue
				}
				for col, want := range cols {
					if got := cell(t, header, r, col); got != want {
						t.Errorf("line %d %q = %q, want %q", line, col, got, want)
					}
				}
			}
		})
	}
}

// location_coordinates.csv: a bare quote inside an unquoted field is a
// literal; its JSON oracle is wrong upstream (phone 1234567890, not an
// array), so only what the CSV says is checked.
func TestCSVSpectrumLocationCoordinates(t *testing.T) {
	_, header, rows := readAll(t, corpus(t, "csv-spectrum/csvs/location_coordinates.csv"), Options{})
	if len(header) != 4 || len(rows) != 1 {
		t.Fatalf("got %d columns, %d data rows; want 4 columns, 1 data row (2 records)", len(header), len(rows))
	}
	if got := cell(t, header, rows[0], "Contact Phone Number"); got != "2095257564" {
		t.Errorf("phone = %q", got)
	}
	if got := cell(t, header, rows[0], "Location Coordinates"); got != "37\uFFFD36'37.8\"N 121\uFFFD2'17.9\"W" {
		t.Errorf("coordinates = %q", got)
	}
	if got := cell(t, header, rows[0], "Counties"); got != "Stanislaus" {
		t.Errorf("county = %q", got)
	}
}

func TestCSVEmptyCorpusFile(t *testing.T) {
	// csvkit's empty.csv is a single newline: no header, no data.
	if e := openErr(t, corpus(t, "csv-edge/csvkit/empty.csv"), Options{}); e.Code != CodeNoData {
		t.Errorf("code %s, want %s", e.Code, CodeNoData)
	}
}
