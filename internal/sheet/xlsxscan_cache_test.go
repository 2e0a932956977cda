package sheet

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A workbook saved again under the same name is scanned again: its merged
// banner and its new rows are seen, not those of the first version.
func TestChangedWorkbookIsScannedAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.xlsx")
	save := func(banner bool, rows int) {
		t.Helper()
		f := excelize.NewFile()
		start := 1
		if banner {
			f.SetCellValue("Sheet1", "A1", "Clients au 1er mars")
			f.MergeCell("Sheet1", "A1", "C1")
			start = 2
		}
		f.SetSheetRow("Sheet1", cellName(1, start), &[]any{"Code", "Nom", "Ville"})
		for i := 1; i <= rows; i++ {
			f.SetSheetRow("Sheet1", cellName(1, start+i), &[]any{i, "Nom", "Lyon"})
		}
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
	}
	read := func() (int, int) {
		t.Helper()
		r, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		half := 0 // rows read when Progress first reached a half
		for n := 1; ; n++ {
			if _, err := r.Next(); err != nil {
				break
			}
			if half == 0 && r.Progress() >= 0.5 {
				half = n
			}
		}
		return r.Detected().HeaderRow, half
	}
	save(true, 3)
	if h, half := read(); h != 2 || half != 1 { // row 3 of 4: past half
		t.Fatalf("first version: header row %d, half-way at data row %d", h, half)
	}
	scans := partScans.Load()
	if h, _ := read(); h != 2 {
		t.Fatalf("first version again: header row %d", h)
	}
	if n := partScans.Load() - scans; n != 0 {
		t.Errorf("an unchanged workbook was scanned %d more time(s)", n)
	}
	time.Sleep(10 * time.Millisecond)
	save(false, 300)
	// 301 rows: half-way near the 150th data row (a stale last row of 4
	// would say half-way at once).
	if h, half := read(); h != 1 || half < 100 || half > 200 {
		t.Errorf("second version: header row %d, half-way at data row %d (a stale scan?)", h, half)
	}
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// Excel and LibreOffice write formatted empty rows far below the data;
// progress counts to the last row holding a cell.
func TestProgressIgnoresEmptyFormattedRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "formatted.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Code", "Nom"})
	for i := 2; i <= 301; i++ {
		f.SetSheetRow("Sheet1", cellName(1, i), &[]any{i, "Nom"})
	}
	f.SetRowHeight("Sheet1", 60000, 30) // an empty row with a format
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n, half := 0, 0.0
	for ; ; n++ {
		if _, err := r.Next(); err != nil {
			break
		}
		if n == 150 {
			half = r.Progress()
		}
	}
	if n != 300 || half < 0.4 || half > 0.6 {
		t.Errorf("%d rows, progress %v half-way; want 300 rows and about 0.5", n, half)
	}
}
