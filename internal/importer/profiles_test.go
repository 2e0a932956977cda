package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"carnet/internal/domain"
)

// TestRenameProfile: a renamed profile keeps its mapping and is the one
// recognised for its files under the new name; an empty name or another
// profile's name is refused with a message in both languages, and a
// change of case alone is allowed.
func TestRenameProfile(t *testing.T) {
	im, _ := newImporter(t)
	ctx := context.Background()
	path := writeFile(t, "f.csv", "Bizarre;Mail\nX;a@example.fr\n", false)
	p, err := im.Preview(ctx, path, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	mapping := Mapping{"custom:Passeport", "email"}
	for _, name := range []string{"Boutique", "Comptable"} {
		if err := im.SaveProfile(ctx, Profile{Name: name, Headers: p.Headers, Mapping: mapping, Options: DefaultOptions()}); err != nil {
			t.Fatal(err)
		}
	}
	// "Comptable" was saved last: it is the one recognised.
	if err := im.RenameProfile(ctx, "Comptable", "  Fichier du comptable "); err != nil {
		t.Fatal(err)
	}
	again, err := im.Preview(ctx, path, Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if again.Profile != "Fichier du comptable" || MappingOf(again.Suggestions)[0] != "custom:Passeport" {
		t.Errorf("after the rename the file is recognised as %q with %v", again.Profile, MappingOf(again.Suggestions))
	}

	for _, c := range []struct {
		old, new, code string
		fr, en         string
	}{
		{"Boutique", "  ", "profile_name_required", "Donnez un nom", "Give the import profile a name"},
		{"Boutique", "fichier DU comptable", "profile_name_taken", "« Fichier du comptable »", "\"Fichier du comptable\""},
		{"Disparu", "Autre", "not_found", "« Disparu » n’existe plus", "\"Disparu\" no longer exists"},
	} {
		err := im.RenameProfile(ctx, c.old, c.new)
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != c.code || !strings.Contains(de.FR, c.fr) || !strings.Contains(de.EN, c.en) {
			t.Errorf("rename %q → %q: %v (%+v), want %s saying %q / %q", c.old, c.new, err, de, c.code, c.fr, c.en)
		}
	}
	if err := im.RenameProfile(ctx, "Boutique", "BOUTIQUE"); err != nil {
		t.Errorf("a change of case is refused: %v", err)
	}
	profiles, err := im.Profiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, pr := range profiles {
		names = append(names, pr.Name)
	}
	if strings.Join(names, ",") != "Fichier du comptable,BOUTIQUE" {
		t.Errorf("profiles %q, want the renamed ones, most recent first", names)
	}
}
