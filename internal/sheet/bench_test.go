package sheet

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchRows is the size of the generated files: 100k realistic customer
// rows (15 columns, accents, quoted addresses with separators, an empty
// column now and then).
const benchRows = 100_000

var benchHeader = []string{"Code client", "Civilité", "Nom", "Prénom", "Raison sociale", "Adresse", "Code postal",
	"Ville", "Pays", "Téléphone", "Email", "SIRET", "Groupes", "Encours", "Date de création"}

var benchCities = []string{"Paris", "Lyon", "Marseille", "Saint-Étienne", "Besançon", "Orléans", "Nîmes", "Évry"}

func benchRecord(i int) []string {
	company := ""
	if i%3 == 0 {
		company = fmt.Sprintf("Établissements Dupré & Fils n°%d", i)
	}
	return []string{
		fmt.Sprintf("CLI%07d", i), []string{"M.", "Mme", "Dr"}[i%3], "Lefèvre", "Hélène", company,
		fmt.Sprintf("%d, rue de la République; bât. B", i%200+1), fmt.Sprintf("%05d", 1000+i%95000),
		benchCities[i%len(benchCities)], "France", fmt.Sprintf("06 %02d %02d %02d %02d", i%100, (i/100)%100, i%97, i%89),
		fmt.Sprintf("client%d@exemple.fr", i), fmt.Sprintf("%014d", 73282932000074+i), "VIP, Grossistes",
		fmt.Sprintf("%d,%02d", i%10000, i%100), fmt.Sprintf("%02d/%02d/20%02d", i%28+1, i%12+1, i%25),
	}
}

// writeBenchCSV writes a French-Excel style CSV: ';', CRLF, quotes where needed.
func writeBenchCSV(tb testing.TB, path string, rows int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	write := func(rec []string) {
		for j, c := range rec {
			if j > 0 {
				w.WriteByte(';')
			}
			if needsQuote(c) {
				fmt.Fprintf(w, "%q", c) // no inner quotes or backslashes in these values
			} else {
				w.WriteString(c)
			}
		}
		w.WriteString("\r\n")
	}
	write(benchHeader)
	for i := range rows {
		write(benchRecord(i))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

func needsQuote(s string) bool {
	for _, c := range s {
		if c == ';' || c == '"' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}

// writeBenchXLSX writes the same rows with excelize's stream writer, with
// numbers stored as numbers and a date format on the last column.
func writeBenchXLSX(tb testing.TB, path string, rows int) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	row := make([]any, len(benchHeader))
	for j, h := range benchHeader {
		row[j] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		tb.Fatal(err)
	}
	for i := range rows {
		rec := benchRecord(i)
		for j, c := range rec {
			row[j] = c
		}
		row[11] = 73282932000074 + i
		row[13] = float64(i%10000) + float64(i%100)/100
		row[14] = excelize.Cell{StyleID: dateStyle, Value: 40000 + i%5000}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// benchRead reads path whole in each iteration; fresh, when not nil, runs
// first in each (inside the timing).
func benchRead(b *testing.B, path string, fresh func()) {
	b.ReportAllocs()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		if fresh != nil {
			fresh()
		}
		r, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		r.Close()
		if n != benchRows {
			b.Fatalf("read %d rows, want %d", n, benchRows)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCSVRead: go test -run '^$' -bench CSVRead ./internal/sheet/
func BenchmarkCSVRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "clients.csv")
	writeBenchCSV(b, path, benchRows)
	benchRead(b, path, nil)
}

// BenchmarkXLSXRead: go test -run '^$' -bench XLSXRead ./internal/sheet/
//
// Every iteration reads the workbook as a first open does: the
// process-wide scan cache is emptied first, so the pre-scan of the sheet
// is in every figure (reopening an unchanged file skips it; left in, it
// flattered the figure 1.44× at 6 iterations).
func BenchmarkXLSXRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "clients.xlsx")
	writeBenchXLSX(b, path, benchRows)
	scans := partScans.Load()
	benchRead(b, path, forgetScans)
	if n := partScans.Load() - scans; n < int64(b.N) {
		b.Fatalf("%d scans in %d iterations: the cache answered", n, b.N)
	}
}

// BenchmarkXLSXExcelizeRead is the reference for BenchmarkXLSXRead: the
// same workbook through excelize's bare streaming reader (open, every row's
// cells), which the import used until issue 12. Compare the rows/s.
func BenchmarkXLSXExcelizeRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "clients.xlsx")
	writeBenchXLSX(b, path, benchRows)
	b.ReportAllocs()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(f.GetSheetName(0))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("read %d rows, want %d", n, benchRows+1)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// forgetScans empties the process-wide cache of workbook scans.
func forgetScans() {
	scanCache.Lock()
	scanCache.entries = nil
	scanCache.Unlock()
}
