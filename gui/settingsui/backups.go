package settingsui

import (
	"context"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/service"
)

// backupKeepChoices are the numbers of backups offered to keep, as in
// Fichier › Sauvegardes… (gui/backups.go).
var backupKeepChoices = []int{3, 5, 10, 20, 50, 100}

// backups is the section of how many backups are kept, saved as soon as
// it is chosen; the list of backups and Restore stay in Fichier ›
// Sauvegardes….
func (w *window) backups() fyne.CanvasObject {
	keep := widget.NewSelect(nil, nil)
	note := newNote()
	var saved string
	var choose func(string)
	choose = func(v string) {
		n, _ := strconv.Atoi(v)
		w.save(note, tr("Saved: the %d most recent backups are kept.", n),
			func(ctx context.Context) error { return w.svc.SetBackupKeep(ctx, n) },
			func(err error) {
				if err == nil {
					saved = v
					return
				}
				keep.OnChanged = nil
				keep.SetSelected(saved)
				keep.OnChanged = choose
			})
	}
	load(w, note, w.svc.BackupKeep, func(n int) {
		options := make([]string, 0, len(backupKeepChoices)+1)
		for _, c := range backupKeepChoices {
			options = append(options, strconv.Itoa(c))
		}
		if !slices.Contains(backupKeepChoices, n) {
			options = append(options, strconv.Itoa(n)) // set from the command line
		}
		keep.SetOptions(options)
		saved = strconv.Itoa(n)
		keep.SetSelected(saved)
		keep.OnChanged = choose
	})
	return scrolled(
		hint(tr("Carnet backs up the customer file before each import, each sync and each undo, in a folder beside it, and keeps the most recent backups; older ones are removed at the next backup.")),
		field(tr("Backups kept"), container.NewHBox(keep), ""),
		note,
		widget.NewSeparator(),
		dim(hint(tr("Folder: %s", service.BackupFolder(w.svc.Path())))),
		dim(hint(tr("File › Backups… lists them and puts one back; File › Back up now writes one at once."))),
	)
}
