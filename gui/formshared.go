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

// sharedExtras are the shared record's fields the multisite seed adds: one
// value on every site (balance method, tolerances, buying group, state).
type sharedExtras struct {
	balanceMethod *widget.Select
	overInvoice   *formEntry
	overDays      *formEntry
	isGroup       *widget.Check
	memberOf      *formEntry
	subordinates  *widget.Button
	state         *widget.Select
}

// newSharedExtras makes those fields' widgets for c.
func (ff *formFields) newSharedExtras(c *domain.Customer, d formData) {
	x := &sharedExtras{}
	ff.shared = x
	changed := ff.f.fieldChanged
	methods := make([]string, len(domain.BalanceMethods))
	selected := 0
	for i, m := range domain.BalanceMethods {
		methods[i] = m.Label.In(uiLang)
		if m.Key == c.BalanceMethod {
			selected = i
		}
	}
	x.balanceMethod = widget.NewSelect(methods, func(string) { changed() })
	x.balanceMethod.Selected = methods[selected]
	ff.tabs["balance_method"], ff.focus["balance_method"] = tabPayment, x.balanceMethod
	x.overInvoice = ff.moneyEntry("amount_over_invoice", c.AmountOverInvoice)
	x.overDays = ff.fieldEntry(tabPayment, "days_over_due", wholeText(c.DaysOverDue), nil)
	x.isGroup = widget.NewCheck(label("is_buying_group"), func(bool) { changed() })
	x.isGroup.Checked = c.IsBuyingGroup
	ff.tabs["is_buying_group"] = tabCommercial
	x.memberOf = ff.fieldEntry(tabCommercial, "buying_group", c.BuyingGroup, nil)
	x.memberOf.SetPlaceHolder(lang.L("Customer code of the buying group"))
	x.subordinates = widget.NewButton(lang.L("Subordinate customers…"), func() { ff.f.u.showSubordinates(c) })
	if c.ID == 0 || !c.IsBuyingGroup {
		x.subordinates.Disable() // a saved buying group has subordinates to list
	}
	x.state = listSelect(d.siteChoices["state"], c.Billing.State, changed)
	ff.tabs["state"], ff.focus["state"] = tabAddresses, x.state
}

// readShared writes those fields into c.
func (ff *formFields) readShared(c *domain.Customer, ve *domain.ValidationError) {
	x := ff.shared
	c.BalanceMethod = domain.BalanceMethods[max(0, x.balanceMethod.SelectedIndex())].Key
	v, err := parseMoney(x.overInvoice.Text)
	if err != nil {
		ve.Errors = append(ve.Errors, &domain.FieldError{Field: "amount_over_invoice", Code: "invalid", Message: domain.Message{FR: err.Error(), EN: err.Error()}})
	}
	c.AmountOverInvoice = v
	days, err := parseWhole(x.overDays.Text)
	if err != nil {
		ve.Errors = append(ve.Errors, &domain.FieldError{Field: "days_over_due", Code: "invalid", Message: domain.Message{FR: err.Error(), EN: err.Error()}})
	}
	c.DaysOverDue = days
	c.IsBuyingGroup, c.BuyingGroup = x.isGroup.Checked, strings.TrimSpace(x.memberOf.Text)
	c.Billing.State = listCode(x.state)
}

// sharedNote says, above the sections, that they are shared by the sites
// the customer is on, and which section is the site’s own.
func sharedNote(d formData) fyne.CanvasObject {
	if !d.multiSite {
		return nil
	}
	codes := make([]string, len(d.presentOn))
	for i, s := range d.presentOn {
		codes[i] = s.Code
	}
	text := lang.L("Shared by every site; the “{{.Tab}}” section is this site’s own.", map[string]any{"Tab": siteTitle(d)})
	if len(codes) > 0 {
		text = lang.L("Shared by sites {{.Sites}}; the “{{.Tab}}” section is this site’s own.", map[string]any{"Sites": strings.Join(codes, ", "), "Tab": siteTitle(d)})
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// showSubordinates lists the customers attached to buying group c (seed
// 001's Actions › Liste clients subordonnés).
func (u *ui) showSubordinates(c *domain.Customer) {
	svc := u.svc
	u.work.Go(func() {
		rows, err := svc.Subordinates(context.Background(), c.ID)
		u.work.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			lines := make([]string, len(rows))
			for i, r := range rows {
				lines[i] = r.Code + " — " + r.Name
				if r.City != "" {
					lines[i] += " (" + r.City + ")"
				}
			}
			text := strings.Join(lines, "\n")
			if len(rows) == 0 {
				text = lang.L("No customer is attached to this buying group yet: give its code as “Member of buying group” on their records.")
			}
			body := widget.NewLabel(text)
			body.Wrapping = fyne.TextWrapWord
			count := widget.NewLabel(plural(len(rows), "%s subordinate customer", "%s subordinate customers", format.Count(len(rows), uiLang)))
			d := dialog.NewCustom(lang.L("Subordinates of {{.Name}}", map[string]any{"Name": c.Name()}), lang.L("Close"),
				container.NewBorder(count, nil, nil, nil, container.NewVScroll(body)), u.win)
			d.Resize(fyne.NewSize(520, 420))
			d.Show()
		})
	})
}
