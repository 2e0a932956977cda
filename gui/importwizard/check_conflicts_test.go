package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/gui/uitest"
	"carnet/internal/domain"
	"carnet/internal/store"
)

// conflictWorld is a file with two stored customers and a spreadsheet
// whose rows find them by e-mail with other codes.
func conflictWorld(t *testing.T, h *harness) string {
	t.Helper()
	ctx := context.Background()
	for _, c := range []*domain.Customer{
		{Code: "C0020001", LastName: "Dupont", FirstName: "Élodie", Email: "elodie.dupont@exemple.fr"},
		{Code: "C0020002", LastName: "Martin", FirstName: "Zoé", Email: "zoe.martin@exemple.fr"},
	} {
		if err := h.svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "clients-site.csv")
	data := "Code client;Nom;Prénom;Courriel;Ville\n" +
		"C0001;Dupont;Élodie;elodie.dupont@exemple.fr;Lyon\n" +
		"C0002;Martin;Zoé;zoe.martin@exemple.fr;Paris\n" +
		"C0003;Petit;Noël;noel.petit@exemple.fr;Lille\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// code is the code of the customer whose e-mail is email.
func (h *harness) code(email string) string {
	h.t.Helper()
	rows, err := h.svc.SearchCustomers(context.Background(), store.Query{Text: email})
	if err != nil || len(rows) != 1 {
		h.t.Fatalf("%s: %v, %d found", email, err, len(rows))
	}
	return rows[0].Code
}

// radios are the visible radio groups under o, in drawing order.
func radios(o fyne.CanvasObject) []*widget.RadioGroup {
	return uitest.Visible[*widget.RadioGroup](o, nil)
}

// hoverTexts are the values shown under o, "stored|file" pairs (each
// field's two values) separated by spaces.
func hoverTexts(o fyne.CanvasObject) string {
	var pairs []string
	vals := uitest.Visible[*uikit.HoverLabel](o, nil)
	for i := 0; i+1 < len(vals); i += 2 {
		pairs = append(pairs, vals[i].Text+"|"+vals[i+1].Text)
	}
	return strings.Join(pairs, " ")
}

// TestIdentityConflictsDecided: rows found by e-mail with another code
// are shown apart, in their own tab opened for the decision, stored and
// file codes side by side; kept by default, the stored codes stay; taken
// for one row, that row's code is the file's after the import.
func TestIdentityConflictsDecided(t *testing.T) {
	h := newHarness(t, "fr")
	path := conflictWorld(t, h)
	h.open(path)
	h.next()
	h.next()
	s := h.w.check
	c := h.w.plan.Counts
	if c.Conflicts != 2 || c.Created != 1 {
		t.Fatalf("check %+v, want 2 conflicts and 1 to create", c)
	}
	if s.tabs.Selected() != s.conflicts.tab || s.conflicts.tab.Text != "Conflits d’identité (2)" {
		t.Fatalf("the conflicts tab is %q, selected %v", s.conflicts.tab.Text, s.tabs.Selected() == s.conflicts.tab)
	}
	if !s.conflictNote.Visible() || !strings.Contains(s.conflictNote.Text, "2 conflits d’identité\u00a0: choisissez") {
		t.Errorf("the check does not announce the conflicts: %q", s.conflictNote.Text)
	}
	shown := texts(s.conflicts.tab.Content)
	for _, want := range []string{"Ligne 2 · trouvé par e-mail · client enregistré Dupont Élodie (C0020001)", "Code client", "Dans Carnet", "Dans le fichier"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the conflicts tab lacks %q:\n%s", want, shown)
		}
	}
	values := hoverTexts(s.conflicts.list)
	if !strings.Contains(values, "C0020001|C0001") || !strings.Contains(values, "C0020002|C0002") {
		t.Errorf("stored and file codes are not side by side: %s", values)
	}
	// The ordinary changes do not rewrite the code.
	for _, r := range h.w.plan.Rows {
		for _, ch := range r.Changes {
			if ch.Field == "code" && r.Action == "update" {
				t.Errorf("row %d changes the code as an ordinary change: %+v", r.Line, ch)
			}
		}
	}

	// Row 3 (Martin): take the file's code.
	rs := radios(s.conflicts.list)
	if len(rs) != 2 || rs[0].Selected != "Garder le code et le nom enregistrés" {
		t.Fatalf("%d row choices, the first on %q", len(rs), rs[0].Selected)
	}
	h.act(func() { rs[1].SetSelected("Prendre ceux du fichier") })
	h.wait()
	if got := h.w.options.IdentityLines; len(got) != 1 || got[0] != 3 {
		t.Fatalf("identity lines %v, want [3]", got)
	}
	taken := map[int]bool{}
	for _, cf := range h.w.plan.Conflicts {
		taken[cf.Line] = cf.Taken
	}
	if taken[2] || !taken[3] {
		t.Fatalf("after the choice: taken %v, want row 3 only", taken)
	}
	if s.tabs.Selected() != s.conflicts.tab {
		t.Error("the check ran again and left the conflicts tab")
	}
	h.next()
	if h.w.commit.state != importDone {
		t.Fatalf("import: %q", h.w.commit.message.Text)
	}
	if got := h.code("elodie.dupont@exemple.fr"); got != "C0020001" {
		t.Errorf("Dupont's code is %q after the import, want the stored C0020001 kept", got)
	}
	if msg := h.w.commit.message.Text; !strings.Contains(msg, "2 conflits d’identité : 1 avec le code et le nom du fichier") {
		t.Errorf("the result does not recall the conflicts decided: %q", msg)
	}
	if got := h.code("zoe.martin@exemple.fr"); got != "C0002" {
		t.Errorf("Martin's code is %q, want the file's C0002 taken", got)
	}
}

// TestIdentityConflictsTakenForEveryRow: the choice for every row takes
// the file's codes of all rows.
func TestIdentityConflictsTakenForEveryRow(t *testing.T) {
	h := newHarness(t, "en")
	path := conflictWorld(t, h)
	h.open(path)
	h.next()
	h.next()
	s := h.w.check
	if s.conflicts.tab.Text != "Identity conflicts (2)" {
		t.Fatalf("tab %q", s.conflicts.tab.Text)
	}
	h.act(func() { s.conflicts.all.SetSelected("Take the file’s") })
	h.wait()
	for _, cf := range h.w.plan.Conflicts {
		if !cf.Taken {
			t.Errorf("row %d not taken after the choice for every row", cf.Line)
		}
	}
	for _, r := range radios(s.conflicts.list) {
		if r.Selected != "Take the file’s" {
			t.Errorf("a row's choice shows %q", r.Selected)
		}
	}
	h.next()
	if a, b := h.code("elodie.dupont@exemple.fr"), h.code("zoe.martin@exemple.fr"); a != "C0001" || b != "C0002" {
		t.Errorf("codes %q %q after taking the file's, want C0001 C0002", a, b)
	}
}
