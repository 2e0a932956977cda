package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/store"
)

// presencePanel finds one customer and shows its presence across the
// sites: its shared part once, each site's part side by side
// (multisite_grid.go), and adds it to the sites it is not on yet
// (multisite_copy.go).
type presencePanel struct {
	m *multisiteTab

	search *widget.Entry
	find   *widget.Button
	// searched is the text the last search was for: searching it again
	// would show the same, so Search waits for another text.
	searched string
	// asked counts the searches and reads asked for: only the last one's
	// answer is shown, whatever order they come back in.
	asked int
	// status says what the last search or copy did.
	status           *widget.Label
	who              *widget.Label
	addOne, copyMany *widget.Button
	// reach says why neither can be pressed.
	reach *widget.Label
	// actions holds who and the buttons, shown with a customer.
	actions *fyne.Container

	// matches are the customers a search found when it found several.
	matches   []store.ListRow
	matchList *widget.List
	// The body shows, one at a time, the hint, the matches or the grid.
	hint fyne.CanvasObject
	// gridView is the grid: its head, kept in view, over its rows, which
	// scroll.
	gridHead, gridBox *fyne.Container
	gridScroll        *container.Scroll
	gridView          fyne.CanvasObject
	body              *fyne.Container

	// shownID is the customer shown (0: none); onSites is how each site it
	// is on sees it; sites are every site of the file.
	shownID int64
	onSites []*domain.Customer
	sites   []domain.Site
	content fyne.CanvasObject
}

func newPresencePanel(m *multisiteTab) *presencePanel {
	p := &presencePanel{m: m}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Customer code, card or name"))
	p.search.OnSubmitted = func(string) { p.lookUp() }
	p.find = widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), p.lookUp)
	p.find.Disable()
	p.search.OnChanged = func(string) { p.enableFind() }
	p.status = wrapped("")
	p.status.Hide()
	p.who = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.who.Wrapping = fyne.TextWrapWord
	p.addOne = widget.NewButtonWithIcon(lang.L("Add to a site…"), theme.ContentAddIcon(), p.addOneDialog)
	p.copyMany = widget.NewButtonWithIcon(lang.L("Copy to several sites…"), theme.ContentCopyIcon(), p.copyDialog)
	p.addOne.Disable()
	p.copyMany.Disable()
	p.reach = wrapped("")
	p.reach.Importance = widget.LowImportance
	p.reach.Hide()

	p.matchList = widget.NewList(func() int { return len(p.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.matches) {
				o.(*widget.Label).SetText(matchText(p.matches[i]))
			}
		})
	p.matchList.OnSelected = func(i widget.ListItemID) {
		if i < len(p.matches) {
			// The same search brings the matches back to choose another.
			p.searched = ""
			p.enableFind()
			p.setStatus("")
			p.show(p.matches[i].ID)
		}
	}
	hint := wrapped(lang.L("Look up a customer by its code, its card or its name to see it on every site: the shared fields once, and each site’s own fields side by side."))
	hint.Importance = widget.LowImportance
	shared := wrapped(lang.L("Shared fields have one value on every site: a change made on one site is seen on all. Each site keeps its own site fields."))
	shared.Importance = widget.LowImportance
	p.hint = container.NewVBox(hint, shared)
	p.gridHead, p.gridBox = container.NewVBox(), container.NewVBox()
	p.gridScroll = container.NewVScroll(p.gridBox)
	p.gridView = container.NewBorder(p.gridHead, nil, nil, nil, p.gridScroll)
	p.body = container.NewStack(p.hint)

	p.actions = container.NewVBox(p.who, container.NewBorder(nil, nil, container.NewHBox(p.addOne, p.copyMany), nil, p.reach))
	p.actions.Hide()
	top := container.NewVBox(msTitle(lang.L("A customer on the sites")),
		container.NewBorder(nil, nil, nil, p.find, p.search), p.status, p.actions)
	p.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, p.body))
	return p
}

// enableFind offers Search for a text not searched yet.
func (p *presencePanel) enableFind() {
	if s := strings.TrimSpace(p.search.Text); s == "" || s == p.searched {
		p.find.Disable()
	} else {
		p.find.Enable()
	}
}

// setStatus says text above the customer, or nothing (the line goes).
func (p *presencePanel) setStatus(text string) {
	p.status.SetText(text)
	if text == "" {
		p.status.Hide()
	} else {
		p.status.Show()
	}
}

// matchText is a customer found, as the matches list shows it.
func matchText(r store.ListRow) string {
	parts := []string{r.Name, r.Code}
	if r.City != "" {
		parts = append(parts, r.City)
	}
	return strings.Join(parts, " — ")
}

// setBody shows o in the body.
func (p *presencePanel) setBody(o fyne.CanvasObject) {
	p.body.Objects = []fyne.CanvasObject{o}
	p.body.Refresh()
}

