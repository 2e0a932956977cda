package importer

import (
	"context"
	"testing"
	"time"
)

// Before the row count is known, progress foresees it from the share of
// the file read: close to the real count once a quarter of the rows are
// done, for a CSV file (bytes) as for a workbook (rows of the sheet).
func TestProgressForeseesTheRowCount(t *testing.T) {
	const n = 12000
	dir := t.TempDir()
	csvPath, err := benchCSV(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	xlsxPath, err := benchXLSX(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{csvPath, xlsxPath} {
		im, _ := newImporter(t)
		im.ProgressEvery = time.Nanosecond // after every batch
		req := request(t, im, path)
		var reports, checked int
		var last Progress
		_, err := im.Check(context.Background(), req, func(p Progress) {
			reports++
			last = p
			if p.Total == 0 && p.Done >= n/4 {
				checked++
				if p.Estimate < n*9/10 || p.Estimate > n*11/10 {
					t.Errorf("%s: %d rows done, %d foreseen; the file has %d", path, p.Done, p.Estimate, n)
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if checked == 0 {
			t.Errorf("%s: no progress report past a quarter of the rows (%d reports)", path, reports)
		}
		if last.Total != n || last.Done != n {
			t.Errorf("%s: last report %+v, want %d rows", path, last, n)
		}
	}
}
