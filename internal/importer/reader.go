package importer

import (
	"context"
	"fmt"
	"path/filepath"

	"carnet/internal/sheet"
)

// openSheet opens path with the user's settings; cancelling ctx stops the
// reading within a fraction of a second, even inside a big workbook.
func openSheet(ctx context.Context, path string, s Settings) (sheet.Reader, error) {
	r, err := sheet.OpenContext(ctx, path, sheetOptions(s))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return r, nil
}

func sheetOptions(s Settings) sheet.Options {
	enc := s.Encoding
	if enc == "auto" {
		enc = ""
	}
	return sheet.Options{Sheet: s.Sheet, HeaderRow: s.HeaderRow, Encoding: enc, Delimiter: s.Delimiter}
}

// DelimiterName spells a separator the way the command line takes it.
func DelimiterName(r rune) string {
	switch r {
	case 0:
		return ""
	case '\t':
		return "tab"
	}
	return string(r)
}

func detectedFrom(d sheet.Detected) Detected {
	out := Detected{Format: string(d.Format), Sheets: d.Sheets, Sheet: d.Sheet, HeaderRow: d.HeaderRow,
		HeaderConfidence: d.HeaderConfidence, Columns: d.Columns}
	if d.Format == sheet.FormatCSV {
		out.Encoding, out.EncodingSure = d.Encoding, d.EncodingSure
		out.Delimiter, out.DelimiterConfidence = DelimiterName(d.Delimiter), d.DelimiterConfidence
	}
	return out
}

// PreviewRows is how many rows Preview shows when asked for 0.
const PreviewRows = 20

// Preview reads the file's settings, header and first n rows, and suggests
// a field for every column (from a saved profile when one matches).
func (im *Importer) Preview(ctx context.Context, path string, s Settings, n int) (*Preview, error) {
	if n <= 0 {
		n = PreviewRows
	}
	// Suggestions look at up to 200 rows' values, the preview shows n.
	sampleN := max(n, 200)
	det, headers, rows, err := sheet.PreviewContext(ctx, path, sheetOptions(s), sampleN)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	sample := make([][]string, len(rows))
	for i, r := range rows {
		sample[i] = r.Cells
	}
	p := &Preview{File: path, Detected: detectedFrom(det), Headers: headers, Fingerprint: Fingerprint(headers),
		Options: DefaultOptions()}
	for i, r := range rows {
		if i >= n {
			break
		}
		p.Rows = append(p.Rows, PreviewRow{Line: r.Line, Cells: r.Cells})
	}
	p.Suggestions, p.Profile, err = im.Suggest(ctx, headers, sample)
	if err != nil {
		return nil, err
	}
	if p.Profile != "" {
		if prof, ok, err := im.profileFor(ctx, p.Fingerprint); err == nil && ok {
			p.Options = prof.Options
		}
	}
	return p, nil
}

// MappingOf turns suggestions into a Mapping.
func MappingOf(s []Suggestion) Mapping {
	m := make(Mapping, len(s))
	for _, x := range s {
		if x.Column >= 0 && x.Column < len(m) {
			m[x.Column] = x.Field
		}
	}
	return m
}
