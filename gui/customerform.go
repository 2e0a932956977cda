package gui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/service"
)

// customerForm creates or edits one customer in a dialog with one tab per
// section. Save is refused, with the reasons, while a rule is broken.
type customerForm struct {
	u        *ui
	c        *domain.Customer // the customer as loaded (new: zero value)
	dlg      *dialog.CustomDialog
	title    *widget.Label
	mark     *fyne.Container
	head     *fyne.Container // mark + title
	errors   *widget.Label
	body     *fyne.Container // sections, with errors below
	save     *widget.Button
	del      *widget.Button
	fields   *formFields
	sections *container.AppTabs

	initial string // the fields as opened: Cancel asks only after edits
	// After a refused Save: the fields whose errors are listed (an error
	// goes as soon as its field is right) and the service's own verdicts.
	refused  map[string]bool
	verdicts []verdict
	// prevKey is the window's key handler, put back when the form closes;
	// layers is how many dialogs are open with the form on top.
	prevKey func(*fyne.KeyEvent)
	layers  int
}

// formData is what the form needs besides the customer: the managed
// lists, as offered (active entries only), and the rules the settings add
// (default phone region, account prefix, every custom field).
type formData struct {
	groups     []domain.Group
	sources    []string // active marketing sources
	civilities []string
	priceTypes []string
	rules      domain.Rules
	// siteChoices are the current site's lists by field key (and the main
	// site's state codes); site is the current site, multiSite whether
	// there are others, presentOn the sites the customer is on.
	siteChoices   map[string][]domain.SiteEntry
	site          domain.Site
	multiSite     bool
	presentOn     []domain.Site
	euDeclaration bool
}

// loadFormLists reads, off the UI goroutine, the lists and rules the form
// offers and checks against.
func loadFormLists(ctx context.Context, svc *service.Service) (formData, error) {
	var d formData
	var err error
	if d.groups, err = svc.Groups(ctx); err != nil {
		return d, err
	}
	if d.sources, err = svc.RefNames(ctx, domain.ListMarketing); err != nil {
		return d, err
	}
	if d.civilities, err = svc.RefNames(ctx, domain.ListCivilities); err != nil {
		return d, err
	}
	if d.priceTypes, err = svc.RefNames(ctx, domain.ListPriceTypes); err != nil {
		return d, err
	}
	if d.rules, err = svc.Rules(ctx); err != nil {
		return d, err
	}
	if d.siteChoices, err = svc.SiteChoices(ctx); err != nil {
		return d, err
	}
	if d.site, err = svc.CurrentSite(ctx); err != nil {
		return d, err
	}
	sites, err := svc.SiteCodes(ctx)
	if err != nil {
		return d, err
	}
	d.multiSite = len(sites) > 1
	st, err := svc.Settings(ctx)
	d.euDeclaration = st.EUDeclaration
	return d, err
}

// openNewCustomer opens an empty form.
func (u *ui) openNewCustomer() {
	// one empty phone row invites the first number; empty rows are dropped on save
	u.loadFormData(&domain.Customer{Kind: domain.KindPerson, Currency: "EUR", Phones: []domain.Phone{{}}}, 0)
}

// openCustomer loads customer id and opens its form.
func (u *ui) openCustomer(id int64) {
	u.loadFormData(nil, id)
}

// loadFormData reads the customer (when id != 0) and the lists off the UI
// goroutine, then opens the form.
func (u *ui) loadFormData(c *domain.Customer, id int64) {
	svc := u.svc
	u.work.Go(func() {
		ctx := context.Background()
		var d formData
		var err error
		if id != 0 {
			c, err = svc.Customer(ctx, id)
		}
		if err == nil {
			d, err = loadFormLists(ctx, svc)
		}
		if err == nil && id != 0 {
			d.presentOn, err = svc.CustomerSites(ctx, id)
		}
		u.work.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.showCustomerForm(c, d)
		})
	})
}

