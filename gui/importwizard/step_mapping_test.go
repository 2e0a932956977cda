package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carnet/internal/importer"
	"carnet/internal/store"
)

// TestWizardBlocksWhatTheEngineRefuses: the mapping step and the engine
// (which the command line goes through) give the same verdict on every
// mapping, and the step says the engine's refusal. An update-only file
// found by code or email, without a name column, is accepted by both.
func TestWizardBlocksWhatTheEngineRefuses(t *testing.T) {
	h := newHarness(t, "fr")
	path := filepath.Join(t.TempDir(), "mise-a-jour.csv")
	if err := os.WriteFile(path, []byte("Code client;Nom;Ville;Courriel\nC001;Durand;Paris;durand@exemple.fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.open(path)
	h.next()
	ig := importer.Ignore
	for _, c := range []struct {
		mapping importer.Mapping
		ok      bool
	}{
		{importer.Mapping{"code", ig, "city", ig}, true},                  // update by code, no name
		{importer.Mapping{ig, ig, "city", "email"}, true},                 // update by email, no name
		{importer.Mapping{ig, "last_name", "city", ig}, true},             // names only
		{importer.Mapping{ig, ig, "city", ig}, false},                     // nothing names or finds a customer
		{importer.Mapping{ig, "first_name", "city", ig}, false},           // a first name is not enough
		{importer.Mapping{ig, ig, ig, ig}, false},                         // nothing mapped
		{importer.Mapping{"code", "last_name", "last_name", ig}, false},   // one field on two columns
		{importer.Mapping{"phones", "last_name", "city", "phones"}, true}, // phones may repeat
	} {
		for col, field := range c.mapping {
			h.act(func() { h.w.mapper.setField(col, field) })
		}
		if got := h.w.mapping; strings.Join(got, ",") != strings.Join(c.mapping, ",") {
			t.Fatalf("the step holds %q, want %q", got, c.mapping)
		}
		plan, err := h.w.d.Importer.Check(context.Background(), importer.Request{Path: path, Settings: h.w.settings,
			Mapping: append(importer.Mapping(nil), c.mapping...), Options: importer.DefaultOptions()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		why, blocked := h.w.why.Text, h.w.next.Disabled()
		engineOK := len(plan.Refused) == 0
		if engineOK != c.ok || blocked == c.ok || (why == "") != c.ok {
			t.Errorf("%q: engine accepts=%v (%+v); wizard blocks=%v (%q); want accepted=%v",
				c.mapping, engineOK, plan.Refused, blocked, why, c.ok)
			continue
		}
		if !c.ok && !strings.Contains(why, plan.Refused[0].Message.FR) || !c.ok && !strings.Contains(why, plan.Refused[0].Fix.FR) {
			t.Errorf("%q: the step says %q, not the engine's %q / %q", c.mapping, why, plan.Refused[0].Message.FR, plan.Refused[0].Fix.FR)
		}
	}
}

// TestUnknownColumnOfferedAsNewCustomField: a column no field matches is
// ignored, with the offer to keep it as a new custom field in its choice
// and as a button; taken, the suggestion says what happens, the check
// warns that the field is created, and the import stores its values.
func TestUnknownColumnOfferedAsNewCustomField(t *testing.T) {
	h := newHarness(t, "fr")
	path := filepath.Join(t.TempDir(), "pointures.csv")
	if err := os.WriteFile(path, []byte("Nom;Prénom;Pointure\nDurand;Léa;38\nMartin;Paul;43\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.open(path)
	h.next()
	col := h.column("Pointure")
	m := h.w.mapper
	if h.w.mapping[col] != importer.Ignore {
		t.Fatalf("Pointure suggested as %q: the test needs an unknown column", h.w.mapping[col])
	}
	const offer = "Nouveau champ personnalisé «\u00a0Pointure\u00a0»"
	if opts := m.fieldOptions(col, ""); len(opts) < 2 || opts[1] != offer {
		t.Fatalf("the choice offers %q", opts)
	}
	keep := m.columns[col].keep
	if !keep.Visible() || keep.Text != "En faire un nouveau champ personnalisé" {
		t.Fatalf("no visible offer beside the choice: %q visible=%v", keep.Text, keep.Visible())
	}
	if m.columns[h.column("Nom")].keep.Visible() {
		t.Error("a known column is offered as a custom field too")
	}
	h.act(func() { test.Tap(keep) })
	if got := h.w.mapping[col]; got != "custom:Pointure" {
		t.Fatalf("after the offer the column maps to %q", got)
	}
	cl := m.columns[col]
	if m.choices[col].Text != offer || cl.badge.Text != "Nouveau champ personnalisé" ||
		!strings.Contains(cl.reason.Text, "retiré si on l’annule") || keep.Visible() {
		t.Errorf("the line shows %q / %q / %q (offer still shown: %v)", m.choices[col].Text, cl.badge.Text, cl.reason.Text, keep.Visible())
	}
	h.next()
	created := false
	for _, p := range h.w.plan.Problems {
		created = created || p.Code == "custom.created" && p.Column == "Pointure"
	}
	if !created {
		t.Errorf("the check does not say the field is created: %+v", h.w.plan.Problems)
	}
	h.next()
	rows, err := h.svc.SearchCustomers(context.Background(), store.Query{Text: "Durand"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Durand: %v, %d found", err, len(rows))
	}
	if got := rows[0].Custom["Pointure"]; got != "38" {
		t.Errorf("Durand's Pointure is %q (custom %v), want 38", got, rows[0].Custom)
	}
}
