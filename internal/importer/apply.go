package importer

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/phone"
)

// apply builds the customer the row describes (a copy of existing updated
// by the row, or a new one: fresh when a worker built it), validates it
// through Customer.Normalize and writes it.
func (run *run) apply(ctx context.Context, line int, pr parsedRow, fresh *freshCustomer, existing *domain.Customer, by string, rp *RowPlan, phones domain.PhoneParser) error {
	var before *domain.Customer
	var balance *int64
	c := &domain.Customer{}
	if existing == nil && fresh != nil {
		var invalid bool
		if c, balance, invalid = run.takeFresh(line, fresh, rp); invalid {
			return nil
		}
	} else {
		if existing != nil {
			run.thrownFresh(line, fresh)
			before = clone(existing)
			c = existing
		}
		balance = run.setFields(c, existing, line, pr, rp)
		run.identity(c, before, by, line, rp)
		inferKind(c, existing, pr)
		if invalid, err := run.normalize(c, line, pr, rp, phones); invalid || err != nil {
			return err
		}
	}
	if p := run.resolveNames(ctx, line, c, rp, true); p != nil || rp.Action == ActionError {
		return p
	}

	current, delta := run.balanceDelta(existing, balance)
	if existing != nil {
		rp.Changes = diff(before, c, pr, run.req.Lang)
		if !c.Site.Present {
			// A customer of another site that the file names joins the
			// import's site: a change of its own, so the row is written.
			c.Site.Present = true
			rp.Changes = append(rp.Changes, Change{Field: "site", New: c.Site.Site})
		}
	}
	if delta != 0 {
		rp.Changes = append(rp.Changes, Change{Field: "balance", Old: format.Money(current, run.req.Lang), New: format.Money(*balance, run.req.Lang)})
	}
	rp.Name = c.Name()
	if done, err := run.write(ctx, line, c, existing, pr, rp); done || err != nil {
		return err
	}
	return run.written(ctx, line, c, before, rp, delta)
}

// setFields sets on c (existing, or a new customer when existing is nil)
// the row's values and returns the row's balance (nil when absent or
// empty), which is not a field set directly. A protected field of an
// existing customer is kept, with a warning when the row differs; an empty
// cell clears an existing customer's field only under EmptyClears.
func (run *run) setFields(c, existing *domain.Customer, line int, pr parsedRow, rp *RowPlan) *int64 {
	var balance *int64
	for field, cv := range pr.values {
		switch {
		case field == "id":
			continue
		case field == "balance":
			if !cv.empty {
				b := cv.v.(int64)
				balance = &b
			}
			continue
		case existing != nil && run.isProtected(field):
			if !cv.empty && !sameValue(c.Get(field), cv.v) {
				rp.Problems = append(rp.Problems, run.protectedKept(line, field, pr))
			}
			continue
		case cv.empty:
			if existing != nil && run.req.Options.EmptyClears {
				c.Set(field, zeroOf(c.Get(field)))
			}
			continue
		}
		c.Set(field, cv.v)
	}
	return balance
}

// protectedKept warns that the row's value of a protected field was not
// imported.
func (run *run) protectedKept(line int, field string, pr parsedRow) Problem {
	return Problem{Row: line, Column: run.columnName(field), Field: field,
		Value: pr.raw[field], Severity: SeverityWarning, Code: "field.protected",
		Message: domain.Message{FR: "Champ protégé : la valeur enregistrée est conservée.", EN: "Protected field: the stored value is kept."},
		Fix:     domain.Message{FR: "Retirez ce champ de la liste des champs protégés pour l’importer.", EN: "Remove this field from the protected list to import it."}}
}

// inferKind makes a new customer (existing nil) a company when the row
// gives no kind but a company name, a SIRET or a VAT number (issue 12: such
// rows were planned as people); and gives a company without a company name
// one from its names: its only name when the one name column went to "Nom",
// else "Nom Prénom" (a sole trader's business name), the names staying as
// the contact's.
func inferKind(c, existing *domain.Customer, pr parsedRow) {
	if _, set := pr.values["kind"]; !set && existing == nil && (c.CompanyName != "" || c.SIRET != "" || c.VATNumber != "") {
		c.Kind = domain.KindCompany
	}
	if c.Kind == domain.KindCompany && c.CompanyName == "" && c.LastName != "" && c.FirstName != "" && existing == nil {
		c.CompanyName = c.LastName + " " + c.FirstName
	}
	// A company whose one name column went to "Nom" (Odoo's Name, Dolibarr's
	// s.nom): that name is the company name.
	if c.Kind == domain.KindCompany && c.CompanyName == "" && c.LastName != "" && c.FirstName == "" {
		c.CompanyName, c.LastName = c.LastName, ""
	}
}

