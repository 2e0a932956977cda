package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"carnet/internal/service"
	"carnet/internal/sheet"

	"github.com/xuri/excelize/v2"
)

// The benchmark runs each import in a child process (this test binary,
// re-executed with CARNET_BENCH_CHILD set) so that its peak RSS is its own.
func TestMain(m *testing.M) {
	if v, err := strconv.ParseFloat(os.Getenv("CARNET_TEST_DEFER_FROM"), 64); err == nil {
		deferIndexesFrom = v // the crash test's child defers the indexes early
		indexesDeferred = func() { fmt.Fprintln(os.Stderr, "indexes deferred") }
	}
	if args := os.Getenv("CARNET_BENCH_CHILD"); args != "" {
		os.Exit(benchChild(strings.Split(args, "\x1f")))
	}
	os.Exit(m.Run())
}

// benchChild imports file into db with the suggested mapping and prints
// the counts as JSON.
func benchChild(args []string) int {
	db, file := args[0], args[1]
	svc, err := service.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer svc.Close()
	im := New(svc)
	ctx := context.Background()
	p, err := im.Preview(ctx, file, Settings{}, 5)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	res, err := im.Commit(ctx, Request{Path: file, Mapping: MappingOf(p.Suggestions), Options: p.Options}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	json.NewEncoder(os.Stdout).Encode(res.Counts)
	return 0
}

type figure struct {
	seconds float64
	maxRSS  int64 // KiB
	counts  Counts
}

func runChild(b *testing.B, db, file string) figure {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CARNET_BENCH_CHILD="+db+"\x1f"+file)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("import %s: %v", file, err)
	}
	f := figure{seconds: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		f.maxRSS = int64(ru.Maxrss)
	}
	if err := json.Unmarshal(out, &f.counts); err != nil {
		b.Fatalf("child output %q: %v", out, err)
	}
	return f
}

func benchRows() int {
	if v, err := strconv.Atoi(os.Getenv("CARNET_BENCH_ROWS")); err == nil && v > 0 {
		return v
	}
	if os.Getenv("CARNET_BENCH_FULL") == "1" {
		return 1_000_000
	}
	return 100_000
}

func benchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "carnet-import-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkImport prints rows/s and peak RSS of CSV import, XLSX import and
// re-import (all unchanged), beside the two ceilings: the sqlite3 shell's
// .import of the same CSV and excelize's bare streaming read of the XLSX.
func BenchmarkImport(b *testing.B) {
	n := benchRows()
	dir := benchDir(b)
	csvPath, err := benchCSV(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	xlsxPath, err := benchXLSX(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		work := b.TempDir()
		rate := func(f figure) float64 { return float64(n) / f.seconds }
		csv := runChild(b, filepath.Join(work, "csv.db"), csvPath)
		again := runChild(b, filepath.Join(work, "csv.db"), csvPath)
		xlsx := runChild(b, filepath.Join(work, "xlsx.db"), xlsxPath)
		if csv.counts.Created != n || again.counts.Unchanged != n || xlsx.counts.Created != n {
			b.Fatalf("counts: csv %+v, re-import %+v, xlsx %+v", csv.counts, again.counts, xlsx.counts)
		}
		shell := sqliteShellImport(b, work, csvPath)
		plain := plainDriverInsert(b, work, csvPath)
		bare := excelizeBareRead(b, xlsxPath)
		fmt.Printf("\n== Import of %d customers (child process; rows/s end to end, peak RSS) ==\n", n)
		fmt.Printf("CSV import          %8.0f rows/s  %6.1f s  peak RSS %4d MB\n", rate(csv), csv.seconds, csv.maxRSS/1024)
		fmt.Printf("CSV re-import       %8.0f rows/s  %6.1f s  peak RSS %4d MB  (all unchanged)\n", rate(again), again.seconds, again.maxRSS/1024)
		fmt.Printf("XLSX import         %8.0f rows/s  %6.1f s  peak RSS %4d MB\n", rate(xlsx), xlsx.seconds, xlsx.maxRSS/1024)
		if shell > 0 {
			fmt.Printf("sqlite3 .import     %8.0f rows/s  %6.1f s  → CSV import = %.2f× (target ≥ 0.5×)\n", float64(n)/shell, shell, shell/csv.seconds)
		}
		fmt.Printf("Go driver, no index %8.0f rows/s  %6.1f s  (the same .import by modernc.org/sqlite: %.2f× the shell)\n", float64(n)/plain, plain, shell/plain)
		fmt.Printf("excelize bare read  %8.0f rows/s  %6.1f s  → XLSX import = %.2f× (target ≥ 0.7×)\n", float64(n)/bare, bare, bare/xlsx.seconds)
	}
}

// sqliteShellImport times the sqlite3 shell loading the CSV into a plain
// table with the same columns and no index; 0 when sqlite3 is absent.
func sqliteShellImport(b *testing.B, dir, csvPath string) float64 {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		fmt.Println("sqlite3 shell absent: its .import ceiling is not measured")
		return 0
	}
	cols := make([]string, len(benchHeader))
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d TEXT", i)
	}
	script := fmt.Sprintf(".mode csv\n.separator ;\nCREATE TABLE t (%s);\n.import --skip 1 %s t\n", strings.Join(cols, ", "), csvPath)
	cmd := exec.Command(bin, filepath.Join(dir, "shell.db"))
	cmd.Stdin = strings.NewReader(script)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("sqlite3 .import: %v\n%s", err, out)
	}
	return time.Since(start).Seconds()
}

