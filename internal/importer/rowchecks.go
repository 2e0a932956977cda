package importer

import (
	"context"

	"carnet/internal/domain"
)

// codeRequired refuses a row without a customer code when the options
// ask for one (seed 003: the code links a customer to its invoices), nil
// otherwise.
func (run *run) codeRequired(line int, pr parsedRow) *Problem {
	if !run.req.Options.CodeRequired {
		return nil
	}
	if cv, ok := pr.values["code"]; ok && !cv.empty {
		return nil
	}
	return &Problem{Row: line, Column: run.columnName("code"), Field: "code", Severity: SeverityError, Code: "code.required",
		Message: domain.Message{FR: "Le code client est obligatoire pour cet import, et cette ligne n’en a pas.",
			EN: "The customer code is required for this import, and this row has none."},
		Fix: domain.Message{FR: "Donnez un code à la ligne, ou décochez l’option « Code client obligatoire » pour que Carnet la numérote.",
			EN: "Give the row a code, or untick the option \"Customer code required\" to let Carnet number it."}}
}

// codeRequiredMapping refuses, before anything is read, a mapping without
// a code column while the options require a code: every row would fail.
func codeRequiredMapping(headers []string, m Mapping, opt Options) []Problem {
	if !opt.CodeRequired {
		return nil
	}
	for _, f := range m {
		if f == "code" {
			return nil
		}
	}
	return []Problem{{Severity: SeverityError, Code: "mapping.code_required",
		Message: domain.Message{FR: "Le code client est obligatoire, mais aucune colonne n’est associée au champ « " + domain.FieldLabel("code", "fr") + " ».",
			EN: "The customer code is required, but no column is mapped to the field \"" + domain.FieldLabel("code", "en") + "\"."},
		Fix: domain.Message{FR: "Associez la colonne des codes au champ « " + domain.FieldLabel("code", "fr") + " », ou décochez l’option « Code client obligatoire ».",
			EN: "Map the column of codes to the field \"" + domain.FieldLabel("code", "en") + "\", or untick the option \"Customer code required\"."}}}
}

// checkRest adds to a row already in error the problems of the customer
// it would make (rules checked by Customer.Normalize: SIRET key, VAT key,
// phone numbering plans…, and unknown groups or sources), so that the
// user fixes every problem of the row in one pass. Nothing is written. A
// field already in error is not reported twice, and a row naming an
// internal ID no customer has is left at that problem: checking it as a
// new customer would only add noise.
func (run *run) checkRest(ctx context.Context, line int, pr parsedRow, existing *domain.Customer, rp *RowPlan, phones domain.PhoneParser) error {
	if _, hasID := pr.values["id"]; hasID && existing == nil {
		return nil
	}
	c := &domain.Customer{}
	if existing != nil {
		c = clone(existing)
	}
	var scratch RowPlan
	run.setFields(c, existing, line, pr, &scratch)
	inferKind(c, existing, pr)
	if _, err := run.normalize(c, line, pr, &scratch, phones); err != nil {
		return err
	}
	if err := run.resolveNames(ctx, line, c, &scratch, false); err != nil {
		return err
	}
	inError := map[string]bool{}
	for _, p := range rp.Problems {
		if p.Severity == SeverityError {
			inError[p.Field] = true
		}
	}
	for _, p := range scratch.Problems {
		if p.Severity == SeverityError && !inError[p.Field] {
			rp.Problems = append(rp.Problems, p)
		}
	}
	return nil
}
