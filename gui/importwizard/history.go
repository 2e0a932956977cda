package importwizard

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/format"
	"carnet/internal/importer"
)

// historyPanel lists past imports, newest first, each with Undo.
type historyPanel struct {
	w       *Wizard
	batches []importer.Batch
	list    *fyne.Container
	status  *widget.Label
	// lastUndo is what the last undo did (shown, and read by tests).
	lastUndo *importer.UndoResult
	root     fyne.CanvasObject
}

// shownBatches bounds the list: older imports stay in the journal (and
// `carnet imports`).
const shownBatches = 50

func newHistoryPanel(w *Wizard) *historyPanel {
	h := &historyPanel{w: w}
	h.list = container.NewVBox()
	h.status = widget.NewLabel("")
	h.status.Wrapping = fyne.TextWrapWord
	h.status.Hide()
	h.root = container.NewBorder(nil, h.status, nil, nil, container.NewVScroll(h.list))
	return h
}

func (h *historyPanel) content() fyne.CanvasObject { return h.root }

// reload reads the journal off the UI goroutine.
func (h *historyPanel) reload() {
	imp, lang := h.w.d.Importer, h.w.d.Lang
	if imp == nil {
		return
	}
	h.w.work.Go(func() {
		batches, err := imp.Journal(context.Background())
		h.w.work.Do(func() {
			if err != nil {
				h.say(widget.DangerImportance, userMessage(err, lang))
				return
			}
			h.batches = batches
			h.build()
		})
	})
}

func (h *historyPanel) build() {
	lang := h.w.d.Lang
	h.list.Objects = nil
	for i, b := range h.batches {
		if i == shownBatches {
			break
		}
		title := widget.NewLabelWithStyle(tr("#%d · %s · %s", b.ID, format.DateTime(b.CreatedAt, lang), filepath.Base(b.File)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		counts := batchCounts(b.Counts, lang)
		if b.Operator != "" {
			counts = tr("%s · by %s", counts, b.Operator)
		}
		detail := widget.NewLabel(counts)
		detail.Truncation = fyne.TextTruncateEllipsis
		var right fyne.CanvasObject
		if b.UndoneAt != nil {
			undone := tr("Undone on %s", format.DateTime(*b.UndoneAt, lang))
			if b.UndoneBy != "" {
				undone = tr("Undone on %s by %s", format.DateTime(*b.UndoneAt, lang), b.UndoneBy)
			}
			l := widget.NewLabel(undone)
			l.Importance = widget.LowImportance
			detail.Importance = widget.LowImportance
			title.Importance = widget.LowImportance
			right = l
		} else {
			batch := b
			right = widget.NewButtonWithIcon(tr("Undo"), theme.ContentUndoIcon(), func() { h.confirmUndo(batch, nil) })
		}
		h.list.Add(container.NewBorder(nil, nil, nil, container.NewVBox(right), container.NewVBox(title, detail)))
	}
	if len(h.list.Objects) == 0 {
		l := widget.NewLabel(tr("No import yet."))
		l.Importance = widget.LowImportance
		h.list.Add(l)
	}
	h.list.Refresh()
}

// batchCounts says what an import did in a few words.
func batchCounts(c importer.Counts, lang string) string {
	parts := []string{trn(lang, c.Created, "%s created (one customer)", "%s created", count(c.Created, lang)), tr("%s updated", count(c.Updated, lang))}
	if c.Errors > 0 {
		parts = append(parts, tr("%s in error", count(c.Errors, lang)))
	}
	return strings.Join(parts, " · ")
}

// confirmUndo asks before undoing b, saying what will happen; after, when
// set, is told what the undo did.
func (h *historyPanel) confirmUndo(b importer.Batch, after func(*importer.UndoResult)) {
	if h.w.d.Window == nil {
		h.undo(b.ID, after)
		return
	}
	lang := h.w.d.Lang
	msg := tr("Undo import #%d (%s)?", b.ID, filepath.Base(b.File)) + "\n"
	if n := b.Counts.Created; n > 0 {
		msg += "\n" + trn(lang, n, "%s customer it created is removed.", "%s customers it created are removed.", count(n, lang))
	}
	if n := b.Counts.Updated; n > 0 {
		msg += "\n" + trn(lang, n, "%s customer it updated gets its previous values back.", "%s customers it updated get their previous values back.", count(n, lang))
	}
	msg += "\n" + tr("Customers changed by hand since the import are left alone and listed.")
	d := dialog.NewConfirm(tr("Undo the import"), msg, func(ok bool) {
		if ok {
			h.undo(b.ID, after)
		}
	}, h.w.d.Window)
	d.SetConfirmText(tr("Undo"))
	d.SetConfirmImportance(widget.DangerImportance) // it removes customers
	d.SetDismissText(tr("Keep it"))
	d.Show()
}

// undo undoes import id off the UI goroutine and shows what it did.
func (h *historyPanel) undo(id int64, after func(*importer.UndoResult)) {
	imp, lang := h.w.d.Importer, h.w.d.Lang
	h.say(widget.MediumImportance, tr("Undoing import #%d…", id))
	h.w.holding++
	h.w.work.Go(func() {
		res, err := imp.Undo(context.Background(), id)
		h.w.work.Do(func() {
			h.w.holding--
			if err != nil {
				h.say(widget.DangerImportance, userMessage(err, lang))
				return
			}
			h.lastUndo = res
			text := undoText(res, lang)
			h.say(widget.SuccessImportance, text)
			if after != nil {
				after(res)
			}
			if h.w.d.Window != nil {
				dialog.ShowInformation(tr("Import #%d undone", id), text, h.w.d.Window)
			}
			if h.w.d.Refresh != nil {
				h.w.d.Refresh()
			}
			h.reload()
		})
	})
}

// undoText says what was restored and who was left alone.
func undoText(r *importer.UndoResult, lang string) string {
	text := tr("Import #%d undone:", r.Batch) + " " +
		trn(lang, r.Removed, "%s customer removed", "%s customers removed", count(r.Removed, lang)) + ", " +
		trn(lang, r.Restored, "%s restored (one customer)", "%s restored", count(r.Restored, lang)) + "."
	text += backupText(r.Backup)
	if len(r.LeftAlone) == 0 {
		return text
	}
	text += "\n" + trn(lang, len(r.LeftAlone), "%s customer was changed by hand since the import and was left alone:",
		"%s customers were changed by hand since the import and were left alone:", count(len(r.LeftAlone), lang))
	for i, c := range r.LeftAlone {
		if i == 10 {
			text += "\n" + tr("… and %s more.", count(len(r.LeftAlone)-10, lang))
			break
		}
		text += fmt.Sprintf("\n• %s (%s) — %s", c.Name, c.Code, format.DateTime(c.UpdatedAt, lang))
	}
	return text
}

// clearMessage hides what the last undo said: a new import starts clean.
func (h *historyPanel) clearMessage() {
	h.status.SetText("")
	h.status.Hide()
}

func (h *historyPanel) say(imp widget.Importance, text string) {
	h.status.Importance = imp
	h.status.SetText(text)
	h.status.Show()
}

// backupText says where the customer file as it was before is kept, on a
// line of its own ("" when there was nothing to back up).
func backupText(path string) string {
	if path == "" {
		return ""
	}
	return "\n" + tr("The customer file as it was before is backed up in %s (File › Backups…).", path)
}
