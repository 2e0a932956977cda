package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/version"
	"carnet/resources"
)

// Aide › À propos de Carnet, and the application's icon.

// appIcon is Carnet's icon, embedded so that a plain `go build` shows it in
// the title bar and the task bar (the `fyne` packaging tool also builds it
// in, from FyneApp.toml).
var appIcon = fyne.NewStaticResource("icon.png", resources.Icon)

// brandApp gives a the icon: before its first window is made, since a
// window takes the app's icon when it is created.
func brandApp(a fyne.App) {
	a.SetIcon(appIcon)
}

// showAbout shows the name, the version, the open customer file, the
// licence (its full text one press away) and the libraries Carnet is
// built on.
func (u *ui) showAbout() {
	icon := canvas.NewImageFromResource(appIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	name := widget.NewLabelWithStyle("Carnet", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	ver := widget.NewLabel(fmt.Sprintf(lang.L("Version %s"), version.String()))
	header := container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, ver))

	what := wrapped(lang.L("Carnet keeps your customer file on this computer, offline."))
	fileTitle := widget.NewLabelWithStyle(lang.L("Open customer database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	path := widget.NewLabel(u.svc.Path())
	path.Wrapping = fyne.TextWrapWord // at spaces, else anywhere in a long folder name
	path.Selectable = true            // to copy it into a message to whoever helps

	licence := widget.NewLabel(fmt.Sprintf(lang.L("Licence: %s"), resources.LicenseName))
	read := widget.NewButtonWithIcon(lang.L("Read the licence…"), theme.DocumentIcon(), u.showLicence)
	libraries := wrapped(lang.L("Carnet is built with Fyne, SQLite (public domain) through modernc.org/sqlite, excelize, golang.org/x/text, golang.org/x/term and golang.org/x/crypto (BSD licences), phonenumbers and fpdf (MIT licence)."))
	libraries.Importance = widget.LowImportance

	content := container.NewVBox(header, what, widget.NewSeparator(),
		fileTitle, path, widget.NewSeparator(),
		container.NewHBox(licence, read), libraries)
	d := dialog.NewCustom(lang.L("About Carnet"), lang.L("Close"), content, u.win)
	d.Resize(fyne.NewSize(560, content.MinSize().Height))
	d.Show()
}

// showLicence shows the licence's whole text, scrollable, in the
// typewriter font it was written for.
func (u *ui) showLicence() {
	text := widget.NewLabel(resources.License)
	text.TextStyle = fyne.TextStyle{Monospace: true}
	d := dialog.NewCustom(fmt.Sprintf(lang.L("Licence (%s)"), resources.LicenseName), lang.L("Close"),
		container.NewScroll(text), u.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}
