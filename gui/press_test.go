package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/gui/uitest"
	"carnet/internal/demo"
	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/importer"
	"carnet/internal/service"
	"carnet/internal/store"
)

// The press-everything test opens each screen of the window, walks what is
// drawn and presses every enabled button, check, choice, tab, link and
// list cell it finds, then every item of the main menu. A press that panics
// fails, and so does a button (or a menu item) after which nothing on
// screen changed: its dialog or its action did not appear. A press that
// opens a dialog or a pop-up leads into it, and so on a few levels down;
// a file dialog is checked for its title and not browsed. Between presses
// the screen is put back, or opened afresh when the press changed it.

// maxDepth bounds how many dialogs deep the test goes.
const maxDepth = 3

// pressWorld is what every screen starts from: a customer file with
// customers, groups, a past import, documents and balance entries, and a
// spreadsheet to import (with rows in error).
type pressWorld struct {
	db      string // template database, copied for each screen
	csv     string // the file the wizard screens read
	deleted string // code of a deleted customer with documents
}

var (
	worldOnce sync.Once
	world     pressWorld
	worldErr  error
)

func pressWorldFor(t *testing.T) pressWorld {
	t.Helper()
	worldOnce.Do(func() { world, worldErr = makePressWorld() })
	if worldErr != nil {
		t.Fatal(worldErr)
	}
	return world
}

func makePressWorld() (pressWorld, error) {
	dir, err := os.MkdirTemp("", "carnet-press")
	if err != nil {
		return pressWorld{}, err
	}
	w := pressWorld{db: filepath.Join(dir, "template.db"), csv: filepath.Join(dir, "clients-boutique.csv")}
	svc, err := service.Open(w.db)
	if err != nil {
		return w, err
	}
	defer svc.Close()
	ctx := context.Background()
	if err := demo.Generate(ctx, svc.Store, 40, 11, nil); err != nil {
		return w, err
	}
	first, err := svc.Search(ctx, store.Query{Limit: 1})
	if err != nil || len(first) == 0 {
		return w, fmt.Errorf("demo customers: %v", err)
	}
	if _, err := svc.AddDocument(ctx, first[0].ID, "invoice", "FA0001", 12345); err != nil {
		return w, err
	}
	if err := svc.AdjustBalance(ctx, first[0].ID, 2500, "Acompte"); err != nil {
		return w, err
	}
	// A second site, and the first customer a buying group with a
	// subordinate: the site choice, the form's site section and its
	// Subordinate customers… are pressed too.
	if _, err := svc.AddSite(ctx, "DEPOT", "Dépôt", false); err != nil {
		return w, err
	}
	if _, err := svc.AddToSites(ctx, first[0].ID, []string{"DEPOT"}); err != nil {
		return w, err
	}
	central, err := svc.Customer(ctx, first[0].ID)
	if err != nil {
		return w, err
	}
	central.IsBuyingGroup = true
	if err := svc.UpdateCustomer(ctx, central); err != nil {
		return w, err
	}
	if err := svc.CreateCustomer(ctx, &domain.Customer{LastName: "Filiale", BuyingGroup: central.Code}); err != nil {
		return w, err
	}
	gone := &domain.Customer{LastName: "Ancien", FirstName: "Client"}
	if err := svc.CreateCustomer(ctx, gone); err != nil {
		return w, err
	}
	if _, err := svc.AddDocument(ctx, gone.ID, "order", "CO0042", 9900); err != nil {
		return w, err
	}
	if err := svc.DeleteCustomer(ctx, gone.ID); err != nil {
		return w, err
	}
	w.deleted = gone.Code
	// The wizard's file: a row in error, a column no field matches (offered
	// as a new custom field), and a row found by e-mail under another
	// name (an identity conflict to decide).
	person, err := pressPerson(ctx, svc)
	if err != nil {
		return w, err
	}
	rows := "Nom;Prénom;Ville;E-mail;Téléphone;Solde;Pointure\r\n" +
		"Durand;Léa;Lyon;lea.durand@exemple.fr;06 12 34 56 78;12,50;38\r\n" +
		"Martin;Zoé;Paris;zoe@@exemple;06 00 00 00 03;;\r\n" +
		"Petit;Noël;Lille;noel.petit@exemple.fr;03 20 00 00 05;;43\r\n" +
		"Autrenom;" + person.FirstName + ";Nantes;" + person.Email + ";;;\r\n"
	if err := os.WriteFile(w.csv, []byte(rows), 0o644); err != nil {
		return w, err
	}
	// A past import, so that step 1 lists one with its Undo.
	past := filepath.Join(dir, "ancien-import.csv")
	if err := os.WriteFile(past, []byte("Nom;Ville\nRoux;Nantes\n"), 0o644); err != nil {
		return w, err
	}
	imp := importer.New(svc)
	p, err := imp.Preview(ctx, past, importer.Settings{}, importer.PreviewRows)
	if err != nil {
		return w, err
	}
	if _, err := imp.Commit(ctx, importer.Request{Path: past, Mapping: importer.MappingOf(p.Suggestions), Options: importer.DefaultOptions()}, nil); err != nil {
		return w, err
	}
	// A saved profile, so that the Profiles… dialog lists one to apply,
	// rename and delete.
	if err := imp.SaveProfile(ctx, importer.Profile{Name: "Ancien fichier", Headers: p.Headers,
		Mapping: importer.MappingOf(p.Suggestions), Options: importer.DefaultOptions()}); err != nil {
		return w, err
	}
	return w, nil
}

