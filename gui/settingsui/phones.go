package settingsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/nyaruka/phonenumbers"

	"carnet/internal/domain"
)

// phones is the section of the default region of phone numbers, saved as
// soon as it is chosen, with an example of how a number typed without its
// international prefix is read.
func (w *window) phones() fyne.CanvasObject {
	names := make([]string, len(domain.PhoneRegions))
	for i, r := range domain.PhoneRegions {
		names[i] = r.Name.In(w.lang)
	}
	codeOf := func(name string) string {
		for i, n := range names {
			if n == name {
				return domain.PhoneRegions[i].Code
			}
		}
		return ""
	}
	region := widget.NewSelect(names, nil)
	example := hint("")
	note := newNote()
	var saved string // the region stored, put back when a choice is refused
	var choose func(string)
	choose = func(name string) {
		code := codeOf(name)
		example.SetText(w.phoneExample(code))
		w.save(note, tr("Saved: %s.", name), func(ctx context.Context) error { return w.svc.SetPhoneRegion(ctx, code) },
			func(err error) {
				if err == nil {
					saved = name
					return
				}
				region.OnChanged = nil
				region.SetSelected(saved)
				example.SetText(w.phoneExample(codeOf(saved)))
				region.OnChanged = choose
			})
	}
	load(w, note, w.svc.Settings, func(st domain.Settings) {
		saved = domain.RegionName(st.PhoneRegion, w.lang)
		region.SetSelected(saved)
		example.SetText(w.phoneExample(st.PhoneRegion))
		region.OnChanged = choose
	})
	return scrolled(
		hint(tr("The region a phone number typed without its international prefix belongs to, on the customer form and in imports. It is also the country of an address typed without one.")),
		field(tr("Default region"), container.NewGridWithColumns(2, region), ""),
		example, note,
		widget.NewSeparator(),
		dim(hint(tr("Numbers already stored keep their international form: changing the region only changes how new numbers are read. A number typed with its prefix (+32, 0041…) is always read as such."))),
	)
}

// phoneExample says how a number of the region typed without prefix is
// read, from the numbering plan's example mobile number.
func (w *window) phoneExample(region string) string {
	n := phonenumbers.GetExampleNumberForType(region, phonenumbers.MOBILE)
	if n == nil {
		return ""
	}
	typed := phonenumbers.Format(n, phonenumbers.NATIONAL)
	e164, bad := w.svc.Phones.ToE164(typed, region)
	if bad != nil {
		return bad.In(w.lang)
	}
	read, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return ""
	}
	s := tr("For example, “%s” typed without prefix is read as %s.", typed, phonenumbers.Format(read, phonenumbers.INTERNATIONAL))
	if region == "FR" {
		s += "\n" + tr("Numbers of the overseas departments are recognised by their own prefix: “0696 20 12 34” is read as +596 696 20 12 34 (Martinique).")
	}
	return s
}
