package gui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/format"
	"carnet/internal/importer"
	"carnet/internal/store"
)

// exportCustomers are the customers of the export tests: one of each kind
// a mailing treats apart.
func exportCustomers(t *testing.T, u *ui, extra ...*domain.Customer) {
	t.Helper()
	ctx := context.Background()
	if _, err := u.svc.CreateGroup(ctx, "VIP", 0); err != nil {
		t.Fatal(err)
	}
	lyon := domain.Address{Line1: "3 rue Mercière", Postcode: "69002", City: "Lyon", Country: "FR"}
	lille := domain.Address{Line1: "8 place du Théâtre", Postcode: "59000", City: "Lille", Country: "FR"}
	customers := []*domain.Customer{
		{LastName: "Durand", FirstName: "Léa", Email: "lea.durand@exemple.fr", Billing: lyon, Groups: []string{"VIP"}},
		{LastName: "Martin", FirstName: "Zoé", Email: "zoe.martin@exemple.fr", Billing: lille, MarketingConsent: domain.ConsentNo},
		{LastName: "Petit", FirstName: "Noël", Billing: lille, Groups: []string{"VIP"}},
		{LastName: "Roux", FirstName: "Jean", Email: "jean.roux@exemple.fr", Groups: []string{"VIP"}, Archived: true},
	}
	for _, c := range append(customers, extra...) {
		if err := u.svc.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	u.act(u.Refresh)
	u.settle(t)
}

// openExport opens the export dialog as the Clients tab's button does and
// waits for its counts.
func openExport(t *testing.T, u *ui) *exportDialog {
	t.Helper()
	var d *exportDialog
	u.act(func() { d = u.showExport() })
	u.settle(t)
	return d
}

// exportTo runs the dialog's export of its current choices to path and
// waits for the end.
func exportTo(t *testing.T, u *ui, d *exportDialog, path string) {
	t.Helper()
	u.act(func() { d.run(path) })
	u.settle(t)
}

func chooseFormat(u *ui, d *exportDialog, f export.Format) {
	u.act(func() { d.format.SetSelected(f.Label(uiLang)) })
}

func statusText(u *ui, d *exportDialog) string {
	u.work.Lock()
	defer u.work.Unlock()
	return d.status.Text
}

func TestExportButtonOpensDialogOnTheListShown(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	u.act(func() { u.clients.search.SetText("lille") })
	u.settle(t)
	if !u.clients.model.counted || u.clients.model.total != 2 {
		t.Fatalf("the search for lille lists %d customers", u.clients.model.total)
	}
	u.tapIn(u.win.Canvas().Content(), "Exporter…")
	u.settle(t)
	shown := u.windowTexts()
	// The list as shown (2 of the 3 active customers); everything counts
	// the active customers only.
	for _, want := range []string{"Exporter des clients", "La liste affichée (2 clients)", "Tous les clients (3)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog should show %q; it shows:\n%s", want, shown)
		}
	}
	group := firstVisible(u.win.Canvas().Overlays().Top(), func(s *widget.Select) bool { return true })
	if group == nil || strings.Join(group.Options, "|") != "VIP (2)" {
		t.Errorf("the groups offered should be VIP with its 2 active members (of 3): %v", group)
	}
}

func TestExportMenuAndShortcutOpenTheDialog(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	u.act(func() { u.tabs.Select(u.groupsItem) })
	u.act(func() { u.shortcutActions()[fyne.KeyE]() })
	u.settle(t)
	if u.tabs.Selected() != u.clientsItem || !strings.Contains(u.windowTexts(), "La liste affichée (3 clients)") {
		t.Fatalf("Ctrl+E did not open the export of the Clients tab:\n%s", u.windowTexts())
	}
}

