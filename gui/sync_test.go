package gui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/corpustest"
	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
	"carnet/internal/shopsync"
	"carnet/internal/store"
)

// shopifyExport is a Shopify customers export (2022+): its IDs are 13
// digits, so codes need a LENGTH of 16 with the prefix WEB.
const shopifyExport = "../testdata/shopsync/shopify_customers_2022.csv"

// openSyncTab shows the Synchronisation tab.
func openSyncTab(t *testing.T, u *ui) {
	t.Helper()
	u.act(func() { u.tabs.Select(u.syncItem) })
	u.settle(t)
}

// syncReady shows the tab with shop, files and a code LENGTH set, as the
// user would choose them.
func syncReady(t *testing.T, u *ui, shop shopsync.Shop, length string, files ...string) {
	t.Helper()
	openSyncTab(t, u)
	u.act(func() {
		u.sync.shopChosen(shop)
		u.sync.form.codeLength.SetText(length)
		u.sync.addFiles(files)
	})
	u.settle(t)
}

// tapSync taps the tab's button labelled text (in the window or its top
// dialog) and waits for what it started.
func tapSync(t *testing.T, u *ui, text string) {
	t.Helper()
	b := findButton(topLayer(u), text)
	if b == nil {
		t.Fatalf("no button %q on screen:\n%s", text, u.windowTexts())
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled:\n%s", text, u.windowTexts())
	}
	u.act(func() { test.Tap(b) })
	u.settle(t)
}

// shownCounts are the result's counts as drawn: caption → number.
func shownCounts(u *ui) map[string]string {
	u.work.Lock()
	defer u.work.Unlock()
	out := map[string]string{}
	for _, o := range u.sync.runner.result.counts.Objects {
		box := o.(*fyne.Container)
		out[box.Objects[1].(*widget.Label).Text] = box.Objects[0].(*widget.Label).Text
	}
	return out
}

func customerCount(t *testing.T, u *ui) int {
	t.Helper()
	n, err := u.svc.Count(context.Background(), store.Query{Archived: store.FilterAny})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSyncFormLoadsSavedSettings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	svc, err := service.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	saved := shopsync.DefaultSettings
	saved.Shop = shopsync.ShopShopify
	saved.CodePrefix, saved.CodeLength = "SHOP", 12
	saved.LedgerMode, saved.LedgerPrefix, saved.LedgerLength = shopsync.LedgerPerCustomer, "411", 9
	saved.SalesRep, saved.UpperName, saved.UpdateBilling = "Julie", true, false
	if err := shopsync.New(svc).SaveSettings(context.Background(), saved); err != nil {
		t.Fatal(err)
	}
	svc.Close()

	u := newTestUIOn(t, db)
	openSyncTab(t, u)
	f := u.sync.form
	if got, err := f.settings(); err != nil || got != saved {
		t.Errorf("the form shows %+v (%v), want the saved %+v", got, err, saved)
	}
	if got := u.sync.shopSelect.Selected; got != "Shopify" {
		t.Errorf("the shop shown is %q, want Shopify", got)
	}
	for _, want := range []string{"SHOP00000042", "411000042"} {
		if !strings.Contains(f.previewText, want) {
			t.Errorf("the preview says %q, want %q in it", f.previewText, want)
		}
	}
	if f.saveStatus.Visible() && f.saveStatus.Importance == widget.WarningImportance {
		t.Errorf("settings just loaded are said to be unsaved: %q", f.saveStatus.Text)
	}
}

