package uikit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// TestHoverShowsFullTextOnlyWhenCut: a cut label shows its whole text on
// the window's layer, under it; a label with room shows nothing; the text
// goes when the mouse leaves.
func TestHoverShowsFullTextOnlyWhenCut(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	long := "Grossistes régionaux, Particuliers, Revendeurs agréés, Clients export"
	cut, roomy := NewHoverLabel(long), NewHoverLabel("VIP")
	w.SetContent(WithHoverLayer(w, container.NewVBox(container.NewGridWrap(fyne.NewSize(120, 36), cut), roomy)))
	w.Resize(fyne.NewSize(600, 400))

	if !cut.Cut() || roomy.Cut() {
		t.Fatalf("Cut() = %v for the long text in 120 px, %v for VIP", cut.Cut(), roomy.Cut())
	}
	if roomy.ShowFull() || roomy.FullShown() != "" {
		t.Error("a label with room showed a hover box")
	}
	if !cut.ShowFull() || cut.FullShown() != long {
		t.Fatalf("the cut label did not show its full text (%q)", cut.FullShown())
	}
	layer := w.Content().(*fyne.Container).Objects[1].(*fyne.Container)
	if len(layer.Objects) != 1 {
		t.Fatalf("layer holds %d objects", len(layer.Objects))
	}
	box := layer.Objects[0]
	if box.Position().Y < cut.Size().Height || box.Position().X+box.Size().Width > 600 {
		t.Errorf("box at %v size %v: it should be under the label, inside the window", box.Position(), box.Size())
	}
	cut.MouseOut()
	if len(layer.Objects) != 0 || cut.FullShown() != "" {
		t.Error("the full text stayed after the mouse left")
	}
}

// TestHoverWrapsTextWiderThanTheWindow: a text longer than the window
// wraps inside it rather than running off.
func TestHoverWrapsTextWiderThanTheWindow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	l := NewHoverLabel(strings.Repeat("très long nom de fichier ", 40))
	w.SetContent(WithHoverLayer(w, container.NewGridWrap(fyne.NewSize(100, 36), l)))
	w.Resize(fyne.NewSize(500, 400))
	if !l.ShowFull() {
		t.Fatal("nothing shown")
	}
	box := w.Content().(*fyne.Container).Objects[1].(*fyne.Container).Objects[0]
	if box.Size().Width > 500 || box.Size().Height < 60 {
		t.Errorf("box %v: it should wrap within 500 px", box.Size())
	}
}

// TestHoverLinkTapsAndHidesItsBox: a link runs its action and takes its
// full text away; a new text takes the old one's away too.
func TestHoverLinkTapsAndHidesItsBox(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	n := 0
	l := NewHoverLink("Export clients boutique Lyon Villeurbanne.csv", func() { n++ })
	w.SetContent(WithHoverLayer(w, container.NewGridWrap(fyne.NewSize(80, 36), l)))
	w.Resize(fyne.NewSize(600, 400))
	if !l.ShowFull() {
		t.Fatal("the cut link shows no full text")
	}
	test.Tap(l)
	if n != 1 || l.FullShown() != "" {
		t.Fatalf("tapped %d times; full text still shown: %q", n, l.FullShown())
	}
	l.ShowFull()
	l.SetText("autre-fichier-au-nom-bien-trop-long-pour-la-place.csv")
	if l.FullShown() != "" {
		t.Errorf("the old text's box stayed after the text changed")
	}
}
