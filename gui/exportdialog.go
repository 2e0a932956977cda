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

	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/format"
	"carnet/internal/store"
)

// The Clients tab's Exporter… button and Fichier › Exporter…: the export
// dialog says what goes out (the list as the tab shows it, a group, or
// every active customer) and in which format, asks where with Fyne's save
// dialog, then runs the export service off the UI goroutine with a
// progress bar and Cancel, and ends with what was written and what was
// left out. The service writes the file itself, whole or not at all.

// exportScope is what the dialog exports.
type exportScope int

const (
	scopeList  exportScope = iota // the Clients tab's list, as shown
	scopeGroup                    // one group's active members
	scopeAll                      // every active customer
)

// exportDialogWidth gives the two columns room for their longest choice
// and the notes three lines at most.
const exportDialogWidth = 940

// exportStarting, when set, is called on the export's goroutine before
// the export starts, with its context: tests hold an export there to
// press Cancel while it runs.
var exportStarting func(ctx context.Context)

// exportDialog is the open export dialog.
type exportDialog struct {
	u  *ui
	ex *export.Exporter
	// list is the Clients tab's query when the dialog opened; its count
	// and the count of every active customer are -1 until known.
	list                store.Query
	listCount, allCount int
	groups              []domain.Group
	sundry              string // the "Clients divers" account

	scope      *widget.RadioGroup
	chosen     exportScope
	group      *widget.Select
	scopeNote  *widget.Label
	format     *widget.RadioGroup
	formatNote *widget.Label
	refused    *widget.Check
	// refusedNote says what happens to the customers who refused when the
	// box is not ticked.
	refusedNote *widget.Label
	progress    *widget.ProgressBar
	status      *widget.Label
	asUTF8      *widget.Button // after a Windows-1252 refusal
	start       *widget.Button
	cancelRun   *widget.Button
	closeButton *widget.Button
	dlg         *dialog.CustomDialog
	height      float32 // the tallest the dialog has needed

	// cancel stops the running export; nil when none runs.
	cancel context.CancelFunc
	// lastPath is the file of the last export tried: the CSV UTF-8 retry
	// goes beside it.
	lastPath string
}

// showExport opens the export dialog on the Clients tab's current list.
func (u *ui) showExport() *exportDialog {
	m := u.clients.model
	d := &exportDialog{u: u, ex: export.New(u.svc), list: m.query, listCount: -1, allCount: -1}
	if m.counted {
		d.listCount = m.total
	}
	d.build()
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Export customers"), d.content(), u.win)
	d.showButtons(false)
	d.dlg.Show()
	d.fitTallest()
	d.load()
	return d
}

// prefExportFormat keeps the format of the last export that was written.
const prefExportFormat = "export.format"

func (d *exportDialog) build() {
	d.scope = widget.NewRadioGroup(d.scopeTexts(), func(s string) {
		for i, o := range d.scope.Options {
			if o == s {
				d.chosen = exportScope(i)
			}
		}
		d.choiceChanged()
	})
	d.scope.Required = true
	d.scope.Selected = d.scope.Options[scopeList]
	d.group = widget.NewSelect(nil, func(string) {
		if d.chosen != scopeGroup {
			d.scope.SetSelected(d.scope.Options[scopeGroup]) // choosing a group means exporting it
			return
		}
		d.choiceChanged()
	})
	d.group.PlaceHolder = lang.L("Choose a group")
	d.group.Disable() // until the groups are read
	d.scopeNote = noteLabel()

	labels := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		labels[i] = f.Label(uiLang)
	}
	d.format = widget.NewRadioGroup(labels, func(string) { d.choiceChanged() })
	d.format.Required = true
	d.format.Selected = labels[0]
	if last, ok := export.ParseFormat(d.u.app.Preferences().String(prefExportFormat)); ok {
		d.format.Selected = last.Label(uiLang)
	}
	d.formatNote = noteLabel()
	d.refused = widget.NewCheck(lang.L("Include the customers who refused marketing"), func(bool) { d.choiceChanged() })
	d.refusedNote = noteLabel()

	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Hide()
	d.asUTF8 = widget.NewButtonWithIcon(lang.L("Export as CSV UTF-8"), theme.DocumentSaveIcon(), d.retryAsUTF8)
	d.asUTF8.Hide()
	d.start = widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), d.chooseFile)
	d.start.Importance = widget.HighImportance
	d.cancelRun = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.stop)
	d.closeButton = widget.NewButton(lang.L("Close"), func() { d.dlg.Hide() })
	d.update()
}

// noteLabel is a wrapped explanation under a choice.
func noteLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

