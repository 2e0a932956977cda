package sheet

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encode1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The classic French Excel "CSV (séparateur : point-virgule)": Windows-1252,
// ';', CRLF, decimal comma, NBSP thousands separator, leading-zero postcode.
func TestFixtureExcelFrenchCSV(t *testing.T) {
	content := "Code client;Raison sociale;Ville;Code postal;Solde;Remarque\r\n" +
		"C001;Société Générale;Besançon;01000;1\u00a0234,56;\"Livrer côté cour; sonner\"\r\n" +
		"C002;L'Œuf à la coque;Orléans;45000;-12,00;\r\n" +
		"C003;  Café des Arts  ;Nîmes;30000;0,50;\"Dit \"\"le Café\"\"\"\r\n"
	path := write(t, "clients.csv", encode1252(t, content))
	det, header, rows := readAll(t, path, Options{})
	if det.Encoding != EncodingCP1252 || det.EncodingSure {
		t.Errorf("encoding %s sure=%v, want windows-1252 not sure", det.Encoding, det.EncodingSure)
	}
	if det.Delimiter != ';' || det.DelimiterConfidence < 0.7 {
		t.Errorf("delimiter %q confidence %.2f", det.Delimiter, det.DelimiterConfidence)
	}
	if want := []string{"Code client", "Raison sociale", "Ville", "Code postal", "Solde", "Remarque"}; !slices.Equal(header, want) {
		t.Errorf("header %q", header)
	}
	want := [][]string{
		{"C001", "Société Générale", "Besançon", "01000", "1\u00a0234,56", "Livrer côté cour; sonner"},
		{"C002", "L'Œuf à la coque", "Orléans", "45000", "-12,00", ""},
		{"C003", "Café des Arts", "Nîmes", "30000", "0,50", `Dit "le Café"`},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.Line != i+2 || !slices.Equal(r.Cells, want[i]) {
			t.Errorf("row %d (line %d) = %q, want %q", i, r.Line, r.Cells, want[i])
		}
	}
}

// A file whose first megabyte is plain ASCII then has a Windows-1252 é:
// the encoding is guessed UTF-8 (not sure) and the stray byte is read as
// Windows-1252 instead of being lost.
func TestFixtureLateWindows1252Byte(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("code;nom\n")
	for i := 0; b.Len() < encodingSniffBytes+1000; i++ {
		b.WriteString("C1;Dupont\n")
	}
	b.Write(encode1252(t, "C2;Hélène\n"))
	det, _, rows := readAll(t, write(t, "late.csv", b.Bytes()), Options{})
	if det.Encoding != EncodingUTF8 || det.EncodingSure {
		t.Errorf("encoding %s sure=%v, want utf-8 not sure", det.Encoding, det.EncodingSure)
	}
	if last := rows[len(rows)-1]; last.Cells[1] != "Hélène" {
		t.Errorf("last row %q, want Hélène", last.Cells)
	}
}

// Excel's "Texte Unicode (*.txt)": UTF-16LE with BOM, tab separated.
func TestFixtureUnicodeText(t *testing.T) {
	text := "Nom\tPrénom\tVille\tTéléphone\r\nDurand\tÉloïse\tSaint-Étienne\t06 12 34 56 78\r\n\"Martin\tfils\"\tJosé\tKraków\t\r\n"
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	b, err := enc.Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	det, header, rows := readAll(t, write(t, "clients.txt", b), Options{})
	if det.Encoding != EncodingUTF16LE || !det.EncodingSure || det.Delimiter != '\t' {
		t.Errorf("read as %s sure=%v %q, want utf-16le sure tab", det.Encoding, det.EncodingSure, det.Delimiter)
	}
	if !slices.Equal(header, []string{"Nom", "Prénom", "Ville", "Téléphone"}) {
		t.Errorf("header %q", header)
	}
	if len(rows) != 2 || !slices.Equal(rows[0].Cells, []string{"Durand", "Éloïse", "Saint-Étienne", "06 12 34 56 78"}) ||
		!slices.Equal(rows[1].Cells, []string{"Martin\tfils", "José", "Kraków", ""}) {
		t.Errorf("rows %v", rows)
	}
}

