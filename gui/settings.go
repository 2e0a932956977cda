package gui

import (
	"carnet/gui/settingsui"
)

// showSettings opens Fichier › Paramètres. A saved change can add list
// columns (custom fields) or change what the form offers: the list is
// reloaded, and a form opened afterwards reads the new settings.
func (u *ui) showSettings() {
	settingsui.Show(u.win, u.svc, u.work, uiLang, func() {
		u.clients.settingsChanged()
		u.groups.reload()
		u.operatorsChanged() // operators turned on or off: the badge and the menu follow
	})
}

// settingsChanged shows what Settings changed: the custom fields' columns
// and the values in the list.
func (t *clientsTab) settingsChanged() {
	t.loadCustomFields()
	t.reload()
}