// firstVisible is the first object of type T drawn and visible under o
// for which match is true (the zero T if none).
func firstVisible[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) T {
	var found T
	done := false
	uitest.WalkVisible(o, func(x fyne.CanvasObject) bool {
		if t, ok := x.(T); ok && !done && match(t) {
			found, done = t, true
		}
		return !done
	})
	return found
}

// pressPerson is a demo customer with a last name and an e-mail address.
func pressPerson(ctx context.Context, svc *service.Service) (*domain.Customer, error) {
	all, err := svc.SearchCustomers(ctx, store.Query{Limit: 100})
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if c.LastName != "" && c.Email != "" {
			return c, nil
		}
	}
	return nil, fmt.Errorf("no demo customer with a last name and an e-mail among %d", len(all))
}

// pressScreen is one state of the window, reached from a fresh start.
type pressScreen struct {
	name  string
	empty bool // on an empty customer file
	open  func(t *testing.T, u *ui, w pressWorld)
}

func pressScreens() []pressScreen {
	tab := func(name string, item func(u *ui) *container.TabItem) pressScreen {
		return pressScreen{name: name, open: func(t *testing.T, u *ui, _ pressWorld) {
			u.act(func() { u.tabs.Select(item(u)) })
			u.settle(t)
		}}
	}
	wizardStep := func(name string, nexts int) pressScreen {
		return pressScreen{name: name, open: func(t *testing.T, u *ui, w pressWorld) {
			u.act(func() { u.tabs.Select(u.importItem) })
			u.act(func() { u.wizard.OpenFile(w.csv) })
			u.settle(t)
			for range nexts {
				next := findButton(u.win.Canvas().Content(), "Suivant")
				if next == nil {
					next = findButton(u.win.Canvas().Content(), "Importer")
				}
				if next == nil || next.Disabled() {
					t.Fatalf("%s: no Next to press:\n%s", name, u.windowTexts())
				}
				u.act(func() { test.Tap(next) })
				u.settle(t)
			}
		}}
	}
	form := func(name string, section int) pressScreen {
		return pressScreen{name: name, open: func(t *testing.T, u *ui, _ pressWorld) {
			r := u.clients.model.row(0)
			if r == nil {
				t.Fatal("no first customer")
			}
			u.act(func() { u.openCustomer(r.ID) })
			u.settle(t)
			u.act(func() { u.lastForm.sections.SelectIndex(section) })
			u.settle(t)
		}}
	}
	screens := []pressScreen{
		tab("Clients", func(u *ui) *container.TabItem { return u.clientsItem }),
		tab("Groupes", func(u *ui) *container.TabItem { return u.groupsItem }),
		tab("Multisite", func(u *ui) *container.TabItem { return u.tabs.Items[3] }),
		tab("Synchronisation", func(u *ui) *container.TabItem { return u.tabs.Items[4] }),
		{name: "Import, étape 1", open: func(t *testing.T, u *ui, w pressWorld) {
			// Opened once and come back: step 1 lists it among the recent
			// files.
			wizardStep("", 0).open(t, u, w)
			back := findButton(u.win.Canvas().Content(), "Retour")
			if back == nil {
				t.Fatal("no Back on step 2")
			}
			u.act(func() { test.Tap(back) })
			u.settle(t)
		}},
		wizardStep("Import, étape 2", 0),
		wizardStep("Import, étape 3", 1),
		wizardStep("Import, étape 4", 2),
		{name: "Import, étape 2, ligne choisie", open: func(t *testing.T, u *ui, w pressWorld) {
			// A preview row selected: it can become the header row.
			wizardStep("", 0).open(t, u, w)
			u.act(func() {
				preview := firstVisible(u.win.Canvas().Content(), func(*widget.Table) bool { return true })
				preview.Select(widget.TableCellID{Row: 0, Col: 1})
			})
			u.settle(t)
		}},
		{name: "Import, étape 4, ligne exclue", open: func(t *testing.T, u *ui, w pressWorld) {
			// The Changes tab with a row left out: its Put back.
			wizardStep("", 2).open(t, u, w)
			var leave *widget.Button
			u.act(func() {
				check := firstVisible(u.win.Canvas().Content(), func(x *container.AppTabs) bool { return x != u.tabs })
				check.SelectIndex(0) // Modifications; the conflicts tab opens first
				leave = findButton(u.win.Canvas().Content(), "Exclure")
			})
			if leave == nil {
				t.Fatalf("no Exclure on the Changes tab:\n%s", u.windowTexts())
			}
			u.act(func() { test.Tap(leave) })
			u.settle(t)
		}},
		wizardStep("Import, étape 5", 3),
		{name: "Nouveau client", open: func(t *testing.T, u *ui, _ pressWorld) {
			u.act(func() { u.openNewCustomer() })
			u.settle(t)
		}},
		{name: "Premier lancement", empty: true},
		{name: "Export en cours", open: func(t *testing.T, u *ui, _ pressWorld) {
			// Held until its Cancel is pressed, the only button then. A
			// tap beside the dialog waits for the hold to end.
			d := openExport(t, u)
			holdExports(t, 3*time.Second)
			u.act(func() { d.run(filepath.Join(t.TempDir(), "clients.xlsx")) })
		}},
		{name: "Export refusé en Windows-1252", open: func(t *testing.T, u *ui, _ pressWorld) {
			// A name Windows-1252 cannot hold: the refusal offers CSV UTF-8.
			if err := u.svc.CreateCustomer(context.Background(), &domain.Customer{LastName: "Nowak", FirstName: "Łukasz"}); err != nil {
				t.Fatal(err)
			}
			d := openExport(t, u)
			chooseFormat(u, d, export.FormatCSV1252)
			exportTo(t, u, d, filepath.Join(t.TempDir(), "clients.csv"))
		}},
	}
	for i, s := range []string{"Identité", "Coordonnées", "Adresses", "Commercial", "Paiement", "Site", "Champs personnalisés", "Solde", "Historique"} {
		screens = append(screens, form("Fiche client, "+s, i))
	}
	screens = append(screens, syncPressScreens()...)      // sync_test.go
	screens = append(screens, multisitePressScreens()...) // multisite_test.go
	screens = append(screens, aboutPressScreens()...)     // about_test.go
	return screens
}

