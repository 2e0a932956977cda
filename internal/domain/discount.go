package domain

// Applicable is the discount a till applies to a customer at each visit
// (seed 004): the customer's own discount on products in sales when it has
// one, else the best permanent discount of its groups.
type Applicable struct {
	Percent int64  `json:"percent"` // hundredths of a percent; 0 is none
	Source  string `json:"source"`  // "own", "group", or "" when none
	Group   string `json:"group,omitempty"`
}

// Sources of an applicable discount.
const (
	DiscountOwn   = "own"
	DiscountGroup = "group"
)

// ApplicableDiscount picks the discount: own (the customer's discount on
// products in sales) if set, else the best of groups (name → discount; the
// first name in alphabetical order wins a tie, so the answer is stable).
func ApplicableDiscount(own int64, groups map[string]int64) Applicable {
	if own > 0 {
		return Applicable{Percent: own, Source: DiscountOwn}
	}
	var best Applicable
	for name, d := range groups {
		if d > best.Percent || (d == best.Percent && d > 0 && name < best.Group) {
			best = Applicable{Percent: d, Source: DiscountGroup, Group: name}
		}
	}
	return best
}

// Describe says where the discount comes from: "groupe VIP", "remise du
// client", or "aucune".
func (a Applicable) Describe(lang string) string {
	switch a.Source {
	case DiscountOwn:
		return Message{"remise propre au client", "the customer’s own discount"}.In(lang)
	case DiscountGroup:
		return Message{"groupe " + a.Group, "group " + a.Group}.In(lang)
	}
	return Message{"aucune remise", "no discount"}.In(lang)
}
