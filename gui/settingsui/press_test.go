package settingsui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
	"carnet/internal/service"
)

// The press-everything test opens each section of the Settings window on
// a customer file with a bit of everything, presses every enabled button,
// check, choice, tab and list entry it finds, and goes into the dialogs
// and pop-ups they open, a few levels down. A press that panics fails, and
// so does a button after which nothing on screen changed, or one after
// which a raw database error shows. Each press starts from a fresh window.

// pressDepth bounds how many layers deep the test goes (the Settings
// dialog, an edit dialog, a choice's pop-up).
const pressDepth = 3

// pressScreen is a section, and for the lists one of its tabs.
type pressScreen struct {
	name    string
	section int
	tab     string
}

func pressScreens() []pressScreen {
	return []pressScreen{
		{"Numérotation", secNumbering, ""},
		{"Champs personnalisés", secCustomFields, ""},
		{"Listes › Sources marketing", secLists, "Sources marketing"},
		{"Listes › Types de prix", secLists, "Types de prix"},
		{"Listes › Civilités", secLists, "Civilités"},
		{"Comptabilité", secAccounting, ""},
		{"Téléphones", secPhones, ""},
		{"Opérateurs", secOperators, ""},
		{"Journal", secJournal, ""},
		{"Sauvegardes", secBackups, ""},
	}
}

var (
	templateOnce sync.Once
	templateDB   string
	templateErr  error
)

// pressTemplate is a customer file with custom fields (one a list, one
// archived), list entries in use, an owner with a PIN and an employee,
// and journal lines; operators stay off so that every change is allowed.
func pressTemplate(t *testing.T) string {
	t.Helper()
	templateOnce.Do(func() { templateDB, templateErr = makeTemplate() })
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	return templateDB
}

func makeTemplate() (string, error) {
	dir, err := os.MkdirTemp("", "carnet-settings-press")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "template.db")
	svc, err := service.Open(path)
	if err != nil {
		return "", err
	}
	defer svc.Close()
	steps := []func() error{
		func() error { return svc.AddRef(ctx, domain.ListMarketing, "Salon") },
		func() error { return svc.AddRef(ctx, domain.ListMarketing, "Bouche-à-oreille") },
		func() error { return svc.AddRef(ctx, domain.ListPriceTypes, "Revendeur") },
		func() error {
			_, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Fidélité", Type: domain.CustomList, Options: []string{"Or", "Argent"}})
			return err
		},
		func() error {
			_, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Passeport", Type: domain.CustomText})
			return err
		},
		func() error {
			_, err := svc.SaveCustomField(ctx, domain.CustomField{Name: "Ancien code", Type: domain.CustomText, Archived: true})
			return err
		},
		func() error {
			return svc.CreateCustomer(ctx, &domain.Customer{LastName: "Durand", FirstName: "Léa", MarketingSource: "Salon",
				Custom: map[string]string{"Fidélité": "Or"}})
		},
		func() error {
			pin := "1234"
			_, err := svc.SaveOperator(ctx, domain.Operator{Name: "Marie", Role: domain.RoleOwner}, &pin)
			return err
		},
		func() error {
			_, err := svc.SaveOperator(ctx, domain.Operator{Name: "Paul", Role: domain.RoleEmployee, Permissions: []domain.Permission{domain.PermBalance}}, nil)
			return err
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			return "", fmt.Errorf("template step %d: %w", i, err)
		}
	}
	return path, nil
}

func TestPressEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("presses every control of the Settings window: skipped with -short")
	}
	if raceDetector {
		// Its 200-odd presses take a minute and a half under the race
		// detector, 25 s without; make test runs it on its own, as it does
		// gui's.
		t.Skip("run without the race detector: go test -run TestPressEverything ./gui/settingsui/")
	}
	tmpl := pressTemplate(t)
	defer os.RemoveAll(filepath.Dir(tmpl))
	total := 0
	for i, s := range pressScreens() {
		t.Run(s.name, func(t *testing.T) {
			p := &presser{t: t, template: tmpl, screen: s, withNav: i == 0}
			p.pressAll(nil, 0)
			if p.presses == 0 {
				t.Errorf("nothing to press on %s", s.name)
			}
			t.Logf("%d presses", p.presses)
			total += p.presses
		})
	}
	t.Logf("%d presses in all", total)
}

// presser presses everything of one screen.
type presser struct {
	t        *testing.T
	template string
	screen   pressScreen
	withNav  bool // press the section list too (once is enough)
	presses  int
}

// fresh opens the screen on a copy of the template, then replays path:
// the presses that led into the layer being explored.
func (p *presser) fresh(path []int) *harness {
	t := p.t
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	if err := uitest.CopyFile(p.template, db); err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, "fr", db)
	h.open(p.screen.section)
	if p.screen.tab != "" {
		h.tab(p.screen.tab)
	}
	for depth, i := range path {
		items := p.controls(h)
		if i >= len(items) {
			t.Fatalf("replaying %v: %d controls at depth %d, not %d", path, len(items), depth, i+1)
		}
		h.press(items[i])
	}
	return h
}

// pressAll presses each control of the layer reached by path, each on a
// fresh window, and goes into the layers they open.
func (p *presser) pressAll(path []int, depth int) {
	t := p.t
	items := p.controls(p.fresh(path))
	for i := range items {
		if menuTail(items, i) {
			continue // of a pop-up's choices, the first two are enough
		}
		h := p.fresh(path)
		now := p.controls(h)
		if len(now) != len(items) {
			t.Fatalf("%s %v: %d controls on reopening, %d before", p.screen.name, path, len(now), len(items))
		}
		it := now[i]
		where := fmt.Sprintf("%s › %v %s", p.screen.name, path, it.desc)
		layers := len(h.win.Canvas().Overlays().List())
		before := h.fingerprint()
		if !h.pressSafely(t, it, where) {
			continue
		}
		p.presses++
		after := h.fingerprint()
		if it.strict && after == before {
			t.Errorf("%s: pressed, and nothing appeared or changed", where)
		}
		if raw := rawError(after); raw != "" {
			t.Errorf("%s: a raw error shows: %s", where, raw)
		}
		if len(h.win.Canvas().Overlays().List()) > layers && depth+1 < pressDepth {
			p.pressAll(append(append([]int(nil), path...), i), depth+1)
		}
	}
}

// pressable is one control to press.
type pressable struct {
	obj  fyne.Tappable
	desc string
	// strict: after the press something must have changed on screen.
	// Tabs and choices may already be on the value pressed.
	strict bool
}

// controls lists the enabled controls of the top layer, in drawing order;
// entries are left out (a press only puts the cursor there), and so is
// the section list but on the first screen.
func (p *presser) controls(h *harness) []pressable {
	h.work.Lock()
	defer h.work.Unlock()
	var out []pressable
	uitest.WalkVisible(h.top(), func(o fyne.CanvasObject) bool {
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return false
		}
		switch o.(type) {
		case *widget.Entry:
			return false
		case *widget.List:
			if o == fyne.CanvasObject(h.w.nav) && !p.withNav {
				return false
			}
		}
		if tp, ok := o.(fyne.Tappable); ok {
			_, button := o.(*widget.Button)
			out = append(out, pressable{obj: tp, desc: describe(o), strict: button})
		}
		return true
	})
	return out
}
