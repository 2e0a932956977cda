package corpustest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A missing corpus file skips a test, and fails it when CI is set: run in
// a child process so that the failure is observed rather than suffered.
func TestMissingCorpusSkipsOrFailsUnderCI(t *testing.T) {
	if os.Getenv("CORPUSTEST_CHILD") == "1" {
		File(t, "no/such/file.csv")
		return
	}
	for _, c := range []struct {
		ci       string
		wantFail bool
		wantText string
	}{
		{"", false, "SKIP"},
		{"true", true, "CI must test the real-world files"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingCorpusSkipsOrFailsUnderCI$", "-test.v")
		cmd.Env = append(os.Environ(), "CORPUSTEST_CHILD=1", "CI="+c.ci)
		out, err := cmd.CombinedOutput()
		if (err != nil) != c.wantFail || !strings.Contains(string(out), c.wantText) {
			t.Errorf("CI=%q: err %v, output:\n%s", c.ci, err, out)
		}
	}
}

func TestDirIsBesideTheModule(t *testing.T) {
	wd, _ := os.Getwd()
	if got := Dir(); !strings.HasSuffix(got, "/shared/corpus") || strings.HasPrefix(got, wd) {
		t.Errorf("Dir() = %q from %q: want ../shared/corpus beside the module root", got, wd)
	}
}
