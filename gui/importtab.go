package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// importTab builds the Import tab. The import wizard (gui/importwizard)
// replaces this function's body; it can show its result with u.ShowClients
// and reload the lists with u.Refresh.
func (u *ui) importTab() fyne.CanvasObject {
	return comingSoon(lang.L("Import customers from a CSV, TXT or XLSX file with a column-mapping wizard: coming in a later version."))
}
