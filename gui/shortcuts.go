package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcutActions maps the key pressed with Ctrl (Cmd on macOS) to what it
// does: N new customer, F search, I Import tab.
func (u *ui) shortcutActions() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyN: func() {
			u.tabs.Select(u.clientsItem)
			u.openNewCustomer()
		},
		fyne.KeyF: func() {
			u.tabs.Select(u.clientsItem)
			u.win.Canvas().Focus(u.clients.search)
		},
		fyne.KeyI: func() { u.tabs.Select(u.importItem) },
	}
}

func (u *ui) addShortcuts() {
	for key, fn := range u.shortcutActions() {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
}
