package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipFile builds a zip archive from name → content.
func zipFile(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, content := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(f, content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fakeOLE is a compound-file header followed by directory names, enough
// for the sniffer, which looks for stream names.
func fakeOLE(streams ...string) []byte {
	b := append([]byte{}, magicOLE...)
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		name := utf16Name(s)
		b = append(b, name...)
		b = append(b, make([]byte, 128-len(name))...)
	}
	return b
}

// Files that are not what the importer reads, or are damaged, give a typed
// error whose message (in both languages) says what the file is and what
// to do.
func TestUnsupportedFiles(t *testing.T) {
	cases := []struct {
		name    string
		path    func(t *testing.T) string
		code    string
		fr, en  string // what the message must say (what to do)
		formats bool   // SniffFormat gives the same error
	}{
		{"password-protected xlsx (excelize)", func(t *testing.T) string { return corpus(t, "xlsx/excelize_encryptSHA1.xlsx") },
			CodeEncrypted, "enlevez le mot de passe", "remove the password", true},
		{"damaged zip (Odoo test file through a text filter)", func(t *testing.T) string { return corpus(t, "xlsx/corrupt_odoo_test_utf8mangled.xlsx") },
			CodeDamaged, "enregistrez-le à nouveau en .xlsx", "save it again as .xlsx", true},
		{"workbook without worksheets", func(t *testing.T) string { return corpus(t, "xlsx/tealeg_badfile_noWorksheets.xlsx") },
			CodeNoWorksheet, "enregistrez-le à nouveau en .xlsx", "save it again as .xlsx", false},
		{"Excel 97-2003 .xls", func(t *testing.T) string {
			return write(t, "old.xls", fakeOLE("Root Entry", "Workbook", "\x05SummaryInformation"))
		}, CodeXLS, "enregistrez-le au format .xlsx", "save it as .xlsx", true},
		{"Excel 5 .xls (Book stream)", func(t *testing.T) string { return write(t, "older.xls", fakeOLE("Root Entry", "Book")) },
			CodeXLS, "classeur Excel 97-2003 (.xls)", "Excel 97-2003 workbook", true},
		{"Word 97 .doc", func(t *testing.T) string { return write(t, "lettre.doc", fakeOLE("Root Entry", "WordDocument")) },
			CodeUnsupported, "Importez un fichier .csv, .txt ou .xlsx", "Import a .csv, .txt or .xlsx file", true},
		{"OpenDocument .ods", func(t *testing.T) string {
			return write(t, "calc.ods", zipFile(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}))
		}, CodeODS, "enregistrez-le au format .xlsx", "save it as .xlsx", true},
		{"Excel binary .xlsb", func(t *testing.T) string {
			return write(t, "b.xlsb", zipFile(t, map[string]string{"[Content_Types].xml": "<x/>", "xl/workbook.bin": "\x00"}))
		}, CodeXLSB, "enregistrez-le au format .xlsx", "save it as .xlsx", true},
		{"Word .docx", func(t *testing.T) string {
			return write(t, "lettre.docx", zipFile(t, map[string]string{"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"}))
		}, CodeUnsupported, "document Word", "Word document", true},
		{"PDF named .csv", func(t *testing.T) string { return write(t, "clients.csv", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) },
			CodeUnsupported, "document PDF", "PDF document", true},
		{"binary junk", func(t *testing.T) string {
			return write(t, "junk.csv", bytes.Repeat([]byte{0, 1, 2, 3, 'a', 0, 0x10}, 200))
		},
			CodeUnsupported, "fichier binaire", "binary file", true},
		{"empty file", func(t *testing.T) string { return write(t, "vide.csv", nil) },
			CodeEmptyFile, "vide", "empty", true},
		{"empty xlsx-named file", func(t *testing.T) string { return write(t, "vide.xlsx", nil) },
			CodeEmptyFile, "vide", "empty", true},
		{"only blank lines", func(t *testing.T) string { return write(t, "blancs.csv", []byte("\r\n;;;\r\n  \r\n")) },
			CodeNoData, "aucune ligne", "no data row", false},
		{"missing file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "absent.csv") },
			CodeOpenFailed, "vérifiez qu’il existe", "check that it exists", true},
		{"unknown sheet", func(t *testing.T) string { return corpus(t, "xlsx/tealeg_testfile.xlsx") },
			CodeSheetNotFound, "choisissez parmi", "choose one of", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path(t)
			opt := Options{}
			if tc.code == CodeSheetNotFound {
				opt.Sheet = "Feuil1"
			}
			e := openErr(t, path, opt)
			if e.Code != tc.code {
				t.Fatalf("code %s (%s), want %s", e.Code, e.EN, tc.code)
			}
			if fr := e.Message("fr"); !strings.Contains(fr, tc.fr) || !strings.Contains(fr, filepath.Base(path)) {
				t.Errorf("French message %q should name the file and say %q", fr, tc.fr)
			}
			if en := e.Error(); !strings.Contains(en, tc.en) || en != e.Message("en") {
				t.Errorf("English message %q should say %q", en, tc.en)
			}
			if tc.formats {
				_, err := SniffFormat(path)
				var se *Error
				if !errors.As(err, &se) || se.Code != tc.code {
					t.Errorf("SniffFormat error %v, want code %s", err, tc.code)
				}
			}
		})
	}
}