// normalize validates c with the run's rules and phones. A customer that
// does not validate makes the row an error listing each field's problem
// (invalid is true); any other failure is returned.
func (run *run) normalize(c *domain.Customer, line int, pr parsedRow, rp *RowPlan, phones domain.PhoneParser) (invalid bool, err error) {
	rules := run.rules
	rules.Phones = phones
	if err := c.NormalizeWith(rules); err != nil {
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			return false, err
		}
		rp.Action = ActionError
		for _, fe := range ve.Errors {
			rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName(fe.Field), Field: fe.Field,
				Value: pr.raw[fe.Field], Severity: SeverityError, Code: fe.Code, Message: fe.Message, Fix: fixFor(fe.Field)})
		}
		return true, nil
	}
	return false, nil
}

// balanceDelta is the customer's current balance (0 for a new one) and the
// balance entry the row asks for: the file's balance less the current one
// when the options apply balances, else 0.
func (run *run) balanceDelta(existing *domain.Customer, balance *int64) (current, delta int64) {
	if existing != nil {
		current = existing.Balance
	}
	if balance != nil && run.req.Options.ApplyBalance {
		delta = *balance - current
	}
	return current, delta
}

// write updates existing (c) when the row changes it, or inserts c, with a
// code allocated when it has none, when there is no existing customer.
// done is true when the row needs nothing more: it left the customer
// unchanged, or the write was refused and the row made an error.
func (run *run) write(ctx context.Context, line int, c, existing *domain.Customer, pr parsedRow, rp *RowPlan) (done bool, err error) {
	switch {
	case existing != nil && len(rp.Changes) == 0:
		rp.Action, rp.CustomerID, rp.Code = ActionUnchanged, c.ID, c.Code
		run.touched.set(c.ID, line)
		return true, nil
	case existing != nil:
		rp.Action = ActionUpdate
		c.UpdatedAt = run.stamp
		if err := run.tx.UpdateCustomer(ctx, c, storeOptions); err != nil {
			return true, run.writeError(line, err, rp)
		}
	default:
		rp.Action = ActionCreate
		if c.Code == "" {
			code, err := run.codes.Next(ctx)
			if err != nil {
				return true, err
			}
			c.Code = code
		}
		c.CreatedAt, c.UpdatedAt = run.stamp, run.stamp
		if len(run.plan.Rows) < run.maxRows || run.req.DescribeCreations {
			// A sampled creation lists the fields it fills; the others
			// are not looked at, which would cost every row of a big file.
			rp.Changes = append(diff(&domain.Customer{}, c, pr, run.req.Lang), rp.Changes...)
		}
		insert := run.tx.InsertCustomer
		if run.lookup.surelyAbsent("code", c.Code) {
			// No customer holds the code: the row cannot be refused for
			// it, so it may be written with the next ones (QueueCustomer).
			insert = run.tx.QueueCustomer
		}
		if err := insert(ctx, c, storeOptions); err != nil {
			return true, run.writeError(line, err, rp)
		}
	}
	return false, nil
}

// written follows a write of c (before is nil for a creation): it journals
// it, tells the code allocator and the batch lookup what the customer now
// holds, and records the balance entry delta.
func (run *run) written(ctx context.Context, line int, c, before *domain.Customer, rp *RowPlan, delta int64) error {
	if err := run.journalChange(ctx, c.ID, before); err != nil {
		return err
	}
	run.codes.Reserve(c.Code)
	run.lookup.wrote(before, c)
	rp.CustomerID, rp.Code = c.ID, c.Code
	run.touched.set(c.ID, line)
	if delta != 0 {
		e := &domain.BalanceEntry{CustomerID: c.ID, Date: run.stamp, Label: domain.ImportBalanceLabel, Amount: delta, Origin: domain.OriginImport, Operator: run.operator}
		if err := run.tx.AddBalanceEntry(ctx, e, run.batch); err != nil {
			return err
		}
	}
	if !run.commit && rp.Action == ActionCreate {
		rp.CustomerID = 0 // rolled back: the number means nothing
	}
	return nil
}

// writeError turns a refused write (a code already taken) into a row
// error; any other failure aborts the import.
func (run *run) writeError(line int, err error, rp *RowPlan) error {
	if errors.Is(err, domain.ErrDuplicateCode) {
		rp.Action = ActionError
		rp.Changes = nil
		rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName("code"), Field: "code", Severity: SeverityError,
			Code: "code.duplicate", Message: domain.ErrDuplicateCode.Message,
			Fix: domain.Message{FR: "Changez le code ou laissez la cellule vide.", EN: "Change the code or leave the cell empty."}})
		return nil
	}
	return err
}