func TestSyncPreviewFollowsTypingAndSaveRefusesImpossibleLength(t *testing.T) {
	u := newTestUI(t)
	openSyncTab(t, u)
	f := u.sync.form
	u.act(func() { f.codePrefix.SetText("CLI") })
	if !strings.Contains(f.previewText, "CLI0000042") || !f.previewOK {
		t.Fatalf("after typing the prefix CLI the preview says %q", f.previewText)
	}
	if !strings.Contains(u.windowTexts(), "CLI0000042") {
		t.Errorf("the preview line is not drawn:\n%s", u.windowTexts())
	}
	// A LENGTH of 3 leaves no room after CLI: the preview says why.
	u.act(func() { f.codeLength.SetText("3") })
	if f.previewOK || !strings.Contains(f.previewText, "aucune place") {
		t.Fatalf("with LENGTH 3 the preview says %q (works: %v)", f.previewText, f.previewOK)
	}
	u.act(func() { u.sync.addFiles([]string{shopifyExport}) })
	if !u.sync.runner.dryRun.Disabled() || !strings.Contains(u.sync.runner.status.Text, "aucune place") {
		t.Errorf("settings that cannot work: Essai offered %v, status %q", !u.sync.runner.dryRun.Disabled(), u.sync.runner.status.Text)
	}
	tapSync(t, u, "Enregistrer les réglages")
	if !f.accountError.Visible() || !strings.Contains(f.accountError.Text, "aucune place") {
		t.Errorf("Save shows %q next to the customer account (visible %v)", f.accountError.Text, f.accountError.Visible())
	}
	got, err := u.sync.syncer.LoadSettings(context.Background())
	if err != nil || got != shopsync.DefaultSettings {
		t.Errorf("refused settings were saved: %+v (%v)", got, err)
	}
	// A LENGTH that is not a number is refused the same way.
	u.act(func() { f.codeLength.SetText("dix") })
	if f.previewOK || !strings.Contains(f.previewText, "nombre entier") {
		t.Errorf("with LENGTH “dix” the preview says %q", f.previewText)
	}
	// Put right, the settings save.
	u.act(func() { f.codeLength.SetText("8") })
	tapSync(t, u, "Enregistrer les réglages")
	if got, _ := u.sync.syncer.LoadSettings(context.Background()); got.CodePrefix != "CLI" || got.CodeLength != 8 {
		t.Errorf("saved %+v, want prefix CLI and length 8", got)
	}
	if f.accountError.Visible() {
		t.Errorf("the refusal is still shown after a good save: %q", f.accountError.Text)
	}
}

// TestSyncDryRunRunHistoryUndo goes through a whole sync as a user would:
// dry run, sync, the history, undo.
func TestSyncDryRunRunHistoryUndo(t *testing.T) {
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopShopify, "16", shopifyExport)
	run := u.sync.runner
	if !run.runSync.Disabled() {
		t.Error("Synchroniser is offered before a dry run")
	}
	tapSync(t, u, "Essai")
	want := run.result.plan.Counts
	if want.Created == 0 || want.Refused != 0 {
		t.Fatalf("the dry run plans %+v: expected customers to create and none refused", want)
	}
	counts := shownCounts(u)
	if counts["créés"] != format0(want.Created) || counts["refusés"] != "0" {
		t.Errorf("the counts shown are %v, want %d created", counts, want.Created)
	}
	if n := customerCount(t, u); n != 0 {
		t.Fatalf("the dry run wrote %d customers", n)
	}
	if code := run.result.rows[0].Code; !strings.HasPrefix(code, "WEB") || len(code) != 16 {
		t.Errorf("first row's code %q, want WEB + the Shopify ID on 16 characters", code)
	}
	if run.runSync.Disabled() {
		t.Fatal("Synchroniser is not offered after the dry run")
	}

	tapSync(t, u, "Synchroniser")
	if n := customerCount(t, u); n != want.Created {
		t.Fatalf("the sync wrote %d customers, the dry run said %d", n, want.Created)
	}
	batch := run.result.plan.Batch
	if batch == 0 || !strings.Contains(u.windowTexts(), "Synchronisation n° "+itoa(batch)+" écrite") {
		t.Errorf("the sync's number is not shown (batch %d):\n%s", batch, u.windowTexts())
	}
	if got := u.clients.count.Text; !strings.HasPrefix(got, format0(want.Created)+" client") {
		t.Errorf("the Clients tab says %q after the sync", got)
	}
	if !run.runSync.Disabled() {
		t.Error("Synchroniser is still offered for the same files after the sync")
	}
	u.act(func() { u.sync.below.Select(u.sync.historyItem) })
	texts := u.windowTexts()
	if !strings.Contains(texts, "N° "+itoa(batch)+" · ") || !strings.Contains(texts, filepath.Base(shopifyExport)) {
		t.Fatalf("the history does not list sync %d:\n%s", batch, texts)
	}

	tapSync(t, u, "Annuler cette synchronisation")
	if !strings.Contains(u.windowTexts(), "Annuler la synchronisation n° "+itoa(batch)) {
		t.Fatalf("Undo did not ask first:\n%s", u.windowTexts())
	}
	tapSync(t, u, "Annuler cette synchronisation") // the dialog's confirm
	if n := customerCount(t, u); n != 0 {
		t.Errorf("%d customers remain after the undo", n)
	}
	if res := u.sync.history.lastUndo; res == nil || res.Removed != want.Created {
		t.Errorf("the undo says %+v, want %d removed", res, want.Created)
	}
	if got := u.clients.count.Text; !strings.HasPrefix(got, "0 client") {
		t.Errorf("the Clients tab says %q after the undo", got)
	}
	if !strings.Contains(u.windowTexts(), "Annulée le") {
		t.Errorf("the history does not say the sync was undone:\n%s", u.windowTexts())
	}
}