// Title lines, blank lines and a "key: value" line above the header.
func TestFixtureTitleRowsCSV(t *testing.T) {
	content := "Liste des clients au 01/02/2024\r\n" +
		"\r\n" +
		"Exporté par :;Sage 50\r\n" +
		";;;\r\n" +
		"Code;Nom;Ville;Code postal;Email\r\n" +
		"C001;Dupont;Paris;75002;a@b.fr\r\n" +
		"C002;Durand;Lyon;69001;c@d.fr\r\n" +
		"C003;Martin;Lille;59000;\r\n"
	det, header, rows := readAll(t, write(t, "titre.csv", []byte(content)), Options{})
	if det.HeaderRow != 5 || det.Columns != 5 || det.Delimiter != ';' {
		t.Errorf("header row %d, %d columns, delimiter %q; want 5, 5, ';'", det.HeaderRow, det.Columns, det.Delimiter)
	}
	if header[0] != "Code" || len(rows) != 3 || rows[0].Line != 6 || rows[2].Cells[3] != "59000" {
		t.Errorf("header %q rows %v", header, rows)
	}
	// The user can still point at another row.
	det, header, rows = readAll(t, write(t, "titre.csv", []byte(content)), Options{HeaderRow: 3})
	if det.HeaderRow != 3 || header[0] != "Exporté par :" || len(rows) != 4 || rows[0].Line != 5 {
		t.Errorf("forced header row 3: det %+v header %q rows %d", det, header, len(rows))
	}
}

// An XLSX as a French user makes it: a merged banner, a "generated on" line,
// the header on row 4, a 14-digit SIRET typed as a number, a postcode typed
// as text with its leading zero, another typed as a number with the
// "00000" format, dates, amounts with a currency format.
func TestFixtureXLSXTitleAndTypes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clients.xlsx")
	f := excelize.NewFile()
	sh := "Clients"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		must(err)
		return id
	}
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	bold := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	date := style(&excelize.Style{NumFmt: 14})
	frDate := custom("dd/mm/yyyy")
	frDateTime := custom("dd/mm/yyyy hh:mm")
	euro := custom(`#,##0.00\ "€";[Red]\-#,##0.00\ "€"`)
	zip5 := custom("00000")
	sci := custom("0.00E+00")
	pct := custom("0.0%")

	must(f.SetCellValue(sh, "A1", "Export clients — Carnet"))
	must(f.MergeCell(sh, "A1", "H1"))
	must(f.SetCellStyle(sh, "A1", "A1", bold))
	must(f.SetCellValue(sh, "A2", "Généré le"))
	must(f.SetCellValue(sh, "B2", 45366.5))
	must(f.SetCellStyle(sh, "B2", "B2", frDateTime))
	must(f.SetSheetRow(sh, "A4", &[]any{"Code", "Raison sociale", "SIRET", "Code postal", "Créé le", "Dernière commande", "Encours", "Remise"}))
	must(f.SetSheetRow(sh, "A5", &[]any{"C001", "Boulangerie Dupré", 73282932000074, "01000", 45366, 45366.75, 1234.5, 0.125}))
	must(f.SetSheetRow(sh, "A6", &[]any{"C002", "Garage Martin", 35600000049837, 1000, 36526, 36526, -12, 0}))
	must(f.SetCellStyle(sh, "C6", "C6", sci))
	must(f.SetCellStyle(sh, "D6", "D6", zip5))
	must(f.SetCellStyle(sh, "E5", "E6", date))
	must(f.SetCellStyle(sh, "F5", "F6", frDate))
	must(f.SetCellStyle(sh, "G5", "G6", euro))
	must(f.SetCellStyle(sh, "H5", "H6", pct))
	must(f.SetCellValue(sh, "A7", "C003"))
	must(f.SetCellValue(sh, "B7", true))
	// A hidden first sheet with data is not chosen by default.
	_, err := f.NewSheet("Paramètres")
	must(err)
	must(f.SetCellValue("Paramètres", "A1", "tva"))
	must(f.MoveSheet("Paramètres", sh))
	must(f.SetSheetVisible("Paramètres", false))
	must(f.SaveAs(path))
	must(f.Close())

	det, header, rows := readAll(t, path, Options{})
	if det.Sheet != sh || !slices.Equal(det.Sheets, []string{"Paramètres", sh}) {
		t.Errorf("sheet %q of %q, want %q", det.Sheet, det.Sheets, sh)
	}
	if det.HeaderRow != 4 || det.Columns != 8 || det.FirstColumn != 1 {
		t.Errorf("header row %d, %d columns from %d; want 4, 8, 1", det.HeaderRow, det.Columns, det.FirstColumn)
	}
	if !slices.Equal(header, []string{"Code", "Raison sociale", "SIRET", "Code postal", "Créé le", "Dernière commande", "Encours", "Remise"}) {
		t.Errorf("header %q", header)
	}
	want := [][]string{
		{"C001", "Boulangerie Dupré", "73282932000074", "01000", "2024-03-15", "2024-03-15", "1234.50", "12.5%"},
		{"C002", "Garage Martin", "35600000049837", "01000", "2000-01-01", "2000-01-01", "-12.00", "0.0%"},
		{"C003", "TRUE", "", "", "", "", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.Line != 5+i || !slices.Equal(r.Cells, want[i]) {
			t.Errorf("line %d = %q, want %q", r.Line, r.Cells, want[i])
		}
	}
	// The "generated on" line, read as data when the header is forced above it.
	_, _, rows = readAll(t, path, Options{HeaderRow: 1})
	if rows[0].Line != 2 || rows[0].Cells[1] != "2024-03-15 12:00:00" {
		t.Errorf("row 2 = %q, want the date-time 2024-03-15 12:00:00", rows[0].Cells)
	}
	// The hidden sheet can still be chosen by name.
	_, header, _ = readAll(t, path, Options{Sheet: "Paramètres"})
	if !slices.Equal(header, []string{"tva"}) {
		t.Errorf("Paramètres header %q", header)
	}
}

