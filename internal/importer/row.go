package importer

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/sheet"
	"carnet/internal/store"
)

// parsedRow is one row's cells read into field values.
type parsedRow struct {
	values map[string]cellValue // by field; phones of several columns merged
	raw    map[string]string    // by field: the first non-empty cell, for messages
	// balanceSeen: a balance cell was ignored (ApplyBalance off); the writer
	// warns once per import.
	balanceSeen bool
	balanceRaw  string
}

// row decides one parsed row and, unless it is in error, writes it.
func (run *run) row(ctx context.Context, l *parsedLine) (RowPlan, error) {
	row := l.row
	rp := RowPlan{Line: row.Line}
	if run.exclude[row.Line] {
		rp.Action = ActionSkipped
		return rp, nil
	}
	pr, problems := l.parsed, l.problems
	if l.parsed.balanceSeen && !run.balanceWarned {
		run.balanceWarned = true
		problems = append(problems, run.balanceIgnored(row.Line, l.parsed.balanceRaw))
	}
	rp.Problems = problems
	if len(pr.values) == 0 && !hasError(problems) {
		rp.Action = ActionSkipped
		return rp, nil
	}
	if p := run.codeRequired(row.Line, pr); p != nil {
		rp.Problems = append(rp.Problems, *p)
	}
	phones := memoParser{l.phones, run.im.svc.Phones}
	cellErrors := hasError(rp.Problems)
	existing, by, err := run.match(ctx, row.Line, pr, &rp)
	if err != nil {
		return rp, err
	}
	if cellErrors || rp.Action == ActionError {
		// Every problem of the row at once (issue 12): the customer the
		// row would make is still checked, so that a bad SIRET is not
		// reported only once the e-mail cell is fixed.
		rp.Action = ActionError
		return rp, run.checkRest(ctx, row.Line, pr, existing, &rp, phones)
	}
	return rp, run.apply(ctx, row.Line, pr, l.fresh, existing, by, &rp, phones)
}