// TestSyncDryRunPrestaShopCorpus: PrestaShop's two files (customers and
// addresses) are read together; codes follow PREFIX + ID to LENGTH.
func TestSyncDryRunPrestaShopCorpus(t *testing.T) {
	customers := corpustest.File(t, "ecommerce/prestashop/ps16_customers_import.csv")
	addresses := corpustest.File(t, "ecommerce/prestashop/ps16_addresses_import.csv")
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopPrestaShop, "10", customers, addresses)
	if len(u.sync.files) != 2 {
		t.Fatalf("files chosen: %q", u.sync.files)
	}
	tapSync(t, u, "Essai")
	plan := u.sync.runner.result.plan
	if plan == nil || plan.Counts.Created == 0 {
		t.Fatalf("the dry run shows %+v:\n%s", plan, u.windowTexts())
	}
	if got := shownCounts(u)["créés"]; got != format0(plan.Counts.Created) {
		t.Errorf("created shown %q, want %d", got, plan.Counts.Created)
	}
	for _, r := range u.sync.runner.result.rows {
		if r.Action == shopsync.ActionCreate && (!strings.HasPrefix(r.Code, "WEB") || len(r.Code) != 10 || !strings.HasSuffix(r.Code, r.ShopID)) {
			t.Errorf("customer %s gets code %q, want WEB + its ID on 10 characters", r.ShopID, r.Code)
		}
	}
}

// TestSyncRefusedRowsFirst: a customer whose ID does not fit the LENGTH is
// refused with the reason, and listed before the others.
func TestSyncRefusedRowsFirst(t *testing.T) {
	src, err := os.ReadFile(shopifyExport)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	// The last customer gets a short ID: it fits WEB + 10; the others' do not.
	last := lines[len(lines)-1]
	lines[len(lines)-1] = "'42" + last[strings.IndexByte(last, ','):]
	file := filepath.Join(t.TempDir(), "customers_export.csv")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopShopify, "10", file)
	tapSync(t, u, "Essai")
	rows := u.sync.runner.result.rows
	if len(rows) < 2 || rows[0].Action != shopsync.ActionRefuse || rows[len(rows)-1].Action == shopsync.ActionRefuse {
		t.Fatalf("rows in the order shown: %+v", rows)
	}
	if why := rows[0].Why.FR; !strings.Contains(why, rows[0].ShopID) {
		t.Errorf("the refusal %q does not name the ID %s", why, rows[0].ShopID)
	}
	u.act(func() { u.sync.runner.result.table.Select(widget.TableCellID{Row: 0, Col: 4}) })
	if d := u.sync.runner.result.detail.Text; !strings.Contains(d, "Refusé") || !strings.Contains(d, rows[0].ShopID) {
		t.Errorf("the selected line's detail says %q", d)
	}
	// Another LENGTH: the dry run is out of date until made again.
	u.act(func() { u.sync.form.codeLength.SetText("16") })
	if !u.sync.runner.runSync.Disabled() || !strings.Contains(u.sync.runner.status.Text, "refaites-le") {
		t.Errorf("after a change Synchroniser is offered (%v), status %q", !u.sync.runner.runSync.Disabled(), u.sync.runner.status.Text)
	}
	if u.sync.runner.dryRun.Disabled() {
		t.Error("Essai is not offered again after a change")
	}
	tapSync(t, u, "Essai")
	if !u.sync.runner.dryRun.Disabled() {
		t.Error("Essai is offered again on the very inputs its result shows")
	}
	// The same file chosen again (exported again): it is read again.
	u.act(func() { u.sync.addFiles([]string{file}) })
	if len(u.sync.files) != 1 || u.sync.runner.dryRun.Disabled() || !u.sync.runner.runSync.Disabled() {
		t.Errorf("the same file chosen again: files %q, Essai offered %v, Synchroniser offered %v",
			u.sync.files, !u.sync.runner.dryRun.Disabled(), !u.sync.runner.runSync.Disabled())
	}
}

