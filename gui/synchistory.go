package gui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/importer"
)

// The past syncs, newest first, each with its Undo: created customers
// removed, updated ones given their previous values back, the orders it
// recorded removed. Customers changed by hand since are left alone.

// shownSyncs bounds the list; older syncs stay in the journal.
const shownSyncs = 50

// syncHistory lists the syncs of the journal.
type syncHistory struct {
	t       *syncTab
	batches []importer.Batch
	list    *fyne.Container
	status  *widget.Label
	undoing int // undos under way
	// lastUndo is what the last undo did (shown, and read by tests).
	lastUndo *importer.UndoResult
	content  fyne.CanvasObject
}

func newSyncHistory(t *syncTab) *syncHistory {
	h := &syncHistory{t: t}
	h.list = container.NewVBox()
	h.status = widget.NewLabel("")
	h.status.Wrapping = fyne.TextWrapWord
	h.status.Hide()
	h.content = container.NewVScroll(container.NewVBox(syncHint(lang.L("Undo puts the customer file back as it was before the sync.")), h.list, h.status))
	h.build()
	return h
}

// reload reads the journal off the UI goroutine.
func (h *syncHistory) reload() {
	work, syncer := h.t.u.work, h.t.syncer
	work.Go(func() {
		batches, err := syncer.History(context.Background())
		work.Do(func() {
			if err != nil {
				h.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
				return
			}
			h.batches = batches
			h.build()
		})
	})
}

func (h *syncHistory) build() {
	h.list.Objects = nil
	for i, b := range h.batches {
		if i == shownSyncs {
			break
		}
		if i > 0 {
			h.list.Add(widget.NewSeparator())
		}
		h.list.Add(h.batchRow(b))
	}
	if len(h.list.Objects) == 0 {
		h.list.Add(syncHint(lang.L("No sync yet.")))
	}
	h.list.Refresh()
}

// batchRow is one past sync: number, date, files, what it did, and Undo
// or when it was undone.
func (h *syncHistory) batchRow(b importer.Batch) fyne.CanvasObject {
	// The files' names can be long: cut, and whole on hover.
	title := uikit.NewHoverLabel(fmt.Sprintf(lang.L("#%d · %s · %s"), b.ID, format.DateTime(b.CreatedAt, uiLang), b.File))
	title.TextStyle.Bold = true
	detail := widget.NewLabel(syncBatchCounts(b))
	detail.Truncation = fyne.TextTruncateEllipsis
	var right fyne.CanvasObject
	if b.UndoneAt != nil {
		undone := fmt.Sprintf(lang.L("Sync undone on %s"), format.DateTime(*b.UndoneAt, uiLang))
		if b.UndoneBy != "" {
			undone = fmt.Sprintf(lang.L("%s · by %s"), undone, b.UndoneBy)
		}
		l := widget.NewLabel(undone)
		l.Importance = widget.LowImportance
		title.Importance, detail.Importance = widget.LowImportance, widget.LowImportance
		right = l
	} else {
		right = widget.NewButtonWithIcon(lang.L("Undo this sync"), theme.ContentUndoIcon(), func() { h.confirmUndo(b) })
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(right), container.NewVBox(title, detail))
}

// syncBatchCounts says what a sync did in a few words: its shop (the
// journal's profile names it), created, updated.
func syncBatchCounts(b importer.Batch) string {
	c := b.Counts
	parts := []string{}
	if shop := strings.TrimSpace(strings.TrimPrefix(b.Profile, "Synchronisation")); shop != "" {
		parts = append(parts, shop)
	}
	parts = append(parts, plural(c.Created, "%s created (one customer)", "%s created", format.Count(c.Created, uiLang)),
		fmt.Sprintf(lang.L("%s updated"), format.Count(c.Updated, uiLang)))
	s := strings.Join(parts, " · ")
	if b.Operator != "" {
		s = fmt.Sprintf(lang.L("%s · by %s"), s, b.Operator)
	}
	return s
}

// confirmUndo asks before undoing b, saying what will happen.
func (h *syncHistory) confirmUndo(b importer.Batch) {
	msg := fmt.Sprintf(lang.L("Undo sync #%d (%s)?"), b.ID, b.File) + "\n"
	if n := b.Counts.Created; n > 0 {
		msg += "\n" + plural(n, "%s customer created by the sync is removed.", "%s customers created by the sync are removed.", format.Count(n, uiLang))
	}
	if n := b.Counts.Updated; n > 0 {
		msg += "\n" + plural(n, "%s customer updated by the sync gets its previous values back.", "%s customers updated by the sync get their previous values back.", format.Count(n, uiLang))
	}
	msg += "\n" + lang.L("Any orders it recorded are removed. Customers changed by hand since the sync are left alone and listed.")
	d := dialog.NewConfirm(lang.L("Undo the sync"), msg, func(ok bool) {
		if ok {
			h.undo(b.ID)
		}
	}, h.t.u.win)
	d.SetConfirmText(lang.L("Undo this sync"))
	d.SetConfirmImportance(widget.DangerImportance) // it removes customers
	d.SetDismissText(lang.L("Do not undo"))
	d.Show()
}

// undo undoes sync id off the UI goroutine and shows what it did.
func (h *syncHistory) undo(id int64) {
	work, syncer := h.t.u.work, h.t.syncer
	h.say(widget.MediumImportance, fmt.Sprintf(lang.L("Undoing sync #%d…"), id))
	h.undoing++
	work.Go(func() {
		res, err := syncer.Undo(context.Background(), id)
		work.Do(func() {
			h.undoing--
			if err != nil {
				h.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
				return
			}
			h.lastUndo = res
			text := syncUndoText(res)
			h.say(widget.SuccessImportance, text)
			dialog.ShowInformation(fmt.Sprintf(lang.L("Sync #%d undone"), id), text, h.t.u.win)
			h.t.runner.undone(id)
			h.t.u.Refresh()
			h.reload()
		})
	})
}

// syncUndoText says what the undo removed and restored, and who it left
// alone.
func syncUndoText(r *importer.UndoResult) string {
	text := fmt.Sprintf(lang.L("Sync #%d undone:"), r.Batch) + " " +
		plural(r.Removed, "%s customer removed", "%s customers removed", format.Count(r.Removed, uiLang)) + ", " +
		plural(r.Restored, "%s restored (one customer)", "%s restored", format.Count(r.Restored, uiLang)) + ", " +
		plural(r.Documents, "%s order removed", "%s orders removed", format.Count(r.Documents, uiLang)) + "."
	if r.Backup != "" {
		text += "\n" + fmt.Sprintf(lang.L("The customer file as it was before is backed up in %s (File › Backups…)."), r.Backup)
	}
	if len(r.LeftAlone) == 0 {
		return text
	}
	text += "\n" + plural(len(r.LeftAlone), "%s customer was changed by hand since the sync and was left alone:",
		"%s customers were changed by hand since the sync and were left alone:", format.Count(len(r.LeftAlone), uiLang))
	for i, c := range r.LeftAlone {
		if i == 10 {
			text += "\n" + fmt.Sprintf(lang.L("… and %s more."), format.Count(len(r.LeftAlone)-10, uiLang))
			break
		}
		text += fmt.Sprintf("\n• %s (%s) — %s", c.Name, c.Code, format.DateTime(c.UpdatedAt, uiLang))
	}
	return text
}

func (h *syncHistory) say(imp widget.Importance, text string) {
	h.status.Importance = imp
	h.status.SetText(text)
	h.status.Show()
}
