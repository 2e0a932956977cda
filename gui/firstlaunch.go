package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/demo"
)

// demoCustomers is how many sample customers "Charger des exemples" adds:
// enough to try search and scrolling, quick to write.
var demoCustomers = 2000

// firstLaunch is shown instead of an empty table: import a file or try the
// app on sample customers.
func (u *ui) firstLaunch() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Your customer file is empty."), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	imp := widget.NewButtonWithIcon(lang.L("Import a file"), theme.UploadIcon(), func() { u.tabs.Select(u.importItem) })
	imp.Importance = widget.HighImportance
	sample := widget.NewButtonWithIcon(lang.L("Load sample customers"), theme.DocumentIcon(), u.loadSamples)
	newOne := widget.NewButtonWithIcon(lang.L("New customer"), theme.ContentAddIcon(), u.openNewCustomer)
	return container.NewCenter(container.NewVBox(title, container.NewHBox(imp, sample, newOne)))
}

// loadSamples writes demoCustomers sample customers off the UI goroutine,
// with a progress bar and Cancel.
func (u *ui) loadSamples() {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(lang.L("Loading sample customers"), container.NewVBox(bar), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), cancel)})
	d.Resize(fyne.NewSize(420, 140))
	d.Show()
	svc := u.svc
	u.work.Go(func() {
		err := demo.Generate(ctx, svc.Store, demoCustomers, uint64(time.Now().UnixNano()), func(done, total int) {
			u.work.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		})
		u.work.Do(func() {
			d.Hide()
			if err != nil && ctx.Err() == nil {
				u.showError(err)
			}
			u.Refresh()
		})
	})
}
