package gui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"carnet/internal/format"
	"carnet/internal/phone"
	"carnet/resources/translations"
)

// Packages whose string literals can reach the window: the screens, and
// the messages, labels and formats of the layers below them.
var drawnSourceDirs = []string{".", "importwizard", "uikit",
	"../internal/domain", "../internal/format", "../internal/importer", "../internal/fieldparse",
	"../internal/sheet", "../internal/phone", "../internal/service", "../internal/store"}

// typewriterApostrophe is a ' between two letters, where the window writes ’.
var typewriterApostrophe = regexp.MustCompile(`\pL'\pL`)

// neverDrawn are characters the code uses as markers, never shown: the
// search's upper bound for a prefix, and the date-format markers of the
// spreadsheet reader (private use area).
var neverDrawn = map[rune]string{
	'\U0010FFFF': "store: upper bound of a prefix search",
	'\uE000':     "sheet: date marker", '\uE001': "sheet: date-time marker",
	'\uE002': "sheet: time marker", '\uE003': "sheet: duration marker",
}

// TestEveryDrawnCharacterIsInTheBundledFont: a character the bundled font
// lacks is drawn from a fallback font, and Fyne shapes the text around it
// in that font too; the space after "→" came out as a replacement glyph in
// the Check step. So every text the window can draw — the translations,
// the string literals of the code that makes its texts, and formatted
// numbers, amounts, dates and phones — must use only characters of the
// bundled regular and bold fonts.
func TestEveryDrawnCharacterIsInTheBundledFont(t *testing.T) {
	faces := map[string]*font.Face{}
	for name, res := range map[string]fyne.Resource{"regular": theme.DefaultTextFont(), "bold": theme.DefaultTextBoldFont()} {
		f, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatalf("%s font: %v", name, err)
		}
		faces[name] = f
	}
	// where[r] says where a rune was first seen.
	where := map[rune]string{}
	var apostrophes []string
	add := func(origin, s string) {
		if typewriterApostrophe.MatchString(s) {
			apostrophes = append(apostrophes, origin+": "+strconv.Quote(s))
		}
		for _, r := range s {
			if _, seen := where[r]; !seen && r >= ' ' && neverDrawn[r] == "" {
				where[r] = fmt.Sprintf("%s: %q", origin, s)
			}
		}
	}
	for _, l := range []string{"fr", "en"} {
		data, err := translations.FS.ReadFile(l + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			add(l+".json", k)
			add(l+".json", v)
		}
	}
	literals := 0
	for _, dir := range drawnSourceDirs {
		literals += stringLiterals(t, dir, add)
	}
	if literals < 1000 {
		t.Fatalf("only %d string literals found: the scan is broken", literals)
	}
	day := time.Date(2026, 12, 31, 23, 59, 0, 0, time.Local)
	for _, l := range []string{"fr", "en"} {
		for _, cents := range []int64{0, 5, -5, 123456, -123456789012} {
			add("format.Money", format.Money(cents, l))
			add("format.Amount", format.Amount(cents, l))
		}
		for _, n := range []int{0, 1, 999, 1000, -1234567} {
			add("format.Count", format.Count(n, l))
		}
		add("format.Percent", format.Percent(1250, l))
		add("format.DateTime", format.DateTime(day, l))
	}
	for _, n := range []string{"+33612345678", "+262692123456", "+14155550100"} {
		add("phone.National", phone.National(n))
	}

	var missing []string
	for r, origin := range where {
		for name, f := range faces {
			if _, ok := f.NominalGlyph(r); !ok {
				missing = append(missing, fmt.Sprintf("%U %q (not in the %s font) in %s", r, r, name, origin))
			}
		}
	}
	sort.Strings(apostrophes)
	if len(apostrophes) > 0 {
		t.Errorf("one apostrophe throughout (’), not the typewriter one:\n%s", strings.Join(apostrophes, "\n"))
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d characters the bundled font cannot draw:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// stringLiterals passes every string literal of dir's non-test Go files to
// add and returns how many it found.
func stringLiterals(t *testing.T, dir string, add func(origin, s string)) int {
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
