package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/importer"
	"carnet/internal/service"
)

// TestImportKeepsTheProfilesChoices: a flag left out keeps the saved
// profile's choice (the matching key is not reset to automatic), and a
// boolean flag given =false turns the profile's option off.
func TestImportKeepsTheProfilesChoices(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	n := 0
	file := func() string {
		n++
		path := filepath.Join(dir, fmt.Sprintf("boutique-%d.csv", n))
		text := fmt.Sprintf("Nom;E-mail;Ville\nDurand %d;durand%d@exemple.fr;Paris\n", n, n)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	imports := func(args ...string) {
		t.Helper()
		if out, errs, code := run(t, append([]string{"import", file(), "--db", db}, args...)...); code != 0 {
			t.Fatalf("import %q: exit %d\n%s%s", args, code, out, errs)
		}
	}
	imports("--key", "email", "--empty-clears", "--create-sources", "--save-profile", "Boutique")
	imports()                                                               // the profile is recognised by its columns
	imports("--create-groups=false", "--empty-clears=false")                // off, the rest kept
	imports("--profile", "Boutique", "--key", "auto", "--no-create-groups") // named, key back to automatic
	imports("--create-sources=false", "--create-groups")

	svc, err := service.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	journal, err := importer.New(svc).Journal(context.Background())
	if err != nil || len(journal) != 5 {
		t.Fatalf("journal: %d imports, %v", len(journal), err)
	}
	want := []string{ // batch 1 first
		"key=email empty_clears=true create_sources=true create_groups=true profile=",
		"key=email empty_clears=true create_sources=true create_groups=true profile=Boutique",
		"key=email empty_clears=false create_sources=true create_groups=false profile=Boutique",
		"key= empty_clears=true create_sources=true create_groups=false profile=Boutique",
		"key=email empty_clears=true create_sources=false create_groups=true profile=Boutique",
	}
	for i, b := range journal {
		o := b.Options
		got := fmt.Sprintf("key=%s empty_clears=%v create_sources=%v create_groups=%v profile=%s",
			o.Key, o.EmptyClears, o.CreateSources, o.CreateGroups, b.Profile)
		if w := want[len(journal)-1-i]; got != w {
			t.Errorf("import #%d: %s, want %s", b.ID, got, w)
		}
	}

	// Two flags that contradict each other are a usage error.
	if _, errs, code := run(t, "import", file(), "--db", db, "--create-groups", "--no-create-groups"); code != 2 || !strings.Contains(errs, "--no-create-groups") {
		t.Errorf("contradicting flags: exit %d %s", code, errs)
	}
}

// TestRefusedMappingSaysWhatToDo: the command line refuses the mappings
// the wizard blocks, with the column and the fix.
func TestRefusedMappingSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	csv := filepath.Join(dir, "villes.csv")
	os.WriteFile(csv, []byte("Nom;Ville;Commune\nDurand;Paris;Paris\n"), 0o644)
	out, _, code := run(t, "import", csv, "--db", db, "--map", "Nom=ignore")
	if code != 1 || !strings.Contains(out, "Aucune colonne ne nomme ni n’identifie un client") || !strings.Contains(out, "« E-mail »") {
		t.Errorf("no name or key: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "import", csv, "--db", db, "--map", "Commune=city")
	if code != 1 || !strings.Contains(out, "colonne « Commune »") || !strings.Contains(out, "(--map)") {
		t.Errorf("a field on two columns: exit %d\n%s", code, out)
	}
}