func hasError(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// parse reads every mapped cell; the billing country first, since it
// decides how postcodes read.
func (run *run) parse(row sheet.Row) (parsedRow, []Problem) {
	pr := parsedRow{values: map[string]cellValue{}, raw: map[string]string{}}
	problems := run.readerWarnings(row)
	country := ""
	if run.countryAt >= 0 {
		if cv, p := parseCountry(row.Cells[run.countryAt]); p == nil && !cv.empty {
			country = cv.v.(string)
		}
	}
	for i, field := range run.req.Mapping {
		if field == Ignore || i >= len(row.Cells) {
			continue
		}
		cell := row.Cells[i]
		if field == "balance" && !run.req.Options.ApplyBalance {
			if strings.TrimSpace(cell) != "" && !pr.balanceSeen {
				pr.balanceSeen, pr.balanceRaw = true, cell
			}
			continue
		}
		if strings.TrimSpace(cell) == "" {
			if _, seen := pr.values[field]; !seen && run.req.Options.EmptyClears {
				pr.values[field] = cellValue{empty: true}
			}
			continue
		}
		var cv cellValue
		var p *fieldparse.Problem
		switch {
		case strings.HasPrefix(field, domain.CustomPrefix):
			cv, p = run.parseCustom(field, cell)
		case field == "civility":
			cv, p = run.civilityCell(cell)
		default:
			cv, p = parseCell(field, cell, country)
		}
		if p != nil {
			problems = append(problems, cellProblem(row.Line, run.headers[i], field, cell, p))
			if p.IsError() {
				continue
			}
		}
		if prev, ok := pr.values[field]; ok && field == "phones" && !prev.empty {
			cv.v = append(prev.v.([]domain.Phone), cv.v.([]domain.Phone)...)
		}
		pr.values[field] = cv
		if _, ok := pr.raw[field]; !ok {
			pr.raw[field] = cell
		}
	}
	// A row whose only values are "empty clears" markers carries no data.
	hasData := false
	for _, v := range pr.values {
		if !v.empty {
			hasData = true
			break
		}
	}
	if !hasData {
		pr.values = map[string]cellValue{}
		pr.balanceSeen = false
	}
	return pr, problems
}

// readerWarnings are what the reader did to the row's cells (a cell not in
// the file's encoding, repaired) and the values beyond the last column,
// which go nowhere: both said rather than lost silently.
func (run *run) readerWarnings(row sheet.Row) []Problem {
	out := warningProblems(row.Warnings, run.headers)
	var extra []string
	for _, c := range row.Extra {
		if strings.TrimSpace(c) != "" {
			extra = append(extra, c)
		}
	}
	if len(extra) > 0 {
		fr, en := make([]string, len(extra)), make([]string, len(extra))
		for i, c := range extra {
			fr[i], en[i] = quoteFR(c), quoteEN(c)
		}
		out = append(out, Problem{Row: row.Line, Value: strings.Join(extra, " | "), Severity: SeverityWarning, Code: "row.extra_cells",
			Message: domain.Message{
				FR: "Cette ligne a des valeurs au-delà de la dernière colonne (" + strings.Join(fr, ", ") + ") : elles ne sont importées nulle part.",
				EN: "This row has values beyond the last column (" + strings.Join(en, ", ") + "): they are not imported anywhere."},
			Fix: domain.Message{
				FR: "Vérifiez que la ligne n’a pas un séparateur de trop, ou donnez un en-tête à ces colonnes dans le fichier.",
				EN: "Check that the row has no separator too many, or give these columns a header in the file."}})
	}
	return out
}

// headerWarnings are what the reader did to the header's cells (a column
// name not in the file's encoding, repaired).
func headerWarnings(d sheet.Detected, headers []string) []Problem {
	return warningProblems(d.Warnings, headers)
}

// warningProblems turns the reader's warnings into import warnings.
func warningProblems(ws []sheet.Warning, headers []string) []Problem {
	var out []Problem
	for _, w := range ws {
		col := ""
		if w.Cell >= 0 && w.Cell < len(headers) {
			col = headers[w.Cell]
		}
		out = append(out, Problem{Row: w.Line, Column: col, Value: w.Value, Severity: SeverityWarning, Code: w.Code,
			Message: domain.Message{FR: w.FR, EN: w.EN}})
	}
	return out
}

// ignoredColumns warns once for each column that goes nowhere: an unknown
// header such as "Zorglub", or a column set to Ignore.
func ignoredColumns(headers []string, mapping Mapping, headerRow int) []Problem {
	var out []Problem
	for i, h := range headers {
		if i < len(mapping) && mapping[i] != Ignore {
			continue
		}
		out = append(out, Problem{Row: headerRow, Column: h, Severity: SeverityWarning, Code: "column.ignored",
			Message: domain.Message{
				FR: "La colonne " + quoteFR(h) + " n’est associée à aucun champ : ses valeurs ne sont pas importées.",
				EN: "Column " + quoteEN(h) + " is mapped to no field: its values are not imported."},
			Fix: domain.Message{
				FR: "Si elle doit l’être, choisissez-lui un champ (ou un champ personnalisé) à l’étape Correspondance.",
				EN: "If they should be, choose a field (or a custom field) for it at the Mapping step."}})
	}
	return out
}

// quoteFR and quoteEN quote a value for a message, shortened when long.
func quoteFR(v string) string { return "« " + shortened(v) + " »" }
func quoteEN(v string) string { return "\"" + shortened(v) + "\"" }

func shortened(v string) string {
	const most = 60
	if r := []rune(v); len(r) > most {
		return string(r[:most]) + "…"
	}
	return v
}

func (run *run) balanceIgnored(line int, value string) Problem {
	return Problem{Row: line, Column: run.columnName("balance"), Field: "balance", Value: value,
		Severity: SeverityWarning, Code: "balance.ignored",
		Message: domain.Message{FR: "La colonne Solde est ignorée : l’ajustement des soldes n’est pas activé pour cet import.",
			EN: "The Balance column is ignored: balance adjustment is not enabled for this import."},
		Fix: domain.Message{FR: "Activez l’option « Appliquer les soldes » pour écrire une correction de solde.",
			EN: "Turn on the option \"Apply the balances\" to write a balance adjustment."}}
}

func cellProblem(line int, column, field, value string, p *fieldparse.Problem) Problem {
	sev := SeverityError
	if p.Severity == fieldparse.Warning {
		sev = SeverityWarning
	}
	return Problem{Row: line, Column: column, Field: field, Value: value, Severity: sev, Code: p.Code,
		Message: domain.Message{FR: p.FR, EN: p.EN}, Fix: fixFor(field)}
}

// fixFor is the generic advice for a field: the template's format text.
func fixFor(field string) domain.Message {
	if f, ok := domain.FieldByKey(field); ok && f.FormatFR != "" {
		return domain.Message{FR: "Format attendu : " + f.FormatFR, EN: "Expected: " + f.FormatEN}
	}
	return domain.Message{}
}

// matchKeys returns the key cascade, or the one key the user chose.
func matchKeysFor(k Key) []string {
	switch k {
	case KeyID:
		return []string{"id"}
	case KeyCode:
		return []string{"code"}
	case KeyEmail:
		return []string{"email"}
	case KeySIRET:
		return []string{"siret", "vat_number"}
	}
	return matchKeys
}

// match finds the customer the row is about, following run.keys, and the
// key that found it. It sets rp.Action to ActionError for an unknown
// internal ID or a customer an earlier row already took.
func (run *run) match(ctx context.Context, line int, pr parsedRow, rp *RowPlan) (*domain.Customer, string, error) {
	var id int64
	var by string
	for _, key := range run.keys {
		value, ok := keyValue(key, pr)
		if !ok {
			continue
		}
		found, err := run.lookup.find(ctx, key, value)
		if err != nil {
			return nil, "", err
		}
		if found != 0 {
			id, by = found, key
			break
		}
		if key == "id" {
			// An ID names a customer that existed: never silently a new one.
			rp.Action = ActionError
			rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName("id"), Field: "id",
				Value: pr.raw["id"], Severity: SeverityError, Code: "id.unknown",
				Message: domain.Message{FR: "Aucun client n’a l’ID " + strconv.FormatInt(value.(int64), 10) + " : un ID ne se modifie pas.",
					EN: "No customer has ID " + strconv.FormatInt(value.(int64), 10) + ": an ID cannot be changed."},
				Fix: domain.Message{FR: "Remettez l’ID d’origine, ou videz la cellule pour créer un nouveau client.",
					EN: "Put the original ID back, or empty the cell to create a new customer."}})
			return nil, "", nil
		}
	}
	if id == 0 {
		return nil, "", nil
	}
	if first := run.touched.line(id); first != 0 {
		rp.Action = ActionError
		rp.CustomerID = id
		rp.Problems = append(rp.Problems, Problem{Row: line, Column: run.columnName(by), Field: by, Value: pr.raw[by],
			Severity: SeverityError, Code: "row.duplicate",
			Message: domain.Message{FR: "Même client que la ligne " + strconv.Itoa(first) + " du fichier (" + domain.FieldLabel(by, "fr") + ").",
				EN: "Same customer as row " + strconv.Itoa(first) + " of the file (" + domain.FieldLabel(by, "en") + ")."},
			Fix: domain.Message{FR: "Fusionnez les deux lignes en une seule, ou supprimez l’une d’elles.",
				EN: "Merge the two rows into one, or delete one of them."}})
		// The customer is still returned, for the row's other checks.
		c, err := run.lookup.customer(ctx, id)
		if err != nil {
			return nil, "", nil
		}
		return c, by, nil
	}
	c, err := run.lookup.customer(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, "", nil
	}
	return c, by, err
}

// storeOptions: groups and sources are resolved (and created) by the
// importer itself, so that it can journal what it created.
var storeOptions = store.SaveOptions{}
