package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"carnet/internal/corpustest"
)

// The reader of xlsxrows.go replaced excelize's row iterator: every cell of
// every sheet must read as it did through excelize (xlsx_oracle_test.go),
// on every real workbook of the corpus and on generated ones.

// compareWorkbook reads every sheet of path both ways and reports each
// difference; it returns how many rows and cells were compared.
func compareWorkbook(t *testing.T, path string) (rows, cells int) {
	t.Helper()
	name := filepath.Base(path)
	sheets, _, err := ownSheet(t, path, "")
	if err != nil {
		if _, xerr := excelizeSheet(t, path, "Sheet1"); xerr == nil {
			t.Errorf("%s: refused (%v), excelize reads it", name, err)
		}
		return 0, 0
	}
	for _, sheet := range sheets {
		want, wantErr := excelizeSheet(t, path, sheet)
		_, got, gotErr := ownSheet(t, path, sheet)
		if (wantErr != nil) != (gotErr != nil) {
			t.Errorf("%s!%s: error %v, excelize %v", name, sheet, gotErr, wantErr)
			continue
		}
		for i := range max(len(want), len(got)) {
			var w, g rawRow
			if i < len(want) {
				w = want[i]
			}
			if i < len(got) {
				g = got[i]
			}
			if w.line != g.line || !slices.Equal(w.cells, g.cells) {
				t.Errorf("%s!%s: row %d = line %d %q, excelize line %d %q", name, sheet, i+1, g.line, g.cells, w.line, w.cells)
				continue
			}
			rows++
			cells += len(w.cells)
		}
	}
	return rows, cells
}

// Every workbook of the corpus, every sheet.
func TestXLSXReaderMatchesExcelizeOnCorpus(t *testing.T) {
	dir := corpustest.Folder(t)
	var books, rows, cells int
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			r, c := compareWorkbook(t, p)
			books, rows, cells = books+1, rows+r, cells+c
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if books < 25 || cells < 10_000 {
		t.Errorf("compared %d workbooks, %d cells: the corpus should give more", books, cells)
	}
	t.Logf("%d workbooks, %d rows, %d cells read as excelize reads them", books, rows, cells)
}

// The benchmark's workbook: inline strings, numbers, a date column.
func TestXLSXReaderMatchesExcelizeOnBenchWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.xlsx")
	writeBenchXLSX(t, path, 3000)
	if rows, _ := compareWorkbook(t, path); rows < 3000 {
		t.Errorf("%d rows compared", rows)
	}
}

// A workbook written by excelize as a program would: shared strings, the
// formats of customer files, formulas with and without a cached value,
// rich text, booleans, a hidden sheet.
func TestXLSXReaderMatchesExcelizeOnFormats(t *testing.T) {
	path := formatsWorkbook(t)
	if rows, cells := compareWorkbook(t, path); cells < 500 {
		t.Errorf("%d rows, %d cells compared", rows, cells)
	}
}