// TestExportEachFormatWritesItsKindOfFile exports the list in every format
// and reads the file back.
func TestExportEachFormatWritesItsKindOfFile(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	if err := u.svc.SetAccounting(context.Background(), "411DIV", "411"); err != nil {
		t.Fatal(err)
	}
	d := openExport(t, u)
	dir := t.TempDir()
	bom := "\uFEFF"
	checks := map[export.Format]struct {
		written int
		check   func(t *testing.T, path string, data []byte)
	}{
		export.FormatXLSX: {3, func(t *testing.T, path string, _ []byte) {
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatalf("not a workbook: %v", err)
			}
			defer f.Close()
			rows, err := f.GetRows(f.GetSheetList()[0])
			if err != nil || len(rows) != 4 {
				t.Fatalf("%d rows (header and 3 customers wanted), %v", len(rows), err)
			}
			if !strings.Contains(strings.Join(rows[1], "|"), "Durand") {
				t.Errorf("first customer row %q", rows[1])
			}
		}},
		export.FormatCSV: {3, func(t *testing.T, _ string, data []byte) {
			if !bytes.HasPrefix(data, []byte(bom)) || !bytes.Contains(data, []byte("Léa")) {
				t.Errorf("not a CSV UTF-8 with BOM: %q", head(data))
			}
		}},
		export.FormatCSV1252: {3, func(t *testing.T, _ string, data []byte) {
			if bytes.HasPrefix(data, []byte(bom)) || !bytes.Contains(data, []byte("L\xe9a")) {
				t.Errorf("not Windows-1252: %q", head(data))
			}
		}},
		export.FormatAccounts: {3, func(t *testing.T, _ string, data []byte) {
			if !bytes.HasPrefix(data, []byte(bom)) || !bytes.Contains(data, []byte("411DIV")) {
				t.Errorf("the accounts do not use the “Clients divers” account: %q", head(data))
			}
		}},
		export.FormatMailing: {2, func(t *testing.T, _ string, data []byte) {
			if !bytes.HasPrefix(data, []byte(bom)) || bytes.Contains(data, []byte("Martin")) {
				t.Errorf("a mailing CSV without who refused marketing wanted: %q", head(data))
			}
		}},
		export.FormatVCard: {1, func(t *testing.T, _ string, data []byte) {
			if !bytes.HasPrefix(data, []byte("BEGIN:VCARD")) || bytes.Count(data, []byte("BEGIN:VCARD")) != 1 {
				t.Errorf("one vCard wanted (Petit has no email, Martin refused): %q", head(data))
			}
		}},
		export.FormatLabels: {2, func(t *testing.T, _ string, data []byte) {
			if !bytes.HasPrefix(data, []byte("%PDF")) {
				t.Errorf("not a PDF: %q", head(data))
			}
		}},
	}
	for _, f := range export.Formats {
		c, ok := checks[f]
		if !ok {
			t.Errorf("format %s is not checked", f)
			continue
		}
		t.Run(string(f), func(t *testing.T) {
			chooseFormat(u, d, f)
			if f == export.FormatAccounts && !strings.Contains(u.windowTexts(), "« Clients divers » 411DIV") {
				t.Errorf("the accounting choice does not show the “Clients divers” account:\n%s", u.windowTexts())
			}
			path := filepath.Join(dir, suggestedName(f))
			exportTo(t, u, d, path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no file: %v; the dialog says %q", err, statusText(u, d))
			}
			c.check(t, path, data)
			want := plural(c.written, "%s customer written to %s.", "%s customers written to %s.", format.Count(c.written, uiLang), path)
			if got := statusText(u, d); !strings.HasPrefix(got, want) {
				t.Errorf("the dialog says %q, want %q first", got, want)
			}
		})
	}
	// The vCard left two customers out, each for its reason.
	chooseFormat(u, d, export.FormatVCard)
	exportTo(t, u, d, filepath.Join(dir, "contacts.vcf"))
	if got, want := statusText(u, d), "2 clients laissés de côté : 1 a refusé la prospection, 1 sans e-mail."; !strings.Contains(got, want) {
		t.Errorf("the dialog says %q, want %q", got, want)
	}
}

func head(data []byte) []byte { return data[:min(len(data), 80)] }

