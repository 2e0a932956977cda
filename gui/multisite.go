package gui

import (
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// The Multisite tab (DESIGN §1 "Multisite tab", seed 001, issue 14 point
// 8): on the left the sites (multisite_sites.go) and, under them, the
// reference lists of the site chosen (multisite_lists.go); on the right one
// customer's presence across the sites, its shared part once and each
// site's part side by side (multisite_customer.go, multisite_grid.go), and
// its copy to other sites (multisite_copy.go). Everything goes through the
// service's site calls.

// multisiteTab is the Multisite tab.
type multisiteTab struct {
	u        *ui
	sites    *sitesPanel
	lists    *listsPanel
	presence *presencePanel
	content  fyne.CanvasObject
}

func newMultisiteTab(u *ui) *multisiteTab {
	m := &multisiteTab{u: u}
	m.sites = newSitesPanel(m)
	m.lists = newListsPanel(m)
	m.presence = newPresencePanel(m)
	// The sites are few and their lists short: the left column shares its
	// height between them, and the customer's grid, which needs width for
	// its site columns, gets the larger part of the window.
	left := container.NewVSplit(m.sites.content, m.lists.content)
	left.SetOffset(0.5)
	split := container.NewHSplit(left, m.presence.content)
	split.SetOffset(0.43)
	m.content = split
	return m
}

// reload reads the sites again (their counts, the main and current one),
// then the selected site's list and the customer shown.
func (m *multisiteTab) reload() {
	m.sites.reload()
	m.presence.refresh()
}

// siteChanged is called when the sites were read again or another site was
// chosen: the lists panel follows the selected site.
func (m *multisiteTab) siteChanged() {
	m.lists.showSite(m.sites.selectedSite())
}

// dataChanged reloads what a change to sites or presences affects, here
// and in the rest of the window: the Clients tab's list and the current
// site's choice, which appears once a second site exists.
func (m *multisiteTab) dataChanged() {
	m.u.Refresh() // this tab's too, when shown
	if m.u.siteBar != nil {
		m.u.siteBar.load()
	}
}

// msTitle is a panel's bold title.
func msTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapped is a label whose text wraps at the width it is given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// msErrorLine is a wrapping label for a refusal shown inside a dialog.
func msErrorLine() *widget.Label {
	l := wrapped("")
	l.Importance = widget.DangerImportance
	return l
}

// msRoomFor lays out a dialog's refusal line over room for two lines, kept
// from the start, so that the dialog does not grow and move when a refusal
// appears.
func msRoomFor(msg *widget.Label) fyne.CanvasObject {
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 2*widget.NewLabel("Ag").MinSize().Height-theme.InnerPadding()))
	return container.NewStack(room, msg)
}

// msMessage is what a refusal says in a dialog next to the entry it is
// about: a field error's own sentence (the service names site_code and the
// like, which are no field labels to prefix), else the user message.
func msMessage(err error) string {
	var fe *domain.FieldError
	if errors.As(err, &fe) {
		return fe.In(uiLang)
	}
	return domain.UserMessage(err, uiLang)
}

// msSiteName names a site in the tab's choices and headers: "DEPOT — Dépôt".
func msSiteName(s domain.Site) string { return s.Code + " — " + s.Name }

// msShowDialog shows d at the group dialogs' width and the height its
// content needs there. The height is asked twice: wrapped texts first
// measure at the dialog's narrower opening width, and only once laid out
// at the final width do they say how few lines they take (else a gap
// opened above the buttons).
func msShowDialog(d *dialog.CustomDialog) {
	d.Show()
	for range 2 {
		d.Resize(fyne.NewSize(groupDialogWidth, d.MinSize().Height))
	}
}
