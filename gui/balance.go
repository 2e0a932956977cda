package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// nameHeader is a customer's code and name, with the red mark when the
// customer is disappointed: it heads the balance and the history.
func nameHeader(code, name string, disappointed bool) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(code+" — "+name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if !disappointed {
		return l
	}
	return container.NewHBox(disappointedMark(), l)
}

// originLabel names where a balance entry came from.
func originLabel(origin string) string {
	switch origin {
	case domain.OriginManual:
		return lang.L("Manual")
	case domain.OriginImport:
		return lang.L("Import")
	case domain.OriginDemo:
		return lang.L("Sample")
	}
	return origin
}

// balanceView is a customer's ledger (date, label, amount, origin), its
// sum, and the "Ajuster le solde" action.
func (u *ui) balanceView(c *domain.Customer) fyne.CanvasObject {
	rows := container.NewVBox()
	sum := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var load func()
	load = func() {
		svc := u.svc
		u.work.Go(func() {
			entries, total, err := svc.Ledger(context.Background(), c.ID)
			u.work.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				rows.Objects = nil
				for _, e := range entries {
					rows.Add(ledgerRow(format.Date(e.Date, uiLang), e.Label, format.Money(e.Amount, uiLang), originLabel(e.Origin), false))
				}
				if len(entries) == 0 {
					rows.Add(widget.NewLabel(lang.L("No balance entry.")))
				}
				rows.Refresh()
				sum.SetText(lang.L("Balance:") + " " + format.Money(total, uiLang))
			})
		})
	}
	adjust := widget.NewButtonWithIcon(lang.L("Adjust balance"), theme.DocumentCreateIcon(), func() {
		u.adjustBalanceDialog(c, load)
	})
	// When operators are on and the one working may not adjust balances,
	// the button is greyed out and the service's message says why.
	refused := widget.NewLabel("")
	refused.Wrapping = fyne.TextWrapWord
	refused.Importance = widget.WarningImportance
	refused.Hide()
	svc := u.svc
	u.work.Go(func() {
		err := svc.Require(context.Background(), domain.PermBalance)
		u.work.Do(func() {
			if err != nil {
				adjust.Disable()
				refused.SetText(domain.UserMessage(err, uiLang))
				refused.Show()
			}
		})
	})
	load()
	head := container.NewVBox(nameHeader(c.Code, c.Name(), c.Disappointed),
		ledgerRow(lang.L("Date"), lang.L("Label"), lang.L("Amount"), lang.L("Origin"), true))
	foot := container.NewVBox(container.NewBorder(nil, nil, adjust, sum), refused)
	return container.NewBorder(head, foot, nil, nil, container.NewVScroll(rows))
}

func ledgerRow(date, label, amount, origin string, bold bool) fyne.CanvasObject {
	st := fyne.TextStyle{Bold: bold}
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, st)
	l.Truncation = fyne.TextTruncateEllipsis
	fixed := func(s string, w float32, align fyne.TextAlign) fyne.CanvasObject {
		x := widget.NewLabelWithStyle(s, align, st)
		return container.NewGridWrap(fyne.NewSize(w, x.MinSize().Height), x)
	}
	return container.NewBorder(nil, nil, fixed(date, 110, fyne.TextAlignLeading),
		container.NewHBox(fixed(amount, 130, fyne.TextAlignTrailing), fixed(origin, 110, fyne.TextAlignLeading)), l)
}

// adjustBalanceDialog writes one manual entry with a label; then done runs.
func (u *ui) adjustBalanceDialog(c *domain.Customer, done func()) {
	amount := widget.NewEntry()
	amount.SetPlaceHolder(lang.L("e.g. -25,00 (we owe the customer)"))
	amount.Validator = func(s string) error { _, err := parseMoney(s); return err }
	label := widget.NewEntry()
	label.SetText(lang.L("Balance adjustment"))
	errs := widget.NewLabel("")
	errs.Importance = widget.DangerImportance
	errs.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Amount"), amount), widget.NewFormItem(lang.L("Label"), label))
	var d *dialog.CustomDialog
	ok := widget.NewButton(lang.L("Save"), func() {
		cents, err := parseMoney(amount.Text)
		if err != nil {
			errs.SetText(err.Error())
			return
		}
		svc, text := u.svc, label.Text
		u.work.Go(func() {
			err := svc.AdjustBalance(context.Background(), c.ID, cents, text)
			u.work.Do(func() {
				if err != nil {
					errs.SetText(domain.UserMessage(err, uiLang))
					return
				}
				d.Hide()
				done()
				u.clients.reload()
			})
		})
	})
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Adjust balance"), container.NewVBox(
		widget.NewLabel(lang.L("+ the customer owes us, - we owe the customer.")), form, errs), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.Hide() }), ok})
	d.Resize(fyne.NewSize(460, 260))
	d.Show()
}
