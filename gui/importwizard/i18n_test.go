package importwizard

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"carnet/internal/importer"
	"carnet/resources/translations"
)

// goI18nReserved are keys go-i18n (behind Fyne's lang) reads as plural
// forms or metadata: "Other" as a key breaks the whole file.
var goI18nReserved = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other"}

func loadKeys(t *testing.T, language string) map[string]string {
	t.Helper()
	data, err := translations.FS.ReadFile(language + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", language, err)
	}
	return m
}

// usedKeys returns every literal passed to tr or lang.L in the package's
// non-test files, and fails on a call whose key is not a literal (it could
// not be checked).
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	keys := map[string]string{}
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
			if name == "trn" && len(call.Args) >= 4 {
				// trn(lang, n, one, other, args…): both forms are keys.
				for _, a := range call.Args[2:4] {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Errorf("%s: trn with a form that is not a literal", fset.Position(call.Pos()))
						continue
					}
					s, _ := strconv.Unquote(lit.Value)
					keys[s] = fset.Position(call.Pos()).String()
				}
				return true
			}
			if name != "tr" && name != "lang.L" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				if pos := fset.Position(call.Pos()); !(name == "lang.L" && pos.Filename == "i18n.go") {
					t.Errorf("%s: %s with a key that is not a literal", pos, name)
				}
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			keys[s] = fset.Position(call.Pos()).String()
			return true
		})
	}
	return keys
}

func TestTranslationsComplete(t *testing.T) {
	fr, en := loadKeys(t, "fr"), loadKeys(t, "en")
	// Both files holding the same keys, and none left unused across the
	// window, are checked by gui's own translation test.
	used := usedKeys(t)
	var missing []string
	for k, where := range used {
		if _, ok := fr[k]; !ok {
			missing = append(missing, where+": "+strconv.Quote(k))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("key not in resources/translations/{fr,en}.json: %s", m)
	}
	for k := range used {
		for _, r := range goI18nReserved {
			if strings.EqualFold(k, r) {
				t.Errorf("%q is a key go-i18n reserves: it breaks the file", k)
			}
		}
		// The same verbs, in the same order, in both languages.
		if verbs(fr[k]) != verbs(k) || verbs(en[k]) != verbs(k) {
			t.Errorf("%q: format verbs differ (fr %q, en %q)", k, fr[k], en[k])
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

// TestCountsAgreeInBothLanguages: a count takes the singular or the plural
// as each language wants (French: 0 and 1 singular), with gender.
func TestCountsAgreeInBothLanguages(t *testing.T) {
	for _, c := range []struct {
		lang string
		res  importer.UndoResult
		want string
	}{
		{"fr", importer.UndoResult{Batch: 3, Removed: 1}, "Import n° 3 annulé : 1 client supprimé, 0 rétabli."},
		{"fr", importer.UndoResult{Batch: 3, Removed: 2, Restored: 5}, "Import n° 3 annulé : 2 clients supprimés, 5 rétablis."},
		{"en", importer.UndoResult{Batch: 3, Removed: 1}, "Import #3 undone: 1 customer removed, 0 restored."},
		{"en", importer.UndoResult{Batch: 3, Removed: 0, Restored: 2}, "Import #3 undone: 0 customers removed, 2 restored."},
	} {
		useLanguage(t, c.lang)
		if got := undoText(&c.res, c.lang); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	useLanguage(t, "fr")
	for n, want := range map[int]string{0: "inchangée", 1: "inchangée", 2: "inchangées"} {
		if got := trn("fr", n, "unchanged (one row)", "unchanged"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
