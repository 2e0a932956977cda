package gui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/phone"
)

// sharedKeys are the fields of the shared record the grid shows, in the
// seed's order: name (its own row) and address, other phones, fax,
// website, e-mail, currency, balance method, credit hold and the group-wide
// credit limit, amount over invoice, days over due date, buying group.
var sharedKeys = []string{"billing_line1", "billing_line2", "postcode", "city", "state", "country",
	"phones", "fax", "website", "email", "currency", "balance_method", "credit_hold",
	"credit_hold_reason", "credit_limit", "amount_over_invoice", "days_over_due",
	"is_buying_group", "buying_group"}

// fillGrid lays out the customer shown: a column of field labels, the
// "Shared" column with the shared fields once, then a column per site it
// is on with that site's fields. Each row lays out its cells on the same
// columns, so that they line up and a row is as tall as its longest value;
// a shared value may run on over the site columns, which it holds for all.
func (p *presencePanel) fillGrid() {
	cols := 2 + len(p.onSites)
	c := p.onSites[0]
	head := []string{lang.L("Field"), lang.L("Shared")}
	for _, o := range p.onSites {
		head = append(head, msSiteName(p.siteNamed(o.Site.Site)))
	}
	p.gridHead.Objects = []fyne.CanvasObject{gridRow(cols, head, true, false), widget.NewSeparator()}
	p.gridHead.Refresh()

	var rows []fyne.CanvasObject
	line := func(cells ...string) {
		rows = append(rows, gridRow(cols, cells, false, len(rows)%2 == 0))
	}
	rows = append(rows, msTitle(lang.L("Shared fields: one value for every site")))
	line(lang.L("Name"), orDash(c.Name()))
	for _, key := range sharedKeys {
		f, _ := domain.FieldByKey(key)
		line(f.Label(uiLang), fieldText(f, c.Get(key)))
	}
	rows = append(rows, msTitle(lang.L("Site fields: each site’s own value")))
	for _, f := range domain.Fields {
		if !f.Site {
			continue
		}
		cells := []string{f.Label(uiLang), ""}
		for _, o := range p.onSites {
			cells = append(cells, fieldText(f, o.Get(f.Key)))
		}
		line(cells...)
	}
	p.gridBox.Objects = rows
	p.gridBox.Refresh()
	p.gridScroll.ScrollToTop()
}

// gridRow is one row of the grid: texts on its cols columns
// (gridColumns), wrapping; the head in bold, every other row on a light
// band that guides the eye across.
func gridRow(cols int, texts []string, head, band bool) fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: head})
		l.Wrapping = fyne.TextWrapWord
		if i == 0 && !head {
			l.Importance = widget.LowImportance // the labels step back from the values
		}
		cells[i] = l
	}
	row := container.New(gridColumns(cols), cells...)
	if !band {
		return row
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, row)
}

// gridColumns lays its objects out on n columns: the labels' column as
// wide as most labels need, the shared column narrow (a shared value runs
// on over the site columns, and it is empty on the site rows), the site
// columns sharing the rest equally; the last object runs on to the right
// edge.
type gridColumns int

const (
	// gridLabelWidth holds most field labels on one line.
	gridLabelWidth = 210
	// gridSharedWidth holds the shared column's title.
	gridSharedWidth = 100
)

func (n gridColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	label := min(gridLabelWidth, size.Width*0.35)
	shared := min(gridSharedWidth, size.Width*0.2)
	site := (size.Width - label - shared - pad*float32(n-1)) / float32(n-2)
	x := float32(0)
	for i, o := range objects {
		w := site
		switch {
		case i == len(objects)-1:
			w = size.Width - x
		case i == 0:
			w = label
		case i == 1:
			w = shared
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is as tall as the tallest cell at the width it was given (a
// wrapped label's height follows its width); the width asks little, the
// labels wrap.
func (n gridColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(n)*gridColumnMin, h)
}

// gridColumnMin is the narrowest a column gets.
const gridColumnMin = 60

// orDash is s, or a dash for an empty value: an empty cell then means "not
// kept there", a dash "kept, and empty".
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// fieldText is a value of field f as the grid writes it: amounts,
// percentages and dates as the language writes them, yes and no, phones
// in their national form, the balance method by its name.
func fieldText(f domain.FieldDef, v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return lang.L("Yes")
		}
		return lang.L("No")
	case int64:
		switch f.Type {
		case domain.TypeMoney:
			return format.Money(x, uiLang)
		case domain.TypePercent:
			return format.Percent(x, uiLang)
		}
		if x == 0 {
			return "—"
		}
		return strconv.FormatInt(x, 10)
	case []domain.Phone:
		nums := make([]string, len(x))
		for i, p := range x {
			nums[i] = phone.National(p.Number)
		}
		return orDash(strings.Join(nums, ", "))
	case string:
		switch {
		case f.Key == "balance_method":
			for _, m := range domain.BalanceMethods {
				if m.Key == x {
					return m.Label.In(uiLang)
				}
			}
		case f.Type == domain.TypeDay && x != "":
			if d, err := time.ParseInLocation("2006-01-02", x, time.Local); err == nil {
				return format.Date(d, uiLang)
			}
		case f.Type == domain.TypePhone && x != "":
			return phone.National(x)
		}
		return orDash(x)
	}
	return "—"
}
