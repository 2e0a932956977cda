package sheet

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// xlsxCase is what a user would notice about one real-world workbook.
type xlsxCase struct {
	file      string
	opt       Options
	sheets    []string // all sheets, workbook order
	sheet     string   // the one read
	headerRow int
	firstCol  int
	header    []string
	rows      int
	values    map[int][]string // Line → Cells
	extra     map[int][]string // Line → Extra
}

func TestXLSXCorpus(t *testing.T) {
	cases := []xlsxCase{
		// First sheet is empty: the first sheet with data is chosen. Dates in
		// the 1904 system, a boolean stored as the formula =TRUE, a note
		// beyond the header that lands in Extra.
		{file: "csvkit_sheets.xlsx", sheets: []string{"not this one", "data", "ʤ"}, sheet: "data", headerRow: 1, firstCol: 1,
			header: []string{"text", "date", "integer", "boolean", "float", "datetime", "empty_column"}, rows: 5,
			values: map[int][]string{
				2: {"Chicago Reader", "1971-01-01", "40", "TRUE", "1", "1971-01-01 04:14:00", ""},
				3: {"Chicago Sun-Times", "1948-01-01", "63", "TRUE", "1.27", "1948-01-01 14:57:13", ""},
				4: {"Chicago Tribune", "1920-01-01", "164", "FALSE", "41800000.01", "1920-01-01 00:00:00", ""},
			},
			extra: map[int][]string{3: {"Extra data beyond headers will be trimmed"}}},
		{file: "csvkit_sheets.xlsx", opt: Options{Sheet: "ʤ"}, sheets: []string{"not this one", "data", "ʤ"}, sheet: "ʤ", headerRow: 1, firstCol: 1,
			header: []string{"a", "b", "c"}, rows: 1, values: map[int][]string{2: {"1", "2", "3"}}},
		// Title block in B1:B5 and a group header in I9 above the real header
		// in B10:K10; inline strings, no sharedStrings part. Currency and
		// grouped numbers read as plain numbers, percentages keep their
		// decimals. The "*" in L11 is outside the table.
		{file: "tealeg_inlineStrings.xlsx", sheets: []string{"Activity by Day"}, sheet: "Activity by Day", headerRow: 10, firstCol: 2,
			header: []string{"Date", "Campaign", "Impressions", "Clicks", "CTR", "Avg. CPC", "Spend", "Sales Units", "Sales", "ROAS"}, rows: 27,
			values: map[int][]string{
				11: {"06/25/16", "Malformed Campaign", "3599619", "13351", "0.371%", "2.63", "35117.57", "58", "16751.59", "48%"},
				15: {"06/21/16", "Malformed Campaign", "2232153", "6702", "0.300%", "2.52", "16868.27", "78", "23181.80", "137%"},
			},
			extra: map[int][]string{11: {"*"}}},
		// 1904 date system: serial 40543 with mm-dd-yy is 2015-01-01.
		{file: "tealeg_testcelltypes.xlsx", opt: Options{NoHeader: true}, sheets: []string{"Sheet1"}, sheet: "Sheet1", firstCol: 1,
			header: []string{"Colonne 1", "Colonne 2"}, rows: 8,
			values: map[int][]string{
				1: {"hello world", "string"}, 2: {"日本語", "string"}, 3: {"12345", "int"}, 4: {"1.024", "float"},
				5: {"2015-01-01", "date"}, 6: {"TRUE", "bool"}, 7: {"30", "formula"}, 8: {"#DIV/0!", "error"},
			}},
		// A 13-digit number keeps all its digits.
		{file: "excelize_OverflowNumericCell.xlsx", opt: Options{NoHeader: true}, sheets: []string{"Sheet1"}, sheet: "Sheet1", firstCol: 1,
			header: []string{"Colonne 1"}, rows: 1, values: map[int][]string{1: {"8595602512225"}}},
		{file: "excelize_SharedStrings.xlsx", opt: Options{Sheet: "Sheet2", NoHeader: true}, sheets: []string{"Sheet1", "Sheet2"}, sheet: "Sheet2", firstCol: 1,
			header: []string{"Colonne 1"}, rows: 1, values: map[int][]string{1: {"Test Weight (Kgs)"}}},
		{file: "excelize_SharedStrings.xlsx", opt: Options{NoHeader: true}, sheets: []string{"Sheet1", "Sheet2"}, sheet: "Sheet1", firstCol: 1,
			header: []string{"Colonne 1"}, rows: 1, values: map[int][]string{1: {"A"}}},
		// LibreOffice, diagonal gaps.
		{file: "tealeg_empty_cells.xlsx", opt: Options{NoHeader: true}, sheets: []string{"Sheet1"}, sheet: "Sheet1", firstCol: 1,
			header: []string{"Colonne 1", "Colonne 2", "Colonne 3", "Colonne 4"}, rows: 4,
			values: map[int][]string{1: {"", "B1", "C1", "D1"}, 2: {"A2", "", "C2", "D2"}, 3: {"A3", "B3", "", "D3"}, 4: {"A4", "B4", "C4", ""}}},
		// Empty leading rows and columns: Line and FirstColumn are Excel's.
		{file: "tealeg_empty_rows.xlsx", sheets: []string{"EmptyRows", "EmptyCols", "EmptyRowsAndCols"}, sheet: "EmptyRows", headerRow: 3, firstCol: 1,
			header: []string{"A3", "B3"}, rows: 1, values: map[int][]string{4: {"A4", "B4"}}},
		{file: "tealeg_empty_rows.xlsx", opt: Options{Sheet: "EmptyCols"}, sheets: []string{"EmptyRows", "EmptyCols", "EmptyRowsAndCols"}, sheet: "EmptyCols", headerRow: 1, firstCol: 3,
			header: []string{"C1", "D1"}, rows: 1, values: map[int][]string{2: {"C2", "D2"}}},
		{file: "tealeg_empty_rows.xlsx", opt: Options{Sheet: "emptyrowsandcols"}, sheets: []string{"EmptyRows", "EmptyCols", "EmptyRowsAndCols"}, sheet: "EmptyRowsAndCols", headerRow: 3, firstCol: 3,
			header: []string{"C3", "D3"}, rows: 1, values: map[int][]string{4: {"C4", "D4"}}},
		{file: "tealeg_googleDocsTest.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 1, firstCol: 1,
			header: []string{"This is a test spreadsheet", "It has a couple of columns"}, rows: 1,
			values: map[int][]string{2: {"as well as a couple of rows", "hello hello"}}},
		{file: "tealeg_macNumbersTest.xlsx", sheets: []string{"主动技能"}, sheet: "主动技能", headerRow: 1, firstCol: 1, header: []string{"编号"}},
		{file: "tealeg_wpsBlankLineTest.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 1, firstCol: 1, header: []string{"编号"}, rows: 2,
			values: map[int][]string{3: {"编号"}, 5: {""}}, extra: map[int][]string{5: {"", "编号"}}},
		// Prefixed namespaces (x:row, x:c).
		{file: "tealeg_namespaced.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 1, firstCol: 1,
			header: slices.Repeat([]string{"w"}, 13), rows: 1,
			values: map[int][]string{2: {"w", "w", "", "", "w", "w", "w", "w", "w", "w", "", "w", ""}}},
		// No styles, no shared strings; a one-cell title row above the header.
		{file: "tealeg_noStylesAndSharedStringsTest.xlsx", sheets: []string{"10 Aug 2013 19_11_21"}, sheet: "10 Aug 2013 19_11_21", headerRow: 2, firstCol: 1, rows: 2604},
		{file: "tealeg_testfile.xlsx", sheets: []string{"Tabelle1", "Tabelle2", "Tabelle3"}, sheet: "Tabelle1", headerRow: 1, firstCol: 1,
			header: []string{"Foo", "Bar"}, rows: 1, values: map[int][]string{2: {"Baz", "Quuk"}}},
		// Dates stored as text stay text. Vertical merges (A2:A3, A4:A5) give
		// their value to every row they cover; the horizontal merge B7:C7 is
		// not copied into Quantity (tealeg's "unmerged" expectation copies it:
		// a deliberate difference, see mergeFill).
		{file: "tealeg_merged_cells.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 1, firstCol: 1,
			header: []string{"Date", "Product", "Quantity"}, rows: 6,
			values: map[int][]string{
				2: {"01.01.2016", "A", "4"}, 3: {"01.01.2016", "B", "23"}, 5: {"02.01.2016", "C", "5"},
				7: {"31.12.2017", "Happy New Year!", ""},
			}},
		// Merges A1:A2, B2:C2, D1:E2: only the vertical spans are copied down
		// (MANIFEST's fully unmerged grid also fills C2, E1, E2).
		{file: "tealeg_merged_cells2.xlsx", opt: Options{NoHeader: true}, sheets: []string{"Sheet 1"}, sheet: "Sheet 1", firstCol: 1, rows: 3,
			values: map[int][]string{
				1: {"A0A1", "B0", "C0", "D0E0D1E1", ""},
				2: {"A0A1", "B1C1B2C2", "", "D0E0D1E1", ""},
				3: {"A2", "B2", "C2", "D2", "E2"},
			}},
		{file: "excelize_MergeCell.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 1, firstCol: 1,
			header: []string{"A1", "Colonne 2", "C1", "D1"}, rows: 11,
			values: map[int][]string{3: {"A2", "B3", "C3", "D3"}, 5: {"A4", "", "C5", "D5"}, 10: {"A7", "", "", "D10"}}},
		{file: "excelize_Book1.xlsx", opt: Options{Sheet: "Sheet2"}, sheets: []string{"Sheet1", "Sheet2"}, sheet: "Sheet2", headerRow: 1, firstCol: 1,
			header: []string{"Monitor", "Colonne 2", "Brand", "Colonne 4", "inlineStr"}, rows: 10,
			values: map[int][]string{2: {"> 23 Inch", "19", "HP", "200", ""}, 11: {"", "", "Other", "37", ""}}},
		// LibreOffice: workbook order b, e, d, a differs from part order.
		{file: "xlsx2csv_sheets_order.xlsx", sheets: []string{"b", "e", "d", "a"}, sheet: "b", headerRow: 1, firstCol: 1,
			header: []string{"x", "y"}, rows: 25, values: map[int][]string{2: {"-10", "-1000"}, 26: {"14", "2744"}}},
		// An empty first row (empty strings, merged A3:G3 below): header on row 2.
		{file: "xlsx2csv_empty_row.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 2, firstCol: 1, rows: 1,
			values: map[int][]string{3: append([]string{"At the moment no data for report"}, slices.Repeat([]string{""}, 12)...)}},
		// Cells without r= and a BOM inside the sheet XML.
		{file: "xlsx2csv_no_cell_ids.xlsx", sheets: []string{"Sheet1"}, sheet: "Sheet1", headerRow: 2, firstCol: 1, rows: 1,
			header: []string{"Date", "Agency", "Customer", "Campaign", "Publisher", "Format", "Inventory", "Impressions", "Clicks", "CTR (%)", "Price", "Price model", "Revenue"}},
	}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.opt.Sheet, func(t *testing.T) {
			det, header, rows := readAll(t, corpus(t, "xlsx/"+tc.file), tc.opt)
			if det.Format != FormatXLSX || !slices.Equal(det.Sheets, tc.sheets) || det.Sheet != tc.sheet {
				t.Errorf("format %s sheets %q read %q, want xlsx %q read %q", det.Format, det.Sheets, det.Sheet, tc.sheets, tc.sheet)
			}
			if det.HeaderRow != tc.headerRow || det.FirstColumn != tc.firstCol {
				t.Errorf("header row %d first column %d, want %d and %d", det.HeaderRow, det.FirstColumn, tc.headerRow, tc.firstCol)
			}
			if tc.header != nil && !slices.Equal(header, tc.header) {
				t.Errorf("header %q, want %q", header, tc.header)
			}
			if len(rows) != tc.rows {
				t.Errorf("%d data rows, want %d", len(rows), tc.rows)
			}
			byLine := map[int]Row{}
			for _, r := range rows {
				byLine[r.Line] = r
				if want := tc.extra[r.Line]; !slices.Equal(r.Extra, want) {
					t.Errorf("line %d Extra = %q, want %q", r.Line, r.Extra, want)
				}
			}
			for line, want := range tc.values {
				if got, ok := byLine[line]; !ok || !slices.Equal(got.Cells, want) {
					t.Errorf("line %d = %q, want %q", line, got.Cells, want)
				}
			}
		})
	}
}