// showCustomerForm builds and shows the form; it returns it for tests.
func (u *ui) showCustomerForm(c *domain.Customer, d formData) *customerForm {
	f := &customerForm{u: u, c: c}
	f.fields = newFormFields(f, c, d)
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.mark = disappointedMark()
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapWord
	f.errors.Hide()

	f.sections = container.NewAppTabs(
		container.NewTabItem(lang.L("Identity"), f.fields.identity()),
		container.NewTabItem(lang.L("Contact"), f.fields.contact()),
		container.NewTabItem(lang.L("Addresses"), f.fields.addresses()),
		container.NewTabItem(lang.L("Commercial"), f.fields.commercial()),
		container.NewTabItem(lang.L("Payment & credit"), f.fields.payment()),
		container.NewTabItem(siteTitle(d), f.fields.sitePart(d)),
		container.NewTabItem(lang.L("Custom fields"), f.fields.notesSection()),
	)
	if c.ID != 0 {
		f.sections.Append(container.NewTabItem(lang.L("Balance"), u.balanceView(c)))
		f.sections.Append(container.NewTabItem(lang.L("History"), u.historyView(c)))
	}
	f.updateTitle()

	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), f.cancel)
	buttons := []fyne.CanvasObject{cancel, f.save}
	if c.ID != 0 {
		f.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), f.confirmDelete)
		f.del.Importance = widget.DangerImportance
		buttons = append([]fyne.CanvasObject{f.del}, buttons...)
	}
	f.head = container.NewBorder(nil, nil, f.mark, nil, f.title)
	if note := sharedNote(d); note != nil {
		f.head = container.NewVBox(f.head, note)
	}
	f.body = container.NewBorder(f.head, f.errors, nil, nil, f.sections)
	dlgTitle := lang.L("New customer")
	if c.ID != 0 {
		dlgTitle = lang.L("Customer") + " " + c.Code
	}
	f.dlg = dialog.NewCustomWithoutButtons(dlgTitle, f.body, u.win)
	f.dlg.SetButtons(buttons)
	f.dlg.Resize(fyne.NewSize(860, 600))
	f.dlg.Show()
	f.initial = f.fields.snapshot()
	// Escape with no entry focused reaches the window: it cancels too,
	// when the form is on top (not under its own confirmation or the
	// balance dialog, which Escape does not close).
	cv := u.win.Canvas()
	f.layers = len(cv.Overlays().List())
	f.prevKey = cv.OnTypedKey()
	cv.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch {
		case k.Name != fyne.KeyEscape:
			if f.prevKey != nil {
				f.prevKey(k)
			}
		case len(cv.Overlays().List()) == f.layers:
			f.cancel()
		}
	})
	if c.ID == 0 {
		cv.Focus(f.fields.lastName) // a new customer starts with the name
	}
	u.lastForm = f
	return f
}

// sectionScroll is the scroll of the section shown, which the wheel over
// an entry scrolls.
func (f *customerForm) sectionScroll() fyne.Scrollable {
	if f.sections == nil || f.sections.Selected() == nil {
		return nil
	}
	s, _ := f.sections.Selected().Content.(fyne.Scrollable)
	return s
}

// edited reports whether a field differs from the form as opened.
func (f *customerForm) edited() bool { return f.fields.snapshot() != f.initial }