// The 1904 date system of old Mac workbooks: serial 0 is 1904-01-01.
func TestFixtureXLSX1904(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mac.xlsx")
	f := excelize.NewFile()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"Nom", "Date"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"a", 0})
	_ = f.SetSheetRow("Sheet1", "A3", &[]any{"b", 40543})
	_ = f.SetCellStyle("Sheet1", "B2", "B3", date)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, _, rows := readAll(t, path, Options{})
	if len(rows) != 2 || rows[0].Cells[1] != "1904-01-01" || rows[1].Cells[1] != "2015-01-01" {
		t.Errorf("rows %v, want 1904-01-01 and 2015-01-01", rows)
	}
}

// Preview returns what the wizard shows: guesses, header, first rows.
func TestPreview(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b\n")
	for range 100 {
		b.WriteString("1,2\n")
	}
	det, header, rows, err := Preview(write(t, "p.csv", []byte(b.String())), Options{}, 10)
	if err != nil || det.Delimiter != ',' || len(header) != 2 || len(rows) != 10 || rows[9].Line != 11 {
		t.Errorf("Preview = %+v %q %d rows (last line %d), %v", det, header, len(rows), rows[len(rows)-1].Line, err)
	}
}

// A UTF-8 file with one stray Windows-1252 byte (two exports pasted
// together) stays UTF-8; the stray byte is read as Windows-1252.
func TestFixtureMostlyUTF8(t *testing.T) {
	content := append([]byte("nom;ville\nHélène;Besançon\nJosé;Nîmes\nZoé;Orléans\n"), encode1252(t, "Loïc;Sète\n")...)
	det, _, rows := readAll(t, write(t, "mix.csv", content), Options{})
	if det.Encoding != EncodingUTF8 || det.EncodingSure {
		t.Errorf("encoding %s sure=%v, want utf-8 not sure", det.Encoding, det.EncodingSure)
	}
	if rows[0].Cells[0] != "Hélène" || rows[3].Cells[0] != "Loïc" || rows[3].Cells[1] != "Sète" {
		t.Errorf("rows %v", rows)
	}
}
