package importwizard

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"carnet/gui/uikit"
)

// saveTemplateDialog asks where to save the import template (header row,
// an example row and a "Lisez-moi" sheet), then writes it.
func saveTemplateDialog(w *Wizard) {
	if w.d.Window == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		saveTemplate(w, wc, wc.URI().Path())
	}, w.d.Window)
	d.SetFileName(tr("customer-import-template") + ".xlsx")
	uikit.ShowFileDialog(d, w.d.Window, tr("Save the import template"))
}

// saveTemplate writes the template to out (closed when done) off the UI
// goroutine and says where it went on step 1.
func saveTemplate(w *Wizard, out io.WriteCloser, name string) {
	lang := w.d.Lang
	w.work.Go(func() {
		err := w.d.Importer.WriteTemplateFor(context.Background(), out, lang)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		w.work.Do(func() { w.file.templateSaved(name, err) })
	})
}
