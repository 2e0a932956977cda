package importwizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/importer"
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
