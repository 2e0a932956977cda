package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/version"
)

// TestVersion: carnet --version and carnet version print "Carnet X.Y.Z"
// and exit 0, whatever the language, without opening or creating a
// database; --help lists them.
func TestVersion(t *testing.T) {
	want := "Carnet " + version.String() + "\n"
	db := filepath.Join(t.TempDir(), "absent.db")
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}, {"--db", db, "--version"}} {
		for _, lang := range []string{"fr", "en"} {
			var out, errs bytes.Buffer
			code := Run(context.Background(), args, &Env{Stdout: &out, Stderr: &errs, Lang: lang})
			if code != 0 || out.String() != want || errs.Len() != 0 {
				t.Errorf("carnet %s (%s): exit %d, out %q, err %q; want %q", strings.Join(args, " "), lang, code, out.String(), errs.String(), want)
			}
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("carnet --version created a database")
	}
	out, _, code := run(t, "version", "--json")
	var doc map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc["name"] != "Carnet" || doc["version"] != version.String() {
		t.Errorf("carnet version --json: exit %d, %s", code, out)
	}
	if _, errs, code := run(t, "version", "extra"); code != 2 || !strings.Contains(errs, "argument") {
		t.Errorf("carnet version extra: exit %d, %q", code, errs)
	}
	for _, lang := range []string{"fr", "en"} {
		var help bytes.Buffer
		Run(context.Background(), []string{"--help"}, &Env{Stdout: &help, Stderr: &help, Lang: lang})
		if !strings.Contains(help.String(), "carnet --version") || !strings.Contains(help.String(), "\n  version ") {
			t.Errorf("carnet --help (%s) does not list the version:\n%s", lang, help.String())
		}
	}
}
