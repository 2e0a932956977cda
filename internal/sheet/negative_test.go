package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
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
