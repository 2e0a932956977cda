package gui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/shopsync"
)

// The Synchronisation tab's settings form: every option of seed 000,
// grouped as the seed groups them (customer account, accounting account,
// options), with a preview line that says, as the user types, the code and
// account the shop's customer 42 gets, or why the settings cannot work.
// The shop is chosen beside the files (synctab.go) but saved with the rest.

// previewArrow is the arrow the service's preview writes between the ID
// and what it gets; the bundled font has none, so it is not drawn (a rune
// here, so that the font test does not take it for a text drawn).
const previewArrow = '\u2192'

// syncSettingsForm holds the form's widgets and the settings last saved.
type syncSettingsForm struct {
	t *syncTab

	emailFirst  *widget.Check
	accountMode *widget.RadioGroup
	// catchAllCode is the single customer chosen (its name is shown).
	catchAllCode   string
	catchAllName   *widget.Label
	catchAllRow    *fyne.Container
	codePrefix     *widget.Entry
	codeLength     *widget.Entry
	perCustomerRow *fyne.Container
	accountError   *widget.Label // a refusal about the customer account

	ledgerMode    *widget.RadioGroup
	ledgerAccount *widget.Entry
	ledgerSameRow *fyne.Container
	ledgerPrefix  *widget.Entry
	ledgerLength  *widget.Entry
	ledgerPerRow  *fyne.Container
	ledgerNoneRow *fyne.Container
	ledgerError   *widget.Label // a refusal about the accounting account

	salesRep                      *widget.Entry
	updateShipping, updateBilling *widget.Check
	removeAccents                 *widget.Check
	upperName, upperAddresses     *widget.Check

	// preview is the line under the form; previewText is what the
	// service says.
	preview     *widget.Label
	previewText string
	previewOK   bool
	save        *widget.Button
	saveStatus  *widget.Label

	// saved is what the customer file holds, to tell unsaved changes.
	saved shopsync.Settings
	// filling is set while the saved settings are put in the widgets:
	// their change callbacks must not count as the user's changes.
	filling bool
	root    fyne.CanvasObject
}

func newSyncSettingsForm(t *syncTab) *syncSettingsForm {
	f := &syncSettingsForm{t: t, saved: shopsync.DefaultSettings}
	changed := func() { f.changed() }
	check := func(text string) *widget.Check { return widget.NewCheck(text, func(bool) { changed() }) }
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = placeholder
		e.OnChanged = func(string) { changed() }
		return e
	}

	f.emailFirst = check(lang.L("Look the customer up by email address first"))
	f.accountMode = widget.NewRadioGroup([]string{
		lang.L("One single customer account for every web order"),
		lang.L("One customer account for each web customer"),
	}, func(string) { changed() })
	f.accountMode.Required = true
	f.catchAllName = widget.NewLabel("")
	f.catchAllName.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.SearchIcon(), func() { f.chooseCatchAll() })
	f.catchAllRow = syncIndent(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Customer:")), choose, f.catchAllName))
	f.codePrefix, f.codeLength = entry("WEB"), entry("10")
	f.perCustomerRow = syncIndent(
		patternRow(f.codePrefix, f.codeLength),
		syncHint(lang.L("Code = PREFIX + the shop’s customer number, with zeros between them to make LENGTH characters, prefix included.")))
	f.accountError = syncErrorLabel()

	f.ledgerMode = widget.NewRadioGroup([]string{
		lang.L("The same accounting account for every customer"),
		lang.L("One accounting account for each customer"),
		lang.L("No accounting account"),
	}, func(string) { changed() })
	f.ledgerMode.Required = true
	f.ledgerAccount = entry("411WEB")
	f.ledgerSameRow = syncIndent(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Account:")), nil, f.ledgerAccount))
	f.ledgerPrefix, f.ledgerLength = entry("411"), entry("10")
	f.ledgerPerRow = syncIndent(patternRow(f.ledgerPrefix, f.ledgerLength))
	f.ledgerNoneRow = syncIndent(syncHint(lang.L("The accounting software fills it in, by its own settings.")))
	f.ledgerError = syncErrorLabel()

	f.salesRep = entry(lang.L("No sales representative"))
	f.updateShipping = check(lang.L("Update delivery addresses"))
	f.updateBilling = check(lang.L("Update billing addresses"))
	f.removeAccents = check(lang.L("Remove accents from the customer name and addresses"))
	f.upperName = check(lang.L("Upper-case the customer name"))
	f.upperAddresses = check(lang.L("Upper-case the addresses"))

	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButtonWithIcon(lang.L("Save the settings"), theme.DocumentSaveIcon(), func() { f.saveSettings() })
	f.saveStatus = widget.NewLabel("")
	f.saveStatus.Wrapping = fyne.TextWrapWord

	groups := container.NewVBox(
		syncHeading(lang.L("Customer account")),
		f.emailFirst, f.accountMode, f.catchAllRow, f.perCustomerRow, f.accountError,
		widget.NewSeparator(),
		syncHeading(lang.L("Accounting account")),
		f.ledgerMode, f.ledgerSameRow, f.ledgerPerRow, f.ledgerNoneRow, f.ledgerError,
		widget.NewSeparator(),
		syncHeading(lang.L("Options")),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sales representative for new customers:")), nil, f.salesRep),
		f.updateShipping, f.updateBilling, f.removeAccents, f.upperName, f.upperAddresses,
	)
	previewTitle := widget.NewLabelWithStyle(lang.L("Preview:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, previewTitle, nil, f.preview),
		container.NewHBox(f.save), f.saveStatus)
	f.root = container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(container.NewPadded(groups)))
	f.fill(shopsync.DefaultSettings)
	return f
}

// syncIndent sets o under the choice it belongs to.
func syncIndent(o ...fyne.CanvasObject) *fyne.Container {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.Padding()*6, 0))
	return container.NewBorder(nil, nil, gap, nil, container.NewVBox(o...))
}

