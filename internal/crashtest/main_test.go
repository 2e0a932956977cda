package crashtest

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"testing"
	"time"

	"carnet/internal/cli"
)

// childEnv, when set, makes this test binary run carnet's command line with
// the arguments it holds (separated by \x1f) instead of the tests.
const childEnv = "CARNET_CRASHTEST_CHILD"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		// What cmd/carnet's main does for a sub-command.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.Run(ctx, strings.Split(args, "\x1f"), &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// writeThreshold is how many bytes a child must have written (write(2)
// calls, /proc/PID/io wchar) before it counts as writing the database:
// more than its messages and a small transaction such as demo's groups.
const writeThreshold = 64 << 10

// runner starts carnet as a child process.
type runner struct {
	bin string // a carnet binary, or "" to re-execute this test binary
}

func (r runner) command(args ...string) *exec.Cmd {
	var c *exec.Cmd
	if r.bin != "" {
		c = exec.Command(r.bin, args...)
		c.Env = os.Environ()
	} else {
		c = exec.Command(os.Args[0], "-test.run=^$")
		c.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"))
	}
	c.Env = append(c.Env, "LC_ALL=en_US.UTF-8", "CARNET_DB=")
	return c
}

// aim is how a plan picks the moment of its kill.
type aim int

const (
	aimTime    aim = iota // delay after the start
	aimWritten            // once the child has written atBytes (/proc/PID/io)
	aimWAL                // once the database's WAL file has grown by atBytes
)

// plan says when to kill a child.
type plan struct {
	noKill  bool
	aim     aim
	delay   time.Duration
	atBytes int64
	wal     string // the database's WAL file, watched in every run
}

// run is what became of a child.
type run struct {
	killed bool          // ended by our SIGKILL
	at     time.Duration // when the SIGKILL was sent, from the start
	wrote  int64         // bytes the child had written then (-1: unknown)
	walAt  int64         // bytes the WAL had grown by then
	dur    time.Duration // from start to exit
	// Bytes written by the end (last sample) and the first and last
	// moments they were seen to grow past writeThreshold (-1: never, or
	// /proc/PID/io unreadable); the WAL's largest growth.
	written              int64
	writeStart, writeEnd time.Duration
	walPeak              int64
	err                  error // exit status when not killed
	stderr               string
}

// exec runs carnet with args and kills it as p says, sampling its written
// bytes and its WAL's size every half millisecond meanwhile.
func (r runner) exec(p plan, args ...string) (run, error) {
	walSize := func() int64 {
		if fi, err := os.Stat(p.wal); err == nil && p.wal != "" {
			return fi.Size()
		}
		return 0
	}
	walStart := walSize() // 0: the checks close the database cleanly
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		return run{}, err
	}
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	res := run{wrote: -1, written: -1, writeStart: -1, writeEnd: -1}
	pid := cmd.Process.Pid
	if p.aim == aimWritten && !procIO {
		p.aim = aimTime
	}
	tick := time.NewTicker(500 * time.Microsecond)
	defer tick.Stop()
	sent := false
	var waitErr error
wait:
	for {
		select {
		case waitErr = <-done:
			break wait
		case <-tick.C:
		}
		if w, ok := wchar(pid); ok {
			now := time.Since(start)
			if w >= writeThreshold {
				if res.writeStart < 0 {
					res.writeStart = now
				}
				if w > res.written {
					res.writeEnd = now
				}
			}
			res.written = w
		}
		wal := max(walSize()-walStart, 0)
		res.walPeak = max(res.walPeak, wal)
		if p.noKill || sent {
			continue
		}
		var now bool
		switch p.aim {
		case aimWritten:
			now = res.written >= p.atBytes
		case aimWAL:
			now = wal >= p.atBytes
		default:
			now = time.Since(start) >= p.delay
		}
		if now {
			res.wrote, res.walAt, res.at = res.written, wal, time.Since(start)
			cmd.Process.Kill()
			sent = true
		}
	}
	res.dur = time.Since(start)
	res.stderr = stderr.String()
	// ExitCode is -1 for a child ended by a signal; a child that exited
	// on its own just before the SIGKILL was not killed.
	res.killed = sent && cmd.ProcessState.ExitCode() == -1
	if !res.killed {
		res.err = waitErr
	}
	return res, nil
}

// procIO reports whether /proc/PID/io can be read (Linux): without it the
// kills only aim at moments counted from the start.
var procIO = func() bool { _, ok := wchar(os.Getpid()); return ok }()

// wchar returns the bytes process pid has passed to write(2) and the like.
func wchar(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/io")
	if err != nil {
		return 0, false
	}
	_, rest, ok := bytes.Cut(b, []byte("wchar:"))
	if !ok {
		return 0, false
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	n, err := strconv.ParseInt(string(bytes.TrimSpace(line)), 10, 64)
	return n, err == nil
}
