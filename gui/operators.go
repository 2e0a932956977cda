package gui

import (
	"context"

	"fyne.io/fyne/v2"

	"carnet/gui/operatorsui"
	"carnet/internal/domain"
)

// operatorBar is the bar under the tabs with the operator's badge; hidden
// while operators are off, it takes no room.
func (u *ui) operatorBar() fyne.CanvasObject {
	badge, refresh := operatorsui.OperatorBadge(u.svc, u.work, uiLang, u.switchOperator)
	u.refreshOperator = refresh
	return badge
}

// operatorsChanged reads whether operators are on: the File menu offers
// "Changer d’opérateur…" and the badge shows only then, and the window
// asks who is working while nobody is. It runs at start, after switching
// database, and after Settings turns operators on or off.
func (u *ui) operatorsChanged() {
	svc := u.svc
	u.work.Go(func() {
		on, err := svc.OperatorsOn(context.Background())
		u.work.Do(func() {
			if err != nil || svc != u.svc {
				return
			}
			if on != u.operatorsOn {
				u.operatorsOn = on
				u.win.SetMainMenu(u.mainMenu())
			}
			u.refreshOperator()
			if on && svc.CurrentOperator() == nil {
				u.askOperator()
			}
		})
	})
}

// switchOperator (Fichier › Changer d’opérateur…, the badge's Changer)
// signs out whoever was working and asks who is now.
func (u *ui) switchOperator() {
	u.svc.SignOut()
	u.refreshOperator()
	u.askOperator()
}

func (u *ui) askOperator() {
	operatorsui.AskOperator(u.win, u.svc, u.work, uiLang, func(*domain.Operator) { u.refreshOperator() })
}

// showJournal is Fichier › Journal….
func (u *ui) showJournal() {
	operatorsui.ShowJournal(u.win, u.svc, u.work, uiLang)
}