// patternRow is PREFIX and LENGTH side by side.
func patternRow(prefix, length *widget.Entry) fyne.CanvasObject {
	return container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Prefix:")), nil, prefix),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Length:")), nil, length))
}

func syncHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func syncHint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func syncErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// load reads the saved settings off the UI goroutine and shows them.
func (f *syncSettingsForm) load() {
	syncer := f.t.syncer
	f.t.u.work.Go(func() {
		set, err := syncer.LoadSettings(context.Background())
		f.t.u.work.Do(func() {
			if err != nil {
				f.say(widget.DangerImportance, domain.UserMessage(err, uiLang))
				return
			}
			f.saved = set
			f.t.shopChosen(set.Shop)
			f.fill(set)
			f.lookUpCatchAll()
		})
	})
}

// fill puts s in the widgets.
func (f *syncSettingsForm) fill(s shopsync.Settings) {
	f.filling = true
	defer func() { f.filling = false; f.changed() }()
	f.emailFirst.SetChecked(s.EmailFirst)
	f.accountMode.SetSelected(f.accountMode.Options[boolIndex(s.AccountMode == shopsync.AccountPerCustomer)])
	f.catchAllCode = s.CatchAllCode
	f.catchAllName.SetText(s.CatchAllCode)
	f.codePrefix.SetText(s.CodePrefix)
	f.codeLength.SetText(lengthText(s.CodeLength))
	ledger := map[shopsync.LedgerMode]int{shopsync.LedgerSame: 0, shopsync.LedgerPerCustomer: 1, shopsync.LedgerNone: 2}[s.LedgerMode]
	f.ledgerMode.SetSelected(f.ledgerMode.Options[ledger])
	f.ledgerAccount.SetText(s.LedgerAccount)
	f.ledgerPrefix.SetText(s.LedgerPrefix)
	f.ledgerLength.SetText(lengthText(s.LedgerLength))
	f.salesRep.SetText(s.SalesRep)
	f.updateShipping.SetChecked(s.UpdateShipping)
	f.updateBilling.SetChecked(s.UpdateBilling)
	f.removeAccents.SetChecked(s.RemoveAccents)
	f.upperName.SetChecked(s.UpperName)
	f.upperAddresses.SetChecked(s.UpperAddresses)
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

func lengthText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// errLength: a LENGTH that is not a whole number.
var errLength = errors.New("length")

// settings are the settings the form shows; an error when a LENGTH is not
// a number (the service checks the rest).
func (f *syncSettingsForm) settings() (shopsync.Settings, error) {
	s := shopsync.Settings{
		Shop:           f.t.shop(),
		EmailFirst:     f.emailFirst.Checked,
		AccountMode:    shopsync.AccountCatchAll,
		CatchAllCode:   f.catchAllCode,
		CodePrefix:     strings.TrimSpace(f.codePrefix.Text),
		LedgerAccount:  strings.TrimSpace(f.ledgerAccount.Text),
		LedgerPrefix:   strings.TrimSpace(f.ledgerPrefix.Text),
		SalesRep:       strings.TrimSpace(f.salesRep.Text),
		UpdateShipping: f.updateShipping.Checked,
		UpdateBilling:  f.updateBilling.Checked,
		RemoveAccents:  f.removeAccents.Checked,
		UpperName:      f.upperName.Checked,
		UpperAddresses: f.upperAddresses.Checked,
	}
	if f.accountMode.Selected == f.accountMode.Options[1] {
		s.AccountMode = shopsync.AccountPerCustomer
	}
	switch f.ledgerMode.Selected {
	case f.ledgerMode.Options[0]:
		s.LedgerMode = shopsync.LedgerSame
	case f.ledgerMode.Options[1]:
		s.LedgerMode = shopsync.LedgerPerCustomer
	default:
		s.LedgerMode = shopsync.LedgerNone
	}
	var err error
	if s.CodeLength, err = parseLength(f.codeLength.Text); err != nil && s.AccountMode == shopsync.AccountPerCustomer {
		return s, err
	}
	if s.LedgerLength, err = parseLength(f.ledgerLength.Text); err != nil && s.LedgerMode == shopsync.LedgerPerCustomer {
		return s, err
	}
	return s, nil
}

func parseLength(text string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return 0, errLength
	}
	return n, nil
}

