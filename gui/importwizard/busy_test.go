package importwizard

import (
	"context"
	"testing"

	"carnet/internal/importer"
)

// TestBusyWhileAnUndoRuns: an undo started from the list of past imports
// holds the customer file like an import does, so that Fichier › Ouvrir
// is refused until it ends instead of closing the file under it.
func TestBusyWhileAnUndoRuns(t *testing.T) {
	h := newHarness(t, "fr")
	path := writeSample(t, t.TempDir())
	req := importer.Request{Path: path}
	p, err := h.w.d.Importer.Preview(context.Background(), path, importer.Settings{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	req.Mapping = importer.MappingOf(p.Suggestions)
	res, err := h.w.d.Importer.Commit(context.Background(), req, nil)
	if err != nil || res.Batch == 0 {
		t.Fatalf("import: %v %+v", err, res)
	}
	busy := false
	h.act(func() {
		h.w.history.undo(res.Batch, nil)
		// The undo's result waits for this UI lock: it is still running.
		busy = h.w.Busy()
	})
	h.wait()
	if !busy {
		t.Error("the wizard was not busy while an undo ran: the file could be closed under it")
	}
	if h.w.Busy() {
		t.Error("still busy after the undo ended")
	}
	if n := h.customers(); n != 0 {
		t.Errorf("%d customers after the undo, want 0", n)
	}
}
