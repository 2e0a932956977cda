package importer

import (
	"carnet/internal/benchutil"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"carnet/internal/service"
	"carnet/internal/sheet"

	"github.com/xuri/excelize/v2"
)

// The benchmark runs each import in a child process — this test binary run
// again with -bench-child-db and -bench-child-file — so that its time and
// peak memory are its own; the crash test kills the same child. The child
// takes its arguments as flags of the test binary (TestMain parses them
// before anything runs), not through the environment.
var (
	childDB        = flag.String("bench-child-db", "", "import -bench-child-file into this database, print the counts and peak RSS as JSON, and exit (benchmark and crash-test child)")
	childFile      = flag.String("bench-child-file", "", "the file the child imports")
	childDeferFrom = flag.Float64("bench-child-defer-from", 0, "the child's Importer.DeferIndexesFrom; when set, the child says \"indexes deferred\" on stderr as it defers them")
	childCheck     = flag.Bool("bench-child-check", false, "run the check (dry run) instead of the import")
)

func TestMain(m *testing.M) {
	flag.Parse()
	if *childDB != "" {
		os.Exit(benchChild(*childDB, *childFile, *childDeferFrom, *childCheck))
	}
	os.Exit(m.Run())
}

// childResult is what the child prints.
type childResult struct {
	Counts Counts `json:"counts"`
	// PeakKiB is the child's own peak resident memory (VmHWM), 0 where
	// /proc/self/status is absent.
	PeakKiB int64 `json:"peak_kib"`
}

