package operatorsui

import (
	"fyne.io/fyne/v2"

	"carnet/gui/uiwork"
	"carnet/internal/service"
)

// JournalView is the journal's table and paging as a piece of another
// screen (the Settings window's Journal section), its first page loading.
func JournalView(svc *service.Service, work *uiwork.Runner, lang string) fyne.CanvasObject {
	j := newJournalView(svc, work, lang)
	j.load(0)
	return j.content
}