// TestPressEverything presses every control of every screen.
func TestPressEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("presses every control of the window: skipped with -short")
	}
	if raceDetector {
		// Its 400-odd presses take a minute and a half as it is, several
		// under the race detector; make test runs it on its own.
		t.Skip("make test runs it without the race detector: go test -run TestPressEverything ./gui/")
	}
	w := pressWorldFor(t)
	defer os.RemoveAll(filepath.Dir(w.db))
	defer func(n int) { demoCustomers = n }(demoCustomers)
	demoCustomers = 30 // "Charger des exemples" writes them during the test
	total := 0
	explored := map[string]string{}
	for _, s := range pressScreens() {
		t.Run(s.name, func(t *testing.T) {
			p := &presser{t: t, world: w, screen: s, explored: explored}
			p.pressAll(nil, 0)
			t.Logf("%d presses, %d fresh screens", p.presses, p.opened)
			total += p.presses
			if p.presses == 0 && !p.skipped {
				t.Errorf("nothing to press on %s", s.name)
			}
		})
	}
	t.Run("Menus", func(t *testing.T) {
		p := &presser{t: t, world: w, screen: pressScreens()[0]}
		p.pressMenus()
		total += p.presses
	})
	t.Logf("%d presses", total)
}

// presser presses everything of one screen.
type presser struct {
	t       *testing.T
	world   pressWorld
	screen  pressScreen
	presses int
	opened  int // screens opened afresh
	// explored holds the layers already pressed through, by their
	// controls: the same dialog reached from another row, tab or screen
	// (each group's Modifier, the customer form from the list and from
	// Nouveau client) is gone through once.
	explored map[string]string
	skipped  bool // the screen was already gone through from another
	// fileDialog is the title of the file dialog the last press opened.
	fileDialog string
}