// TestXLSX2CSVExpected compares every xlsx2csv test workbook with the CSV
// xlsx2csv produced for it. The whole sheet is read with NoHeader so that
// the header line is compared too. Inherent differences: rows whose cells
// are all empty are skipped by the reader (the expected first lines of
// empty_row, no_cell_ids and float), trailing empty cells are not part of a
// row (last-column-empty's "a,b,"), and cells are trimmed
// (skip_empty_lines' "Фамилия ").
func TestXLSX2CSVExpected(t *testing.T) {
	dir := corpus(t, "xlsx/xlsx2csv_expected")
	expected, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(expected) == 0 {
		t.Fatalf("no expected files: %v", err)
	}
	for _, exp := range expected {
		name := strings.TrimSuffix(filepath.Base(exp), ".csv")
		t.Run(name, func(t *testing.T) {
			book := filepath.Join(dir, "..", "xlsx2csv_"+name+".xlsx")
			for sheet, want := range readExpected(t, exp) {
				_, _, rows := readAll(t, book, Options{Sheet: sheet, NoHeader: true})
				if len(rows) != len(want) {
					t.Fatalf("sheet %q: %d non-empty rows, want %d", sheet, len(rows), len(want))
				}
				for i, r := range rows {
					got := append(slices.Clone(r.Cells), r.Extra...)
					if !slices.Equal(got[:width(got)], want[i]) {
						t.Errorf("sheet %q row %d (line %d) = %q, want %q", sheet, i, r.Line, got[:width(got)], want[i])
					}
				}
			}
		})
	}
}

// readExpected parses an xlsx2csv output: one CSV per sheet, several
// sheets separated by "-------- N - name" lines. Blank rows are dropped,
// cells trimmed, trailing empty cells removed.
func readExpected(t *testing.T, path string) map[string][][]string {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheets := map[string][][]string{}
	parts := strings.Split(string(raw), "-------- ")
	for i, part := range parts {
		sheet := "" // a single sheet: the first with data
		if len(parts) > 1 {
			if i == 0 {
				continue
			}
			title, body, _ := strings.Cut(part, "\n")
			_, sheet, _ = strings.Cut(strings.TrimSpace(title), " - ")
			part = body
		}
		r := csv.NewReader(strings.NewReader(part))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var rows [][]string
		for _, rec := range recs {
			for j := range rec {
				rec[j] = strings.TrimSpace(rec[j])
			}
			if w := width(rec); w > 0 {
				rows = append(rows, rec[:w])
			}
		}
		sheets[sheet] = rows
	}
	return sheets
}