// TestExportTakesTheListTheGroupOrEverything: the list is the tab's
// search, a group its active members, everything every active customer.
func TestExportTakesTheListTheGroupOrEverything(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	u.act(func() { u.clients.search.SetText("lyon") })
	u.settle(t)
	d := openExport(t, u)
	chooseFormat(u, d, export.FormatCSV)
	dir := t.TempDir()
	read := func(name string) string {
		path := filepath.Join(dir, name)
		exportTo(t, u, d, path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (%s)", name, err, statusText(u, d))
		}
		return string(data)
	}
	if got := read("liste.csv"); !strings.Contains(got, "Durand") || strings.Contains(got, "Petit") || strings.Contains(got, "Martin") {
		t.Errorf("the list found by “lyon” should hold Durand only:\n%s", got)
	}
	u.act(func() { d.group.SetSelectedIndex(0) }) // VIP: choosing it picks the group
	if d.chosen != scopeGroup {
		t.Fatal("choosing a group did not choose to export it")
	}
	if got := read("vip.csv"); !strings.Contains(got, "Durand") || !strings.Contains(got, "Petit") || strings.Contains(got, "Martin") || strings.Contains(got, "Roux") {
		t.Errorf("the group VIP should hold Durand and Petit, not its archived member Roux:\n%s", got)
	}
	u.act(func() { d.scope.SetSelected(d.scope.Options[scopeAll]) })
	got := read("tous.csv")
	for _, name := range []string{"Durand", "Martin", "Petit"} {
		if !strings.Contains(got, name) {
			t.Errorf("everything should hold %s:\n%s", name, got)
		}
	}
	if strings.Contains(got, "Roux") {
		t.Errorf("everything should leave the archived customer out:\n%s", got)
	}
}

func TestExportMailingKeepsWhoRefusedWhenAsked(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	d := openExport(t, u)
	chooseFormat(u, d, export.FormatMailing)
	if !d.refused.Visible() || d.refused.Checked {
		t.Fatal("the mailing should offer, unticked, to include who refused marketing")
	}
	chooseFormat(u, d, export.FormatXLSX)
	if d.refused.Visible() {
		t.Error("the workbook offers the mailing's box")
	}
	chooseFormat(u, d, export.FormatMailing)
	u.act(func() { d.refused.SetChecked(true) })
	path := filepath.Join(t.TempDir(), "publipostage.csv")
	exportTo(t, u, d, path)
	if data, _ := os.ReadFile(path); !bytes.Contains(data, []byte("Martin")) {
		t.Errorf("ticked, the box should keep Martin, who refused: %q (%s)", data, statusText(u, d))
	}
}

// holdExports holds every export started until its Cancel, or for at
// most wait: the export then runs.
func holdExports(t *testing.T, wait time.Duration) {
	exportStarting = func(ctx context.Context) {
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
	}
	t.Cleanup(func() { exportStarting = nil })
}

// inPlaceWriter writes the chosen file itself, as Fyne's own file
// repository does: the save dialog has created (or emptied) it already.
type inPlaceWriter struct {
	*os.File
	uri fyne.URI
}

func (w inPlaceWriter) URI() fyne.URI { return w.uri }

