package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// siteBar is the current site's choice, at the bottom of the window at all
// times once the file has a second site; a business with one site never
// sees it (seed 001: the current site is always visible).
type siteBar struct {
	u       *ui
	choice  *widget.Select
	content *fyne.Container
	sites   []domain.Site
	current domain.Site
}

func newSiteBar(u *ui) *siteBar {
	b := &siteBar{u: u}
	b.choice = widget.NewSelect(nil, b.chosen)
	// Wide enough for "DEPOT — Dépôt de Villeurbanne": a Select is as
	// narrow as its shortest need.
	wide := container.NewGridWrap(fyne.NewSize(340, b.choice.MinSize().Height), b.choice)
	b.content = container.NewHBox(widget.NewLabelWithStyle(lang.L("Current site:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wide)
	b.content.Hide()
	return b
}

// siteLabel is a site as the choice shows it (the Multisite tab says
// which is the main one).
func siteLabel(s domain.Site) string { return s.Code + " — " + s.Name }

// multi reports whether the file has several sites.
func (b *siteBar) multi() bool { return len(b.sites) > 1 }

// load reads the sites and makes the one the window last worked on current
// (off the UI goroutine), then shows them.
func (b *siteBar) load() {
	svc := b.u.svc
	b.u.work.Go(func() {
		ctx := context.Background()
		current, err := svc.UseSavedSite(ctx)
		var sites []domain.Site
		if err == nil {
			sites, err = svc.SiteCodes(ctx)
		}
		b.u.work.Do(func() {
			if err != nil || svc != b.u.svc {
				return
			}
			b.show(sites, current)
		})
	})
}

// show puts sites in the choice with current selected, and tells the tabs
// that follow the site.
func (b *siteBar) show(sites []domain.Site, current domain.Site) {
	changed := current.ID != b.current.ID || len(sites) != len(b.sites)
	b.sites, b.current = sites, current
	opts := make([]string, len(sites))
	for i, s := range sites {
		opts[i] = siteLabel(s)
	}
	b.choice.OnChanged = nil
	b.choice.Options = opts
	b.choice.Selected = siteLabel(current)
	b.choice.Refresh()
	b.choice.OnChanged = b.chosen
	if b.multi() {
		b.content.Show()
	} else {
		b.content.Hide()
	}
	if changed {
		b.u.siteChanged()
	}
}

// chosen makes the site picked in the choice current, and remembered for
// the next start.
func (b *siteBar) chosen(label string) {
	for _, s := range b.sites {
		if siteLabel(s) != label || s.ID == b.current.ID {
			continue
		}
		svc, code := b.u.svc, s.Code
		b.u.work.Go(func() {
			site, err := svc.UseSite(context.Background(), code, true)
			b.u.work.Do(func() {
				if err != nil {
					b.u.showError(err)
					return
				}
				b.current = site
				b.u.siteChanged()
			})
		})
	}
}

// siteChanged shows every tab as the current site sees it.
func (u *ui) siteChanged() {
	u.clients.siteChanged(u.siteBar.current, u.siteBar.multi())
	u.Refresh()
}
