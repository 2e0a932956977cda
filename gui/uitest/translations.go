package uitest

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"carnet/resources/translations"
)

// The translation checks the packages with their own texts share
// (gui/importwizard, gui/settingsui, gui/operatorsui): each package's
// i18n_test.go says which files are its own and calls them.

// UseLanguage loads every translation file with language ("fr" or "en")
// forced, as gui/i18n.go does for the window: Fyne's lang reads the locale
// from the environment each time translations are added.
func UseLanguage(t testing.TB, language string) {
	t.Helper()
	posix := map[string]string{"fr": "fr_FR.UTF-8", "en": "en_US.UTF-8"}[language]
	t.Setenv("LANGUAGE", language)
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(k, posix)
	}
	files, err := translations.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		// "fr.json", "settings.fr.json": the language is the last part.
		name := strings.TrimSuffix(f.Name(), ".json")
		data, err := translations.FS.ReadFile(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(name[strings.LastIndexByte(name, '.')+1:])); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
	}
}

// LoadTranslations reads file ("settings.fr.json") of
// resources/translations as key → text.
func LoadTranslations(t testing.TB, file string) map[string]string {
	t.Helper()
	data, err := translations.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return m
}

// keyArgs says, for each function a package translates with (as it is
// called), which of its arguments are translation keys: tr(key, args…),
// lang.L(key), and both forms of trn(lang, n, one, other, args…).
var keyArgs = map[string][]int{"tr": {0}, "lang.L": {0}, "trn": {2, 3}}

// UsedKeys returns every translation key the non-test Go files of dir
// pass to tr, trn or lang.L, each with where it is first used. A key that
// is not a string literal could not be checked: it fails t.
func UsedKeys(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	var problems []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok {
					name = x.Name + "." + fn.Sel.Name
				}
			}
			where := fset.Position(call.Pos()).String()
			for _, i := range keyArgs[name] {
				if i >= len(call.Args) {
					continue
				}
				s, ok := literal(call.Args[i])
				if !ok {
					problems = append(problems, fmt.Sprintf("%s: %s with a key that is not a literal (it cannot be checked)", where, name))
					continue
				}
				if _, seen := keys[s]; !seen {
					keys[s] = where
				}
			}
			return true
		})
	}
	for _, p := range problems {
		t.Error(p)
	}
	return keys
}

// literal is the value of e when e is a string literal.
func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// Translations says where a package's texts are and how much of the files
// is its own, for CheckTranslations.
type Translations struct {
	// Dir is the package's directory: "." from its own tests.
	Dir string
	// Name names its files, NAME.fr.json and NAME.en.json; "" is fr.json
	// and en.json, the window's.
	Name string
	// Own says the files hold this package's keys alone, so that a key of
	// theirs nothing here uses is reported. Off where the files are shared
	// (the wizard's keys are in the window's files, whose unused keys gui's
	// own test reports).
	Own bool
	// MinKeys is how many keys the package uses at the least (1 when
	// unset): fewer means the scan is broken.
	MinKeys int
}

// Files are the French and the English file of name: "settings" gives
// settings.fr.json and settings.en.json, "" fr.json and en.json.
func Files(name string) []string {
	if name == "" {
		return []string{"fr.json", "en.json"}
	}
	return []string{name + ".fr.json", name + ".en.json"}
}

// CheckTranslations fails t for every key the package uses (UsedKeys) that
// is missing or empty in one of its files, whose translation has other
// format verbs (or in another order) than the key, or that go-i18n
// reserves; and, where the files are the package's own, for every key of
// theirs nothing in the package uses.
func CheckTranslations(t *testing.T, c Translations) {
	t.Helper()
	used := UsedKeys(t, c.Dir)
	if least := max(c.MinKeys, 1); len(used) < least {
		t.Fatalf("only %d translation keys found in %s (%d at least): the scan is broken", len(used), c.Dir, least)
	}
	for _, file := range Files(c.Name) {
		m := LoadTranslations(t, file)
		var problems []string
		for k, where := range used {
			switch {
			case m[k] == "":
				problems = append(problems, fmt.Sprintf("%s lacks %q (used at %s)", file, k, where))
			case verbs(m[k]) != verbs(k):
				problems = append(problems, fmt.Sprintf("%s: format verbs differ: %q is %q (used at %s)", file, k, m[k], where))
			}
		}
		if c.Own {
			for k := range m {
				if _, ok := used[k]; !ok {
					problems = append(problems, fmt.Sprintf("%s has a key nothing in the package uses: %q", file, k))
				}
			}
		}
		sort.Strings(problems)
		for _, p := range problems {
			t.Error(p)
		}
	}
	for k, where := range used {
		if ReservedKey(k) {
			t.Errorf("%s: %q is a key go-i18n reserves: it breaks the whole file", where, k)
		}
	}
}

// reserved are the keys go-i18n (behind Fyne's lang) reads as plural forms
// or metadata: one of them as a key breaks the whole file.
var reserved = []string{"id", "description", "hash", "leftdelim", "rightdelim",
	"zero", "one", "two", "few", "many", "other", "translation"}

// ReservedKey reports whether go-i18n reserves key, in any case.
func ReservedKey(key string) bool {
	for _, r := range reserved {
		if strings.EqualFold(key, r) {
			return true
		}
	}
	return false
}

// verbs are the format verbs of s in order, "%s%d".
func verbs(s string) string {
	var out []string
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' {
			out = append(out, s[i:i+2])
			i++
		}
	}
	return strings.Join(out, "")
}

// CheckSharedKeysAgree fails t for every key of name's files that another
// file of the same language also has with another text: the order the
// files load in must never change a screen.
func CheckSharedKeysAgree(t *testing.T, name string) {
	t.Helper()
	all, err := translations.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, mine := range Files(name) {
		l := mine[len(mine)-len("fr.json"):] // "fr.json" or "en.json"
		keys := LoadTranslations(t, mine)
		for _, f := range all {
			other := f.Name()
			if other == mine || !strings.HasSuffix(other, l) {
				continue
			}
			for k, v := range LoadTranslations(t, other) {
				if m, ok := keys[k]; ok && m != v {
					t.Errorf("%q: %q in %s, %q in %s", k, m, mine, v, other)
				}
			}
		}
	}
}

// Typography: French texts put a no-break space (U+00A0 or U+202F) before
// : ; ? ! and quote with « » or “ ” and ’; English ones put no space before
// them and quote with “ ” and ’.
var (
	frenchBad  = regexp.MustCompile(`[^\x{00a0}\x{202f}][:;?!](\s|$)| [:;?!]|"|'`)
	englishBad = regexp.MustCompile(`[ \x{00a0}\x{202f}][:;?!]|[«»]|"|'`)
)

// CheckTypography fails t for every text of files that breaks its
// language's typography; a file's language is its name's last part
// ("settings.fr.json": French).
func CheckTypography(t *testing.T, files ...string) {
	t.Helper()
	for _, file := range files {
		bad, language := englishBad, "English"
		if strings.HasSuffix(file, "fr.json") {
			bad, language = frenchBad, "French"
		}
		var problems []string
		for k, v := range LoadTranslations(t, file) {
			if bad.MatchString(v) {
				problems = append(problems, fmt.Sprintf("%s: %s typography: %q (key %q)", file, language, v, k))
			}
		}
		sort.Strings(problems)
		for _, p := range problems {
			t.Error(p)
		}
	}
}
