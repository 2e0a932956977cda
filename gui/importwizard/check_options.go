package importwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

// checkOptions are the choices beside the check that change its outcome;
// each change runs the check again.
type checkOptions struct {
	key                      *widget.Select
	empty                    *widget.RadioGroup
	protected                *widget.CheckGroup
	groups, sources, balance *widget.Check
	codeRequired             *widget.Check
	protectedKeys            []string // protected's options, as field keys
	root                     fyne.CanvasObject
	// site chooses the site the import writes to, shown once the file has
	// a second site; sites gives the codes and the current one.
	site     *widget.Select
	siteLine *fyne.Container
	sites    func() (codes []string, current string)
}

// Matching keys offered, in the order of the engine's automatic choice.
var keys = []importer.Key{importer.KeyAuto, importer.KeyID, importer.KeyCode, importer.KeyEmail, importer.KeySIRET}

func newCheckOptions(s *checkStep) *checkOptions {
	o := &checkOptions{sites: s.w.d.Sites}
	o.site = widget.NewSelect(nil, func(code string) {
		s.optionChanged(func(opt *importer.Options) { opt.Site = code })
	})
	keyLabels := []string{tr("Automatic: customer ID, then code, email, SIRET"), tr("Customer ID"), tr("Customer code"), tr("Email"), tr("SIRET or VAT number")}
	o.key = widget.NewSelect(keyLabels, func(string) {
		k := keys[o.key.SelectedIndex()]
		s.optionChanged(func(opt *importer.Options) { opt.Key = k })
	})
	o.empty = widget.NewRadioGroup([]string{tr("An empty cell keeps the stored value"), tr("An empty cell clears the stored value")}, func(v string) {
		clears := v == tr("An empty cell clears the stored value")
		s.optionChanged(func(opt *importer.Options) { opt.EmptyClears = clears })
	})
	o.empty.Required = true
	o.protected = widget.NewCheckGroup(nil, func([]string) {
		checked := o.checkedProtected(s.w.d.Lang)
		s.optionChanged(func(opt *importer.Options) { opt.Protected = checked })
	})
	o.groups = widget.NewCheck(tr("Create the groups that do not exist"), func(v bool) {
		s.optionChanged(func(opt *importer.Options) { opt.CreateGroups = v })
	})
	o.sources = widget.NewCheck(tr("Create the marketing sources that do not exist"), func(v bool) {
		s.optionChanged(func(opt *importer.Options) { opt.CreateSources = v })
	})
	o.balance = widget.NewCheck(tr("Apply the balances (as a balance adjustment entry)"), func(v bool) {
		s.optionChanged(func(opt *importer.Options) { opt.ApplyBalance = v })
	})
	o.codeRequired = widget.NewCheck(tr("Customer code required"), func(v bool) {
		s.optionChanged(func(opt *importer.Options) { opt.CodeRequired = v })
	})
	codeHint := widget.NewLabel(tr("A row without a code is refused instead of being given the next number."))
	codeHint.Importance = widget.LowImportance
	codeHint.Wrapping = fyne.TextWrapWord
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	siteHint := widget.NewLabel(tr("Shared columns update the record every site shares; the site’s own columns, this site’s part. Customers of other sites named by the file join this site."))
	siteHint.Importance = widget.LowImportance
	siteHint.Wrapping = fyne.TextWrapWord
	o.siteLine = container.NewVBox(bold(tr("Import into the site")), o.site, siteHint)
	o.siteLine.Hide()
	o.root = container.NewVBox(o.siteLine,
		bold(tr("Find existing customers by")), o.key,
		bold(tr("Empty cells")), o.empty,
		bold(tr("Protected fields (never overwritten)")), o.protected,
		bold(tr("Other options")), o.groups, o.sources, o.balance,
		o.codeRequired, codeHint)
	return o
}

// show shows opt and the fields mapping may protect, without running the
// check (the caller holds its syncing flag).
func (o *checkOptions) show(opt importer.Options, mapping importer.Mapping, lang string) {
	for i, k := range keys {
		if k == opt.Key {
			o.key.SetSelectedIndex(i)
		}
	}
	if opt.EmptyClears {
		o.empty.SetSelected(tr("An empty cell clears the stored value"))
	} else {
		o.empty.SetSelected(tr("An empty cell keeps the stored value"))
	}
	// The protected fields offered: the default ones and every field mapped.
	o.protectedKeys = nil
	seen := map[string]bool{}
	add := func(k string) {
		if f, ok := domain.FieldByKey(k); ok && !seen[k] && !f.Computed && k != "id" && k != "code" {
			seen[k] = true
			o.protectedKeys = append(o.protectedKeys, k)
		}
	}
	for _, k := range importer.DefaultProtected() {
		add(k)
	}
	for _, k := range mapping {
		add(k)
	}
	for _, k := range opt.Protected {
		add(k)
	}
	var labels, checked []string
	on := map[string]bool{}
	for _, k := range opt.Protected {
		on[k] = true
	}
	for _, k := range o.protectedKeys {
		labels = append(labels, fieldLabel(k, lang))
		if on[k] {
			checked = append(checked, fieldLabel(k, lang))
		}
	}
	o.protected.Options = labels
	o.protected.SetSelected(checked)
	o.groups.SetChecked(opt.CreateGroups)
	o.sources.SetChecked(opt.CreateSources)
	o.balance.SetChecked(opt.ApplyBalance)
	o.codeRequired.SetChecked(opt.CodeRequired)
	o.showSites(opt.Site)
}

// showSites offers the file's sites, chosen selected (the current site
// when none is), or hides the choice while there is one site.
func (o *checkOptions) showSites(chosen string) {
	if o.sites == nil {
		return
	}
	codes, current := o.sites()
	if len(codes) < 2 {
		o.siteLine.Hide()
		return
	}
	if chosen == "" {
		chosen = current
	}
	o.site.Options = codes
	o.site.Selected = chosen // no callback: the check runs for the options as they are
	o.site.Refresh()
	o.siteLine.Show()
}

func (o *checkOptions) checkedProtected(lang string) []string {
	on := map[string]bool{}
	for _, l := range o.protected.Selected {
		on[l] = true
	}
	out := []string{}
	for _, k := range o.protectedKeys {
		if on[fieldLabel(k, lang)] {
			out = append(out, k)
		}
	}
	return out
}

// optionChanged applies an option the user changed and checks again.
func (s *checkStep) optionChanged(set func(*importer.Options)) {
	if s.syncing {
		return
	}
	set(&s.w.options)
	s.w.plan = nil
	s.runCheck()
}
