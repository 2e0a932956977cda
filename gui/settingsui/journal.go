package settingsui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"carnet/gui/operatorsui"
)

// journal is the section of the activity journal: the same table and
// paging as Fichier › Journal (gui/operatorsui), 200 lines a page.
func (w *window) journal() fyne.CanvasObject {
	return container.NewBorder(
		hint(tr("Who did what and when, newest first. While operators are off, the operator column stays empty.")),
		nil, nil, nil, operatorsui.JournalView(w.svc, w.work, w.lang))
}
