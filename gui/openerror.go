package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
)

// openErrorScreen is the window's content when the customer file at path
// cannot be opened: what is wrong, and ways out (another file, one of its
// backups). open tries a file and, when it opens, replaces this screen.
func openErrorScreen(w fyne.Window, path string, err error, open func(string) error) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("The customer file cannot be opened"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	where := widget.NewLabel(path)
	where.Truncation = fyne.TextTruncateEllipsis
	why := widget.NewLabel(domain.UserMessage(err, uiLang))
	why.Wrapping = fyne.TextWrapWord
	why.Importance = widget.DangerImportance
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	try := func(p string) {
		if err := open(p); err != nil {
			status.Importance = widget.DangerImportance
			status.SetText(domain.UserMessage(err, uiLang))
		}
	}
	other := widget.NewButtonWithIcon(lang.L("Open another database…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			p := r.URI().Path()
			_ = r.Close()
			try(p)
		}, w)
		uikit.ShowFileDialog(d, w, lang.L("Open a customer database"))
	})
	other.Importance = widget.HighImportance
	buttons := container.NewHBox(other)
	if backups, _ := service.Backups(path); len(backups) > 0 {
		latest := backups[0]
		restore := widget.NewButtonWithIcon(fmt.Sprintf(lang.L("Restore the backup of %s"), format.DateTime(latest.Time, uiLang)), theme.HistoryIcon(), func() {
			msg := fmt.Sprintf(lang.L("Put the backup of %s (%s) in place of this file? The file as it is now is kept in the backups folder."),
				format.DateTime(latest.Time, uiLang), domain.BackupReason(latest.Reason, uiLang))
			dialog.ShowConfirm(lang.L("Restore a backup"), msg, func(ok bool) {
				if !ok {
					return
				}
				status.Importance = widget.MediumImportance
				status.SetText(lang.L("Restoring the backup…"))
				go func() {
					_, err := service.Restore(context.Background(), path, latest.Path)
					fyne.Do(func() {
						if err != nil {
							status.Importance = widget.DangerImportance
							status.SetText(domain.UserMessage(err, uiLang))
							return
						}
						try(path)
					})
				}()
			}, w)
		})
		buttons.Add(restore)
	}
	quit := widget.NewButton(lang.L("Quit"), func() { fyne.CurrentApp().Quit() })
	buttons.Add(quit)
	return container.NewPadded(container.NewVBox(title, where, why, buttons, status))
}