func TestSyncGenericShopSendsToImportTab(t *testing.T) {
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopGeneric, "10", shopifyExport)
	if !u.sync.runner.dryRun.Disabled() {
		t.Error("Essai is offered for a generic shop")
	}
	tapSync(t, u, "Ouvrir l’onglet Import")
	if u.tabs.Selected() != u.importItem {
		t.Errorf("the tab shown is %q", u.tabs.Selected().Text)
	}
}

func TestSyncDropTakesFilesOnItsTabOnly(t *testing.T) {
	u := newTestUI(t)
	abs, _ := filepath.Abs(shopifyExport)
	uris := []fyne.URI{storage.NewFileURI(abs)}
	openSyncTab(t, u)
	u.act(func() { u.dropped(fyne.Position{}, uris) })
	u.settle(t)
	if len(u.sync.files) != 1 || u.sync.files[0] != abs || u.tabs.Selected() != u.syncItem {
		t.Fatalf("dropped on the Synchronisation tab: files %q, tab %q", u.sync.files, u.tabs.Selected().Text)
	}
	if !strings.Contains(u.windowTexts(), filepath.Base(abs)) {
		t.Errorf("the file dropped is not listed:\n%s", u.windowTexts())
	}
	u.act(func() { u.tabs.Select(u.clientsItem) })
	u.act(func() { u.dropped(fyne.Position{}, uris) })
	u.settle(t)
	if u.tabs.Selected() != u.importItem || len(u.sync.files) != 1 {
		t.Errorf("dropped on the Clients tab: tab %q, sync files %q", u.tabs.Selected().Text, u.sync.files)
	}
}

func TestSyncCatchAllCustomerChosenFromTheList(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	shop := &domain.Customer{LastName: "Boutique en ligne"}
	if err := u.svc.CreateCustomer(ctx, shop); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Durand", "Martin"} {
		if err := u.svc.CreateCustomer(ctx, &domain.Customer{LastName: n}); err != nil {
			t.Fatal(err)
		}
	}
	openSyncTab(t, u)
	f := u.sync.form
	u.act(func() { f.accountMode.SetSelected(f.accountMode.Options[0]) })
	if f.previewOK {
		t.Errorf("single customer mode without a customer previews %q", f.previewText)
	}
	tapSync(t, u, "Choisir…")
	search := firstVisible(topLayer(u), func(e *widget.Entry) bool { return true })
	u.act(func() { search.SetText("boutique") })
	u.settle(t)
	list := firstVisible(topLayer(u), func(*widget.List) bool { return true })
	if list == nil || list.Length() != 1 {
		t.Fatalf("searching “boutique” lists %v:\n%s", list, u.windowTexts())
	}
	u.act(func() { list.Select(0) })
	tapSync(t, u, "Choisir ce client")
	if f.catchAllCode != shop.Code || !strings.Contains(f.previewText, shop.Code) || !f.previewOK {
		t.Errorf("chose %q, preview %q; want %s", f.catchAllCode, f.previewText, shop.Code)
	}
	if !strings.Contains(u.windowTexts(), "Boutique en ligne") {
		t.Errorf("the customer chosen is not named:\n%s", u.windowTexts())
	}
}