// formError is what the form says of a settings error.
func formError(err error) string {
	if errors.Is(err, errLength) {
		return lang.L("Length: a whole number of characters, from 1 to 20, prefix included.")
	}
	return domain.UserMessage(err, uiLang)
}

// changed shows the rows of the modes chosen, updates the preview line
// and tells the tab (a dry run made under other settings is out of date).
func (f *syncSettingsForm) changed() {
	if f.filling {
		return
	}
	syncShowIf(f.catchAllRow, f.accountMode.Selected == f.accountMode.Options[0])
	syncShowIf(f.perCustomerRow, f.accountMode.Selected == f.accountMode.Options[1])
	syncShowIf(f.ledgerSameRow, f.ledgerMode.Selected == f.ledgerMode.Options[0])
	syncShowIf(f.ledgerPerRow, f.ledgerMode.Selected == f.ledgerMode.Options[1])
	syncShowIf(f.ledgerNoneRow, f.ledgerMode.Selected == f.ledgerMode.Options[2])
	f.accountError.Hide()
	f.ledgerError.Hide()
	f.showPreview()
	s, err := f.settings()
	dirty := err != nil || s != f.saved
	if dirty {
		f.save.Importance = widget.HighImportance
		f.say(widget.WarningImportance, lang.L("Changes not saved yet: a dry run or a sync uses the settings shown."))
	} else {
		f.save.Importance = widget.MediumImportance
		if f.saveStatus.Importance == widget.WarningImportance {
			f.say(widget.MediumImportance, "")
		}
	}
	f.save.Refresh()
	f.t.settingsChanged()
}

func syncShowIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// showPreview writes what customer 42 of the shop gets, or why the
// settings cannot work. The service writes an arrow the bundled font
// lacks: a colon takes its place.
func (f *syncSettingsForm) showPreview() {
	s, err := f.settings()
	if err == nil {
		f.previewText = s.Preview(shopsync.SampleID).In(uiLang)
		f.previewOK = previewWorks(s)
	} else {
		f.previewText, f.previewOK = formError(err), false
	}
	text := f.previewText
	if before, after, ok := strings.Cut(text, string(previewArrow)); ok {
		text = fmt.Sprintf(lang.L("%s: %s"), strings.TrimSpace(before), strings.TrimSpace(after))
	}
	f.preview.Importance = widget.SuccessImportance
	if !f.previewOK {
		f.preview.Importance = widget.DangerImportance
	}
	f.preview.SetText(text)
}

// previewWorks reports whether settings s can sync (the preview line then
// shows a code, not a reason).
func previewWorks(s shopsync.Settings) bool {
	if s.Check() != nil {
		return false
	}
	if s.AccountMode == shopsync.AccountPerCustomer {
		if _, err := s.CodeFor(shopsync.SampleID); err != nil {
			return false
		}
	}
	_, err := s.AccountFor(shopsync.SampleID)
	return err == nil
}

// saveSettings saves the settings shown; a refusal is shown under the
// group it is about, and nothing is saved.
func (f *syncSettingsForm) saveSettings() {
	s, err := f.settings()
	if err != nil {
		f.refused(s, err)
		return
	}
	syncer := f.t.syncer
	f.say(widget.MediumImportance, lang.L("Saving…"))
	f.t.u.work.Go(func() {
		err := syncer.SaveSettings(context.Background(), s)
		f.t.u.work.Do(func() {
			if err != nil {
				f.refused(s, err)
				return
			}
			f.saved = s
			f.changed()
			f.say(widget.SuccessImportance, lang.L("Settings saved."))
		})
	})
}

// refused shows why s cannot be saved next to the group it is about: the
// customer account, else the accounting account, else under Save.
func (f *syncSettingsForm) refused(s shopsync.Settings, err error) {
	f.say(widget.DangerImportance, lang.L("Not saved: correct the settings shown in red."))
	text := formError(err)
	withoutLedger := s
	withoutLedger.LedgerMode = shopsync.LedgerNone
	aboutAccount := withoutLedger.Check() != nil
	if errors.Is(err, errLength) {
		_, codeErr := parseLength(f.codeLength.Text)
		aboutAccount = codeErr != nil && s.AccountMode == shopsync.AccountPerCustomer
	} else if s.Check() == nil {
		f.say(widget.DangerImportance, text) // not about the settings: the file, a permission
		return
	}
	if aboutAccount {
		f.accountError.SetText(text)
		f.accountError.Show()
	} else {
		f.ledgerError.SetText(text)
		f.ledgerError.Show()
	}
}

func (f *syncSettingsForm) say(imp widget.Importance, text string) {
	f.saveStatus.Importance = imp
	f.saveStatus.SetText(text)
	syncShowIf(f.saveStatus, text != "")
}