// Hand-written sheet XML: what other producers write and what excelize
// reads in its own way.
func TestXLSXReaderMatchesExcelizeOnXML(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.000%"/></numFmts>` +
		`<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
		`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="2"/><xf/></cellXfs></styleSheet>`
	sst := sstHead + `<si><t>plain</t></si><si><t xml:space="preserve">  spaced  </t></si>` +
		`<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and more</t></r></si>` +
		`<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>` +
		`<si><t>Dupré &amp; Fils &lt;SARL&gt; &#233;t&#xE9;</t></si><si><t>line_x000D_break_x005F_x0041_</t></si>` +
		`<si><t/></si><si/><si><t><![CDATA[a<b]]> c</t></si><si><t>ligne 1` + "\r\n" + `ligne 2</t></si></sst>`
	cases := map[string]string{
		"types": `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
			`<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c><c r="J1" t="s"><v> 9 </v></c></row>` +
			`<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="b"><v>2</v></c><c r="D2" t="e"><v>#N/A</v></c>` +
			`<c r="E2" t="str"><f>A1&amp;"x"</f><v>plainx</v></c><c r="F2"><f>1/0</f></c><c r="G2" t="inlineStr"><is><r><t>Rich</t></r><r><t> inline</t></r></is></c>` +
			`<c r="H2" t="inlineStr"><v>no is</v></c><c r="I2" t="s"><v>x</v></c><c r="J2" t="n"><v>1E3</v></c></row>` +
			`<row r="3"><c r="A3" s="1"><v>45366</v></c><c r="B3" s="1" t="d"><v>2024-03-15T00:00:00Z</v></c><c r="C3" t="d"><v>2024-03-15T12:30:00Z</v></c>` +
			`<c r="D3" s="1" t="d"><v>2024-03-15</v></c><c r="E3" s="2"><v>0.012345</v></c><c r="F3" s="3"><v>-1234.565</v></c><c r="G3" s="4"><v>0.1</v></c>` +
			`<c r="H3" s="9"><v>7</v></c><c r="I3" s="-1"><v>8</v></c><c r="J3" s="2" t="s"><v>0</v></c></row>`,
		"numbers": `<row r="1"><c r="A1"><v>0.10</v></c><c r="B1"><v>007</v></c><c r="C1"><v>-0</v></c><c r="D1"><v>12345678901234567890</v></c>` +
			`<c r="E1"><v>1234567890123456</v></c><c r="F1"><v>0.1234567890123456789</v></c><c r="G1"><v>1_000</v></c><c r="H1"><v> 12 </v></c>` +
			`<c r="I1"><v>+5</v></c><c r="J1"><v>.5</v></c><c r="K1"><v>1e-7</v></c><c r="L1"><v>3.0000000000000004</v></c></row>`,
		"layout": `<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c><c r="A3"><v>5</v></c></row>` +
			`<row r="5"/><row r="6"><c r="B6" t="inlineStr"><is><t>six</t></is></c></row><row r="6"><c r="A6"><v>dup</v></c></row>` +
			`<row r="4"><c r="A4"><v>back</v></c></row><row r="9" spans="1:2"><c r="$B$9"><v>abs</v></c><c r="d9"><v>lower</v></c></row>` +
			`<row r="10"><c r="A10" s="x" t="s"><v>0</v></c><c r="B10" t="s" s="x"><v>0</v></c><c r="C10"><v>ok</v></c></row>`,
		"markup": `<!-- comment --><row r="1"><c r="A1" t="inlineStr"><is><t>a<!-- in -->b</t></is></c><c r="B1"><v>1<!-- x -->2</v></c>` +
			`<c r="C1" t="inlineStr"><is><t><![CDATA[<tag> & co]]></t></is></c><c r="D1" t='inlineStr'><is><t>quote's "double"</t></is></c>` +
			`<c r="E1" t="inlineStr"><is><t>&amp;amp; &#x1F600;</t></is></c><c r="F1" t="inlineStr"><is><t>_x0041_ _xZZZZ_ _x00e9_</t></is></c></row>`,
	}
	for name, rows := range cases {
		t.Run(name, func(t *testing.T) {
			files := withSharedStrings(minimalWorkbook(rows), sst)
			files["xl/styles.xml"] = styles
			path := writeZip(t, files)
			if _, cells := compareWorkbook(t, path); cells == 0 {
				t.Error("no cell compared")
			}
		})
	}
	t.Run("namespaced", func(t *testing.T) {
		files := withSharedStrings(minimalWorkbook(""), sst)
		files["xl/worksheets/sheet1.xml"] = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row x:r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>nom</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c x:r="C1" x:t="s"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`
		path := writeZip(t, files)
		if _, cells := compareWorkbook(t, path); cells != 3 {
			t.Errorf("%d cells compared, want 3", cells)
		}
		if _, rows, _ := ownSheet(t, path, "Feuil1"); len(rows) != 1 || len(rows[0].cells) != 3 || rows[0].cells[2] != "Dupré & Fils <SARL> été" {
			t.Errorf("rows %v: the shared string behind a prefixed type is missing", rows)
		}
	})
	t.Run("windows-1252", func(t *testing.T) {
		files := minimalWorkbook("")
		files["xl/worksheets/sheet1.xml"] = `<?xml version="1.0" encoding="windows-1252"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>H\xe9l\xe8ne \x80</t></is></c></row></sheetData></worksheet>"
		if _, cells := compareWorkbook(t, writeZip(t, files)); cells == 0 {
			t.Error("no cell compared")
		}
	})
}