func (d *exportDialog) content() fyne.CanvasObject {
	heading := func(text string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	groupRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Group:")), nil, d.group)
	// Side by side, the two choices fit a 720-pixel-high window with the
	// progress and the result below.
	what := container.NewVBox(heading(lang.L("What to export")), d.scope, groupRow, d.scopeNote)
	how := container.NewVBox(heading(lang.L("Format")), d.format, d.formatNote, d.refused, d.refusedNote)
	// The room kept for the tallest format stays under the choices, the
	// progress and the result just above the buttons.
	return container.NewBorder(container.NewGridWithColumns(2, what, how),
		container.NewVBox(widget.NewSeparator(), d.progress, d.status, container.NewHBox(d.asUTF8)), nil, nil)
}

// fit sizes the dialog to its content at its width, within the window.
// It only grows: a dialog that shrank and grew as formats are ticked
// would move its buttons under the pointer.
func (d *exportDialog) fit() {
	width := float32(exportDialogWidth)
	if c := d.u.win.Canvas().Size(); !c.IsZero() {
		width = min(width, c.Width-40)
	}
	d.height = max(d.height, d.dlg.MinSize().Height)
	d.dlg.Resize(fyne.NewSize(width, d.height))
}

// fitTallest sizes the dialog for the format that needs the most room
// (its notes and the mailing's box), so that ticking another one does not
// move it.
func (d *exportDialog) fitTallest() {
	chosen := d.format.Selected
	for _, label := range d.format.Options {
		d.format.Selected = label
		d.update()
	}
	d.format.Selected = chosen
	d.format.Refresh()
	d.update()
}

// showButtons shows Cancel while an export runs, else Close and Export.
func (d *exportDialog) showButtons(running bool) {
	if running {
		d.cancelRun.Enable()
		d.dlg.SetButtons([]fyne.CanvasObject{d.cancelRun})
		return
	}
	d.dlg.SetButtons([]fyne.CanvasObject{d.closeButton, d.start})
}

// load reads, off the UI goroutine, the groups, the counts the choices
// show and the "Clients divers" account.
func (d *exportDialog) load() {
	svc, ex, list, countList := d.u.svc, d.ex, d.list, d.listCount < 0
	all := d.allQuery()
	d.u.work.Go(func() {
		ctx := context.Background()
		groups, err := svc.Groups(ctx)
		allCount, listCount := -1, -1
		if err == nil {
			allCount, err = ex.Count(ctx, export.Request{Query: all})
		}
		if err == nil && countList {
			listCount, err = ex.Count(ctx, export.Request{Query: list})
		}
		var sundry string
		if err == nil {
			var st domain.Settings
			st, err = svc.Settings(ctx)
			sundry = st.SundryAccount
		}
		d.u.work.Do(func() {
			if err != nil {
				d.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
				return
			}
			d.groups, d.allCount, d.sundry = groups, allCount, sundry
			if countList {
				d.listCount = listCount
			}
			d.showGroups()
			d.update()
		})
	})
}

// showGroups lists the groups with their active members.
func (d *exportDialog) showGroups() {
	opts := make([]string, len(d.groups))
	for i, g := range d.groups {
		opts[i] = fmt.Sprintf("%s (%s)", g.Name, format.Count(g.Members-g.Archived, uiLang))
	}
	d.group.Options = opts
	if len(opts) == 0 {
		d.group.PlaceHolder = lang.L("No group")
		d.group.Disable()
	} else if d.cancel == nil {
		d.group.Enable()
	}
	// The tab's group filter is the likely choice.
	for i, g := range d.groups {
		if g.ID == d.list.GroupID {
			d.group.Selected = opts[i]
		}
	}
	d.group.Refresh()
}

func (d *exportDialog) allQuery() store.Query {
	return store.Query{Archived: store.FilterNo, Sort: d.list.Sort, Desc: d.list.Desc}
}

// scopeTexts are the choices of what to export, with their counts.
func (d *exportDialog) scopeTexts() []string {
	list := lang.L("The list shown (counting…)")
	if d.listCount >= 0 {
		list = plural(d.listCount, "The list shown (%s customer)", "The list shown (%s customers)", format.Count(d.listCount, uiLang))
	}
	all := lang.L("All customers")
	if d.allCount >= 0 {
		all = fmt.Sprintf(lang.L("All customers (%s)"), format.Count(d.allCount, uiLang))
	}
	return []string{list, lang.L("A group"), all}
}

// chosenFormat is the format ticked.
func (d *exportDialog) chosenFormat() export.Format {
	for i, f := range export.Formats {
		if d.format.Options[i] == d.format.Selected {
			return f
		}
	}
	return export.FormatXLSX
}

// chosenGroup is the group chosen, or nil.
func (d *exportDialog) chosenGroup() *domain.Group {
	if i := d.group.SelectedIndex(); i >= 0 && i < len(d.groups) {
		return &d.groups[i]
	}
	return nil
}

// request is what the choices ask the export service for.
func (d *exportDialog) request() export.Request {
	q := d.list
	switch d.chosen {
	case scopeGroup:
		q = d.allQuery()
		if g := d.chosenGroup(); g != nil {
			q.GroupID = g.ID
		}
	case scopeAll:
		q = d.allQuery()
	}
	f := d.chosenFormat()
	return export.Request{Query: q, Format: f, Lang: uiLang, IncludeRefused: f.IsMailing() && d.refused.Checked}
}

// chosenCount is how many customers the choice of what to export lists
// (-1 while unknown).
func (d *exportDialog) chosenCount() int {
	switch d.chosen {
	case scopeGroup:
		if g := d.chosenGroup(); g != nil {
			return g.Members - g.Archived
		}
		return -1
	case scopeAll:
		return d.allCount
	}
	return d.listCount
}

// choiceChanged forgets the last export's result, which spoke of other
// choices, and updates the dialog.
func (d *exportDialog) choiceChanged() {
	if d.cancel == nil && d.dlg != nil {
		d.status.Hide()
		d.asUTF8.Hide()
	}
	d.update()
}

// update puts the counts, the notes and the Export button in step with
// the choices.
func (d *exportDialog) update() {
	texts := d.scopeTexts()
	if strings.Join(texts, "\n") != strings.Join(d.scope.Options, "\n") {
		d.scope.Options = texts
		d.scope.Selected = texts[d.chosen]
		d.scope.Refresh()
	}
	d.scopeNote.SetText(d.scopeExplanation())
	f := d.chosenFormat()
	d.formatNote.SetText(d.formatExplanation(f))
	if f.IsMailing() {
		d.refused.Show()
		d.refusedNote.Show()
		if d.refused.Checked {
			d.refusedNote.SetText(lang.L("They are in the file like the others."))
		} else {
			d.refusedNote.SetText(lang.L("Unticked, they are left out and counted in the result."))
		}
	} else {
		d.refused.Hide()
		d.refusedNote.Hide()
	}
	if n := d.chosenCount(); n <= 0 || d.cancel != nil {
		d.start.Disable()
	} else {
		d.start.Enable()
	}
	if d.dlg != nil {
		d.fit()
	}
}

// scopeExplanation says what the choice of what to export takes.
func (d *exportDialog) scopeExplanation() string {
	switch d.chosen {
	case scopeGroup:
		if d.chosenGroup() == nil {
			return lang.L("Choose the group to export. Its archived members are left out.")
		}
		return lang.L("The group’s active members: its archived members are left out.")
	case scopeAll:
		return lang.L("Every active customer: archived customers are left out, as the Customers tab does by default.")
	}
	text := lang.L("Exactly as the Customers tab shows it: same search, filters and order.")
	if d.list.ImportBatch != 0 {
		text += " " + fmt.Sprintf(lang.L("Only the customers of import no. %d."), d.list.ImportBatch)
	}
	if d.listCount == 0 {
		text += " " + lang.L("The list is empty: there is nothing to export.")
	}
	return text
}

// formatExplanation says what a format is for and who it leaves out.
func (d *exportDialog) formatExplanation(f export.Format) string {
	switch f {
	case export.FormatXLSX:
		return lang.L("A workbook Carnet imports back as it is: correct customers in Excel, then import the file.")
	case export.FormatCSV:
		return lang.L("UTF-8 with BOM, which Excel opens since 2016. Carnet imports it back as it is.")
	case export.FormatCSV1252:
		return lang.L("For Excel before 2016. A character it cannot hold is shown to you, never replaced.")
	case export.FormatAccounts:
		account := d.sundry
		if account == "" {
			account = "…"
		}
		return fmt.Sprintf(lang.L("Customers without an account number of their own go to the “Clients divers” account %s. To change it: File › Settings… › Accounting."), account)
	case export.FormatMailing:
		return lang.L("Civility, names, address and email, for a mail merge. Customers with neither an email nor a postal address are left out and counted.")
	case export.FormatVCard:
		return lang.L("One card per customer, for an address book or a mailing tool. Customers without an email are left out and counted.")
	case export.FormatLabels:
		return lang.L("A4 sheets of 3 × 8 labels (70 × 37 mm), addresses as La Poste asks. Customers without a postal address are left out and counted.")
	}
	return ""
}

// say shows text under the choices.
func (d *exportDialog) say(importance widget.Importance, text string) {
	d.status.Importance = importance
	d.status.SetText(text)
	d.status.Show()
	d.fit()
}
