package gui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carnet/internal/version"
	"carnet/resources"
)

// TestAboutShowsVersionDatabaseAndLicence: Aide › À propos de Carnet shows
// the version, the open customer file's path and the licence's name, and
// its button shows the licence's whole text.
func TestAboutShowsVersionDatabaseAndLicence(t *testing.T) {
	u := newTestUI(t)
	u.act(u.showAbout)
	texts := u.windowTexts()
	for _, want := range []string{"Carnet", "Version " + version.String(), u.svc.Path(), "Licence : MIT", "Base de clients ouverte", "excelize"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the About dialog lacks %q:\n%s", want, texts)
		}
	}
	if strings.Contains(texts, "Permission is hereby granted") {
		t.Error("the licence's text shows before it is asked for")
	}
	u.tapIn(u.win.Canvas().Overlays().Top(), "Lire la licence…")
	texts = u.windowTexts()
	if !strings.Contains(texts, "Licence (MIT)") || !strings.Contains(texts, "Permission is hereby granted") {
		t.Errorf("the licence's text is not shown:\n%s", texts)
	}
	overlays := len(u.win.Canvas().Overlays().List())
	u.tapIn(u.win.Canvas().Overlays().Top(), "Fermer")
	if n := len(u.win.Canvas().Overlays().List()); n != overlays-1 {
		t.Errorf("Fermer on the licence: %d dialogs open, want %d", n, overlays-1)
	}
}

// TestAboutFollowsTheOpenFile: after Fichier › Ouvrir une autre base, the
// About dialog names the file now open.
func TestAboutFollowsTheOpenFile(t *testing.T) {
	u := newTestUI(t)
	other := t.TempDir() + "/autre-boutique.db"
	u.act(func() { u.switchDatabase(other) })
	u.settle(t)
	u.act(u.showAbout)
	if texts := u.windowTexts(); !strings.Contains(texts, "autre-boutique.db") {
		t.Errorf("the About dialog does not name the file now open:\n%s", texts)
	}
}

// iconRecorder is an app that keeps the icon it is given (the test app's
// SetIcon does nothing).
type iconRecorder struct {
	fyne.App
	icon fyne.Resource
}

func (r *iconRecorder) SetIcon(icon fyne.Resource) { r.icon = icon }
func (r *iconRecorder) Icon() fyne.Resource        { return r.icon }

// TestAppIconIsCarnets: the app Run starts carries the embedded
// resources/icon.png (resources' own test checks it is a square PNG),
// which every window then takes.
func TestAppIconIsCarnets(t *testing.T) {
	a := &iconRecorder{App: test.NewTempApp(t)}
	brandApp(a)
	if a.icon == nil || a.icon.Name() == "" || len(a.icon.Content()) == 0 {
		t.Fatalf("no icon set: %v", a.icon)
	}
	if !bytes.Equal(a.icon.Content(), resources.Icon) {
		t.Error("the app's icon is not resources/icon.png")
	}
}

// aboutPressScreens are the About dialog's screens for
// TestPressEverything: its Read the licence… and Close, and the licence's
// Close.
func aboutPressScreens() []pressScreen {
	return []pressScreen{{name: "À propos", open: func(t *testing.T, u *ui, _ pressWorld) {
		u.act(u.showAbout)
		u.settle(t)
	}}}
}