// Numbers of every kind under every canonical format: the formatting must
// round and pad as excelize did.
func TestXLSXReaderMatchesExcelizeOnNumberFormats(t *testing.T) {
	codes := []string{"General", "0", "0.00", "0.0#", "0.##", "#,##0.00 €", "0%", "0.00%", "0.0#%", "0.##%", "00000", "000",
		"dd/mm/yyyy", "dd/mm/yyyy hh:mm", "hh:mm:ss", "[h]:mm:ss", "mm:ss", "0.00E+00", "@", "# ?/?", `"n°"0`}
	var xfs, fmts strings.Builder
	for i, c := range codes {
		fmt.Fprintf(&fmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, 164+i, strings.ReplaceAll(strings.ReplaceAll(c, "&", "&amp;"), `"`, "&quot;"))
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, 164+i)
	}
	styles := `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts>` + fmts.String() + `</numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills>` +
		`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs><xf numFmtId="0"/>` + xfs.String() + `</cellXfs></styleSheet>`
	values := []string{"0", "1", "-1", "0.5", "-0.5", "0.125", "0.005", "1.005", "2.675", "-2.675", "1234.5", "1234.565", "0.01234",
		"0.99999", "45366", "45366.5", "45366.999999", "60", "59.5", "0.000011574", "2958465", "2958466", "-45366", "1e-20",
		"123456789012345", "1234567890123456", "12345678901234567", "1.7976931348623157e308", "8595602512225", "3.14159265358979",
		"0.1", "0.7", "99.995", "100000", "1E3", "7.0", "-0", "1048576", "40543", "1.5e-5", "12345.6789012345"}
	var rows strings.Builder
	for i, v := range values {
		fmt.Fprintf(&rows, `<row r="%d">`, i+1)
		for j := range codes {
			fmt.Fprintf(&rows, `<c r="%s" s="%d"><v>%s</v></c>`, cellName(j+1, i+1), j+1, v)
		}
		rows.WriteString(`</row>`)
	}
	for _, date1904 := range []bool{false, true} {
		files := minimalWorkbook(rows.String())
		files["xl/styles.xml"] = styles
		if date1904 {
			files["xl/workbook.xml"] = strings.Replace(files["xl/workbook.xml"], "<sheets>", `<workbookPr date1904="1"/><sheets>`, 1)
		}
		if _, cells := compareWorkbook(t, writeZip(t, files)); cells < len(values)*len(codes) {
			t.Errorf("1904 %v: %d cells compared", date1904, cells)
		}
	}
}

// FuzzXLSXMatchesExcelize: whatever the worksheet and shared strings, as
// long as their XML is well-formed (excelize stops at the first flaw, the
// reader reads on), the reader gives what excelize gave.
func FuzzXLSXMatchesExcelize(f *testing.F) {
	cell := func(rows string) []byte { return []byte(sheetHead + rows + sheetTail) }
	sst := []byte(sstHead + `<si><t>Nom</t></si><si><r><t>Du</t></r><r><rPr><b/></rPr><t>pont</t></r></si><si><t xml:space="preserve"> Lyon </t></si></sst>`)
	f.Add(cell(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45292.5</v></c><c r="C1" s="2"><v>0.1234</v></c></row>`), sst)
	f.Add(cell(`<row><c s="3"><v>1234.5678</v></c><c s="4"><v>42</v></c><c t="b"><v>1</v></c></row><row r="5"><c r="B5" t="s"><v>1</v></c></row>`), sst)
	f.Add(cell(`<row r="2"><c r="C2" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c><c r="A2" t="str"><f>x</f><v>y</v></c></row>`), []byte(nil))
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="0.0#%"/>` +
		`<numFmt numFmtId="166" formatCode="#,##0.000"/><numFmt numFmtId="167" formatCode="00000"/></numFmts><fonts><font/></fonts><fills><fill/></fills>` +
		`<borders><border/></borders><cellXfs><xf/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		if len(sheet)+len(sst) > 64<<10 || !wellFormed(sheet) || sst != nil && !wellFormed(sst) {
			return
		}
		files := minimalWorkbook("")
		files["xl/worksheets/sheet1.xml"] = string(sheet)
		if sst != nil {
			files = withSharedStrings(files, string(sst))
		}
		files["xl/styles.xml"] = styles
		compareWorkbook(t, writeZip(t, files))
	})
}

// wellFormed tells whether encoding/xml reads b to its end without error.
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err != nil {
			return errors.Is(err, io.EOF)
		}
	}
}
