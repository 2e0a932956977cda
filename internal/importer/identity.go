package importer

import (
	"slices"

	"carnet/internal/domain"
)

// identityFields are what names a customer: a row matched by a weaker key
// (weakKeys) that changes one of them is a conflict to decide, not an
// ordinary change (issue 12: "C0020001 → C0001" was planned silently).
var identityFields = []string{"code", "company_name", "last_name", "first_name"}

// weakKeys are the matching keys that do not name the customer: two
// customers can share an e-mail address (a couple, a company's
// accounting address), and a SIRET or VAT number names a company, not
// which of its accounts.
var weakKeys = map[string]bool{"email": true, "siret": true, "vat_number": true}

// identity looks, on a row matched by a weak key, for identity fields
// whose file value differs from the stored one (before). It records the
// conflict in rp and, unless the options take the file's values for this
// row, puts the stored ones back on c. A stored value that was empty, or
// one that differs only in case and accents, is an ordinary change.
func (run *run) identity(c, before *domain.Customer, by string, line int, rp *RowPlan) {
	if before == nil || !weakKeys[by] {
		return
	}
	var fields []Change
	for _, f := range identityFields {
		old, _ := before.Get(f).(string)
		now, _ := c.Get(f).(string)
		if old == "" || now == old || (f != "code" && fold(now) == fold(old)) {
			continue
		}
		fields = append(fields, Change{Field: f, Old: old, New: now})
	}
	if len(fields) == 0 {
		return
	}
	taken := run.req.Options.IdentityFromFile != slices.Contains(run.req.Options.IdentityLines, line)
	if !taken {
		for _, ch := range fields {
			c.Set(ch.Field, ch.Old)
		}
	}
	rp.Conflict = &IdentityConflict{Line: line, CustomerID: before.ID, Code: before.Code, Name: before.Name(),
		By: by, Fields: fields, Taken: taken}
}
