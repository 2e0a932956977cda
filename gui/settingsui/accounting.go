package settingsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// accounting is the section of the "Clients divers" account and the
// required start of account numbers, saved together (the account must
// itself start as required).
func (w *window) accounting() fyne.CanvasObject {
	sundry, prefix := widget.NewEntry(), widget.NewEntry()
	sundry.SetPlaceHolder("411000")
	prefix.SetPlaceHolder(tr("Free"))
	note := newNote()
	save := widget.NewButtonWithIcon(tr("Save"), theme.DocumentSaveIcon(), func() {
		s, p := sundry.Text, prefix.Text
		w.save(note, tr("Saved."), func(ctx context.Context) error { return w.svc.SetAccounting(ctx, s, p) }, nil)
	})
	save.Importance = widget.HighImportance
	load(w, note, w.svc.Settings, func(st domain.Settings) {
		sundry.SetText(st.SundryAccount)
		prefix.SetText(st.AccountPrefix)
	})
	fields := container.NewGridWithColumns(2,
		field(tr("“Clients divers” account"), sundry, tr("The account of customers without an account number of their own, in the accounting export (usually 411000).")),
		field(tr("Required start of account numbers"), prefix, tr("Digits every customer account number must start with (411 in the French chart of accounts); empty leaves them free.")),
	)
	return scrolled(
		hint(tr("How customers go to the accounting software: the accounting export writes each customer’s account number, or the “Clients divers” account when it has none.")),
		fields,
		container.NewHBox(save), note,
		widget.NewSeparator(),
		w.euDeclaration(),
	)
}

// euDeclaration is the "EU declaration" switch (seed 001): on, the EU VAT
// number of companies can be entered and changed; off, it is locked.
func (w *window) euDeclaration() fyne.CanvasObject {
	note := newNote()
	check := widget.NewCheck(tr("Turn on the EU declaration"), nil)
	load(w, note, w.svc.Settings, func(st domain.Settings) {
		check.SetChecked(st.EUDeclaration)
		check.OnChanged = func(on bool) {
			w.save(note, tr("Saved."), func(ctx context.Context) error { return w.svc.SetEUDeclaration(ctx, on) }, nil)
		}
	})
	return container.NewVBox(
		widget.NewLabelWithStyle(tr("EU declaration"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		hint(tr("On: the EU VAT number of companies can be entered and changed. Off: it is kept as it is, locked on the customer form and on the command line.")),
		check, note)
}
