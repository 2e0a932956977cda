package gui

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"carnet/gui/uitest"
)

// keyPattern finds the literal keys of lang.L("…") and lang.X("…").
// The import wizard (gui/importwizard) calls its tr(…) helper the same way.
var keyPattern = regexp.MustCompile(`(?:lang\.[LX]|\btr)\(("(?:[^"\\]|\\.)*")`)

// formsPattern finds the two forms of a counted text: plural(n, "one",
// "other", …) in the window, trn(lang, n, "one", "other", …) in the wizard.
var formsPattern = regexp.MustCompile(`\b(?:plural\((?:[^,()]|\([^()]*\))+|trn\((?:[^,()]|\([^()]*\))+,(?:[^,()]|\([^()]*\))+),\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")`)

// usedKeys returns the literal keys of the .go files matching glob.
func usedKeys(t *testing.T, glob string) map[string]bool {
	files, _ := filepath.Glob(glob)
	keys := map[string]bool{}
	for _, f := range files {
		if filepath.Ext(f) == ".go" && len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyPattern.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys[k] = true
		}
		for _, m := range formsPattern.FindAllSubmatch(src, -1) {
			for _, q := range m[1:] {
				k, err := strconv.Unquote(string(q))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				keys[k] = true
			}
		}
	}
	return keys
}

// TestTranslationKeysCompleteAndUsed: every key of the main screens is in
// fr.json and en.json, and every key of those files is used somewhere in
// gui/ (the wizard's keys may be merged into them).
func TestTranslationKeysCompleteAndUsed(t *testing.T) {
	used := usedKeys(t, "*.go")
	anywhere := usedKeys(t, "*/*.go")
	for k := range used {
		anywhere[k] = true
		if uitest.ReservedKey(k) {
			t.Errorf("key %q is reserved by go-i18n", k)
		}
	}
	if len(used) == 0 {
		t.Fatal("no lang.L key found: the scan is broken")
	}
	for _, l := range []string{"fr", "en"} {
		file := uitest.LoadTranslations(t, l+".json")
		// The Multisite tab's and the sites' texts are in their own files.
		for _, part := range []string{"multisite.", "sites."} {
			for k, v := range uitest.LoadTranslations(t, part+l+".json") {
				file[k] = v
			}
		}
		var missing, unused []string
		for k := range used {
			if file[k] == "" {
				missing = append(missing, k)
			}
		}
		for k := range file {
			if !anywhere[k] {
				unused = append(unused, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		if len(missing) > 0 {
			t.Errorf("%s.json lacks %q", l, missing)
		}
		if len(unused) > 0 {
			t.Errorf("%s.json has keys no screen uses: %q", l, unused)
		}
	}
}

// TestNoFrenchTypographyInEnglish: English texts put no space before a
// colon, question or exclamation mark, and quote with “ ” and ’, not « »
// or typewriter quotes.
func TestNoFrenchTypographyInEnglish(t *testing.T) { uitest.CheckTypography(t, "en.json") }
