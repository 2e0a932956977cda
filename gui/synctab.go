package gui

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/shopsync"
)

// The Synchronisation tab (DESIGN §1 "Sync settings tab", seed 000): the
// settings form on the left (syncsettings.go); on the right the shop and
// its export files, the dry run and the sync with their result
// (syncrun.go, syncresult.go), and the past syncs with their undo
// (synchistory.go). Everything goes through shopsync.Syncer.

// maxSyncFiles: a shop exports its customers, and their addresses or
// orders apart; the service reads both.
const maxSyncFiles = 2

// syncTab is the Synchronisation tab.
type syncTab struct {
	u      *ui
	syncer *shopsync.Syncer

	shopSelect *widget.Select
	shopHint   *widget.Label
	toImport   *widget.Button // the generic shop's way to the wizard
	files      []string
	fileList   *fyne.Container
	addFile    *widget.Button

	form    *syncSettingsForm
	runner  *syncRunner
	history *syncHistory
	// below shows the result or the past syncs.
	below                   *container.AppTabs
	resultItem, historyItem *container.TabItem
	content                 fyne.CanvasObject
}

func newSyncTab(u *ui) *syncTab {
	t := &syncTab{u: u, syncer: shopsync.New(u.svc)}
	t.shopSelect = widget.NewSelect(shopLabels(), nil)
	t.shopSelect.SetSelectedIndex(slices.Index(shopsync.Shops, shopsync.DefaultSettings.Shop))
	t.shopSelect.OnChanged = func(string) { t.shopChanged() }
	t.shopHint = syncHint("")
	t.toImport = widget.NewButtonWithIcon(lang.L("Open the Import tab"), theme.NavigateNextIcon(), t.openImportTab)
	t.toImport.Importance = widget.HighImportance
	t.fileList = container.NewVBox()
	t.addFile = widget.NewButtonWithIcon(lang.L("Add a file…"), theme.FolderOpenIcon(), t.openDialog)

	t.form = newSyncSettingsForm(t)
	t.runner = newSyncRunner(t)
	t.history = newSyncHistory(t)

	shopRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Shop:")), t.addFile, t.shopSelect)
	source := container.NewVBox(shopRow, t.shopHint, container.NewHBox(t.toImport), t.fileList,
		widget.NewSeparator(), t.runner.controls)
	// The result and the past syncs share the space below, one shown at a
	// time: side by side, neither had room in a laptop's window.
	t.resultItem = container.NewTabItem(lang.L("Result"), t.runner.result.root)
	t.historyItem = container.NewTabItem(lang.L("Past syncs"), t.history.content)
	t.below = container.NewAppTabs(t.resultItem, t.historyItem)
	right := container.NewBorder(source, nil, nil, nil, t.below)
	split := container.NewHSplit(t.form.root, container.NewPadded(right))
	split.SetOffset(0.4)
	t.content = split
	t.showFiles()
	t.shopChanged()
	return t
}

// start loads what the tab shows from the customer file.
func (t *syncTab) start() {
	t.form.load()
	t.history.reload()
}

// shopLabels are the shops as the select offers them, in shopsync.Shops'
// order.
func shopLabels() []string {
	out := make([]string, len(shopsync.Shops))
	for i, s := range shopsync.Shops {
		out[i] = shopLabel(s)
	}
	return out
}

func shopLabel(s shopsync.Shop) string {
	switch s {
	case shopsync.ShopPrestaShop:
		return "PrestaShop"
	case shopsync.ShopWooCommerce:
		return "WooCommerce"
	case shopsync.ShopShopify:
		return "Shopify"
	case shopsync.ShopMagento:
		return "Magento 2"
	}
	return lang.L("Another shop (generic)")
}

// shop is the shop chosen.
func (t *syncTab) shop() shopsync.Shop {
	if i := t.shopSelect.SelectedIndex(); i >= 0 {
		return shopsync.Shops[i]
	}
	return shopsync.DefaultSettings.Shop
}

// shopChosen shows s as the shop chosen (the saved settings' shop).
func (t *syncTab) shopChosen(s shopsync.Shop) {
	if i := slices.Index(shopsync.Shops, s); i >= 0 && i != t.shopSelect.SelectedIndex() {
		t.shopSelect.SetSelectedIndex(i)
	}
}