// benchChild imports file into db with the suggested mapping — or only
// checks it, when check is set — and prints a childResult as JSON.
// deferFrom > 0 lowers the threshold for deferring the list indexes and
// has the child say when it defers them.
func benchChild(db, file string, deferFrom float64, check bool) int {
	svc, err := service.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	im := New(svc)
	if deferFrom > 0 {
		im.DeferIndexesFrom = deferFrom
		im.IndexesDeferred = func() { fmt.Fprintln(os.Stderr, "indexes deferred") }
	}
	ctx := context.Background()
	p, err := im.Preview(ctx, file, Settings{}, 5)
	if err != nil {
		svc.Close()
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	req := Request{Path: file, Mapping: MappingOf(p.Suggestions), Options: p.Options}
	var counts Counts
	if check {
		plan, err := im.Check(ctx, req, nil)
		if err != nil {
			svc.Close()
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		counts = plan.Counts
	} else {
		res, err := im.Commit(ctx, req, nil)
		if err != nil {
			svc.Close()
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		counts = res.Counts
	}
	if err := svc.Close(); err != nil { // the checkpoint on close counts too
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	json.NewEncoder(os.Stdout).Encode(childResult{Counts: counts, PeakKiB: benchutil.PeakKiB()})
	return 0
}

type figure struct {
	seconds float64
	peakKiB int64
	counts  Counts
}

func runChild(b *testing.B, db, file string, check bool) figure {
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-bench-child-db="+db, "-bench-child-file="+file, fmt.Sprintf("-bench-child-check=%t", check))
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("import %s: %v", file, err)
	}
	f := figure{seconds: time.Since(start).Seconds()}
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		b.Fatalf("child output %q: %v", out, err)
	}
	f.peakKiB, f.counts = res.PeakKiB, res.Counts
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

// benchCSVOnly leaves the XLSX import and its ceiling out
// (CARNET_BENCH_CSV_ONLY=1), for quicker runs while working on the CSV path.
func benchCSVOnly() bool { return os.Getenv("CARNET_BENCH_CSV_ONLY") == "1" }

// benchRuns is how many times BenchmarkImport runs each import and each
// ceiling in one iteration: 3, or CARNET_BENCH_RUNS.
func benchRuns() int {
	if v, err := strconv.Atoi(os.Getenv("CARNET_BENCH_RUNS")); err == nil && v > 0 {
		return v
	}
	return 3
}

func benchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "carnet-import-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// importRun is one run of every import and ceiling, in seconds.
type importRun struct {
	check, csv, again, xlsx figure
	shell, plain, bare      float64 // shell is 0 when the sqlite3 shell is absent
	floor                   float64 // the store's own write (storeFloor)
}

// BenchmarkImport prints rows/s and peak RSS of the CSV check (dry run),
// CSV import, XLSX import and re-import (all unchanged), beside the
// ceilings: the sqlite3 shell's
// .import of the same CSV, the same job through the Go driver, the
// store's own write of the same customers (storeFloor), and excelize's
// bare streaming read of the XLSX. Each is run benchRuns times,
// in turn, and printed as the median with the range.
func BenchmarkImport(b *testing.B) {
	n := benchRows()
	dir := benchDir(b)
	csvPath, err := benchCSV(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	xlsxPath := ""
	if !benchCSVOnly() {
		if xlsxPath, err = benchXLSX(dir, n); err != nil {
			b.Fatal(err)
		}
	}
	_, shellErr := exec.LookPath("sqlite3")
	loadBefore := loadAverage()
	var runs []importRun
	for range b.N {
		for range benchRuns() {
			runs = append(runs, importOnce(b, n, csvPath, xlsxPath, shellErr == nil))
		}
	}
	b.StopTimer()

	pick := func(f func(importRun) float64) []float64 {
		xs := make([]float64, len(runs))
		for i, r := range runs {
			xs[i] = f(r)
		}
		return xs
	}
	// rate prints rows/s and seconds: median (fastest–slowest).
	rate := func(secs []float64) string {
		m, lo, hi := spread(secs)
		return fmt.Sprintf("%8.0f rows/s %-17s %6.1f s", float64(n)/m, fmt.Sprintf("(%.0f–%.0f)", float64(n)/hi, float64(n)/lo), m)
	}
	ratio := func(xs []float64) string {
		m, lo, hi := spread(xs)
		return fmt.Sprintf("%.2f× (%.2f–%.2f)", m, lo, hi)
	}
	peak := func(f func(importRun) figure) string {
		m, lo, hi := spread(pick(func(r importRun) float64 { return float64(f(r).peakKiB) / 1024 }))
		if hi == 0 {
			return "peak RSS not measured (no /proc/self/status)"
		}
		return fmt.Sprintf("peak RSS %4.0f MB (%.0f–%.0f)", m, lo, hi)
	}
	csvSecs := pick(func(r importRun) float64 { return r.csv.seconds })
	fmt.Printf("\n== Import of %d customers: %d runs, each import in its own child process; median (min–max) ==\n", n, len(runs))
	fmt.Printf("load average before: %s\n", loadBefore)
	fmt.Printf("CSV check (dry run) %s  %s  → %s the import's speed (target ≥ 1×)\n", rate(pick(func(r importRun) float64 { return r.check.seconds })),
		peak(func(r importRun) figure { return r.check }), ratio(pick(func(r importRun) float64 { return r.csv.seconds / r.check.seconds })))
	fmt.Printf("CSV import          %s  %s\n", rate(csvSecs), peak(func(r importRun) figure { return r.csv }))
	fmt.Printf("CSV re-import       %s  %s  (all unchanged)\n", rate(pick(func(r importRun) float64 { return r.again.seconds })), peak(func(r importRun) figure { return r.again }))
	if !benchCSVOnly() {
		fmt.Printf("XLSX import         %s  %s\n", rate(pick(func(r importRun) float64 { return r.xlsx.seconds })), peak(func(r importRun) figure { return r.xlsx }))
	}
	plainVsCSV := ratio(pick(func(r importRun) float64 { return r.plain / r.csv.seconds }))
	if shellErr == nil {
		fmt.Printf("sqlite3 .import     %s  → CSV import = %s the shell (reference only)\n",
			rate(pick(func(r importRun) float64 { return r.shell })), ratio(pick(func(r importRun) float64 { return r.shell / r.csv.seconds })))
		fmt.Printf("Go driver, no index %s  → CSV import = %s of it (target ≥ 0.25×, DESIGN §4); the driver = %s the shell\n",
			rate(pick(func(r importRun) float64 { return r.plain })), plainVsCSV, ratio(pick(func(r importRun) float64 { return r.shell / r.plain })))
	} else {
		fmt.Println("sqlite3 .import     not measured: the sqlite3 shell is absent (no ratio to it)")
		fmt.Printf("Go driver, no index %s  → CSV import = %s of it (target ≥ 0.25×, DESIGN §4)\n",
			rate(pick(func(r importRun) float64 { return r.plain })), plainVsCSV)
	}
	// The floor says how much of the gap to the driver is the store's
	// own writing (rows, indexes, search index), which no work on the
	// import's reading, checking or matching can take back.
	fmt.Printf("store floor         %s  → = %s the driver; CSV import = %s of the floor (the store's own write of the same customers, built beforehand: nothing read from the file, checked or matched)\n",
		rate(pick(func(r importRun) float64 { return r.floor })), ratio(pick(func(r importRun) float64 { return r.plain / r.floor })),
		ratio(pick(func(r importRun) float64 { return r.floor / r.csv.seconds })))
	if !benchCSVOnly() {
		fmt.Printf("excelize bare read  %s  → XLSX import = %s (target ≥ 1×, DESIGN §4)\n",
			rate(pick(func(r importRun) float64 { return r.bare })), ratio(pick(func(r importRun) float64 { return r.bare / r.xlsx.seconds })))
	}
	fmt.Printf("load average after: %s\n", loadAverage())
}

// importOnce runs each import and each ceiling once, into a folder of its
// own that it removes.
func importOnce(b *testing.B, n int, csvPath, xlsxPath string, shell bool) importRun {
	work, err := os.MkdirTemp(benchDir(b), "run-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(work)
	var r importRun
	r.check = runChild(b, filepath.Join(work, "csv.db"), csvPath, true)
	r.csv = runChild(b, filepath.Join(work, "csv.db"), csvPath, false)
	r.again = runChild(b, filepath.Join(work, "csv.db"), csvPath, false)
	if !benchCSVOnly() {
		r.xlsx = runChild(b, filepath.Join(work, "xlsx.db"), xlsxPath, false)
	}
	if r.check.counts.Created != n || r.csv.counts.Created != n || r.again.counts.Unchanged != n || (!benchCSVOnly() && r.xlsx.counts.Created != n) {
		b.Fatalf("counts: check %+v, csv %+v, re-import %+v, xlsx %+v", r.check.counts, r.csv.counts, r.again.counts, r.xlsx.counts)
	}
	if shell {
		r.shell = sqliteShellImport(b, work, csvPath)
	}
	r.plain = plainDriverInsert(b, work, csvPath)
	r.floor = storeFloor(b, work, n)
	if !benchCSVOnly() {
		r.bare = excelizeBareRead(b, xlsxPath)
	}
	return r
}

// spread returns the median, minimum and maximum of xs.
func spread(xs []float64) (median, lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return median, s[0], s[len(s)-1]
}

// loadAverage is the machine's 1, 5 and 15-minute load and its CPU count:
// figures taken on a busy machine say so.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return fmt.Sprintf("%s %s %s on %d CPUs", f[0], f[1], f[2], runtime.NumCPU())
}

// sqliteShellImport times the sqlite3 shell loading the CSV into a plain
// table with the same columns and no index.
func sqliteShellImport(b *testing.B, dir, csvPath string) float64 {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Fatal(err)
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
// CARNET_BENCH_XLSX=1; only checks it with CARNET_BENCH_CHECK=1) in this
// process, for go test -cpuprofile (CARNET_BENCH_PROFILE=1; make bench
// skips it). CARNET_BENCH_ROWS sets the number of rows (100,000 unless
// CARNET_BENCH_FULL=1).
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
		if code := benchChild(db, path, 0, os.Getenv("CARNET_BENCH_CHECK") == "1"); code != 0 {
			b.Fatal("import failed")
		}
	}
}
