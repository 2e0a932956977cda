package operatorsui

import (
	"slices"

	"carnet/internal/domain"
)

// The service journals a settings change under the setting's key
// ("numbering", "operators_on"…) so that the journal stays the same in both
// languages; these name them for the reader. An unknown key (a setting
// added later) shows as it is.

// subjectText is what an entry is about: a customer code, a file, a group,
// or the setting changed.
func subjectText(e domain.JournalEntry, lang string) string {
	if e.Action != domain.JournalSettings {
		return e.Subject
	}
	switch e.Subject {
	case "numbering":
		return tr("Customer numbering")
	case "phone_region":
		return tr("Phone region")
	case "accounting":
		return tr("Accounting")
	case "operators":
		return tr("Operators")
	case "operators_on":
		return tr("Ask who is working")
	case "custom_fields":
		return tr("Custom fields")
	}
	if l := domain.RefList(e.Subject); slices.Contains(domain.RefLists, l) {
		return l.Title().In(lang)
	}
	return e.Subject
}

// detailText is the entry's detail in lang.
func detailText(e domain.JournalEntry, lang string) string {
	if e.Action == domain.JournalSettings {
		switch {
		case e.Subject == "operators_on" && e.Detail == "true":
			return tr("Turned on")
		case e.Subject == "operators_on" && e.Detail == "false":
			return tr("Turned off")
		case e.Subject == "phone_region":
			return domain.RegionName(e.Detail, lang)
		}
	}
	return e.DetailIn(lang)
}