// fresh opens the screen on a copy of the world, then replays path: the
// presses that led into the dialog being explored.
func (p *presser) fresh(path []int) *ui {
	t := p.t
	t.Helper()
	p.opened++
	db := filepath.Join(t.TempDir(), "c.db")
	if !p.screen.empty {
		if err := uitest.CopyFile(p.world.db, db); err != nil {
			t.Fatal(err)
		}
	}
	u := newTestUIOn(t, db)
	uikit.OnFileDialog = func(title string) { p.fileDialog = title }
	t.Cleanup(func() { uikit.OnFileDialog = nil })
	if p.screen.open != nil {
		p.screen.open(t, u, p.world)
	}
	for depth, i := range path {
		items := u.controls()
		if i >= len(items) {
			t.Fatalf("replaying %v: %d controls at depth %d, not %d: the screen is not the same twice", path, len(items), depth, i+1)
		}
		u.press(t, items[i])
	}
	return u
}

// pressAll presses each control of the layer reached by path, and goes
// into the dialogs they open.
func (p *presser) pressAll(path []int, depth int) {
	t := p.t
	u := p.fresh(path)
	u.act(func() { u.win.Canvas().Unfocus() })
	base, baseTab := fingerprint(u), u.tabs.SelectedIndex()
	items := u.controls()
	if sig := signature(items); p.explored[sig] != "" {
		t.Logf("%s %v: already gone through from %s", p.screen.name, path, p.explored[sig])
		p.skipped = true
		return
	} else if p.explored != nil {
		p.explored[sig] = fmt.Sprintf("%s %v", p.screen.name, path)
	}
	for i := range items {
		if menuTail(items, i) {
			continue // of a pop-up menu's choices, the first two are enough
		}
		if u == nil {
			u = p.fresh(path)
			u.act(func() { u.win.Canvas().Unfocus() })
			items = u.controls()
			if i >= len(items) {
				t.Fatalf("%s %v: %d controls on reopening, %d before", p.screen.name, path, len(items), i+1)
			}
		}
		it := items[i]
		where := fmt.Sprintf("%s › %s%s", p.screen.name, pathText(path), it.desc)
		overlays := len(u.win.Canvas().Overlays().List())
		before := fingerprint(u)
		p.fileDialog = ""
		if !u.pressSafely(t, it, where) {
			u = nil
			continue
		}
		p.presses++
		after := fingerprint(u)
		if it.strict && after == before {
			t.Errorf("%s: pressed, and nothing appeared or changed", where)
		}
		opened := len(u.win.Canvas().Overlays().List()) > overlays
		if opened && errorShown(u) {
			t.Errorf("%s: pressed, and an error appeared:\n%s", where, strings.Join(visibleTexts(topLayer(u)), "\n"))
		}
		switch {
		case opened && p.fileDialog != "":
			if !strings.Contains(u.windowTexts(), p.fileDialog) {
				t.Errorf("%s: the file dialog %q does not show its title", where, p.fileDialog)
			}
		case opened && depth+1 < maxDepth:
			p.pressAll(append(append([]int(nil), path...), i), depth+1)
			// The dialog was explored on windows of their own; this one's
			// app is the current one again (pop-ups open on its canvas).
			fyne.SetCurrentApp(u.app)
		}
		if !p.restore(u, overlays, base, baseTab) {
			u = nil // the press changed the screen: start again from a fresh one
		}
	}
}

