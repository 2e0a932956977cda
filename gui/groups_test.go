package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

func groupNamed(t *testing.T, u *ui, name string) domain.Group {
	t.Helper()
	u.act(func() { u.groups.reload() })
	u.settle(t)
	for _, g := range u.groups.groups {
		if g.Name == name {
			return g
		}
	}
	t.Fatalf("no group %q", name)
	return domain.Group{}
}

// TestGroupCountAgreesWithShowCustomers: the count is what "Voir les
// clients" lists; archived members are counted apart.
func TestGroupCountAgreesWithShowCustomers(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	if _, err := u.svc.CreateGroup(ctx, "VIP", 1000); err != nil {
		t.Fatal(err)
	}
	for i, n := range []string{"Alpha", "Bravo", "Charlie", "Delta"} {
		if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: n, Groups: []string{"VIP"}, Archived: i == 3}); err != nil {
			t.Fatal(err)
		}
	}
	vip := groupNamed(t, u, "VIP")
	if got := memberCount(vip); got != "3 + 1 archivé" {
		t.Errorf("the count says %q, want \"3 + 1 archivé\"", got)
	}
	u.act(func() { u.clients.archFilter.SetSelectedIndex(1) }) // archived only
	u.settle(t)
	u.act(func() { u.groups.showMembers(vip) })
	u.settle(t)
	if got := u.clients.count.Text; got != "3 clients" {
		t.Errorf("Voir les clients lists %q where the group counts 3", got)
	}
}

// TestDeleteGroupSaysWhatBecomesOfItsCustomers: before deleting, the
// dialog says how many customers move where, and their discount before and
// after; Delete is drawn as dangerous.
func TestDeleteGroupSaysWhatBecomesOfItsCustomers(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	u.svc.CreateGroup(ctx, "VIP", 1000)
	u.svc.CreateGroup(ctx, "Pros", 500)
	for _, n := range []string{"Alpha", "Bravo", "Charlie"} {
		if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: n, Groups: []string{"VIP"}}); err != nil {
			t.Fatal(err)
		}
	}
	vip := groupNamed(t, u, "VIP")
	u.act(func() { u.groups.deleteDialog(vip) })
	u.settle(t)
	got := u.windowTexts()
	for _, want := range []string{"Supprimer le groupe « VIP » ?", "Ses 3 clients quittent le groupe", "remise automatique de 10\u00a0%, puis aucune"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog should say %q:\n%s", want, got)
		}
	}
	var target *widget.Select
	top := u.win.Canvas().Overlays().Top()
	walkAll(top, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			target = s
		}
	})
	u.act(func() { target.SetSelected("Pros") })
	u.settle(t)
	if got := u.windowTexts(); !strings.Contains(got, "Ses 3 clients passent dans « Pros »") || !strings.Contains(got, "de 10\u00a0%, puis 5\u00a0%") {
		t.Errorf("with Pros chosen the dialog says:\n%s", got)
	}
	del := findButton(top, "Supprimer")
	if del == nil || del.Importance != widget.DangerImportance {
		t.Fatalf("Delete should be a danger button: %+v", del)
	}
	u.act(func() { test.Tap(del) })
	u.settle(t)
	if pros := groupNamed(t, u, "Pros"); pros.Members != 3 {
		t.Errorf("Pros has %d members after the move", pros.Members)
	}
}

// TestNewGroupDialogIsWideAndStill: the name field takes the dialog's
// width, and an error appears without the dialog changing size.
func TestNewGroupDialogIsWideAndStill(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.groups.editDialog(domain.Group{}) })
	top := u.win.Canvas().Overlays().Top()
	var name, disc *widget.Entry
	walkAll(top, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			if name == nil {
				name = e
			} else {
				disc = e
			}
		}
	})
	if name == nil || disc == nil {
		t.Fatal("the dialog has no name and discount fields")
	}
	if w := name.Size().Width; w < 300 {
		t.Errorf("the name field is %.0f px wide: a long name does not show", w)
	}
	before := dialogSize(top)
	u.act(func() {
		test.Type(name, "Grossistes régionaux")
		disc.SetText("150")
		test.Tap(findButton(top, "Enregistrer"))
	})
	u.settle(t)
	shown := uitest.Find(top, func(l *widget.Label) bool { return l.Importance == widget.DangerImportance && l.Text != "" })
	if shown == nil || !strings.Contains(shown.Text, "150") {
		t.Fatalf("no error for a 150 %% discount:\n%s", u.windowTexts())
	}
	if after := dialogSize(top); after != before {
		t.Errorf("the dialog moved from %v to %v when the error appeared", before, after)
	}
	if n := len(groupsNamed(t, u)); n != 0 {
		t.Errorf("%d groups saved despite the error", n)
	}
}

func groupsNamed(t *testing.T, u *ui) []domain.Group {
	gs, err := u.svc.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

// dialogSize is the size the dialog box inside an overlay needs: when it
// grows, the dialog grows on screen.
func dialogSize(overlay fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	walkAll(overlay, func(o fyne.CanvasObject) {
		if p, ok := o.(*widget.PopUp); ok {
			size = p.Content.MinSize()
		}
	})
	return size
}

// walkAll visits every object drawn under o, through the live renderers.
func walkAll(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	uitest.Walk(o, func(x fyne.CanvasObject) bool { visit(x); return true })
}