func TestSniffFormat(t *testing.T) {
	for _, tc := range []struct {
		path string
		want Format
	}{
		{"xlsx/tealeg_testfile.xlsx", FormatXLSX},
		{"erp/frappe/sample_import_file_semicolon.csv", FormatCSV},
		{"csv-edge/csvkit/test_utf16_little.csv", FormatCSV},
		{"csv-edge/csvkit/null_byte.csv", FormatCSV},
	} {
		if got, err := SniffFormat(corpus(t, tc.path)); err != nil || got != tc.want {
			t.Errorf("SniffFormat(%s) = %s, %v; want %s", tc.path, got, err, tc.want)
		}
	}
	// By content, not by name: an XLSX named .csv is an XLSX.
	raw, err := os.ReadFile(corpus(t, "xlsx/tealeg_testfile.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := SniffFormat(write(t, "export.csv", raw)); err != nil || got != FormatXLSX {
		t.Errorf("xlsx named .csv: %s, %v", got, err)
	}
}

func TestBadOptions(t *testing.T) {
	path := write(t, "a.csv", []byte("a;b\n1;2\n"))
	for _, opt := range []Options{{Encoding: "klingon"}, {Delimiter: 'x'}, {Delimiter: '"'}, {Delimiter: 'é'}, {HeaderRow: -1}} {
		if e := openErr(t, path, opt); e.Code != CodeBadOption {
			t.Errorf("%+v: code %s, want %s", opt, e.Code, CodeBadOption)
		}
	}
	for _, opt := range []Options{{Encoding: "UTF8"}, {Encoding: "latin1"}, {Encoding: "auto"}, {Delimiter: ':'}} {
		if _, err := Open(path, opt); err != nil {
			t.Errorf("%+v: %v", opt, err)
		}
	}
}

func TestBadHeaderRow(t *testing.T) {
	path := write(t, "a.csv", []byte("titre\n\na;b\n1;2\n"))
	if e := openErr(t, path, Options{HeaderRow: 2}); e.Code != CodeBadHeaderRow || e.Line != 2 {
		t.Errorf("blank header row: %s line %d", e.Code, e.Line)
	}
	if e := openErr(t, path, Options{HeaderRow: 9}); e.Code != CodeBadHeaderRow || !strings.Contains(e.EN, "past the end") {
		t.Errorf("header row past the end: %s %q", e.Code, e.EN)
	}
	det, header, rows := readAll(t, path, Options{HeaderRow: 3})
	if det.HeaderRow != 3 || header[1] != "b" || len(rows) != 1 {
		t.Errorf("forced header row 3: %+v %q %v", det, header, rows)
	}
}

// A folder given as the file says so, in both languages, from Open and
// from SniffFormat.
func TestDirectoryIsNotAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "clients")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	e := openErr(t, dir, Options{})
	if e.Code != CodeIsDirectory || e.Message("fr") != "«\u00a0clients\u00a0» est un dossier, pas un fichier : ouvrez-le et choisissez le fichier .csv, .txt ou .xlsx à importer" ||
		!strings.Contains(e.Message("en"), `"clients" is a folder, not a file`) {
		t.Errorf("%s: %q / %q", e.Code, e.Message("fr"), e.Message("en"))
	}
	if _, err := SniffFormat(dir); !errors.As(err, &e) || e.Code != CodeIsDirectory {
		t.Errorf("SniffFormat: %v", err)
	}
}

// Random bytes, of any length, are a binary file: not a CSV file with an
// encoding problem.
func TestRandomBytesAreBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	for _, n := range []int{64, 100, 500, 4096, 8192, 100000} {
		for seed := range 20 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			if bytes.HasPrefix(b, magicZip) || bytes.HasPrefix(b, magicOLE) {
				continue
			}
			e := openErr(t, write(t, "random.csv", b), Options{})
			if e.Code != CodeUnsupported || !strings.Contains(e.FR, "fichier binaire") || !strings.Contains(e.EN, "binary file") {
				t.Errorf("%d random bytes (seed %d): %s %q", n, seed, e.Code, e.EN)
			}
		}
	}
	// Text with a few NULs, in Windows-1252, in UTF-8 (even Chinese), in
	// UTF-16: text.
	for name, content := range map[string][]byte{
		"nul":     []byte("a,b\n\x00,2\n1,\x00\n" + strings.Repeat("3,4\n", 10)),
		"ansi":    encode1252(t, strings.Repeat("Société;Besançon;Très bien;Nîmes\r\n", 100)),
		"chinese": []byte(strings.Repeat("编号,名称,城市\n1,主动技能,北京\n", 100)),
	} {
		if _, err := Open(write(t, name+".csv", content), Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A workbook whose cells take their text from a shared strings table that
// is missing (or too short) is damaged: its text would be lost silently.
func TestMissingSharedStrings(t *testing.T) {
	cells := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>7</v></c></row>`
	withSST := func(entries int) map[string]string {
		files := minimalWorkbook(cells)
		files["xl/sharedStrings.xml"] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + strings.Repeat("<si><t>nom</t></si>", entries) + `</sst>`
		files["xl/_rels/workbook.xml.rels"] = strings.Replace(files["xl/_rels/workbook.xml.rels"], "</Relationships>",
			`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, 1)
		return files
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		say   string
	}{
		{"no shared strings part", minimalWorkbook(cells), "manque"},
		{"fewer entries than used", withSST(2), "au-delà de la liste"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := openErr(t, writeZip(t, tc.files), Options{})
			if e.Code != CodeDamaged || !strings.Contains(e.FR, "classeur endommagé") || !strings.Contains(e.FR, tc.say) ||
				!strings.Contains(e.FR, "xl/sharedStrings.xml") || !strings.Contains(e.FR, "«\u00a0Feuil1\u00a0»") || !strings.Contains(e.EN, "damaged workbook") {
				t.Errorf("%s: %q", e.Code, e.FR)
			}
			checkTypography(t, e.FR, e.EN)
		})
	}
	_, header, rows := readAll(t, writeZip(t, withSST(3)), Options{})
	if len(header) != 2 || len(rows) != 1 || rows[0].Cells[0] != "nom" {
		t.Errorf("complete table: %q %v", header, rows)
	}
}
