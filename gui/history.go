package gui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// kindLabel names a document kind.
func kindLabel(kind string) string {
	switch kind {
	case "invoice":
		return lang.L("Invoice")
	case "order":
		return lang.L("Order")
	}
	return kind
}

// historyView lists a customer's documents, newest first.
func (u *ui) historyView(c *domain.Customer) fyne.CanvasObject {
	svc := u.svc
	return u.documentsView(nameHeader(c.Code, c.Name(), c.Disappointed), func(ctx context.Context) ([]domain.Document, error) {
		return svc.Documents(ctx, c.ID)
	})
}

// documentsView shows the documents load returns; each line keeps the
// customer code and name written on the document, so a deleted customer's
// history still reads right.
func (u *ui) documentsView(head fyne.CanvasObject, load func(ctx context.Context) ([]domain.Document, error)) fyne.CanvasObject {
	rows := container.NewVBox()
	u.work.Go(func() {
		docs, err := load(context.Background())
		u.work.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			for _, d := range docs {
				rows.Add(documentRow(format.Date(d.Date, uiLang), kindLabel(d.Kind)+" "+d.Number,
					d.CustomerCode+" — "+d.CustomerName, format.Money(d.Total, uiLang), false))
			}
			if len(docs) == 0 {
				rows.Add(widget.NewLabel(lang.L("No invoice or order.")))
			}
			rows.Refresh()
		})
	})
	return container.NewBorder(container.NewVBox(head,
		documentRow(lang.L("Date"), lang.L("Document"), lang.L("Customer"), lang.L("Total"), true)),
		nil, nil, nil, container.NewVScroll(rows))
}

func documentRow(date, doc, customer, total string, bold bool) fyne.CanvasObject {
	st := fyne.TextStyle{Bold: bold}
	fixed := func(s string, w float32, align fyne.TextAlign) fyne.CanvasObject {
		x := widget.NewLabelWithStyle(s, align, st)
		x.Truncation = fyne.TextTruncateEllipsis
		return container.NewGridWrap(fyne.NewSize(w, x.MinSize().Height), x)
	}
	who := widget.NewLabelWithStyle(customer, fyne.TextAlignLeading, st)
	who.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewHBox(fixed(date, 110, fyne.TextAlignLeading), fixed(doc, 180, fyne.TextAlignLeading)),
		fixed(total, 130, fyne.TextAlignTrailing), who)
}

// askDeletedHistory asks for a customer code and shows the documents
// written for it, which outlive the customer.
func (u *ui) askDeletedHistory() {
	code := widget.NewEntry()
	dialog.ShowForm(lang.L("Deleted customer’s history…"), lang.L("Show"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(label("code"), code)}, func(ok bool) {
			if ok && strings.TrimSpace(code.Text) != "" {
				u.showHistoryByCode(strings.TrimSpace(code.Text))
			}
		}, u.win)
}

// showHistoryByCode opens the documents of a customer code in a dialog.
func (u *ui) showHistoryByCode(code string) fyne.CanvasObject {
	svc := u.svc
	view := u.documentsView(widget.NewLabelWithStyle(code, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		func(ctx context.Context) ([]domain.Document, error) { return svc.DocumentsByCode(ctx, code) })
	d := dialog.NewCustom(lang.L("History"), lang.L("Close"), view, u.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
	return view
}
