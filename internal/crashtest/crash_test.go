package crashtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Sizes: each run takes about a second, most of it writing.
const (
	baseClients   = 2000 // demo customers in the starting database
	seedCustomers = 200  // imported customers the imports then update
	importRows    = 1000 // customers each import creates
	importUpdates = 20   // customers each import updates
	demoClients   = 6000 // more than the 5000 demo used to commit at a time
)

// TestCrash kills `carnet import`, `carnet undo` and `carnet demo` with
// SIGKILL at random moments, CARNET_CRASH_KILLS times each (default 3),
// and checks the database after every kill: integrity, search index, and
// the command applied whole or not at all.
//
// A moment is drawn from a seeded generator, one of three ways, a third
// of the time each, scaled on the last run that was not killed:
//   - uniform in time over the whole run;
//   - uniform over the bytes the child writes (write(2)/pwrite(2) bytes,
//     /proc/PID/io wchar, where Linux has it): it is killed once it has
//     written that many, which lands kills in its backup, its commit and
//     the checkpoint after it in proportion to their size;
//   - uniform over the growth of the database's WAL file: killed once the
//     WAL has grown that much, i.e. while the transaction's own pages are
//     being written, before its commit frame or just after.
//
// Both sizes are polled every 0.5 ms. The import and demo write nothing
// until their backup and commit, a small part of their time: only the last
// two ways land kills inside those writes reliably.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for several seconds")
	}
	if raceEnabled && os.Getenv(delegatedEnv) == "" {
		delegate(t)
		return
	}
	kills := 3
	if v := os.Getenv("CARNET_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("CARNET_CRASH_KILLS=%q: want a positive number", v)
		}
		kills = n
	}
	seed := uint64(time.Now().UnixNano() % 1e9)
	if v := os.Getenv("CARNET_CRASH_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("CARNET_CRASH_SEED=%q: want a number", v)
		}
		seed = n
	}
	s := &suite{r: runner{bin: os.Getenv("CARNET_CRASH_BIN")}, dir: t.TempDir(), kills: kills, seed: seed}
	child := "this test binary (cli.Run)"
	if s.r.bin != "" {
		child = s.r.bin
	}
	t.Logf("seed %d, %d kills per command, children: %s; replay with CARNET_CRASH_SEED=%d", seed, kills, child, seed)
	if !procIO {
		t.Log("/proc/PID/io is not readable: every kill is timed from the start of the run")
	}
	s.makeBase(t)
	t.Run("import", s.crashImport)
	t.Run("undo", s.crashUndo)
	t.Run("demo", s.crashDemo)
}

type suite struct {
	r         runner
	dir       string
	kills     int
	seed      uint64
	base      string   // checkpointed starting database
	baseCount int      // its customers
	seedCodes []string // codes of the imported customers (city "Crashbase")
}

// mustRun runs carnet to the end and fails the test unless it succeeds.
func (s *suite) mustRun(t *testing.T, p plan, args ...string) run {
	t.Helper()
	res, err := s.r.exec(p, args...)
	if err == nil {
		err = res.err
	}
	if err != nil {
		t.Fatalf("carnet %s: %v\n%s", strings.Join(args, " "), err, res.stderr)
	}
	return res
}

