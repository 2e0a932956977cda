package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/importer"
)

// topDialogTexts are the texts of the dialog on top.
func (h *harness) topDialogTexts() string {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatal("no dialog open")
	}
	return texts(top)
}

// tapIn taps the index-th button labelled text in the dialog on top.
func (h *harness) tapIn(text string, index int) {
	h.t.Helper()
	found := buttons(h.win.Canvas().Overlays().Top(), text)
	if index >= len(found) {
		h.t.Fatalf("%d %q buttons in the dialog, want %d at least:\n%s", len(found), text, index+1, h.topDialogTexts())
	}
	h.act(func() { test.Tap(found[index]) })
	h.wait()
}

// TestProfilesListedRenamedDeleted: the Profiles… dialog lists the saved
// profiles; one renamed is recognised under its new name when its file is
// opened again, an empty name is refused with a message, and one deleted
// is no longer recognised.
func TestProfilesListedRenamedDeleted(t *testing.T) {
	h := newHarness(t, "fr")
	path := writeSample(t, t.TempDir())
	h.open(path)
	h.next()
	h.act(func() {
		h.w.mapper.name.SetText("Boutique")
		test.Tap(h.w.mapper.save)
	})
	h.wait()
	h.act(func() { test.Tap(h.w.mapper.profiles) })
	h.wait()
	if shown := h.topDialogTexts(); !strings.Contains(shown, "Boutique") || !strings.Contains(shown, "8 colonnes") ||
		!strings.Contains(shown, "reconnu pour ce fichier") {
		t.Fatalf("the dialog does not list the profile:\n%s", shown)
	}

	rename := func(name string) {
		h.tapIn("Renommer…", 0)
		entry := uitest.Find(h.win.Canvas().Overlays().Top(), func(*widget.Entry) bool { return true })
		h.act(func() { entry.SetText(name) })
		h.tapIn("Renommer", 0)
	}
	rename("   ")
	if shown := h.topDialogTexts(); !strings.Contains(shown, "Donnez un nom au profil d’importation.") {
		t.Fatalf("an empty name is not refused with a message:\n%s", shown)
	}
	rename("Boutique de Lyon")
	if shown := h.topDialogTexts(); !strings.Contains(shown, "Boutique de Lyon") || !strings.Contains(shown, "renommé") {
		t.Fatalf("the dialog does not show the new name:\n%s", shown)
	}
	if h.w.mapper.profileName() != "Boutique de Lyon" {
		t.Errorf("the step saves under %q", h.w.mapper.profileName())
	}
	if got := h.w.mapper.saved.Text; strings.Contains(got, "« Boutique »") {
		t.Errorf("the step still says the old name was saved: %q", got)
	}
	h.act(func() { h.win.Canvas().Overlays().Top().Hide() })

	h.open(path)
	h.next()
	if got := h.w.mapper.profile.Text; !strings.Contains(got, "Profil « Boutique de Lyon » reconnu") {
		t.Fatalf("after the rename the file is recognised as: %q", got)
	}

	h.act(func() { test.Tap(h.w.mapper.profiles) })
	h.wait()
	h.tapIn("Supprimer…", 0)
	h.tapIn("Supprimer", 0)
	if shown := h.topDialogTexts(); !strings.Contains(shown, "Aucun profil enregistré") {
		t.Fatalf("after the delete the dialog shows:\n%s", shown)
	}
	if strings.Contains(h.w.mapper.profile.Text, "reconnu") {
		t.Errorf("the step still says the deleted profile is recognised: %q", h.w.mapper.profile.Text)
	}
	h.act(func() { h.win.Canvas().Overlays().Top().Hide() })
	h.open(path)
	h.next()
	if h.w.preview.Profile != "" {
		t.Errorf("a deleted profile is still recognised: %q", h.w.preview.Profile)
	}
}

// TestProfileAppliedByColumnName: a profile saved for one layout maps
// another file's columns by their names, in another order, and its
// choices are then imported.
func TestProfileAppliedByColumnName(t *testing.T) {
	h := newHarness(t, "fr")
	dir := t.TempDir()
	first := filepath.Join(dir, "janvier.csv")
	if err := os.WriteFile(first, []byte("Nom;Ref;Ville\nDurand;A1;Lyon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.open(first)
	h.next()
	// A choice no suggestion would make: the shop's reference kept in the
	// notes.
	const want = "notes"
	h.act(func() { h.w.mapper.setField(h.column("Ref"), want) })
	h.act(func() {
		h.w.mapper.name.SetText("Boutique")
		test.Tap(h.w.mapper.save)
	})
	h.wait()

	second := filepath.Join(dir, "fevrier.csv")
	if err := os.WriteFile(second, []byte("Ville;Ref;Nom;Remarque\nParis;B2;Martin;x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.open(second)
	h.next()
	if h.w.preview.Profile != "" {
		t.Fatalf("another layout was recognised: %q", h.w.preview.Profile)
	}
	h.act(func() { test.Tap(h.w.mapper.profiles) })
	h.wait()
	h.tapIn("Appliquer à ce fichier", 0)
	if got := h.w.mapping[h.column("Ref")]; got != want {
		t.Fatalf("Ref mapped to %q, want the profile's %q (mapping %q)", got, want, h.w.mapping)
	}
	if got := h.w.mapping[h.column("Remarque")]; got != "" {
		t.Errorf("Remarque kept %q, a field the profile gives to Ref", got)
	}
	if !strings.Contains(h.w.mapper.saved.Text, "3 colonnes sur 4") || h.w.mapper.profileName() != "Boutique" {
		t.Errorf("the step says %q and saves under %q", h.w.mapper.saved.Text, h.w.mapper.profileName())
	}

	// A profile (saved from the command line) that keeps Ref in a custom
	// field of another name: applied, the choice offers and holds it.
	if err := h.w.d.Importer.SaveProfile(context.Background(), importer.Profile{Name: "Comptable",
		Headers: []string{"Ref"}, Mapping: importer.Mapping{"custom:Référence boutique"}}); err != nil {
		t.Fatal(err)
	}
	h.act(func() { test.Tap(h.w.mapper.profiles) })
	h.wait()
	h.tapIn("Appliquer à ce fichier", 0) // the newest first
	ref := h.column("Ref")
	if got := h.w.mapping[ref]; got != "custom:Référence boutique" || h.w.why.Text != "" {
		t.Fatalf("Ref mapped to %q, Next blocked by %q", got, h.w.why.Text)
	}
	if got := h.w.mapper.choices[ref].Text; got != "Champ personnalisé\u00a0: Référence boutique" && got != "Champ personnalisé : Référence boutique" {
		t.Errorf("the choice shows %q", got)
	}
}
