package gui

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"carnet/gui/uitest"
	"carnet/internal/format"
	"carnet/internal/phone"
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
	faces := uitest.BundledFonts(t)
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
		for k, v := range uitest.LoadTranslations(t, l+".json") {
			add(l+".json", k)
			add(l+".json", v)
		}
	}
	literals := 0
	for _, dir := range drawnSourceDirs {
		literals += uitest.StringLiterals(t, dir, add)
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