func TestExportCancelLeavesNoFile(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	d := openExport(t, u)
	holdExports(t, time.Minute)
	dir := t.TempDir()
	cancelled := func(name string, start func(path string)) {
		t.Helper()
		path := filepath.Join(dir, name)
		u.act(func() { start(path) })
		cancel := findButton(u.win.Canvas().Overlays().Top(), "Annuler")
		if cancel == nil || !d.progress.Visible() || !d.start.Disabled() {
			t.Fatalf("%s: no progress with Cancel while the export runs:\n%s", name, u.windowTexts())
		}
		u.act(func() { test.Tap(cancel) })
		u.settle(t)
		if got := statusText(u, d); got != "Export annulé : aucun fichier n’a été écrit." {
			t.Errorf("%s: after Cancel the dialog says %q", name, got)
		}
		if findButton(u.win.Canvas().Overlays().Top(), "Exporter…") == nil {
			t.Errorf("%s: Export is not offered again after Cancel", name)
		}
	}
	cancelled("clients.xlsx", d.run)
	if _, err := os.Stat(filepath.Join(dir, "clients.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left a file: %v", err)
	}

	// Fyne's own writer created the file before the export started: the
	// empty file goes with the cancel.
	cancelled("etiquettes.pdf", func(path string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		d.fileChosen(inPlaceWriter{f, storage.NewFileURI(path)}, nil)
	})
	if _, err := os.Stat(filepath.Join(dir, "etiquettes.pdf")); !os.IsNotExist(err) {
		t.Errorf("the empty file the save dialog created was left: %v", err)
	}

	// A file that was there keeps its content: Carnet's whole-file
	// writer did not touch it and the export wrote nothing over it.
	old := filepath.Join(dir, "ancien.csv")
	if err := os.WriteFile(old, []byte("Nom;Ville\nDurand;Lyon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cancelled("ancien.csv", func(path string) {
		uikit.InstallSafeSaves()
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		d.fileChosen(w, nil)
	})
	if data, _ := os.ReadFile(old); string(data) != "Nom;Ville\nDurand;Lyon\n" {
		t.Errorf("a cancelled export changed the file that was there: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files were left: %d entries in the folder", len(entries))
	}
}

func TestExportRefusesTheCustomerDatabase(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	d := openExport(t, u)
	uikit.InstallSafeSaves()
	w, err := storage.Writer(storage.NewFileURI(u.svc.Path()))
	if err != nil {
		t.Fatal(err)
	}
	u.act(func() { d.fileChosen(w, nil) })
	u.settle(t)
	if got := statusText(u, d); !strings.Contains(got, "base de clients elle-même") {
		t.Errorf("writing over the database was not refused: %q", got)
	}
	if n, err := u.svc.Count(context.Background(), store.Query{}); err != nil || n != 4 {
		t.Errorf("the database holds %d customers after the refusal (%v)", n, err)
	}
}

// TestExportWindows1252RefusalOffersUTF8: a name Windows-1252 cannot hold
// is shown with its place, nothing is written, and the offered CSV UTF-8
// is written beside.
func TestExportWindows1252RefusalOffersUTF8(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u, &domain.Customer{LastName: "Nowak", FirstName: "Łukasz", Email: "lukasz@exemple.pl"})
	d := openExport(t, u)
	chooseFormat(u, d, export.FormatCSV1252)
	dir := t.TempDir()
	path := filepath.Join(dir, suggestedName(export.FormatCSV1252))
	exportTo(t, u, d, path)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the refused export left a file: %v", err)
	}
	got := statusText(u, d)
	for _, want := range []string{"Windows-1252", "« Ł »", "Łukasz"} {
		if !strings.Contains(got, want) {
			t.Errorf("the refusal should show %q: %q", want, got)
		}
	}
	retry := findButton(u.win.Canvas().Overlays().Top(), "Exporter en CSV UTF-8")
	if retry == nil {
		t.Fatalf("no CSV UTF-8 offered:\n%s", u.windowTexts())
	}
	u.act(func() { test.Tap(retry) })
	u.settle(t)
	utf8 := filepath.Join(dir, "clients.csv") // not “ancien Excel”, which it is not
	data, err := os.ReadFile(utf8)
	if err != nil {
		t.Fatalf("the CSV UTF-8 was not written at %s: %v (%s)", utf8, err, statusText(u, d))
	}
	if !bytes.HasPrefix(data, []byte("\uFEFF")) || !bytes.Contains(data, []byte("Łukasz")) {
		t.Errorf("not the CSV UTF-8 with the name whole: %q", head(data))
	}
	if d.chosenFormat() != export.FormatCSV || retry.Visible() {
		t.Errorf("after the retry the dialog shows format %s and the retry button %v", d.chosenFormat(), retry.Visible())
	}
	if got := statusText(u, d); !strings.HasPrefix(got, "4 clients écrits") {
		t.Errorf("after the retry the dialog says %q", got)
	}
	chooseFormat(u, d, export.FormatXLSX)
	if d.status.Visible() {
		t.Errorf("another format chosen, the dialog still says %q", statusText(u, d))
	}
}

