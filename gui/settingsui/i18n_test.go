package settingsui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"carnet/resources/translations"
)

// reserved are keys go-i18n (behind Fyne's lang) reads as plural forms or
// metadata: one of them as a key breaks the whole file.
var reserved = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

func loadFile(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := translations.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// usedKeys returns every literal passed to tr, trn (both forms) or lang.L
// in the package's non-test files, and fails on a key that is not a
// literal (it could not be checked).
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	keys := map[string]string{}
	fset := token.NewFileSet()
	literal := func(call *ast.CallExpr, a ast.Expr) {
		lit, ok := a.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			t.Errorf("%s: a translation key that is not a literal", fset.Position(call.Pos()))
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		keys[s] = fset.Position(call.Pos()).String()
	}
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
			if !ok || len(call.Args) == 0 {
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
			switch {
			case name == "trn" && len(call.Args) >= 4:
				literal(call, call.Args[2])
				literal(call, call.Args[3])
			case name == "tr" && fset.Position(call.Pos()).Filename != "i18n.go", name == "lang.L" && filepath.Base(fset.Position(call.Pos()).Filename) != "i18n.go":
				literal(call, call.Args[0])
			}
			return true
		})
	}
	return keys
}

// TestTranslationsComplete: every key the Settings window uses is in
// settings.fr.json and settings.en.json, every key of those files is
// used, and the format verbs agree.
func TestTranslationsComplete(t *testing.T) {
	fr, en := loadFile(t, "settings.fr.json"), loadFile(t, "settings.en.json")
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("only %d keys found: the scan is broken", len(used))
	}
	var problems []string
	for k, where := range used {
		if fr[k] == "" || en[k] == "" {
			problems = append(problems, where+": not in both files: "+strconv.Quote(k))
			continue
		}
		if verbs(fr[k]) != verbs(k) || verbs(en[k]) != verbs(k) {
			problems = append(problems, where+": format verbs differ: "+strconv.Quote(k))
		}
		for _, r := range reserved {
			if strings.EqualFold(k, r) {
				problems = append(problems, where+": a key go-i18n reserves: "+strconv.Quote(k))
			}
		}
	}
	for _, file := range []map[string]string{fr, en} {
		for k := range file {
			if used[k] == "" {
				problems = append(problems, "unused key "+strconv.Quote(k))
			}
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// TestSharedKeysAgree: a key also in another translation file has the same
// text there, so the order the files load in never changes a screen.
func TestSharedKeysAgree(t *testing.T) {
	files, err := translations.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"fr", "en"} {
		mine := loadFile(t, "settings."+l+".json")
		for _, f := range files {
			name := f.Name()
			if !strings.HasSuffix(name, l+".json") || strings.HasPrefix(name, "settings.") {
				continue
			}
			for k, v := range loadFile(t, name) {
				if m, ok := mine[k]; ok && m != v {
					t.Errorf("%q: %q in settings.%s.json, %q in %s", k, m, l, v, name)
				}
			}
		}
	}
}

// TestTypography: French texts put a no-break space before : ; ? ! and
// quote with « » or “ ” and ’; English ones put no space before them and
// quote with “ ” and ’.
func TestTypography(t *testing.T) {
	frBad := regexp.MustCompile(`[^\x{00a0}\x{202f}][:;?!](\s|$)|"|'`)
	enBad := regexp.MustCompile(`[ \x{00a0}\x{202f}][:;?!]|[«»]|"|'`)
	for k, v := range loadFile(t, "settings.fr.json") {
		if frBad.MatchString(v) {
			t.Errorf("French typography: %q (key %q)", v, k)
		}
	}
	for k, v := range loadFile(t, "settings.en.json") {
		if enBad.MatchString(v) {
			t.Errorf("English typography: %q (key %q)", v, k)
		}
	}
}

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