// makeBase creates the starting database: demo customers, then an import
// of customers in the city "Crashbase" whose codes the imports update.
func (s *suite) makeBase(t *testing.T) {
	s.base = tempName(s.dir, "base.db")
	s.mustRun(t, plan{noKill: true}, "demo", "--clients", strconv.Itoa(baseClients), "--seed", "7", "--db", s.base)
	csv := tempName(s.dir, "seed.csv")
	if err := writeCSV(csv, "Crashbase", "seed", nil, seedCustomers); err != nil {
		t.Fatal(err)
	}
	s.mustRun(t, plan{noKill: true}, "import", csv, "--db", s.base)
	db, err := openDB(s.base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT code FROM customers WHERE city = 'Crashbase' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		s.seedCodes = append(s.seedCodes, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(s.seedCodes) != seedCustomers {
		t.Fatalf("the seed import made %d customers in Crashbase, want %d", len(s.seedCodes), seedCustomers)
	}
	if s.baseCount, err = count(db, `SELECT count(*) FROM customers`); err != nil {
		t.Fatal(err)
	}
	if p := checkCommon(db, rand.New(rand.NewPCG(s.seed, 0))); len(p) > 0 {
		t.Fatalf("the starting database is already inconsistent: %s", strings.Join(p, "; "))
	}
	db.Close()
	if err := checkpoint(s.base); err != nil {
		t.Fatal(err)
	}
}

// attempt is one run of a command to kill: on which database, with what
// arguments, and the all-or-nothing check of the result (did the command
// take effect, and what is wrong).
type attempt struct {
	db    string
	args  []string
	check func(db *sql.DB, p *problems) (applied bool)
}

// stats counts what became of the runs of one command.
type stats struct {
	kills, whileWriting, beforeWriting, rolledBack, applied int
	aimedTime, aimedWritten, aimedWAL                       int
	duringBackup                                            int // kills that left a temporary backup file
	inWAL                                                   int // rolled back with WAL pages written: inside the transaction's writes
	finished, inconsistent                                  int
	backupTmp                                               int // temporary backup files left
	backupsSeen                                             map[string]bool
	runTime, checkTime                                      time.Duration
}

// hammer runs next(0) to the end to time it, then kills next(1), next(2)…
// until s.kills children were killed, checking the database after each.
func (s *suite) hammer(t *testing.T, stream uint64, next func(k int) attempt) {
	// Two generators, so that the moments do not depend on the checks.
	rng := rand.New(rand.NewPCG(s.seed, stream))
	checkRng := rand.New(rand.NewPCG(s.seed, stream+100))
	start := time.Now()
	st := stats{backupsSeen: map[string]bool{}}
	a := next(0)
	last := s.mustRun(t, plan{noKill: true, wal: a.db + "-wal"}, a.args...)
	s.verify(t, checkRng, a, 0, "calibration run, not killed", last, &st)
	if t.Failed() {
		return
	}
	t.Logf("an uninterrupted run takes %v and writes %d bytes, from %v to %v", last.dur.Round(time.Millisecond),
		last.written, last.writeStart.Round(time.Millisecond), last.writeEnd.Round(time.Millisecond))
	for k := 1; st.kills < s.kills; k++ {
		if k > 3*s.kills+10 {
			t.Errorf("only %d of %d runs could be killed: they end before the kill", st.kills, k-1)
			break
		}
		a := next(k)
		p := plan{wal: a.db + "-wal"}
		var how string
		switch mode := rng.IntN(3); {
		case mode == 1 && procIO && last.written > writeThreshold:
			p.aim, p.atBytes = aimWritten, writeThreshold+rng.Int64N(last.written-writeThreshold)
			how = fmt.Sprintf("aimed at %d bytes written", p.atBytes)
			st.aimedWritten++
		case mode == 2 && last.walPeak > 0:
			p.aim, p.atBytes = aimWAL, 1+rng.Int64N(last.walPeak)
			how = fmt.Sprintf("aimed at %d bytes of WAL", p.atBytes)
			st.aimedWAL++
		default:
			p.delay = time.Duration(rng.Float64() * float64(last.dur))
			how = fmt.Sprintf("aimed %v after its start", p.delay.Round(time.Microsecond))
			st.aimedTime++
		}
		tmpBefore := st.backupTmp
		res, err := s.r.exec(p, a.args...)
		if err != nil {
			t.Fatal(err)
		}
		st.runTime += res.dur
		if res.killed {
			st.kills++
			if res.wrote >= writeThreshold {
				st.whileWriting++
			} else {
				st.beforeWriting++
			}
			how = fmt.Sprintf("killed at %v, %s, %d bytes written, WAL +%d", res.at.Round(time.Microsecond), how, res.wrote, res.walAt)
		} else {
			last = res
			how = fmt.Sprintf("ended by itself in %v before its kill (%s)", res.dur.Round(time.Millisecond), how)
		}
		applied := s.verify(t, checkRng, a, k, how, res, &st)
		if res.killed && st.backupTmp > tmpBefore {
			st.duringBackup++
		}
		if res.killed && !applied && res.walAt > 0 {
			st.inWAL++
		}
		if s.kills >= 50 && res.killed && st.kills%50 == 0 {
			t.Logf("%d/%d kills, %d inconsistent, %v", st.kills, s.kills, st.inconsistent, time.Since(start).Round(time.Second))
		}
	}
	t.Logf("%s: %d kills survived of %d, %d inconsistencies (aimed: %d in time, %d at bytes written, %d at WAL size); "+
		"%d before writing 64 KiB, %d during a backup, %d inside the transaction's WAL writes; %d rolled back, %d applied whole; "+
		"%d runs ended before their kill; %v (children %v, checks %v)",
		t.Name(), st.kills-st.inconsistent, st.kills, st.inconsistent, st.aimedTime, st.aimedWritten, st.aimedWAL,
		st.beforeWriting, st.duringBackup, st.inWAL, st.rolledBack, st.applied, st.finished,
		time.Since(start).Round(time.Second), st.runTime.Round(time.Second), st.checkTime.Round(time.Second))
	if st.backupTmp > 0 {
		t.Logf("note: %d temporary backup files (sauvegardes/*.tmp) left by killed runs", st.backupTmp)
	}
	if st.inconsistent > 0 {
		t.Errorf("%d inconsistencies in %d kills; the same moments again: CARNET_CRASH_SEED=%d CARNET_CRASH_KILLS=%d go test -v -run '^TestCrash$/^%s$' ./internal/crashtest",
			st.inconsistent, st.kills, s.seed, s.kills, strings.TrimPrefix(t.Name(), "TestCrash/"))
	}
}

// verify checks the database after run k and records the outcome.
func (s *suite) verify(t *testing.T, rng *rand.Rand, a attempt, k int, how string, res run, st *stats) (applied bool) {
	t.Helper()
	defer func(start time.Time) { st.checkTime += time.Since(start) }(time.Now())
	var p problems
	if !res.killed && res.err != nil {
		p.add("carnet %s failed: %v: %s", a.args[0], res.err, strings.TrimSpace(res.stderr))
	}
	db, err := openDB(a.db)
	if err != nil {
		p.add("open after the kill: %v", err)
	} else {
		p = append(p, checkCommon(db, rng)...)
		applied = a.check(db, &p)
		db.Close()
	}
	st.backupTmp = checkBackups(a.db, st.backupsSeen, &p)
	switch {
	case !res.killed:
		if k > 0 {
			st.finished++
		}
	case len(p) > 0: // partial: neither
	case applied:
		st.applied++
	default:
		st.rolledBack++
	}
	if len(p) == 0 {
		if s.kills <= 10 {
			t.Logf("run #%d: %s; applied: %v", k, how, applied)
		}
		return applied
	}
	if res.killed {
		st.inconsistent++
	}
	if st.inconsistent <= 10 || !res.killed {
		t.Errorf("seed %d, carnet %s run #%d (%s): %s", s.seed, a.args[0], k, how, strings.Join(p, "; "))
	} else if st.inconsistent == 11 {
		t.Errorf("further inconsistencies are only counted")
	}
	return applied
}

// counts reads the file's customers and imports before attempt k of what;
// when earlier attempts grew it past limit customers, it starts again from
// the seed copy, so that the runs stay about as long.
func (s *suite) counts(t *testing.T, path, what string, k, limit int) (customers, imports int) {
	db, err := openDB(path)
	if err == nil {
		customers, err = count(db, `SELECT count(*) FROM customers`)
	}
	if err == nil {
		imports, err = count(db, `SELECT count(*) FROM imports`)
	}
	if db != nil {
		db.Close()
	}
	if err != nil {
		t.Fatalf("before %s #%d: %v", what, k, err)
	}
	if customers > limit {
		if err := copyDB(s.base, path); err != nil {
			t.Fatal(err)
		}
		customers, imports = s.baseCount, 1
	}
	return customers, imports
}

// crashImport kills imports that create importRows customers and update
// importUpdates of the seed customers, all in a city of their own.
func (s *suite) crashImport(t *testing.T) {
	path := tempName(s.dir, "import.db")
	if err := copyDB(s.base, path); err != nil {
		t.Fatal(err)
	}
	s.hammer(t, 1, func(k int) attempt {
		customers, imports := s.counts(t, path, "import", k, s.baseCount+10*importRows)
		marker := fmt.Sprintf("CrashI%04dx", k)
		file := tempName(s.dir, "import-%04d.csv", k)
		codes := make([]string, importUpdates)
		for i := range codes {
			codes[i] = s.seedCodes[(k*importUpdates+i)%len(s.seedCodes)]
		}
		if err := writeCSV(file, marker, fmt.Sprintf("i%d", k), codes, importRows); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(file, s.dir+string(os.PathSeparator))
		return attempt{db: path, args: []string{"import", file, "--db", path}, check: func(db *sql.DB, p *problems) bool {
			nowCustomers := p.count(db, `SELECT count(*) FROM customers`)
			nowImports := p.count(db, `SELECT count(*) FROM imports`)
			journal := p.count(db, `SELECT count(*) FROM imports WHERE file = ? OR file LIKE ?`, name, "%"+string(os.PathSeparator)+name)
			marked := checkMarker(db, p, marker)
			created := p.count(db, `SELECT count(*) FROM customers c JOIN imports i ON c.id BETWEEN i.first_created AND i.last_created
				WHERE (i.file = ? OR i.file LIKE ?) AND c.city = ?`, name, "%"+string(os.PathSeparator)+name, marker)
			applied := journal == 1
			if !applied {
				created = 0
			}
			got := fmt.Sprintf("%+d customers, %+d journal lines (%d for this file), %d customers in its city, %d in its ID range",
				nowCustomers-customers, nowImports-imports, journal, marked, created)
			whole := nowCustomers == customers+importRows && nowImports == imports+1 && journal == 1 &&
				marked == importRows+importUpdates && created == importRows
			none := nowCustomers == customers && nowImports == imports && journal == 0 && marked == 0
			if !whole && !none {
				p.add("import neither whole nor absent: %s (whole is %+d customers, +1 line, %d in its city)",
					got, importRows, importRows+importUpdates)
			}
			return applied
		}}
	})
}

// crashUndo kills the undo of an import (importRows created, importUpdates
// updated), starting again from the imported state once an undo went through.
func (s *suite) crashUndo(t *testing.T) {
	template := tempName(s.dir, "template-undo.db")
	if err := copyDB(s.base, template); err != nil {
		t.Fatal(err)
	}
	const marker = "CrashU0000x"
	file := tempName(s.dir, "undo-batch.csv")
	if err := writeCSV(file, marker, "u", s.seedCodes[:importUpdates], importRows); err != nil {
		t.Fatal(err)
	}
	s.mustRun(t, plan{noKill: true}, "import", file, "--db", template)
	if err := checkpoint(template); err != nil {
		t.Fatal(err)
	}
	db, err := openDB(template)
	if err != nil {
		t.Fatal(err)
	}
	var batch, first, last int64
	err = db.QueryRow(`SELECT id, first_created, last_created FROM imports ORDER BY id DESC LIMIT 1`).Scan(&batch, &first, &last)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	path := tempName(s.dir, "undo.db")
	fresh := true
	s.hammer(t, 2, func(k int) attempt {
		if fresh {
			if err := copyDB(template, path); err != nil {
				t.Fatal(err)
			}
			fresh = false
		}
		args := []string{"undo", strconv.FormatInt(batch, 10), "--db", path}
		return attempt{db: path, args: args, check: func(db *sql.DB, p *problems) bool {
			undone := p.count(db, `SELECT count(*) FROM imports WHERE id = ? AND undone_at IS NOT NULL`, batch)
			journal := p.count(db, `SELECT count(*) FROM imports WHERE id = ?`, batch)
			inRange := p.count(db, `SELECT count(*) FROM customers WHERE id BETWEEN ? AND ?`, first, last)
			marked := checkMarker(db, p, marker)
			restored := p.count(db, `SELECT count(*) FROM customers WHERE city = 'Crashbase'`)
			got := fmt.Sprintf("undone_at set: %d, %d of its %d customers left, %d in its city, %d of %d updated customers restored",
				undone, inRange, importRows, marked, restored-(seedCustomers-importUpdates), importUpdates)
			whole := journal == 1 && undone == 1 && inRange == 0 && marked == 0 && restored == seedCustomers
			none := journal == 1 && undone == 0 && inRange == importRows && marked == importRows+importUpdates &&
				restored == seedCustomers-importUpdates
			if !whole && !none {
				p.add("undo neither whole nor absent: %s", got)
			}
			if undone == 1 || !none {
				fresh = true // undo again from the imported state
			}
			return undone == 1
		}}
	})
}

// crashDemo kills `carnet demo --clients demoClients`, which must leave all
// of its customers or none.
func (s *suite) crashDemo(t *testing.T) {
	path := tempName(s.dir, "demo.db")
	if err := copyDB(s.base, path); err != nil {
		t.Fatal(err)
	}
	s.hammer(t, 3, func(k int) attempt {
		customers, imports := s.counts(t, path, "demo", k, s.baseCount+2*demoClients)
		args := []string{"demo", "--clients", strconv.Itoa(demoClients), "--seed", strconv.Itoa(100 + k), "--db", path}
		return attempt{db: path, args: args, check: func(db *sql.DB, p *problems) bool {
			added := p.count(db, `SELECT count(*) FROM customers`) - customers
			if n := p.count(db, `SELECT count(*) FROM imports`); n != imports {
				p.add("demo changed the import journal: %d lines, was %d", n, imports)
			}
			if added != 0 && added != demoClients {
				p.add("demo left %d of its %d customers: not all or nothing (does it still commit every 5000 customers?)", added, demoClients)
			}
			return added == demoClients
		}}
	})
}

// delegatedEnv is set in the copy delegate runs.
const delegatedEnv = "CARNET_CRASHTEST_DELEGATED"

// delegate runs TestCrash in a copy of this test built without -race.
// Under the race detector modernc's SQLite runs 5 to 15 times slower, in
// the children and in the checks alike, which would make `go test -race
// ./...` take minutes here; the code under test runs in child processes,
// where the race detector would find nothing of this test's doing anyway.
func delegate(t *testing.T) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "crashtest.test")
	build := exec.Command(goCmd, "test", "-c", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build this test without -race (%s test -c): %v\n%s", goCmd, err, out)
	}
	args := []string{"-test.run=^TestCrash$", "-test.count=1"}
	if testing.Verbose() {
		args = append(args, "-test.v")
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), delegatedEnv+"=1") // even if GOFLAGS says -race
	out, err := cmd.CombinedOutput()
	t.Logf("TestCrash without -race:\n%s", out)
	if err != nil {
		t.Errorf("TestCrash without -race: %v", err)
	}
}
