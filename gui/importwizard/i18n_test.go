package importwizard

import (
	"testing"

	"carnet/gui/uitest"
	"carnet/internal/importer"
)

// TestTranslationsComplete: every key the wizard uses is in fr.json and
// en.json with the same format verbs. The files are the window's too:
// gui's own translation test reports their keys nothing uses.
func TestTranslationsComplete(t *testing.T) {
	uitest.CheckTranslations(t, uitest.Translations{Dir: "."})
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
		uitest.UseLanguage(t, c.lang)
		if got := undoText(&c.res, c.lang); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	uitest.UseLanguage(t, "fr")
	for n, want := range map[int]string{0: "inchangée", 1: "inchangée", 2: "inchangées"} {
		if got := trn("fr", n, "unchanged (one row)", "unchanged"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