// lookUp finds the customer typed: its code or card exactly, else the
// customers whose code, names, e-mail, phone or city hold the text. One
// found is shown; several are listed to choose from.
func (p *presencePanel) lookUp() {
	text := strings.TrimSpace(p.search.Text)
	if text == "" {
		return
	}
	u := p.m.u
	svc := u.svc
	p.asked++
	asked := p.asked
	u.work.Go(func() {
		ctx := context.Background()
		var rows []store.ListRow
		c, err := svc.CustomerByReference(ctx, text)
		if errors.Is(err, domain.ErrNotFound) {
			rows, err = svc.Search(ctx, store.Query{Text: text, Limit: maxMatches})
		} else if err == nil {
			rows = []store.ListRow{{ID: c.ID}}
		}
		u.work.Do(func() {
			if svc != u.svc || asked != p.asked {
				return // another file, or a later search
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.found(text, rows)
		})
	})
}

// maxMatches bounds the customers a search lists: past it, the user types
// more of the name.
const maxMatches = 50

// found shows what a search for text found.
func (p *presencePanel) found(text string, rows []store.ListRow) {
	p.searched = text
	p.enableFind()
	switch len(rows) {
	case 0:
		p.clear()
		p.setStatus(fmt.Sprintf(lang.L("No customer matches “%s”."), text))
	case 1:
		p.setStatus("")
		p.show(rows[0].ID)
	default:
		p.clear()
		p.matches = rows
		p.matchList.UnselectAll()
		p.matchList.Refresh()
		p.matchList.ScrollToTop()
		say := plural(len(rows), "%s customer matches: choose one.", "%s customers match: choose one.", format.Count(len(rows), uiLang))
		if len(rows) == maxMatches {
			say = fmt.Sprintf(lang.L("The first %s customers found: choose one, or type more of the name."), format.Count(len(rows), uiLang))
		}
		p.setStatus(say)
		p.setBody(p.matchList)
	}
}

// clear shows no customer.
func (p *presencePanel) clear() {
	p.shownID, p.onSites = 0, nil
	p.who.SetText("")
	p.addOne.Disable()
	p.copyMany.Disable()
	p.actions.Hide()
	p.setBody(p.hint)
}

// show reads the customer id as each site sees it, and every site.
func (p *presencePanel) show(id int64) {
	u := p.m.u
	svc := u.svc
	p.asked++
	asked := p.asked
	u.work.Go(func() {
		ctx := context.Background()
		onSites, err := svc.CustomerOnSites(ctx, id)
		var sites []domain.Site
		if err == nil {
			sites, err = svc.SiteCodes(ctx)
		}
		u.work.Do(func() {
			if svc != u.svc || asked != p.asked {
				return // another file, or a later search or choice
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.showCustomer(id, onSites, sites)
		})
	})
}

// refresh reads the customer shown again (after a copy, or when the sites
// changed); the same text may be searched again, customers may have
// changed meanwhile.
func (p *presencePanel) refresh() {
	p.searched = ""
	p.enableFind()
	if p.shownID != 0 {
		p.show(p.shownID)
	}
}

// showCustomer lays out the customer's presence.
func (p *presencePanel) showCustomer(id int64, onSites []*domain.Customer, sites []domain.Site) {
	if len(onSites) == 0 {
		p.clear() // deleted meanwhile
		return
	}
	p.shownID, p.onSites, p.sites = id, onSites, sites
	c := onSites[0]
	codes := make([]string, len(onSites))
	for i, o := range onSites {
		codes[i] = o.Site.Site
	}
	p.who.SetText(fmt.Sprintf(lang.L("%s (%s), on %s"), c.Name(), c.Code, strings.Join(codes, ", ")))
	p.actions.Show()
	p.reach.Hide()
	p.addOne.Enable()
	p.copyMany.Enable()
	if len(p.sitesMissing()) == 0 {
		p.addOne.Disable()
		p.copyMany.Disable()
		p.reach.SetText(lang.L("It is on every site."))
		if len(sites) < 2 {
			p.reach.SetText(lang.L("The file has a single site: add one in the list of sites to copy customers to it."))
		}
		p.reach.Show()
	}
	p.fillGrid()
	p.setBody(p.gridView)
}

// sitesMissing are the sites the customer shown is not on.
func (p *presencePanel) sitesMissing() []domain.Site {
	on := map[string]bool{}
	for _, o := range p.onSites {
		on[o.Site.Site] = true
	}
	var out []domain.Site
	for _, s := range p.sites {
		if !on[s.Code] {
			out = append(out, s)
		}
	}
	return out
}

// siteNamed is the site whose code is code, or a site of that code alone.
func (p *presencePanel) siteNamed(code string) domain.Site {
	for _, s := range p.sites {
		if s.Code == code {
			return s
		}
	}
	return domain.Site{Code: code, Name: code}
}
