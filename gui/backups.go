package gui

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
)

// Fichier › Sauvegarder maintenant and Fichier › Sauvegardes…: the backups
// Carnet keeps beside the customer file (before every import and undo, and
// on demand), and putting one back.

// backupNow writes a backup off the UI goroutine and says where.
func (u *ui) backupNow(done func()) {
	svc := u.svc
	u.work.Go(func() {
		b, err := svc.Backup(context.Background())
		u.work.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(lang.L("Backup written"), fmt.Sprintf(lang.L("The customer file was backed up to:\n%s"), b.Path), u.win)
			if done != nil {
				done()
			}
		})
	})
}

// showBackups lists the backups, newest first, each with Restore.
func (u *ui) showBackups() {
	path := u.svc.Path()
	rows := container.NewVBox()
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Carnet backs up the customer file before each import and each undo, and keeps the most recent ones in %s."), service.BackupFolder(path)))
	intro.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	var load func()
	load = func() {
		u.work.Go(func() {
			list, err := service.Backups(path)
			u.work.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				rows.Objects = nil
				for _, b := range list {
					rows.Add(u.backupRow(b, func() { d.Hide() }))
				}
				if len(list) == 0 {
					rows.Add(widget.NewLabel(lang.L("No backup yet.")))
				}
				rows.Refresh()
			})
		})
	}
	now := widget.NewButtonWithIcon(lang.L("Back up now"), theme.DocumentSaveIcon(), func() { u.backupNow(load) })
	actions := container.NewBorder(nil, nil, now, u.backupKeepChoice())
	d = dialog.NewCustom(lang.L("Backups"), lang.L("Close"),
		container.NewBorder(container.NewVBox(intro, actions, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(rows)), u.win)
	d.Resize(fyne.NewSize(720, 460))
	d.Show()
	load()
}

// backupKeepChoices are the numbers of backups offered to keep.
var backupKeepChoices = []int{3, 5, 10, 20, 50, 100}

// backupKeepChoice sets how many backups are kept; older ones go at the
// next backup.
func (u *ui) backupKeepChoice() fyne.CanvasObject {
	ctx := context.Background()
	keep, err := u.svc.BackupKeep(ctx)
	if err != nil {
		keep = backupKeepChoices[2]
	}
	options := make([]string, len(backupKeepChoices))
	for i, n := range backupKeepChoices {
		options[i] = strconv.Itoa(n)
	}
	if !slices.Contains(backupKeepChoices, keep) {
		options = append(options, strconv.Itoa(keep)) // set from the command line
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelected(strconv.Itoa(keep))
	sel.OnChanged = func(v string) {
		n, _ := strconv.Atoi(v)
		if err := u.svc.SetBackupKeep(ctx, n); err != nil {
			u.showError(err)
		}
	}
	return container.NewHBox(widget.NewLabel(lang.L("Backups kept:")), sel)
}

// backupRow is one backup: when, why, how big, and Restore.
func (u *ui) backupRow(b domain.Backup, closeList func()) fyne.CanvasObject {
	when := widget.NewLabelWithStyle(format.DateTime(b.Time, uiLang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := widget.NewLabel(domain.BackupReason(b.Reason, uiLang) + " · " + format.FileSize(b.Size, uiLang))
	why.Importance = widget.LowImportance
	restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() { u.confirmRestore(b, closeList) })
	return container.NewBorder(nil, nil, nil, restore, container.NewHBox(when, why))
}

// confirmRestore asks, then puts b in place of the customer file: the file
// is closed, backed up, replaced and opened again.
func (u *ui) confirmRestore(b domain.Backup, closeList func()) {
	if u.wizard.Busy() || u.sync.busy() {
		u.showError(errImportRunning)
		return
	}
	msg := fmt.Sprintf(lang.L("Put the backup of %s (%s) in place of the customer file?\n\nThe file as it is now is backed up first. Changes made since that backup leave the customer file."),
		format.DateTime(b.Time, uiLang), domain.BackupReason(b.Reason, uiLang))
	d := dialog.NewConfirm(lang.L("Restore a backup"), msg, func(ok bool) {
		if ok {
			closeList()
			u.restore(b)
		}
	}, u.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetDismissText(lang.L("Cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// restore closes the customer file, swaps the backup in and opens it
// again, with a dialog in front meanwhile.
func (u *ui) restore(b domain.Backup) {
	wait := dialog.NewCustomWithoutButtons(lang.L("Restoring the backup…"), widget.NewProgressBarInfinite(), u.win)
	wait.Show()
	old, path := u.svc, u.svc.Path()
	u.work.Go(func() {
		_ = old.Close() // waits for the queries already started on it

		saved, err := service.Restore(context.Background(), path, b.Path)
		svc, openErr := service.Open(path)
		u.work.Do(func() {
			wait.Hide()
			if openErr != nil {
				u.showError(openErr)
				return
			}
			u.svc = svc
			u.build()
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(lang.L("Backup restored"), fmt.Sprintf(lang.L("The customer file is back as it was on %s. The file as it was before is kept in:\n%s"),
				format.DateTime(b.Time, uiLang), saved.Path), u.win)
		})
	})
}

// errImportRunning refuses what cannot be done while an import is written.
var errImportRunning = &domain.Error{Code: "import_running", Message: domain.Message{
	FR: "Une importation, une synchronisation ou leur annulation est en cours : attendez qu’elle se termine (ou arrêtez-la) avant de changer de base de clients.",
	EN: "An import, a sync or their undo is under way: wait for it to end (or stop it) before changing the customer file."}}
