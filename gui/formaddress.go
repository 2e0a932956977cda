package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"carnet/internal/domain"
	"carnet/internal/phone"
)

// addressEntries edits one postal address.
type addressEntries struct {
	id                                           int64
	label, line1, line2, postcode, city, country *formEntry
	wheel                                        func(fyne.CanvasObject) fyne.CanvasObject
}

func (ff *formFields) newAddressEntries(a domain.Address) addressEntries {
	e := func(v, placeholder string) *formEntry {
		w := ff.newEntry(v)
		w.SetPlaceHolder(placeholder)
		return w
	}
	return addressEntries{id: a.ID, wheel: ff.wheel,
		label:    e(a.Label, lang.L("Label (warehouse, shop…)")),
		line1:    e(a.Line1, label("billing_line1")),
		line2:    e(a.Line2, label("billing_line2")),
		postcode: e(a.Postcode, label("postcode")),
		city:     e(a.City, label("city")),
		country:  e(a.Country, "FR"),
	}
}

// form lays the address out compactly: street lines, then postcode, city
// and country on one line.
func (a addressEntries) form(withLabel bool) fyne.CanvasObject {
	w := a.wheel
	place := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, a.postcode.MinSize().Height), w(a.postcode)),
		container.NewGridWrap(fyne.NewSize(70, a.country.MinSize().Height), w(a.country)), w(a.city))
	box := container.NewVBox(w(a.line1), w(a.line2), place)
	if withLabel {
		box.Objects = append([]fyne.CanvasObject{w(a.label)}, box.Objects...)
	}
	return box
}

func (a addressEntries) read() domain.Address {
	return domain.Address{ID: a.id, Label: a.label.Text, Line1: a.line1.Text, Line2: a.line2.Text,
		Postcode: a.postcode.Text, City: a.city.Text, Country: a.country.Text}
}

// phoneText shows a stored E.164 number the way people write it.
func phoneText(e164 string) string {
	if e164 == "" {
		return ""
	}
	return phone.National(e164)
}
