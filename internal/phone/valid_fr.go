package phone

import (
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// frenchValid is libphonenumber's IsValidNumber for a French (+33)
// national significant number, with the plan's patterns compiled once.
// The library, for every number, builds each number type's pattern string
// again, looks it up in a locked cache and matches it twice, over ten
// types: two thirds of the phone work of an import of French numbers.
//
// The answer is the library's by construction: IsValidNumber asks only
// whether the number's type is known, which is when the plan's general
// description matches and any type's description does (the order of the
// types decides which type, not whether one matches); a description
// matches when its possible lengths, if listed, include the number's and
// its pattern matches the whole number. The metadata is the library's own
// (MetadataCollection); the test compares the two on every four-digit
// prefix of the plan.
func frenchValid(nsn string) bool {
	plan := frenchPlan()
	if plan == nil {
		cc := int32(33)
		n, err := strconv.ParseUint(nsn, 10, 64)
		return err == nil && phonenumbers.IsValidNumber(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &n})
	}
	if !plan.general.matches(nsn) {
		return false
	}
	for _, d := range plan.types {
		if d.matches(nsn) {
			return true
		}
	}
	return false
}

// numberDesc is one description of a numbering plan, ready to match.
type numberDesc struct {
	lengths []int32
	pattern *regexp.Regexp
}

func (d numberDesc) matches(nsn string) bool {
	if len(d.lengths) > 0 && !slices.Contains(d.lengths, int32(len(nsn))) {
		return false
	}
	return d.pattern.MatchString(nsn)
}

type numberingPlan struct {
	general numberDesc
	types   []numberDesc // the commonest first: mobile, fixed line
}

// frenchPlan is FR's plan from libphonenumber's metadata, or nil if the
// metadata has no such plan (frenchValid then asks the library).
var frenchPlan = sync.OnceValue(func() *numberingPlan {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil
	}
	for _, md := range coll.GetMetadata() {
		if md.GetId() != "FR" || md.GetCountryCode() != 33 || md.GetGeneralDesc() == nil {
			continue
		}
		desc := func(d *phonenumbers.PhoneNumberDesc) numberDesc {
			// As the library writes it: the whole number must match.
			return numberDesc{lengths: d.GetPossibleLength(), pattern: regexp.MustCompile("^(?:" + d.GetNationalNumberPattern() + ")$")}
		}
		plan := &numberingPlan{general: desc(md.GetGeneralDesc())}
		for _, d := range []*phonenumbers.PhoneNumberDesc{md.GetMobile(), md.GetFixedLine(), md.GetPremiumRate(), md.GetTollFree(),
			md.GetSharedCost(), md.GetVoip(), md.GetPersonalNumber(), md.GetPager(), md.GetUan(), md.GetVoicemail()} {
			if d != nil {
				plan.types = append(plan.types, desc(d))
			}
		}
		return plan
	}
	return nil
})