func TestExportUTF8RetryNamesACSV(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "pris.csv")
	os.WriteFile(taken, []byte("x"), 0o644)
	for in, want := range map[string]string{
		filepath.Join(dir, "clients-ancien-excel.csv"): filepath.Join(dir, "clients.csv"), // the name offered says Windows-1252
		filepath.Join(dir, "mes-clients.csv"):          filepath.Join(dir, "mes-clients.csv"),
		filepath.Join(dir, "clients.txt"):              filepath.Join(dir, "clients.csv"),
		filepath.Join(dir, "clients"):                  filepath.Join(dir, "clients.csv"),
		filepath.Join(dir, "pris.txt"):                 filepath.Join(dir, "pris.txt"), // pris.csv exists: not replaced unasked
	} {
		if got := utf8Path(in); got != want {
			t.Errorf("utf8Path(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestExportListKeepsTheImportChip: the list limited to one import's
// customers (the “Import n° X” chip) exports those customers only.
func TestExportListKeepsTheImportChip(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "boutique.csv")
	if err := os.WriteFile(src, []byte("Nom;Prénom;Ville\nBlanc;Inès;Metz\nGarnier;Hugo;Brest\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	imp := importer.New(u.svc)
	p, err := imp.Preview(ctx, src, importer.Settings{}, importer.PreviewRows)
	if err != nil {
		t.Fatal(err)
	}
	res, err := imp.Commit(ctx, importer.Request{Path: src, Mapping: importer.MappingOf(p.Suggestions), Options: importer.DefaultOptions()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	u.act(func() { u.ShowClients(store.Query{ImportBatch: res.Batch, Archived: store.FilterAny}) })
	u.settle(t)
	d := openExport(t, u)
	shown := u.windowTexts()
	for _, want := range []string{"La liste affichée (2 clients)", fmt.Sprintf("Seulement les clients de l’import n° %d.", res.Batch)} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog should show %q; it shows:\n%s", want, shown)
		}
	}
	chooseFormat(u, d, export.FormatCSV)
	path := filepath.Join(t.TempDir(), "import.csv")
	exportTo(t, u, d, path)
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("Blanc")) || !bytes.Contains(data, []byte("Garnier")) || bytes.Contains(data, []byte("Durand")) {
		t.Errorf("the import's list should hold Blanc and Garnier only: %q", data)
	}
}

func TestExportOfAnEmptyListIsNotOffered(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	u.act(func() { u.clients.search.SetText("personne de ce nom") })
	u.settle(t)
	d := openExport(t, u)
	if !d.start.Disabled() || !strings.Contains(u.windowTexts(), "La liste est vide : il n’y a rien à exporter.") {
		t.Errorf("an empty list should say so and not offer Export:\n%s", u.windowTexts())
	}
	u.act(func() { d.scope.SetSelected(d.scope.Options[scopeAll]) })
	if d.start.Disabled() {
		t.Error("everything (3 customers) should be offered")
	}
}

// TestExportRemembersTheLastFormat: the dialog opens on the format of the
// last export written, and a cancelled or refused one does not count.
func TestExportRemembersTheLastFormat(t *testing.T) {
	u := newTestUI(t)
	exportCustomers(t, u)
	d := openExport(t, u)
	if got := d.chosenFormat(); got != export.FormatXLSX {
		t.Fatalf("first opening on %s, want Excel", got)
	}
	chooseFormat(u, d, export.FormatVCard)
	exportTo(t, u, d, filepath.Join(t.TempDir(), "contacts.vcf"))
	u.act(func() { d.dlg.Hide() })
	d = openExport(t, u)
	if got := d.chosenFormat(); got != export.FormatVCard {
		t.Fatalf("reopened on %s, want the vCard just written", got)
	}
}
