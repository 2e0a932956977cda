package gui

import (
	"carnet/gui/settingsui"
)

// showSettings opens Fichier › Paramètres. A saved change can add list
// columns (custom fields, which the list's reload fetches) or change what
// the form offers (a form opened afterwards reads the new settings).
func (u *ui) showSettings() {
	settingsui.Show(u.win, u.svc, u.work, uiLang, func() {
		u.Refresh()
		u.operatorsChanged() // operators turned on or off: the badge and the menu follow
	})
}