// TestSyncFormShowsEverySeedOption: every option seed 000 describes is on
// the form, grouped as the seed groups them.
func TestSyncFormShowsEverySeedOption(t *testing.T) {
	u := newTestUI(t)
	openSyncTab(t, u)
	texts := u.windowTexts()
	for _, want := range []string{"Compte client", "Rechercher d’abord le client par son adresse e-mail",
		"Un compte client unique pour toutes les commandes web", "Un compte client différent pour chaque client web",
		"Préfixe :", "Longueur :", "Compte comptable", "Le même compte comptable pour tous les clients",
		"Un compte comptable différent pour chaque client", "Ne pas renseigner le compte comptable",
		"Options", "Représentant des nouveaux clients :", "Mettre à jour les adresses de livraison",
		"Mettre à jour les adresses de facturation", "Retirer les accents du nom du client et des adresses",
		"Mettre le nom du client en majuscules", "Mettre les adresses en majuscules", "Enregistrer les réglages"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the tab does not show %q:\n%s", want, texts)
		}
	}
}

func format0(n int) string { return format.Count(n, "fr") }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// syncPressScreens are the Synchronisation tab's states the
// press-everything test presses through, beyond the bare tab: a dry run
// made (Synchroniser offered, the rows listed), a sync written (Show
// these customers), the past syncs (each one's Undo) and a generic shop
// (the way to the Import tab).
func syncPressScreens() []pressScreen {
	return []pressScreen{
		{name: "Synchronisation, essai fait", open: func(t *testing.T, u *ui, _ pressWorld) {
			syncReady(t, u, shopsync.ShopShopify, "16", shopifyExport)
			tapSync(t, u, "Essai")
		}},
		{name: "Synchronisation, synchronisée", open: func(t *testing.T, u *ui, _ pressWorld) {
			syncReady(t, u, shopsync.ShopShopify, "16", shopifyExport)
			tapSync(t, u, "Essai")
			tapSync(t, u, "Synchroniser")
		}},
		{name: "Synchronisation, synchronisations passées", open: func(t *testing.T, u *ui, _ pressWorld) {
			syncReady(t, u, shopsync.ShopShopify, "16", shopifyExport)
			tapSync(t, u, "Essai")
			tapSync(t, u, "Synchroniser")
			u.act(func() { u.sync.below.Select(u.sync.historyItem) })
			u.settle(t)
		}},
		{name: "Synchronisation, boutique générique", open: func(t *testing.T, u *ui, _ pressWorld) {
			syncReady(t, u, shopsync.ShopGeneric, "10", shopifyExport)
		}},
	}
}

// TestSyncNothingToWriteOffersNoSync: when every customer is refused the
// dry run says so, and there is nothing to synchronise.
func TestSyncNothingToWriteOffersNoSync(t *testing.T) {
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopShopify, "10", shopifyExport) // 13-digit IDs do not fit
	tapSync(t, u, "Essai")
	run := u.sync.runner
	if c := run.result.plan.Counts; c.Refused == 0 || c.Created+c.Updated+c.Attached+c.Orders != 0 {
		t.Fatalf("the dry run plans %+v: expected every customer refused", c)
	}
	if !run.runSync.Disabled() || !strings.Contains(run.status.Text, "Rien à écrire") {
		t.Errorf("Synchroniser offered %v, status %q", !run.runSync.Disabled(), run.status.Text)
	}
}

// TestSyncCancelWritesNothing: a sync cancelled leaves the customer file
// as it was, and says so.
func TestSyncCancelWritesNothing(t *testing.T) {
	u := newTestUI(t)
	syncReady(t, u, shopsync.ShopShopify, "16", shopifyExport)
	tapSync(t, u, "Essai")
	run := u.sync.runner
	u.act(func() {
		run.start(true)
		if !run.running() || run.stop.Disabled() || !u.sync.addFile.Disabled() {
			t.Errorf("while it runs: running %v, Cancel offered %v, Add offered %v", run.running(), !run.stop.Disabled(), !u.sync.addFile.Disabled())
		}
		run.cancelRun()
	})
	u.settle(t)
	if n := customerCount(t, u); n != 0 {
		t.Errorf("a cancelled sync wrote %d customers", n)
	}
	if !strings.Contains(run.status.Text, "rien n’a été écrit") {
		t.Errorf("after Cancel the status says %q", run.status.Text)
	}
	if run.runSync.Disabled() {
		t.Error("Synchroniser is not offered again after a cancelled sync")
	}
}