// restore closes what the press opened, goes back to the tab and
// unselects the list, and reports whether the screen is back as it was;
// if not, the next press starts from a fresh one.
func (p *presser) restore(u *ui, overlays int, base string, tab int) bool {
	c := u.win.Canvas()
	u.act(func() {
		for list := c.Overlays().List(); len(list) > overlays; list = c.Overlays().List() {
			c.Overlays().Remove(list[len(list)-1])
		}
		c.Unfocus()
		if u.tabs.SelectedIndex() != tab {
			u.tabs.SelectIndex(tab)
		}
		if u.clients.selected != -1 {
			u.clients.selected = -1
			u.clients.table.Refresh()
		}
	})
	u.settle(p.t)
	return fingerprint(u) == base
}

// errorShown reports whether the top dialog is an error (Fyne's, or the
// window's showError): a button that ends there does not work.
func errorShown(u *ui) bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, t := range visibleTexts(top) {
		if t == lang.L("Error") {
			return true
		}
	}
	return false
}

// signature names a layer by its controls, texts included.
func signature(items []pressable) string {
	descs := make([]string, len(items))
	for i, it := range items {
		descs[i] = it.desc
	}
	return strings.Join(descs, "|")
}

// menuTail reports whether items[i] is the third or later choice of a
// pop-up menu (a select's list, say).
func menuTail(items []pressable, i int) bool {
	isItem := func(p pressable) bool {
		return p.obj != nil && reflect.TypeOf(p.obj).String() == "*widget.menuItem"
	}
	return i >= 2 && isItem(items[i]) && isItem(items[i-1]) && isItem(items[i-2])
}

// pressMenus runs every item of the main menu, from the Clients tab, each
// on a fresh window.
func (p *presser) pressMenus() {
	t := p.t
	type menuPath struct {
		label string
		find  func(m *fyne.MainMenu) *fyne.MenuItem
	}
	var paths []menuPath
	var walk func(prefix string, items func(m *fyne.MainMenu) []*fyne.MenuItem)
	walk = func(prefix string, items func(m *fyne.MainMenu) []*fyne.MenuItem) {
		u := p.fresh(nil)
		for i, it := range items(u.win.MainMenu()) {
			if it.IsSeparator {
				continue
			}
			i, label := i, prefix+it.Label
			item := func(m *fyne.MainMenu) *fyne.MenuItem { return items(m)[i] }
			if it.ChildMenu != nil {
				walk(label+" › ", func(m *fyne.MainMenu) []*fyne.MenuItem { return item(m).ChildMenu.Items })
				continue
			}
			paths = append(paths, menuPath{label, item})
		}
	}
	u := p.fresh(nil)
	if m := u.win.MainMenu(); m == nil || len(m.Items) == 0 {
		t.Fatal("the window has no menu")
	}
	for i, m := range u.win.MainMenu().Items {
		walk(m.Label+" › ", func(m *fyne.MainMenu) []*fyne.MenuItem { return m.Items[i].Items })
	}
	for _, mp := range paths {
		u := p.fresh(nil)
		u.act(func() { u.win.Canvas().Unfocus() })
		before := fingerprint(u)
		it := mp.find(u.win.MainMenu())
		if !u.pressSafely(t, pressable{desc: "menu " + mp.label, run: it.Action}, "menu "+mp.label) {
			continue
		}
		p.presses++
		if fingerprint(u) == before {
			t.Errorf("menu %s: chosen, and nothing appeared or changed", mp.label)
		}
		if errorShown(u) {
			t.Errorf("menu %s: chosen, and an error appeared", mp.label)
		}
	}
}

func pathText(path []int) string {
	if len(path) == 0 {
		return ""
	}
	return fmt.Sprintf("(dialog %v) ", path)
}

// pressable is one control to press: tapped, double-tapped or run.
type pressable struct {
	obj    fyne.CanvasObject
	double bool
	run    func()
	desc   string
	// strict: after the press something must have changed on screen
	// (buttons, links, menu items). Tabs and choices may already be on
	// the value pressed.
	strict bool
}

// press does p as the user would, then waits for what it started.
func (u *ui) press(t *testing.T, p pressable) {
	u.act(func() {
		switch {
		case p.run != nil:
			p.run()
		case p.double:
			test.DoubleTap(p.obj.(fyne.DoubleTappable))
		default:
			test.Tap(p.obj.(fyne.Tappable))
		}
	})
	u.settle(t)
}