// shopChanged says which files the shop exports; a generic shop goes
// through the import wizard instead.
func (t *syncTab) shopChanged() {
	hints := map[shopsync.Shop]string{
		shopsync.ShopPrestaShop:  lang.L("PrestaShop: the customers file and the addresses file (CSV with “;”), in either order."),
		shopsync.ShopWooCommerce: lang.L("WooCommerce: the customers export (customer_*, billing_*, shipping_* columns) or the Analytics › Customers download."),
		shopsync.ShopShopify:     lang.L("Shopify: the customers export (before or since 2022), and the orders export if you want the orders as history."),
		shopsync.ShopMagento:     lang.L("Magento 2: the customers main file and the addresses file, or the composite file, or the admin Customers grid."),
		shopsync.ShopGeneric:     lang.L("Another shop’s file goes through the Import tab’s wizard, which maps its columns to the customer fields."),
	}
	t.shopHint.SetText(hints[t.shop()])
	syncShowIf(t.toImport, t.shop() == shopsync.ShopGeneric)
	if t.form != nil {
		t.form.changed()
	}
}

// settingsChanged is told by the form, and the shop and files, that what
// a sync would do may have changed.
func (t *syncTab) settingsChanged() {
	if t.runner != nil {
		t.runner.inputsChanged()
	}
}

// openImportTab sends a generic shop's file to the import wizard.
func (t *syncTab) openImportTab() {
	t.u.tabs.Select(t.u.importItem)
	if len(t.files) > 0 {
		t.u.wizard.OpenFile(t.files[0])
	}
}

// openDialog is Add a file: Fyne's file dialog, one file at a time.
func (t *syncTab) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		t.addFiles([]string{path})
	}, t.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".xlsx", ".CSV", ".TXT", ".XLSX"}))
	if len(t.files) > 0 {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(t.files[0]))); err == nil {
			d.SetLocation(dir)
		}
	}
	uikit.ShowFileDialog(d, t.u.win, lang.L("Open the shop’s export"))
}

// drop takes the files dropped on the window while the tab is shown.
func (t *syncTab) drop(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	t.addFiles(paths)
}

// addFiles adds the shop's export files: two at once replace those
// chosen; one is added beside the first, or replaces both when two were
// chosen already. A file chosen again is read again: the dry run made
// on it is out of date.
func (t *syncTab) addFiles(paths []string) {
	if len(paths) == 0 || t.runner.running() {
		return
	}
	switch {
	case len(paths) >= maxSyncFiles || len(t.files) >= maxSyncFiles && !slices.Contains(t.files, paths[0]):
		t.files = nil
	case slices.Contains(t.files, paths[0]):
		paths = nil // the same file again: exported again, to be read again
	}
	t.files = append(t.files, paths[:min(len(paths), maxSyncFiles-len(t.files))]...)
	t.runner.forget()
	t.showFiles()
	t.settingsChanged()
}

// removeFile takes a file off the list.
func (t *syncTab) removeFile(path string) {
	if t.runner.running() {
		return
	}
	t.files = slices.DeleteFunc(slices.Clone(t.files), func(p string) bool { return p == path })
	t.showFiles()
	t.settingsChanged()
}

// showFiles lists the files chosen, each with its folder and Remove.
func (t *syncTab) showFiles() {
	t.fileList.Objects = nil
	for _, p := range t.files {
		name := widget.NewLabelWithStyle(filepath.Base(p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		dir := uikit.NewHoverLabel(filepath.Dir(p))
		dir.Importance = widget.LowImportance
		remove := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { t.removeFile(p) })
		remove.Importance = widget.LowImportance
		if t.runner.running() {
			remove.Disable() // the files of a sync under way stay as they are
		}
		t.fileList.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), remove,
			container.NewGridWithColumns(2, name, dir)))
	}
	if len(t.files) == 0 {
		t.fileList.Add(syncHint(lang.L("No file chosen: add the shop’s export, or drop it on the window.")))
	}
	if len(t.files) >= maxSyncFiles || t.runner.running() {
		t.addFile.Disable()
	} else {
		t.addFile.Enable()
	}
	t.fileList.Refresh()
}

// busy reports whether a sync or an undo holds the customer file.
func (t *syncTab) busy() bool { return t.runner.running() || t.history.undoing > 0 }

// errSyncRunning: the customer file cannot change under a sync.
var errSyncRunning = &domain.Error{Code: "sync_running", Message: domain.Message{
	FR: "Une synchronisation ou son annulation est en cours : attendez qu’elle se termine (ou arrêtez-la) avant de changer de base de clients.",
	EN: "A sync or its undo is under way: wait for it to end (or stop it) before changing the customer file."}}

// dropped sends files dropped on the window to the tab shown: the
// Synchronisation tab takes them as the shop's export; anywhere else they
// open in the import wizard, as importTab set it.
func (u *ui) dropped(p fyne.Position, uris []fyne.URI) {
	if u.tabs.Selected() == u.syncItem {
		u.sync.drop(uris)
		return
	}
	u.tabs.Select(u.importItem)
	u.wizard.HandleDrop(p, uris)
}
