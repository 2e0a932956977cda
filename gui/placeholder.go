package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// comingSoon is the one-line content of a tab a later version delivers.
func comingSoon(what string) fyne.CanvasObject {
	l := widget.NewLabel(what)
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(l))
}
