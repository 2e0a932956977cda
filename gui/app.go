// Package gui is Carnet's window (Fyne). It calls the services only: no SQL
// and no file parsing here.
package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/service"
)

// Run opens the window on the database at dbPath and returns when it closes.
func Run(dbPath string) error {
	svc, err := service.Open(dbPath)
	if err != nil {
		return err
	}
	defer svc.Close()
	a := app.NewWithID("fr.carnet.app")
	w := a.NewWindow("Carnet")
	w.SetContent(widget.NewLabel(dbPath))
	w.Resize(fyne.NewSize(1100, 700))
	w.ShowAndRun()
	return nil
}
