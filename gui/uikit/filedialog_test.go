package uikit

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
)

// frenchApp is a headless app whose lang speaks French with Carnet's
// translations, as the window sets it up.
func frenchApp(t *testing.T) fyne.App {
	t.Helper()
	a := test.NewApp()
	uitest.UseLanguage(t, "fr")
	t.Cleanup(a.Quit)
	return a
}

// texts are the labels drawn under o, walking the live renderers.
func texts(o fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	uitest.Walk(o, func(x fyne.CanvasObject) bool {
		if l, ok := x.(*widget.Label); ok {
			out[l.Text] = true
		}
		return true
	})
	return out
}

// TestFileDialogOpensSizedAndInFrench: the dialog opens without the crash
// of a Resize before Show, at the size asked within the window, and names
// its places in French.
func TestFileDialogOpensSizedAndInFrench(t *testing.T) {
	frenchApp(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, d := range []string{"Documents", "Desktop"} {
		_ = os.Mkdir(home+"/"+d, 0o755)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1200, 800))
	var shown string
	OnFileDialog = func(title string) { shown = title }
	t.Cleanup(func() { OnFileDialog = nil })

	d := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
	ShowFileDialog(d, w, "Ouvrir un fichier")
	top := w.Canvas().Overlays().Top()
	if top == nil || shown != "Ouvrir un fichier" {
		t.Fatalf("no file dialog shown (overlay %v, told %q)", top, shown)
	}
	if got := d.MinSize(); got.Width > 900 || got.Height > 600 {
		t.Errorf("the dialog needs %v, more than it asked for", got)
	}
	got := texts(top)
	for _, want := range []string{"Dossier personnel", "Ordinateur", "Ouvrir un fichier"} {
		if !got[want] {
			t.Errorf("the dialog should show %q; it shows %v", want, got)
		}
	}
	if got["Home"] || got["Computer"] {
		t.Errorf("English place names left: %v", got)
	}
}

// TestFileDialogFitsASmallWindow: in a window smaller than the dialog's
// usual size, the dialog shrinks to fit it.
func TestFileDialogFitsASmallWindow(t *testing.T) {
	frenchApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(700, 500))
	d := dialog.NewFileSave(func(fyne.URIWriteCloser, error) {}, w)
	ShowFileDialog(d, w, "Enregistrer")
	top := w.Canvas().Overlays().Top()
	var popup fyne.CanvasObject
	Walk(top, func(o fyne.CanvasObject) bool {
		if p, ok := o.(*widget.PopUp); ok {
			popup = p.Content
			return false
		}
		return true
	})
	if popup == nil {
		t.Fatal("no pop-up in the overlay")
	}
	if s := popup.Size(); s.Width > 700 || s.Height > 500 {
		t.Errorf("the dialog is %v in a 700×500 window", s)
	}
}
