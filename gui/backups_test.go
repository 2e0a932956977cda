package gui

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// TestBackupAndRestoreFromTheWindow: Fichier › Sauvegarder maintenant
// writes a backup; Fichier › Sauvegardes lists it and Restaurer, after
// asking, puts it back and shows the customers it holds.
func TestBackupAndRestoreFromTheWindow(t *testing.T) {
	u := newTestUI(t)
	addCustomers(t, u, "Avant")
	u.act(func() { u.backupNow(nil) })
	u.settle(t)
	if !strings.Contains(u.windowTexts(), "sauvegardes") {
		t.Fatalf("no word of the backup:\n%s", u.windowTexts())
	}
	u.tapIn(u.win.Canvas().Overlays().Top(), "OK")
	addCustomers(t, u, "Après")
	u.act(func() { u.showBackups() })
	u.settle(t)
	restore := findButton(u.win.Canvas().Overlays().Top(), "Restaurer")
	if restore == nil {
		t.Fatalf("no backup listed:\n%s", u.windowTexts())
	}
	u.act(func() { test.Tap(restore) })
	if !strings.Contains(u.windowTexts(), "Remettre la sauvegarde du") {
		t.Fatalf("Restore did not ask first:\n%s", u.windowTexts())
	}
	u.tapIn(u.win.Canvas().Overlays().Top(), "Restaurer")
	u.settle(t)
	u.settle(t)
	if got := u.clients.count.Text; got != "1 client" {
		t.Errorf("after the restore the list says %q, want the one customer of the backup", got)
	}
	if !strings.Contains(u.windowTexts(), "revenue à son état du") {
		t.Errorf("the restore is not said:\n%s", u.windowTexts())
	}
	list, _ := service.Backups(u.svc.Path())
	if len(list) < 2 || list[0].Reason != domain.BackupRestore {
		t.Errorf("the file as it was is not kept: %+v", list)
	}
}

// TestOpenErrorScreenSaysWhyAndOffersWaysOut: a customer file from a newer
// Carnet gets a screen saying so, with another file and its latest backup
// to open instead.
func TestOpenErrorScreenSaysWhyAndOffersWaysOut(t *testing.T) {
	test.NewTempApp(t)
	frenchOnce.Do(func() { setupLanguage("fr") })
	path := filepath.Join(t.TempDir(), "carnet.db")
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	svc.CreateCustomer(context.Background(), &domain.Customer{LastName: "Gardé"})
	if _, err := svc.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	raw, _ := sql.Open("sqlite", path)
	raw.Exec("PRAGMA user_version = 99")
	raw.Close()
	_, openErr := service.Open(path)
	var de *domain.Error
	if !errors.As(openErr, &de) {
		t.Fatalf("opening a newer file: %v", openErr)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	opened := make(chan string, 1)
	w.SetContent(openErrorScreen(w, path, openErr, func(p string) error {
		s, err := service.Open(p)
		if err != nil {
			return err
		}
		s.Close()
		opened <- p
		return nil
	}))
	texts := strings.Join(visibleTexts(w.Content()), "\n")
	for _, want := range []string{"La base de clients ne peut pas être ouverte", "mettez Carnet à jour", "Ouvrir une autre base…", "Restaurer la sauvegarde du"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the screen should say %q:\n%s", want, texts)
		}
	}
	var restore string
	for _, s := range visibleTexts(w.Content()) {
		if strings.HasPrefix(s, "Restaurer la sauvegarde du") {
			restore = s
		}
	}
	test.Tap(findButton(w.Content(), restore))
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Oui"))
	select {
	case <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the restored file was not opened")
	}
	r, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if v, _ := r.SchemaVersion(context.Background()); v == 99 {
		t.Error("the backup was not put back")
	}
}

// TestBackupsKeptIsChosenInTheList: the number of backups kept, a setting,
// is shown and changed in the Sauvegardes dialog, and sizes read "ko"/"Mo".
func TestBackupsKeptIsChosenInTheList(t *testing.T) {
	u := newTestUI(t)
	u.act(func() { u.backupNow(nil) })
	u.settle(t)
	u.tapIn(u.win.Canvas().Overlays().Top(), "OK")
	u.act(func() { u.showBackups() })
	u.settle(t)
	top := u.win.Canvas().Overlays().Top()
	keep := uitest.Find(top, func(s *widget.Select) bool { return true })
	if keep == nil || keep.Selected != "10" {
		t.Fatalf("the dialog does not show the 10 backups kept by default:\n%s", u.windowTexts())
	}
	if !strings.Contains(u.windowTexts(), " ko") {
		t.Errorf("the backup's size is not in ko:\n%s", u.windowTexts())
	}
	u.act(func() { keep.SetSelected("3") })
	if n, _ := u.svc.BackupKeep(context.Background()); n != 3 {
		t.Errorf("choosing 3 kept %d", n)
	}
}
