package operatorsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uiwork"
	"carnet/internal/domain"
	"carnet/internal/service"
)

// OperatorBadge is the window bar's "Opérateur : Marie (employé)" with a
// "Changer" button that runs switchOperator, aligned to the trailing edge
// of the width it is given. It stays hidden while operators are off, so
// that a single user sees nothing of them (as the bottom of a Border it
// then takes no room at all). The
// returned func refreshes it (after a sign-in, or operators turned on or
// off in the settings); it reads the setting off the UI goroutine.
func OperatorBadge(svc *service.Service, work *uiwork.Runner, lang string, switchOperator func()) (fyne.CanvasObject, func()) {
	icon := widget.NewIcon(theme.AccountIcon())
	who := widget.NewLabel("")
	change := widget.NewButton(tr("Change"), switchOperator)
	change.Importance = widget.LowImportance
	badge := container.NewHBox(layout.NewSpacer(), icon, who, change)
	badge.Hide()
	refresh := func() {
		work.Go(func() {
			on, err := svc.OperatorsOn(context.Background())
			op := svc.CurrentOperator()
			work.Do(func() {
				if err != nil || !on {
					badge.Hide()
					return
				}
				who.SetText(operatorText(op, lang))
				badge.Show()
			})
		})
	}
	refresh()
	return badge, refresh
}

// operatorText is who is working as the badge says it.
func operatorText(op *domain.Operator, lang string) string {
	if op == nil {
		return tr("Operator: nobody chosen")
	}
	return tr("Operator: %s (%s)", op.Name, roleText(op, lang))
}
