// Package corpustest finds the shared corpus of real third-party files
// (../shared/corpus beside the repository) for the tests that read it.
//
// Where the corpus is absent a test skips with a message, so that the
// project builds and tests anywhere; under CI (the CI environment variable
// set, as CI services do) it fails instead: a CI run that skipped every
// real-world file would pass while testing nothing of what users import.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir is the corpus folder. Tests run in their package's folder, so it is
// found from the module root (the folder holding go.mod), walking up.
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "corpus")
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "corpus")
		}
		if filepath.Dir(dir) == dir {
			return filepath.Join(wd, "..", "shared", "corpus")
		}
	}
}

// File returns the absolute path of rel (slash-separated) in the corpus;
// when it is absent the test skips, or fails under CI.
func File(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Dir(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, rel, err)
	}
	return p
}

// Folder is File for the corpus folder itself.
func Folder(t testing.TB) string {
	t.Helper()
	dir := Dir()
	if _, err := os.Stat(dir); err != nil {
		Missing(t, "", err)
	}
	return dir
}

// Missing ends a test whose corpus file is absent: a skip, or under CI a
// failure that says where the corpus is expected.
func Missing(t testing.TB, rel string, err error) {
	t.Helper()
	what := "corpus folder " + Dir()
	if rel != "" {
		what = "corpus file " + rel + " (in " + Dir() + ")"
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s absent (%v): CI must test the real-world files; check out the shared corpus beside the project", what, err)
	}
	t.Skipf("%s absent (%v): real-world files not tested here", what, err)
}
