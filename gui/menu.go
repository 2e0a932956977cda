package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"carnet/gui/uikit"
	"carnet/internal/domain"
)

// mainMenu is Fichier, Affichage and Aide.
func (u *ui) mainMenu() *fyne.MainMenu {
	keys := u.shortcutActions()
	// Menu items carrying the shortcuts: the driver runs a menu's shortcut
	// even while the search box has the focus, which canvas shortcuts are
	// not given.
	withKey := func(label string, key fyne.KeyName) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, keys[key])
		it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		return it
	}
	file := fyne.NewMenu(lang.L("File"),
		withKey(lang.L("New customer"), fyne.KeyN),
		withKey(lang.L("Import a file"), fyne.KeyI),
		withKey(lang.L("Export…"), fyne.KeyE),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Open another database…"), u.openDatabase),
		fyne.NewMenuItem(lang.L("New database…"), u.newDatabase),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Back up now"), func() { u.backupNow(nil) }),
		fyne.NewMenuItem(lang.L("Backups…"), u.showBackups),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Deleted customer’s history…"), u.askDeletedHistory),
		fyne.NewMenuItemSeparator(),
		withKey(lang.L("Settings…"), fyne.KeyComma),
		fyne.NewMenuItem(lang.L("Journal…"), u.showJournal),
	)
	if u.operatorsOn {
		file.Items = append(file.Items, fyne.NewMenuItem(lang.L("Change operator…"), u.switchOperator))
	}
	// Fyne adds Quit to the first menu on every platform.
	language := fyne.NewMenuItem(lang.L("Language"), nil)
	language.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("System language"), func() { u.chooseLanguage("") }),
		fyne.NewMenuItem("Français", func() { u.chooseLanguage("fr") }),
		fyne.NewMenuItem("English", func() { u.chooseLanguage("en") }),
	)
	view := fyne.NewMenu(lang.L("View"), withKey(lang.L("Search"), fyne.KeyF), language)
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About Carnet"), u.showAbout))
	return fyne.NewMainMenu(file, view, help)
}

// chooseLanguage remembers the choice; Fyne reads the language once, so it
// applies at the next launch, which the dialog says.
func (u *ui) chooseLanguage(choice string) {
	u.app.Preferences().SetString(prefLanguage, choice)
	dialog.ShowInformation(lang.L("Language"), lang.L("The new language applies when you restart Carnet."), u.win)
}

func (u *ui) openDatabase() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		u.switchDatabase(path)
	}, u.win)
	uikit.ShowFileDialog(d, u.win, lang.L("Open a customer database"))
}

func (u *ui) newDatabase() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		u.switchDatabase(path)
	}, u.win)
	d.SetFileName("carnet.db")
	uikit.ShowFileDialog(d, u.win, lang.L("Create a customer database"))
}

// showError shows err as the user should read it, in the UI language.
func (u *ui) showError(err error) {
	dialog.ShowInformation(lang.L("Error"), domain.UserMessage(err, uiLang), u.win)
}