// plainDriverInsert times what the shell's .import does — every CSV row
// into a plain table of text columns, no index, one transaction — through
// the SQLite driver Carnet uses (modernc.org/sqlite, pure Go), reading the
// file with Carnet's own CSV reader: the ceiling of any import written in
// Go on this stack, before parsing, validation and indexes.
func plainDriverInsert(b *testing.B, dir, csvPath string) float64 {
	start := time.Now()
	r, err := sheet.Open(csvPath, sheet.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	db, err := sql.Open("sqlite", filepath.Join(dir, "plain.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	cols := make([]string, len(benchHeader))
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d TEXT", i)
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := tx.Exec(fmt.Sprintf("CREATE TABLE t (%s)", strings.Join(cols, ", "))); err != nil {
		b.Fatal(err)
	}
	st, err := tx.Prepare("INSERT INTO t VALUES (?" + strings.Repeat(", ?", len(cols)-1) + ")")
	if err != nil {
		b.Fatal(err)
	}
	args := make([]any, len(cols))
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		for i := range args {
			args[i] = row.Cells[i]
		}
		if _, err := st.Exec(args...); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start).Seconds()
}

// excelizeBareRead times excelize's streaming reader over every cell.
func excelizeBareRead(b *testing.B, path string) float64 {
	start := time.Now()
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		b.Fatal(err)
	}
	cells := 0
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			b.Fatal(err)
		}
		cells += len(cols)
	}
	rows.Close()
	if cells == 0 {
		b.Fatal("no cells read")
	}
	return time.Since(start).Seconds()
}

// BenchmarkCommitInProcess imports the generated CSV (the XLSX with
// CARNET_BENCH_XLSX=1) in this process, for go test -cpuprofile
// (CARNET_BENCH_PROFILE=1; make bench skips it).
func BenchmarkCommitInProcess(b *testing.B) {
	if os.Getenv("CARNET_BENCH_PROFILE") != "1" {
		b.Skip("set CARNET_BENCH_PROFILE=1 to profile an in-process import")
	}
	n := benchRows()
	path, err := benchCSV(benchDir(b), n)
	if os.Getenv("CARNET_BENCH_XLSX") == "1" {
		path, err = benchXLSX(benchDir(b), n)
	}
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		db := filepath.Join(b.TempDir(), "p.db")
		if code := benchChild([]string{db, path}); code != 0 {
			b.Fatal("import failed")
		}
	}
}