// cancel closes the form; after edits it first asks whether to throw them
// away.
func (f *customerForm) cancel() {
	if !f.edited() {
		f.close()
		return
	}
	d := dialog.NewConfirm(lang.L("Discard the changes?"),
		lang.L("The changes made to this customer have not been saved. They will be lost."),
		func(discard bool) {
			if discard {
				f.close()
			}
		}, f.u.win)
	d.SetConfirmText(lang.L("Discard"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.SetDismissText(lang.L("Keep editing"))
	d.Show()
}

// close hides the form and gives the window its keys back.
func (f *customerForm) close() {
	f.dlg.Hide()
	f.u.win.Canvas().SetOnTypedKey(f.prevKey)
}

// updateTitle shows the name being typed, with the red mark when the
// customer is flagged disappointed.
func (f *customerForm) updateTitle() {
	c := f.fields.read()
	name := c.Name()
	if name == "" {
		name = lang.L("New customer")
	}
	f.title.SetText(name)
	if c.Disappointed == f.mark.Visible() {
		return
	}
	if c.Disappointed {
		f.mark.Show()
	} else {
		f.mark.Hide()
	}
	if f.head != nil {
		f.head.Refresh() // the title moves beside or back over the mark
	}
}

// submit checks every field, then saves off the UI goroutine. When a rule
// is broken, the form lists every error, shows the section of the first
// and puts the cursor in its field; the service's verdict is shown the
// same way.
func (f *customerForm) submit() {
	if probs := f.problems(); len(probs) > 0 {
		f.refuse(probs, nil)
		return
	}
	c, _ := f.fields.customer()
	f.save.Disable()
	svc := f.u.svc
	f.u.work.Go(func() {
		ctx := context.Background()
		// A save waits while an import or its check holds the database
		// (one writer): say so rather than leave a greyed-out button.
		slow := time.AfterFunc(saveWaitNotice, func() {
			f.u.work.Do(func() {
				if !f.save.Disabled() {
					return
				}
				f.showMessage(widget.WarningImportance, lang.L("Waiting for the import under way to finish: your changes will be saved then."))
			})
		})
		var err error
		created := c.ID == 0
		if created {
			err = svc.CreateCustomer(ctx, c)
		} else {
			err = svc.UpdateCustomer(ctx, c)
		}
		slow.Stop()
		f.u.work.Do(func() {
			f.save.Enable()
			f.errors.Hide()
			if err != nil {
				if created && errors.Is(err, domain.ErrDuplicateCode) && f.u.siteBar.multi() {
					f.offerFromOtherSite(c.Code, err)
					return
				}
				f.refuse(nil, err)
				return
			}
			f.close()
			f.u.Refresh()
			f.u.clients.reveal(c.ID, c.Code, created)
		})
	})
}

// saveWaitNotice is how long a save may take before the form says why.
var saveWaitNotice = 1500 * time.Millisecond

func (f *customerForm) showErrors(msgs []string) {
	f.showMessage(widget.DangerImportance, strings.Join(msgs, "\n"))
}

// showMessage shows text under the sections. The form lays out again: a
// label shown for the first time has no room until its container does (a
// first "waiting" notice stayed invisible under Xvfb).
func (f *customerForm) showMessage(imp widget.Importance, text string) {
	f.errors.Importance = imp
	f.errors.SetText(text)
	f.errors.Show()
	f.body.Refresh()
}

// confirmDelete asks, then removes the customer from the directory; its
// documents stay in the history with its code and name. When operators are
// on and the one working may not delete, it says so at once (the service's
// message names the missing permission) rather than asking for nothing.
func (f *customerForm) confirmDelete() {
	svc := f.u.svc
	f.u.work.Go(func() {
		err := svc.Require(context.Background(), domain.PermDelete)
		f.u.work.Do(func() {
			if err != nil {
				f.showErrors([]string{domain.UserMessage(err, uiLang)})
				return
			}
			f.askDelete()
		})
	})
}

func (f *customerForm) askDelete() {
	msg := lang.L("Delete this customer from the directory? Its invoices and orders stay in the history.")
	d := dialog.NewConfirm(lang.L("Delete customer"), f.c.Code+" — "+f.c.Name()+"\n\n"+msg, func(ok bool) {
		if ok {
			f.delete()
		}
	}, f.u.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetDismissText(lang.L("Cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (f *customerForm) delete() {
	svc, id := f.u.svc, f.c.ID
	f.u.work.Go(func() {
		err := svc.DeleteCustomer(context.Background(), id)
		f.u.work.Do(func() {
			if err != nil {
				f.showErrors([]string{domain.UserMessage(err, uiLang)})
				return
			}
			f.close()
			f.u.Refresh()
		})
	})
}
