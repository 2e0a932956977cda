package uitest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// BundledFonts are the window's regular and bold faces, by name: a
// character they lack is drawn from a fallback font, and Fyne shapes the
// text around it in that font too.
func BundledFonts(t testing.TB) map[string]*font.Face {
	t.Helper()
	faces := map[string]*font.Face{}
	for name, res := range map[string]fyne.Resource{"regular": theme.DefaultTextFont(), "bold": theme.DefaultTextBoldFont()} {
		f, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatalf("%s font: %v", name, err)
		}
		faces[name] = f
	}
	return faces
}

// StringLiterals passes every string literal of dir's non-test Go files
// (not its subdirectories') to add with where it is, and returns how many
// it found.
func StringLiterals(t testing.TB, dir string, add func(origin, s string)) int {
	t.Helper()
	n := 0
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir {
				return filepath.SkipDir // subpackages are listed on their own
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(node ast.Node) bool {
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil {
				n++
				add(fset.Position(lit.Pos()).String(), s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// CheckFont fails t for every character the bundled fonts lack among the
// keys and texts of the translation files and the string literals of the
// non-test Go files of dir: a package's texts must use only the bundled
// font's characters (gui's glyph test says why).
func CheckFont(t *testing.T, dir string, files ...string) {
	t.Helper()
	// where[r] says where a character was first seen.
	where := map[rune]string{}
	add := func(origin, s string) {
		for _, r := range s {
			if _, seen := where[r]; !seen && r >= ' ' {
				where[r] = fmt.Sprintf("%s: %q", origin, s)
			}
		}
	}
	for _, file := range files {
		for k, v := range LoadTranslations(t, file) {
			add(file, k)
			add(file, v)
		}
	}
	StringLiterals(t, dir, add)
	var missing []string
	for name, face := range BundledFonts(t) {
		for r, origin := range where {
			if _, ok := face.NominalGlyph(r); !ok {
				missing = append(missing, fmt.Sprintf("%U %q is not in the %s font: %s", r, r, name, origin))
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}
}
