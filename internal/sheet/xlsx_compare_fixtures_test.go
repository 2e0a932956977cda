package sheet

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// formatsWorkbook writes, with excelize, a customer list as programs and
// users make it: 400 rows of shared strings, numbers typed as numbers under
// the formats of customer files (dates, date-times, amounts in euros,
// percentages, zero-padded postcodes, scientific), formulas with a cached
// value and without, rich text, booleans, blanks; a second, hidden sheet
// in the 1900 system's early days.
func formatsWorkbook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "formats.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		must(err)
		return id
	}
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	styles := []int{
		style(&excelize.Style{NumFmt: 14}), style(&excelize.Style{NumFmt: 22}), custom("dd/mm/yyyy"), custom("dd/mm/yyyy hh:mm:ss"),
		custom("hh:mm"), custom(`#,##0.00\ "€";[Red]\-#,##0.00\ "€"`), style(&excelize.Style{NumFmt: 9}), style(&excelize.Style{NumFmt: 10}),
		custom("0.000%"), custom("00000"), custom("0.00E+00"), custom("0.0#"), style(&excelize.Style{NumFmt: 4}), custom("@"),
		custom("[h]:mm:ss"), style(&excelize.Style{Font: &excelize.Font{Bold: true}}),
	}
	sh := "Clients"
	must(f.SetSheetName("Sheet1", sh))
	must(f.SetSheetRow(sh, "A1", &[]any{"Code", "Nom", "Montant", "Formule", "Texte riche", "Actif", "Vide"}))
	rng := rand.New(rand.NewPCG(12, 34))
	for i := range 400 {
		row := i + 2
		at := func(col int) string { return cellName(col, row) }
		must(f.SetCellValue(sh, at(1), fmt.Sprintf("C%04d", i)))
		must(f.SetCellValue(sh, at(2), []string{"Dupré", "Lefèvre & Fils", "  Espaces  ", "Ça va ?", "Zoë", ""}[i%6]))
		var v any
		switch i % 5 {
		case 0:
			v = rng.Float64() * 100000
		case 1:
			v = 35000 + rng.IntN(20000)
		case 2:
			v = -rng.Float64()
		case 3:
			v = float64(rng.IntN(1000)) / 100
		default:
			v = 73282932000074 + i
		}
		must(f.SetCellValue(sh, at(3), v))
		must(f.SetCellStyle(sh, at(3), at(3), styles[i%len(styles)]))
		switch i % 3 {
		case 0:
			must(f.SetCellFormula(sh, at(4), fmt.Sprintf("C%d*2", row))) // no cached value
		case 1:
			must(f.SetCellValue(sh, at(4), i*2))
			must(f.SetCellFormula(sh, at(4), fmt.Sprintf("C%d*2", row)))
		}
		if i%4 == 0 {
			must(f.SetCellRichText(sh, at(5), []excelize.RichTextRun{
				{Text: "Gras", Font: &excelize.Font{Bold: true}}, {Text: fmt.Sprintf(" et normal %d", i)},
			}))
		}
		must(f.SetCellValue(sh, at(6), i%2 == 0))
		if i%7 == 0 {
			must(f.SetCellValue(sh, at(9), time.Date(2024, 3, 15, 12, 30, 0, 0, time.UTC).AddDate(0, 0, i)))
		}
	}
	must(f.MergeCell(sh, "G2", "G5"))
	must(f.SetCellValue(sh, "G2", "fusion"))
	_, err := f.NewSheet("Anciens")
	must(err)
	for i, serial := range []float64{1, 59, 60, 61, 0.5, 366.25} {
		must(f.SetCellValue("Anciens", cellName(1, i+1), serial))
		must(f.SetCellStyle("Anciens", cellName(1, i+1), cellName(1, i+1), styles[i%4]))
	}
	must(f.SetSheetVisible("Anciens", false))
	must(f.SaveAs(path))
	return path
}
