package gui

import (
	"fyne.io/fyne/v2"

	"carnet/gui/importwizard"
	"carnet/internal/importer"
	"carnet/internal/store"
)

// importTab builds the Import tab: the import wizard, which shows what it
// wrote in the Clients tab and reloads the lists after an import or undo.
// A file dropped anywhere on the window opens in the wizard.
func (u *ui) importTab() fyne.CanvasObject {
	u.wizard = importwizard.New(importwizard.Deps{
		Window:      u.win,
		Importer:    importer.New(u.svc),
		Lang:        uiLang,
		Preferences: u.app.Preferences(),
		ShowClients: func(batch int64, _ []int64) {
			u.ShowClients(store.Query{ImportBatch: batch, Archived: store.FilterAny})
		},
		Refresh: u.Refresh,
		Work:    u.work,
		Sites: func() ([]string, string) {
			codes := make([]string, len(u.siteBar.sites))
			for i, s := range u.siteBar.sites {
				codes[i] = s.Code
			}
			return codes, u.siteBar.current.Code
		},
	})
	return u.wizard.Content() // files dropped on the window: ui.dropped
}
