package operatorsui

import (
	"bytes"
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

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"carnet/resources/translations"
)

// goI18nReserved are keys go-i18n (behind Fyne's lang) reads as plural
// forms or metadata: one of them as a key breaks the whole file.
var goI18nReserved = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

func loadKeys(t *testing.T, file string) map[string]string {
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

// usedKeys returns every literal passed to tr or trn in the package's non-test
// files, and fails on a call whose key is not a literal (it could not be
// checked).
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
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			// tr(key, args…); trn(lang, n, one, other, args…): both forms
			// are keys.
			args := map[string][]ast.Expr{"tr": call.Args[:1]}
			if len(call.Args) >= 4 {
				args["trn"] = call.Args[2:4]
			}
			for _, a := range args[id.Name] {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: %s with a key that is not a literal", fset.Position(call.Pos()), id.Name)
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = fset.Position(call.Pos()).String()
			}
			return true
		})
	}
	if len(keys) == 0 {
		t.Fatal("no tr key found: the scan is broken")
	}
	return keys
}

// TestTranslationsComplete: every key used here is in operators.fr.json and
// operators.en.json, every key of those files is used, with the same
// format verbs.
func TestTranslationsComplete(t *testing.T) {
	used := usedKeys(t)
	for _, l := range []string{"fr", "en"} {
		file := "operators." + l + ".json"
		m := loadKeys(t, file)
		var missing, unused []string
		for k, where := range used {
			if m[k] == "" {
				missing = append(missing, where+": "+strconv.Quote(k))
			} else if verbs(m[k]) != verbs(k) {
				t.Errorf("%s: %q: format verbs differ in %q", file, k, m[k])
			}
		}
		for k := range m {
			if _, ok := used[k]; !ok {
				unused = append(unused, strconv.Quote(k))
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		for _, k := range missing {
			t.Errorf("%s lacks %s", file, k)
		}
		for _, k := range unused {
			t.Errorf("%s has a key nothing uses: %s", file, k)
		}
	}
	for k := range used {
		for _, r := range goI18nReserved {
			if strings.EqualFold(k, r) {
				t.Errorf("%q is a key go-i18n reserves: it breaks the file", k)
			}
		}
	}
}

// TestTypography: French puts a non-breaking space before : ; ? ! and uses
// the typographic apostrophe; English does neither.
func TestTypography(t *testing.T) {
	plainSpace := regexp.MustCompile(`( [:;?!])|'`)
	for k, v := range loadKeys(t, "operators.fr.json") {
		if plainSpace.MatchString(v) {
			t.Errorf("French typography: %q (key %q) needs a non-breaking space or ’", v, k)
		}
	}
	french := regexp.MustCompile(`[ \x{00a0}\x{202f}][:;?!]|[«»]`)
	for k, v := range loadKeys(t, "operators.en.json") {
		if french.MatchString(v) {
			t.Errorf("French typography in English: %q (key %q)", v, k)
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

// TestEveryCharacterIsInTheBundledFont: a character the window's font
// lacks is drawn from a fallback font and the text around it is shaped
// badly (gui's glyph test says more); this package's texts and literals
// use only the bundled font's.
func TestEveryCharacterIsInTheBundledFont(t *testing.T) {
	var texts []string
	for _, l := range []string{"fr", "en"} {
		for k, v := range loadKeys(t, "operators."+l+".json") {
			texts = append(texts, k, v)
		}
	}
	files, _ := filepath.Glob("*.go")
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
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				texts = append(texts, s)
			}
			return true
		})
	}
	for name, res := range map[string]fyne.Resource{"regular": theme.DefaultTextFont(), "bold": theme.DefaultTextBoldFont()} {
		face, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			for _, r := range s {
				if _, ok := face.NominalGlyph(r); r >= ' ' && !ok {
					t.Errorf("%U %q is not in the %s font: %q", r, r, name, s)
				}
			}
		}
	}
}
