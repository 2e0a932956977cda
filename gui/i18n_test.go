package gui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
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

// reserved are keys go-i18n reads as plural forms or metadata: one of them
// as a key breaks the whole file.
var reserved = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true,
	"rightdelim": true, "zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}

// TestTranslationKeysCompleteAndUsed: every key of the main screens is in
// fr.json and en.json, and every key of those files is used somewhere in
// gui/ (the wizard's keys may be merged into them).
func TestTranslationKeysCompleteAndUsed(t *testing.T) {
	used := usedKeys(t, "*.go")
	anywhere := usedKeys(t, "*/*.go")
	for k := range used {
		anywhere[k] = true
		if reserved[strings.ToLower(k)] {
			t.Errorf("key %q is reserved by go-i18n", k)
		}
	}
	if len(used) == 0 {
		t.Fatal("no lang.L key found: the scan is broken")
	}
	for _, l := range []string{"fr", "en"} {
		data, err := os.ReadFile(filepath.Join("..", "resources", "translations", l+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var file map[string]string
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s.json: %v", l, err)
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
// colon, question or exclamation mark, and quote with “ ”, not « ».
func TestNoFrenchTypographyInEnglish(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "resources", "translations", "en.json"))
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	french := regexp.MustCompile(`[ \x{00a0}\x{202f}][:;?!]|[«»]`)
	for k, v := range en {
		if french.MatchString(v) {
			t.Errorf("French typography in English: %q (key %q)", v, k)
		}
	}
}