// pressSafely presses, and reports a panic as a failure at where.
func (u *ui) pressSafely(t *testing.T, p pressable, where string) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", where, r)
			ok = false
		}
	}()
	u.press(t, p)
	return true
}

// controls lists, under the UI lock, what can be pressed on the top layer.
func (u *ui) controls() []pressable {
	u.work.Lock()
	defer u.work.Unlock()
	return pressables(topLayer(u))
}

// topLayer is what the user can act on: the top dialog, else the window.
func topLayer(u *ui) fyne.CanvasObject {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return u.win.Canvas().Content()
}

// pressables lists the enabled controls drawn under root, in drawing
// order. Entries are left out (a press only puts the cursor there), and of
// the customer list only the first row's cells.
func pressables(root fyne.CanvasObject) []pressable {
	var out []pressable
	uitest.WalkVisible(root, func(o fyne.CanvasObject) bool {
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return false
		}
		switch x := o.(type) {
		case *widget.Entry, *formEntry, *searchEntry:
			return false
		case *clientCell:
			if x.row == 0 {
				out = append(out, pressable{obj: x, desc: "cell " + x.label.Text})
				if x.label.Text != "" && !hasDouble(out) {
					out = append(out, pressable{obj: x, double: true, strict: true, desc: "double click on " + x.label.Text})
				}
			}
			return false
		}
		if _, ok := o.(fyne.Tappable); ok {
			out = append(out, pressable{obj: o, desc: describe(o), strict: isButton(o)})
		}
		return true
	})
	return out
}

func hasDouble(ps []pressable) bool {
	for _, p := range ps {
		if p.double {
			return true
		}
	}
	return false
}

func isButton(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.Button, *uikit.HoverLink:
		return true
	}
	return false
}

// describe names a control for a failure message.
func describe(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text != "" {
			return "button " + x.Text
		}
		if x.Icon != nil {
			return "icon button " + x.Icon.Name()
		}
		return "button"
	case *widget.Check:
		return "check " + x.Text
	case *widget.Select:
		return "choice " + x.Selected
	case *uikit.HoverLink:
		return "link " + x.Text
	}
	texts := visibleTexts(o)
	return reflect.TypeOf(o).String() + " " + strings.Join(texts, " ")
}

// fingerprint is what the user sees: every visible text, state and
// choice, the dialogs, the tabs, the focus, the list's selection.
func fingerprint(u *ui) string {
	u.work.Lock()
	defer u.work.Unlock()
	var b strings.Builder
	c := u.win.Canvas()
	fmt.Fprintf(&b, "title %s focus %p selected %d\n", u.win.Title(), c.Focused(), u.clients.selected)
	layers := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, l := range layers {
		b.WriteString("layer\n")
		uitest.WalkVisible(l, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Label:
				fmt.Fprintf(&b, "label %q %d\n", x.Text, x.Importance)
			case *canvas.Text:
				fmt.Fprintf(&b, "text %q\n", x.Text)
			case *widget.Button:
				icon := ""
				if x.Icon != nil {
					icon = x.Icon.Name()
				}
				fmt.Fprintf(&b, "button %q %s %v\n", x.Text, icon, x.Disabled())
			case *widget.Entry:
				fmt.Fprintf(&b, "entry %q\n", x.Text)
			case *formEntry:
				fmt.Fprintf(&b, "entry %q\n", x.Text)
			case *searchEntry:
				fmt.Fprintf(&b, "entry %q\n", x.Text)
			case *widget.Check:
				fmt.Fprintf(&b, "check %q %v\n", x.Text, x.Checked)
			case *widget.Select:
				fmt.Fprintf(&b, "select %q\n", x.Selected)
			case *widget.RadioGroup:
				fmt.Fprintf(&b, "radio %q\n", x.Selected)
			case *container.AppTabs:
				fmt.Fprintf(&b, "tabs %d\n", x.SelectedIndex())
			case *clientCell:
				fmt.Fprintf(&b, "cell %d %v\n", x.row, x.bg.Visible())
			}
			return true
		})
	}
	return b.String()
}
