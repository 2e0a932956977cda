package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/phone"
)

// addressEntries edits one postal address.
type addressEntries struct {
	id                                           int64
	label, line1, line2, postcode, city, country *widget.Entry
}

func newAddressEntries(a domain.Address) addressEntries {
	e := func(v, placeholder string) *widget.Entry {
		w := widget.NewEntry()
		w.SetText(v)
		w.SetPlaceHolder(placeholder)
		return w
	}
	return addressEntries{id: a.ID,
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
	place := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, a.postcode.MinSize().Height), a.postcode),
		container.NewGridWrap(fyne.NewSize(70, a.country.MinSize().Height), a.country), a.city)
	box := container.NewVBox(a.line1, a.line2, place)
	if withLabel {
		box.Objects = append([]fyne.CanvasObject{a.label}, box.Objects...)
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
