package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"carnet/internal/export"
)

// TestRoundTripThroughLibreOffice is the bookkeeper's round trip: export,
// change one cell in the spreadsheet, save, re-import. LibreOffice writes
// the file back (headless conversion), as it does when a user saves it, so
// every cell passes through another program's reader and writer.
func TestRoundTripThroughLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: apt install libreoffice-calc to run the LibreOffice round trip")
	}
	svc := newFile(t)
	customers := fillFile(t, svc)
	path, _ := exportTo(t, svc, export.FormatXLSX, "clients.xlsx")

	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet := wb.GetSheetName(0)
	rows, _ := wb.GetRows(sheet)
	city, code := columnOf(rows[0], "Ville"), columnOf(rows[0], "Code client")
	edited := -1
	for r, row := range rows {
		if row[code] == customers[1].Code {
			edited = r
		}
	}
	cell, _ := excelize.CoordinatesToCellName(city+1, edited+1)
	if err := wb.SetCellStr(sheet, cell, "Villeurbanne"); err != nil {
		t.Fatal(err)
	}
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	wb.Close()

	out := filepath.Join(t.TempDir(), "libreoffice")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved := filepath.Join(out, "clients.xlsx")
	if _, err := os.Stat(saved); err != nil {
		t.Fatalf("LibreOffice wrote no file: %v", err)
	}

	_, _, plan := reimport(t, svc, saved, nil)
	c := plan.Counts
	if c.Updated != 1 || c.Created != 0 || c.Errors != 0 || c.Unchanged != len(customers)-1 {
		t.Fatalf("after one cell changed in LibreOffice: %s", describe(plan))
	}
	row := plan.Rows[0]
	if row.Code != customers[1].Code || len(row.Changes) != 1 || row.Changes[0].Field != "city" ||
		row.Changes[0].Old != "Lyon" || row.Changes[0].New != "Villeurbanne" {
		t.Fatalf("the update is not exactly that customer's city: %s", describe(plan))
	}
}
