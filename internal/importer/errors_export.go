package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/xlsxstream"
)

// ErrorColumn is the header of the column ExportErrors adds.
const ErrorColumn = "Erreur"

// ExportErrors writes the rows in error of req's file as an XLSX workbook:
// the original columns, same headers (so that the saved profile matches
// when it comes back), plus an "Erreur" column saying what to fix. It
// returns how many rows were written. Memory holds only the error texts.
func (im *Importer) ExportErrors(ctx context.Context, req Request, w io.Writer) (int, error) {
	lang := "fr"
	messages := map[int]string{}
	req.OnRow = func(rp RowPlan) error {
		if rp.Action != ActionError {
			return nil
		}
		var parts []string
		for _, p := range rp.Problems {
			if p.Severity != SeverityError {
				continue
			}
			s := p.Message.In(lang)
			if p.Column != "" {
				s = domain.Labelled(p.Column, s, lang)
			}
			if fix := p.Fix.In(lang); fix != "" {
				s += " " + fix
			}
			parts = append(parts, s)
		}
		messages[rp.Line] = strings.Join(parts, "\n")
		return nil
	}
	req.SampleRows, req.SampleProblems = 1, 1
	if _, err := im.Check(ctx, req, nil); err != nil {
		return 0, err
	}
	return writeErrorRows(ctx, req, messages, w)
}

func writeErrorRows(ctx context.Context, req Request, messages map[int]string, w io.Writer) (int, error) {
	r, err := openSheet(ctx, req.Path, req.Settings)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	f := excelize.NewFile()
	defer f.Close()
	const name = "Erreurs"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return 0, err
	}
	header := append(stringsToCells(r.Header()), ErrorColumn)
	if err := sw.SetRow("A1", header); err != nil {
		return 0, err
	}
	n := 0
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, err
		}
		msg, bad := messages[row.Line]
		if !bad {
			continue
		}
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		if err := sw.SetRow(cell, append(stringsToCells(row.Cells), fieldparse.Neutralise(msg))); err != nil {
			return n, fmt.Errorf("row %d: %w", row.Line, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return n, err
	}
	return n, xlsxstream.Write(f, w)
}

// stringsToCells makes a row of text cells, neutralised: a hostile cell
// of the imported file must not become a formula in the workbook Carnet
// writes back.
func stringsToCells(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = fieldparse.Neutralise(v)
	}
	return out
}
