package importwizard

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
)

// The check step's export of the rows in error, as a workbook with an
// extra "Erreur" column to fix and import again.

// exportDialog asks where to write the rows in error (XLSX with an extra
// "Erreur" column), then writes them.
func (s *checkStep) exportDialog() {
	if s.w.d.Window == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		if sameFile(wc.URI().Path(), s.w.path) {
			// Written, it would replace the file being imported.
			uikit.Discard(wc)
			say(s.status, widget.DangerImportance, tr("That is the file being imported: writing it would destroy it. Choose another name."))
			return
		}
		s.exportErrors(wc, wc.URI().Path())
	}, s.w.d.Window)
	base := strings.TrimSuffix(filepath.Base(s.w.path), filepath.Ext(s.w.path))
	d.SetFileName(base + tr("-errors") + ".xlsx")
	uikit.ShowFileDialog(d, s.w.d.Window, tr("Save the rows in error"))
}

// sameFile reports whether a and b name one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// exportErrors writes the rows in error to out (closed when done) off the
// UI goroutine and says how many.
func (s *checkStep) exportErrors(out io.WriteCloser, name string) {
	req := s.w.request()
	imp, lang := s.w.d.Importer, s.w.d.Lang
	s.export.Disable()
	s.w.holding++
	s.w.work.Go(func() {
		n, err := imp.ExportErrors(context.Background(), req, out)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		s.w.work.Do(func() {
			s.w.holding--
			s.export.Enable()
			if err != nil {
				say(s.status, widget.DangerImportance, userMessage(err, lang))
				return
			}
			say(s.status, widget.SuccessImportance, trn(lang, n, "%s row in error written to %s, with an “Erreur” column: fix it there and import that file.",
				"%s rows in error written to %s, with an “Erreur” column: fix them there and import that file.", count(n, lang), filepath.Base(name)))
		})
	})
}
