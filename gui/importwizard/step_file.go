package importwizard

import (
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
)

// fileStep is step 1: a big drop zone, Browse, the template, recent files
// and past imports.
type fileStep struct {
	w       *Wizard
	status  *widget.Label // "Reading …" or the engine's message
	spinner *widget.ProgressBarInfinite
	recent  *fyne.Container
	browse  *widget.Button
	root    fyne.CanvasObject
}

func newFileStep(w *Wizard) *fileStep {
	s := &fileStep{w: w}
	zone := canvas.NewRectangle(color.Transparent)
	zone.StrokeColor = theme.Color(theme.ColorNamePrimary)
	zone.StrokeWidth = 2
	zone.CornerRadius = 12
	drop := canvas.NewText(tr("Drop a file here"), theme.Color(theme.ColorNameForeground))
	drop.TextSize = 26
	drop.TextStyle = fyne.TextStyle{Bold: true}
	drop.Alignment = fyne.TextAlignCenter
	kinds := widget.NewLabelWithStyle(tr("CSV, TXT or Excel (.xlsx) — anywhere on the window"), fyne.TextAlignCenter, fyne.TextStyle{})
	s.browse = widget.NewButtonWithIcon(tr("Browse…"), theme.FolderOpenIcon(), s.openDialog)
	s.browse.Importance = widget.HighImportance
	template := widget.NewButtonWithIcon(tr("Download the import template"), theme.DownloadIcon(), func() { saveTemplateDialog(w) })
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Alignment = fyne.TextAlignCenter
	s.spinner = widget.NewProgressBarInfinite()
	s.spinner.Hide()
	s.spinner.Stop()
	inside := container.NewVBox(layout.NewSpacer(), drop, kinds,
		container.NewCenter(container.NewHBox(s.browse, widget.NewLabel(tr("or")), template)),
		s.status, s.spinner, layout.NewSpacer())
	dropZone := container.NewStack(zone, container.NewPadded(inside))

	s.recent = container.NewVBox()
	s.refreshRecent()
	recentCard := widget.NewCard(tr("Recent files"), "", container.NewVScroll(s.recent))
	pastCard := widget.NewCard(tr("Past imports"), tr("Undo puts the customer file back as it was before the import."), w.history.content())
	lower := container.NewGridWithColumns(2, recentCard, pastCard)
	s.root = container.NewGridWithRows(2, dropZone, lower)
	return s
}

func (s *fileStep) content() fyne.CanvasObject { return s.root }
func (s *fileStep) enter()                     {}

func (s *fileStep) blocked() string {
	if s.w.preview == nil {
		return tr("Choose a file to import.")
	}
	return ""
}

// openDialog is Browse: Fyne's own file dialog, limited to what Carnet reads.
func (s *fileStep) openDialog() {
	if s.w.d.Window == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		s.w.OpenFile(path)
	}, s.w.d.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".xlsx", ".CSV", ".TXT", ".XLSX"}))
	if recent := recentFiles(s.w.d.Preferences); len(recent) > 0 {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(recent[0]))); err == nil {
			d.SetLocation(dir)
		}
	}
	uikit.ShowFileDialog(d, s.w.d.Window, tr("Open a file"))
}

// reading shows that path is being read.
func (s *fileStep) reading(path string) {
	say(s.status, widget.MediumImportance, tr("Reading %s…", filepath.Base(path)))
	s.spinner.Show()
	s.spinner.Start()
}

// failed shows the engine's message about a file that cannot be read.
func (s *fileStep) failed(path string, err error) {
	s.spinner.Stop()
	s.spinner.Hide()
	s.status.Importance = widget.DangerImportance
	msg := userMessage(err, s.w.d.Lang)
	// The engine names the file already; the prefix keeps it from saying so twice.
	msg = strings.TrimPrefix(msg, filepath.Base(path)+": ")
	s.status.SetText(tr("%s cannot be imported: %s", filepath.Base(path), msg))
}

func (s *fileStep) clear() {
	s.spinner.Stop()
	s.spinner.Hide()
	s.status.SetText("")
}

// refreshRecent lists the last files opened, newest first; a click opens one.
func (s *fileStep) refreshRecent() {
	s.spinner.Stop()
	s.spinner.Hide()
	if s.w.preview != nil {
		s.status.SetText("")
	}
	s.recent.Objects = nil
	for _, p := range recentFiles(s.w.d.Preferences) {
		// Names and folders are cut with an ellipsis and show whole on
		// hover: a long name must not widen the window past the screen.
		name := uikit.NewHoverLink(filepath.Base(p), func() { s.w.OpenFile(p) })
		name.TextStyle.Bold = true
		dir := uikit.NewHoverLabel(shortDir(p))
		dir.Full = filepath.Dir(p)
		dir.Alignment = fyne.TextAlignTrailing
		dir.TextStyle.Italic = true
		dir.Importance = widget.LowImportance
		s.recent.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil,
			container.NewGridWithColumns(2, name, dir)))
	}
	if len(s.recent.Objects) == 0 {
		l := widget.NewLabel(tr("No file opened yet."))
		l.Importance = widget.LowImportance
		s.recent.Add(l)
	}
	s.recent.Refresh()
}

// shortDir is the folder of p, shortened from the left to stay readable.
func shortDir(p string) string {
	d := filepath.Dir(p)
	if r := []rune(d); len(r) > 40 {
		return "…" + string(r[len(r)-39:])
	}
	return d
}

// templateSaved says where the template went, or why it did not.
func (s *fileStep) templateSaved(name string, err error) {
	if err != nil {
		say(s.status, widget.DangerImportance, userMessage(err, s.w.d.Lang))
		return
	}
	say(s.status, widget.SuccessImportance, tr("Template saved: %s. Fill it in, then drop it here.", name))
}

func baseName(p string) string { return filepath.Base(p) }
