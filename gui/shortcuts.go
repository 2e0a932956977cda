package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcutActions maps the key pressed with Ctrl (Cmd on macOS) to what it
// does: N new customer, F search, I Import tab, E export the Clients tab's
// list, comma the settings (the platforms' usual key for them).
func (u *ui) shortcutActions() map[fyne.KeyName]func() {
	actions := map[fyne.KeyName]func(){
		fyne.KeyN: func() {
			u.tabs.Select(u.clientsItem)
			u.openNewCustomer()
		},
		fyne.KeyF: func() {
			u.tabs.Select(u.clientsItem)
			u.win.Canvas().Focus(u.clients.search)
		},
		fyne.KeyI: func() { u.tabs.Select(u.importItem) },
		fyne.KeyE: func() {
			u.tabs.Select(u.clientsItem)
			u.showExport()
		},
		fyne.KeyComma: u.showSettings,
	}
	for key, fn := range actions {
		actions[key] = u.unlessDialog(fn)
	}
	return actions
}

// unlessDialog runs fn only when no dialog is open: a shortcut must not
// open a customer form over "Qui travaille ?" or under a confirmation.
func (u *ui) unlessDialog(fn func()) func() {
	return func() {
		if u.win.Canvas().Overlays().Top() != nil {
			return
		}
		fn()
	}
}

func (u *ui) addShortcuts() {
	for key, fn := range u.shortcutActions() {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
}
