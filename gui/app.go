// Package gui is Carnet's window (Fyne). It calls the services only: no SQL
// and no file parsing here.
package gui

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"carnet/gui/importwizard"
	"carnet/gui/uikit"
	"carnet/gui/uiwork"
	"carnet/internal/service"
	"carnet/internal/store"
)

// Preference keys remembered between launches.
const (
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefLastTab = "window.tab"
)

// ui is the open window and the customer file it shows.
type ui struct {
	app fyne.App
	win fyne.Window
	svc *service.Service
	// work runs database work off the UI goroutine (the wizard's too).
	work *uiwork.Runner

	tabs    *container.AppTabs
	clients *clientsTab
	groups  *groupsTab
	// tab indexes, so that menus and the wizard can switch tabs.
	clientsItem, groupsItem, importItem *container.TabItem
	wizard                              *importwizard.Wizard
	// sync is the Synchronisation tab (synctab.go).
	sync     *syncTab
	syncItem *container.TabItem
	// multisite is the Multisite tab (multisite.go).
	multisite     *multisiteTab
	multisiteItem *container.TabItem
	// lastForm is the customer form last opened (tests fill it in).
	lastForm *customerForm
	// refreshOperator updates the operator's badge; operatorsOn is what
	// the menu was built for (see operators.go).
	refreshOperator func()
	operatorsOn     bool
	// siteBar chooses the current site (sitebar.go).
	siteBar *siteBar
}

// Run opens the window on the database at dbPath and returns when it closes.
// CARNET_LANG (fr, en) forces the language over the saved preference: the
// screenshots script uses it. A database that cannot be opened (from a
// newer Carnet, not a customer file, damaged) gets a screen that says why
// and offers another file or a backup, instead of a window that never
// shows.
func Run(dbPath string) error {
	a := app.NewWithID("fr.carnet.app")
	brandApp(a)
	a.Settings().SetTheme(uikit.NewReadableTheme())
	uikit.InstallSafeSaves()
	choice := a.Preferences().String(prefLanguage)
	if env := os.Getenv("CARNET_LANG"); env != "" {
		choice = env
	}
	setupLanguage(choice)

	w := a.NewWindow("Carnet")
	var u *ui
	open := func(path string) error {
		svc, err := service.Open(path)
		if err != nil {
			return err
		}
		u = newUI(a, w, svc)
		u.restoreWindow()
		u.startTrace()
		return nil
	}
	if err := open(dbPath); err != nil {
		w.SetContent(openErrorScreen(w, dbPath, err, open))
		w.Resize(fyne.NewSize(900, 600)) // room for the file dialog it offers
	}
	quitOnSignal(a)
	w.ShowAndRun()
	if u != nil {
		_ = u.svc.Close()
	}
	return nil
}

// newUI builds the window's content on svc; tests call it with a test app.
func newUI(a fyne.App, w fyne.Window, svc *service.Service) *ui {
	u := &ui{app: a, win: w, svc: svc, work: uiwork.New()}
	// Hold the UI lock while building: the first loads start here and must
	// not apply their results to half-built widgets (see uiwork.Runner).
	u.work.Lock()
	defer u.work.Unlock()
	u.build()
	w.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.operatorsChanged()
	return u
}

// build (re)creates the tabs on the current service.
func (u *ui) build() {
	u.siteBar = newSiteBar(u)
	u.clients = newClientsTab(u)
	u.groups = newGroupsTab(u)
	u.clientsItem = container.NewTabItem(lang.L("Customers"), u.clients.content)
	u.groupsItem = container.NewTabItem(lang.L("Groups"), u.groups.content)
	u.importItem = container.NewTabItem(lang.L("Import"), u.importTab())
	u.sync = newSyncTab(u)
	u.syncItem = container.NewTabItem(lang.L("Synchronisation"), u.sync.content)
	u.multisite = newMultisiteTab(u)
	u.multisiteItem = container.NewTabItem(lang.L("Multisite"), u.multisite.content)
	u.tabs = container.NewAppTabs(u.clientsItem, u.groupsItem, u.importItem, u.multisiteItem, u.syncItem)
	u.tabs.OnSelected = func(t *container.TabItem) {
		u.app.Preferences().SetInt(prefLastTab, u.tabs.SelectedIndex())
		switch t {
		case u.groupsItem:
			u.groups.reload()
		case u.multisiteItem:
			u.multisite.reload() // read when shown: counting each site's customers is not free
		case u.syncItem:
			u.sync.history.reload()
		}
	}
	u.win.SetOnDropped(u.dropped) // files dropped on the Synchronisation tab are its own
	bottom := container.NewBorder(nil, nil, u.siteBar.content, u.operatorBar())
	u.win.SetContent(uikit.WithHoverLayer(u.win, container.NewBorder(nil, bottom, nil, nil, u.tabs)))
	u.clients.reload()
	u.groups.reload()
	u.sync.start()
	u.siteBar.load()
}

// restoreWindow applies the remembered size and tab, and remembers them
// again when the window closes.
func (u *ui) restoreWindow() {
	p := u.app.Preferences()
	u.win.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1180)), float32(p.FloatWithFallback(prefHeight, 720))))
	if i := p.Int(prefLastTab); i > 0 && i < len(u.tabs.Items) {
		u.tabs.SelectIndex(i)
	}
	u.win.SetCloseIntercept(func() {
		s := u.win.Canvas().Size()
		p.SetFloat(prefWidth, float64(s.Width))
		p.SetFloat(prefHeight, float64(s.Height))
		u.win.Close()
	})
}

// ShowClients switches to the Clients tab showing the customers q matches;
// the import wizard calls it to show what it created.
func (u *ui) ShowClients(q store.Query) {
	u.clients.setQuery(q)
	u.tabs.Select(u.clientsItem)
}

// Refresh reloads the customer list and the groups after data changed
// elsewhere (an import, a sync).
func (u *ui) Refresh() {
	u.clients.reload()
	u.groups.reload()
	if u.tabs.Selected() == u.multisiteItem {
		u.multisite.reload() // otherwise it reads again when shown
	}
}

// switchDatabase closes the open file and shows the one at path.
func (u *ui) switchDatabase(path string) {
	if u.wizard.Busy() {
		u.showError(errImportRunning)
		return
	}
	if u.sync.busy() {
		u.showError(errSyncRunning)
		return
	}
	u.work.Go(func() {
		svc, err := service.Open(path)
		u.work.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			old := u.svc
			u.svc = svc
			u.build()
			u.operatorsChanged()
			u.win.SetTitle("Carnet — " + path)
			u.work.Go(func() { _ = old.Close() })
		})
	})
}

// quitOnSignal closes the window on Ctrl-C in the terminal or a TERM (a
// logout, a shutdown), so that the customer file is closed and temporary
// files are removed rather than the process being cut short; an import
// being written is rolled back.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		signal.Stop(ch) // a second signal ends the process at once
		fyne.Do(a.Quit)
		// Fyne's Quit was once seen not to end the event loop (the smoke
		// test waited on a TERM for minutes): a logout must not hang on
		// us. SQLite's journal keeps the file whole without the close.
		time.Sleep(quitGrace)
		fmt.Fprintln(os.Stderr, "carnet: the window did not close after the signal; exiting")
		os.Exit(1)
	}()
}

// quitGrace is how long a signalled quit may take before the process ends
// anyway.
const quitGrace = 10 * time.Second
