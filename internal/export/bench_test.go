package export_test

import (
	"carnet/internal/benchutil"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"carnet/internal/demo"
	"carnet/internal/export"
	"carnet/internal/service"
	"carnet/internal/store"
)

// The export benchmark runs each export in a child process (this test
// binary again), so that the peak RSS it prints is the export's own.
var (
	childDB     = flag.String("export-child-db", "", "export this database and print the figures as JSON (benchmark child)")
	childFormat = flag.String("export-child-format", "", "the child's format; \"bare-xlsx\" writes -export-child-cells with excelize's StreamWriter alone")
	childOut    = flag.String("export-child-out", "", "the child's output file")
	childCells  = flag.String("export-child-cells", "", "bare-xlsx: a CSV of sample rows, cycled to -export-child-rows rows")
	childRows   = flag.Int("export-child-rows", 0, "bare-xlsx: rows to write")
)

func TestMain(m *testing.M) {
	flag.Parse()
	if *childDB != "" || *childFormat == "bare-xlsx" {
		os.Exit(exportChild())
	}
	os.Exit(m.Run())
}

type childFigures struct {
	Rows    int     `json:"rows"`
	Seconds float64 `json:"seconds"`
	PeakKiB int64   `json:"peak_kib"`
}

func exportChild() int {
	start := time.Now()
	rows, err := 0, error(nil)
	switch *childFormat {
	case "bare-xlsx":
		rows, err = bareStreamWrite(*childCells, *childRows, *childOut)
	case "bare-read":
		rows, err = bareRead(*childDB)
	default:
		var svc *service.Service
		if svc, err = service.OpenReadOnly(*childDB); err == nil {
			var res export.Result
			res, err = export.New(svc).Export(context.Background(), *childOut, export.Request{
				Format: export.Format(*childFormat), Lang: "fr", Query: store.Query{Archived: store.FilterAny}})
			rows = res.Written
			svc.Close()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	json.NewEncoder(os.Stdout).Encode(childFigures{Rows: rows, Seconds: time.Since(start).Seconds(), PeakKiB: benchutil.PeakKiB()})
	return 0
}

// bareRead reads every customer row in the list's order through the Go
// driver, every column as raw bytes and nothing else: the ceiling of this
// stack for the read an export starts with.
func bareRead(db string) (int, error) {
	svc, err := service.OpenReadOnly(db)
	if err != nil {
		return 0, err
	}
	defer svc.Close()
	rows, err := svc.Store.ReadDB().Query(`SELECT * FROM customers ORDER BY sort_name, archived, id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	dest := make([]any, len(cols))
	for i := range dest {
		dest[i] = new(sql.RawBytes)
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// bareStreamWrite writes n rows with excelize's StreamWriter and nothing
// else: the sample rows of an export, cycled, with the same cell types
// (numbers as numbers, text with the same text style): the ceiling an
// export to XLSX is measured against.
func bareStreamWrite(sample string, n int, out string) (int, error) {
	in, err := os.Open(sample)
	if err != nil {
		return 0, err
	}
	r := csv.NewReader(io.MultiReader(in))
	r.Comma = ';'
	records, err := r.ReadAll()
	in.Close()
	if err != nil {
		return 0, err
	}
	header, body := records[0], records[1:]
	rows := make([][]any, len(body))
	f := excelize.NewFile()
	defer f.Close()
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	for i, rec := range body {
		rows[i] = make([]any, len(rec))
		for j, v := range rec {
			switch {
			case v == "":
			case isNumber(v):
				n, _ := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
				rows[i][j] = n
			default:
				rows[i][j] = excelize.Cell{StyleID: text, Value: v}
			}
		}
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return 0, err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return 0, err
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, rows[i%len(rows)]); err != nil {
			return 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, err
	}
	return n, f.SaveAs(out)
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return err == nil && !strings.HasPrefix(s, "0") || s == "0" || strings.HasPrefix(s, "0,")
}

func runExportChild(b *testing.B, args ...string) childFigures {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$"}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("export child %v: %v", args, err)
	}
	var f childFigures
	if err := json.Unmarshal(out, &f); err != nil {
		b.Fatalf("child output %q: %v", out, err)
	}
	return f
}

// benchDB is make bench's 1M-customer database (CARNET_BENCH_DB), else a
// demo file of CARNET_BENCH_ROWS customers (100,000 by default) made here.
func benchDB(b *testing.B) string {
	if db := os.Getenv("CARNET_BENCH_DB"); db != "" {
		return db
	}
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("CARNET_BENCH_ROWS")); err == nil && v > 0 {
		n = v
	}
	db := filepath.Join(b.TempDir(), "demo.db")
	svc, err := service.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.Generate(context.Background(), svc.Store, n, 1, nil); err != nil {
		b.Fatal(err)
	}
	svc.Close()
	return db
}

// BenchmarkExport prints the export of every customer to XLSX and CSV:
// rows/s and peak RSS, beside excelize's bare StreamWriter writing the same
// cells (DESIGN §4: XLSX ≥ 0.7× the bare write, CSV ≥ 200,000 rows/s, both
// under 300 MB).
func BenchmarkExport(b *testing.B) {
	db := benchDB(b)
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		// The bare read first: it also brings the database into the
		// system's cache, so that every run after it reads from memory.
		read := runExportChild(b, "-export-child-db="+db, "-export-child-format=bare-read")
		csvFig := runExportChild(b, "-export-child-db="+db, "-export-child-format=csv", "-export-child-out="+filepath.Join(dir, "x.csv"))
		xlsxFig := runExportChild(b, "-export-child-db="+db, "-export-child-format=xlsx", "-export-child-out="+filepath.Join(dir, "x.xlsx"))
		sample := filepath.Join(dir, "sample.csv")
		if err := headOf(filepath.Join(dir, "x.csv"), sample, 1001); err != nil {
			b.Fatal(err)
		}
		bare := runExportChild(b, "-export-child-format=bare-xlsx", "-export-child-cells="+sample,
			fmt.Sprintf("-export-child-rows=%d", xlsxFig.Rows), "-export-child-out="+filepath.Join(dir, "bare.xlsx"))
		rate := func(f childFigures) float64 { return float64(f.Rows) / f.Seconds }
		fmt.Printf("export CSV:  %d rows in %.1f s = %.0f rows/s (target ≥ 200,000), peak RSS %d MB\n",
			csvFig.Rows, csvFig.Seconds, rate(csvFig), csvFig.PeakKiB/1024)
		fmt.Printf("Go driver bare read of the same rows, every column, list order: %.0f rows/s → export CSV at %.2f× of the read alone\n",
			rate(read), rate(csvFig)/rate(read))
		fmt.Printf("export XLSX: %d rows in %.1f s = %.0f rows/s, peak RSS %d MB\n",
			xlsxFig.Rows, xlsxFig.Seconds, rate(xlsxFig), xlsxFig.PeakKiB/1024)
		fmt.Printf("excelize bare StreamWriter, same cells: %.0f rows/s, peak RSS %d MB → export XLSX at %.2f× (target ≥ 0.7×)\n",
			rate(bare), bare.PeakKiB/1024, rate(xlsxFig)/rate(bare))
	}
}

// headOf copies the first n lines of a UTF-8 CSV with BOM, without it.
func headOf(src, dst string, n int) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	lines := strings.SplitAfterN(text, "\r\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return os.WriteFile(dst, []byte(strings.Join(lines, "")), 0o644)
}