// resolveNames checks that the row's groups and marketing source exist,
// creating (and journaling) them when the options allow and create is
// set; without create it only reports those the options would refuse.
func (run *run) resolveNames(ctx context.Context, line int, c *domain.Customer, rp *RowPlan, create bool) error {
	for _, g := range c.Groups {
		if run.groups[fold(g)] {
			continue
		}
		if !run.req.Options.CreateGroups {
			rp.Action = ActionError
			rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName("groups"), Field: "groups", Value: g,
				Severity: SeverityError, Code: "group.unknown",
				Message: domain.Message{FR: "Le groupe « " + g + " » n’existe pas.", EN: "Group \"" + g + "\" does not exist."},
				Fix:     domain.Message{FR: "Créez-le dans l’onglet Groupes, ou autorisez la création des groupes manquants.", EN: "Create it in the Groups tab, or allow creating missing groups."}})
			continue
		}
		if !create {
			continue
		}
		if _, err := run.tx.CreateGroup(ctx, g, 0); err != nil {
			return err
		}
		run.groups[fold(g)] = true
		if err := run.journalCreated(ctx, "group", g); err != nil {
			return err
		}
	}
	if s := c.MarketingSource; s != "" && !run.sources[fold(s)] {
		if !run.req.Options.CreateSources {
			rp.Action = ActionError
			rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName("marketing_source"), Field: "marketing_source", Value: s,
				Severity: SeverityError, Code: "source.unknown",
				Message: domain.Message{FR: "La source marketing « " + s + " » n’existe pas.", EN: "Marketing source \"" + s + "\" does not exist."},
				Fix: domain.Message{FR: "Ajoutez-la dans " + domain.ListMarketing.Where().FR + ", ou activez l’option « Créer les sources marketing qui n’existent pas ».",
					EN: "Add it in " + domain.ListMarketing.Where().EN + ", or turn on the option \"Create the marketing sources that do not exist\"."}})
			return nil
		}
		if !create {
			return nil
		}
		if _, err := run.tx.CreateMarketingSource(ctx, s); err != nil {
			return err
		}
		run.sources[fold(s)] = true
		if err := run.journalCreated(ctx, "source", s); err != nil {
			return err
		}
	}
	return nil
}

// clone copies c deeply enough that setting fields on the copy (shipping
// address lines, custom fields) leaves c as it was.
func clone(c *domain.Customer) *domain.Customer {
	d := *c
	d.Phones = slices.Clone(c.Phones)
	d.Groups = slices.Clone(c.Groups)
	d.Shipping = slices.Clone(c.Shipping)
	d.Custom = maps.Clone(c.Custom)
	d.Site.Shipping = slices.Clone(c.Site.Shipping)
	return &d
}

func zeroOf(v any) any {
	switch v.(type) {
	case string:
		return ""
	case int64:
		return int64(0)
	case bool:
		return false
	case []string:
		return []string(nil)
	case []domain.Phone:
		return []domain.Phone(nil)
	}
	return v
}

// diff lists the fields whose value changed between before and after:
// every field the file maps, plus any other that normalisation moved.
func diff(before, after *domain.Customer, pr parsedRow, lang string) []Change {
	var out []Change
	for _, f := range domain.Fields {
		if f.Computed || f.Key == "id" {
			continue
		}
		o, n := before.Get(f.Key), after.Get(f.Key)
		if !sameValue(o, n) {
			out = append(out, Change{Field: f.Key, Old: displayField(f, o, lang), New: displayField(f, n, lang)})
		}
	}
	keys := map[string]bool{}
	for k := range before.Custom {
		keys[k] = true
	}
	for k := range after.Custom {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if before.Custom[k] != after.Custom[k] {
			out = append(out, Change{Field: domain.CustomPrefix + k, Old: before.Custom[k], New: after.Custom[k]})
		}
	}
	return out
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case []string:
		// Groups are a set: stored ones come back sorted by name.
		y, _ := b.([]string)
		return slices.Equal(foldedSet(x), foldedSet(y))
	case []domain.Phone:
		y, _ := b.([]domain.Phone)
		return slices.EqualFunc(x, y, func(p, q domain.Phone) bool { return p.Number == q.Number })
	}
	return a == b
}

// displayField formats a value of field f for the change list in lang:
// the kind and the consent by their names, amounts and percentages as the
// language writes them, the rest by display.
func displayField(f domain.FieldDef, v any, lang string) string {
	if f.Type == domain.TypeConsent {
		if s, ok := v.(string); ok {
			return domain.Consent(s).Label().In(lang)
		}
	}
	if f.Key == "kind" {
		switch v {
		case string(domain.KindPerson):
			return domain.Message{FR: "Personne physique", EN: "Individual"}.In(lang)
		case string(domain.KindCompany):
			return domain.Message{FR: "Personne morale", EN: "Company"}.In(lang)
		}
	}
	switch x := v.(type) {
	case []domain.Phone:
		nums := make([]string, len(x))
		for i, p := range x {
			nums[i] = phone.National(p.Number)
		}
		return strings.Join(nums, ", ")
	case string:
		if f.Type == domain.TypePhone && x != "" {
			return phone.National(x)
		}
	}
	if n, ok := v.(int64); ok {
		switch f.Type {
		case domain.TypeMoney:
			return format.Money(n, lang)
		case domain.TypePercent:
			return format.Percent(n, lang)
		}
	}
	return display(v)
}

// display formats a field value for the change list.
func display(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		if x {
			return "Oui"
		}
		return "Non"
	case []string:
		return strings.Join(x, ", ")
	case []domain.Phone:
		nums := make([]string, len(x))
		for i, p := range x {
			nums[i] = p.Number
		}
		return strings.Join(nums, ", ")
	}
	return ""
}

func foldedSet(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fold(n)
	}
	slices.Sort(out)
	return out
}
