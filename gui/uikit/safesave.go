package uikit

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file for writing — emptying it —
// before the caller sees its name, and writes in place. Carnet's files are
// written whole or not at all (DESIGN §2), and a file chosen by mistake
// (the very spreadsheet being imported) must survive: so the window's file
// repository hands out writers that write a temporary file beside the
// target and put it in place only on Close; Discard drops it, leaving the
// target as it was.

// fileRepository is what Fyne's own file repository offers.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// safeRepository is Fyne's file repository with whole-file writers.
type safeRepository struct{ fileRepository }

// InstallSafeSaves makes every file written through Fyne's storage (the
// save dialogs) whole-or-nothing. It is called once the app exists (the
// driver registers its file repository when it starts).
func InstallSafeSaves() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := repo.(safeRepository); done {
		return
	}
	if fr, ok := repo.(fileRepository); ok {
		repository.Register("file", safeRepository{fr})
	}
}

// Writer writes to a temporary file beside u, renamed over u on Close.
func (r safeRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	dir, base := filepath.Split(u.Path())
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &safeWriter{File: tmp, uri: u}, nil
}

type safeWriter struct {
	*os.File
	uri       fyne.URI
	discarded bool
}

func (w *safeWriter) URI() fyne.URI { return w.uri }

// Close puts the written file in place of the target.
func (w *safeWriter) Close() error {
	if w.discarded {
		return nil
	}
	if err := w.File.Sync(); err != nil {
		w.discard()
		return err
	}
	if err := w.File.Close(); err != nil {
		os.Remove(w.File.Name())
		return err
	}
	if err := os.Chmod(w.File.Name(), 0o644); err != nil {
		os.Remove(w.File.Name())
		return err
	}
	if err := os.Rename(w.File.Name(), w.uri.Path()); err != nil {
		os.Remove(w.File.Name())
		return err
	}
	return nil
}

func (w *safeWriter) discard() {
	w.discarded = true
	w.File.Close()
	os.Remove(w.File.Name())
}

// Discard drops what a save dialog's writer wrote: the target stays as it
// was (with a writer that is not whole-file, it is only closed).
func Discard(w fyne.URIWriteCloser) {
	if sw, ok := w.(*safeWriter); ok {
		sw.discard()
		return
	}
	_ = w.Close()
}
