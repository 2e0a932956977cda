package sheet

import (
	"context"
	"errors"
	"io"
	"unicode/utf8"
)

// rawRow is a row as a source gives it: its physical number and its cells,
// trimmed, from the first physical column. repaired lists the cells (0-based
// physical columns) that were not valid UTF-8 in a UTF-8 file and were read
// as Windows-1252.
type rawRow struct {
	line     int
	cells    []string
	repaired []int
}

// source is a format-specific row stream (CSV records, XLSX sheet rows).
type source interface {
	next() (rawRow, error) // io.EOF at the end; blank rows included
	close() error
	position() (done, total int64) // how far next has gone, in the source's unit
}

// table is the Reader shared by every format: it samples the first rows,
// finds the header and the columns, then shapes every row to them.
type table struct {
	ctx    context.Context
	path   string
	src    source
	det    Detected
	header []string
	first  int      // 0-based physical column of Cells[0]
	queue  []rawRow // sampled data rows not yet returned
	err    error
	closed bool
	ticks  int // rows read since the context was last looked at
}

// ctxEvery is how many rows are read between two looks at the context.
const ctxEvery = 256

func newTable(ctx context.Context, path string, src source, det Detected, opt Options) (*table, error) {
	rows, err := sample(ctx, path, src, opt)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errNoData(path, det.Sheet)
	}
	t := &table{ctx: ctx, path: path, src: src, det: det}
	var header []string
	var headerRow rawRow
	data := rows
	switch {
	case opt.NoHeader:
		det.HeaderConfidence = 1
	case opt.HeaderRow > 0: // sample put the header row first
		headerRow, data = rows[0], rows[1:]
		header = headerRow.cells
		det.HeaderRow, det.HeaderConfidence = rows[0].line, 1
	default:
		i, conf := detectHeader(rows)
		headerRow, data = rows[i], rows[i+1:]
		header = headerRow.cells
		det.HeaderRow, det.HeaderConfidence = rows[i].line, conf
	}
	t.first, det.Columns = tableShape(header, data)
	det.FirstColumn = t.first + 1
	t.header = headerNames(header, t.first, det.Columns)
	for _, j := range headerRow.repaired {
		if j >= t.first && j < t.first+det.Columns {
			det.Warnings = append(det.Warnings, headerRepairWarning(headerRow.line, j-t.first, j+1, header[j]))
		}
	}
	t.det = det
	t.queue = data
	if h, ok := src.(interface{ widthHint(int) }); ok {
		h.widthHint(t.first + det.Columns)
	}
	return t, nil
}

// sample reads the rows detection looks at: the first DetectRows non-blank
// rows (at most DetectBytes of text). With a forced header row, the rows
// above it are dropped and it comes first.
func sample(ctx context.Context, path string, src source, opt Options) ([]rawRow, error) {
	var rows []rawRow
	size := 0
	forced := opt.HeaderRow > 0 && !opt.NoHeader
	for i := 0; len(rows) < DetectRows && size < DetectBytes; i++ {
		if i%ctxEvery == 0 && ctx.Err() != nil {
			return nil, errCanceled(path, ctx.Err())
		}
		r, err := src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if forced && len(rows) == 0 {
			if r.line < opt.HeaderRow {
				continue
			}
			if r.line > opt.HeaderRow || isBlank(r.cells) {
				return nil, errBadHeaderRow(path, opt.HeaderRow, "blank")
			}
			rows = append(rows, r)
			continue
		}
		if isBlank(r.cells) {
			continue
		}
		rows = append(rows, r)
		for _, c := range r.cells {
			size += len(c)
		}
	}
	if forced && len(rows) == 0 {
		return nil, errBadHeaderRow(path, opt.HeaderRow, "past_end")
	}
	return rows, nil
}

func (t *table) Detected() Detected {
	d := t.det
	d.Sheets = append([]string(nil), t.det.Sheets...)
	d.Warnings = append([]Warning(nil), t.det.Warnings...)
	return d
}

func (t *table) Header() []string { return append([]string(nil), t.header...) }

func (t *table) Progress() float64 {
	done, total := t.src.position()
	if total <= 0 {
		return 0
	}
	return min(1, max(0, float64(done)/float64(total)))
}

func (t *table) Next() (Row, error) {
	if t.err != nil {
		return Row{}, t.err
	}
	if len(t.queue) > 0 {
		r := t.queue[0]
		t.queue[0] = rawRow{}
		t.queue = t.queue[1:]
		return t.shape(r), nil
	}
	for {
		if t.ticks++; t.ticks >= ctxEvery {
			t.ticks = 0
			if err := t.ctx.Err(); err != nil {
				t.err = errCanceled(t.path, err)
				return Row{}, t.err
			}
		}
		r, err := t.src.next()
		if err != nil {
			t.err = err
			return Row{}, err
		}
		if !isBlank(r.cells) {
			return t.shape(r), nil
		}
	}
}

func (t *table) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	if t.err == nil {
		t.err = errors.New("sheet: reader closed")
	}
	return t.src.close()
}

// shape fits a row to the table's columns: cells left of the table or
// beyond its last column go to Extra when they are not empty, short rows are
// padded.
func (t *table) shape(r rawRow) Row {
	cells, cols := r.cells, t.det.Columns
	var extra []string
	if t.first > 0 {
		cut := min(t.first, len(cells))
		for _, c := range cells[:cut] {
			if c != "" {
				extra = append(extra, c)
			}
		}
		cells = cells[cut:]
	}
	if len(cells) > cols {
		tail := cells[cols:]
		last := width(tail)
		if last > 0 {
			extra = append(extra, tail[:last]...)
		}
		cells = cells[:cols:cols]
	}
	for len(cells) < cols {
		cells = append(cells, "")
	}
	row := Row{Line: r.line, Cells: cells, Extra: extra}
	for _, j := range r.repaired {
		if j >= len(r.cells) || r.cells[j] == "" {
			continue
		}
		cell, header := j-t.first, ""
		if cell >= 0 && cell < cols {
			header = t.header[cell]
		} else {
			cell = -1
		}
		row.Warnings = append(row.Warnings, repairWarning(r.line, cell, j+1, r.cells[j], header))
	}
	return row
}

// checkOptions rejects options this package cannot honour.
func checkOptions(path string, opt Options) error {
	if _, ok := normaliseEncoding(opt.Encoding); !ok {
		return errBadOption(path,
			"encodage inconnu "+quoteFR(opt.Encoding)+" : choisissez utf-8, windows-1252, utf-16le ou utf-16be",
			"unknown encoding "+quoteEN(opt.Encoding)+": choose utf-8, windows-1252, utf-16le or utf-16be")
	}
	d := opt.Delimiter
	if d != 0 && (d >= utf8.RuneSelf || d == '"' || d == '\r' || d == '\n' || d == 0 ||
		('0' <= d && d <= '9') || ('a' <= d && d <= 'z') || ('A' <= d && d <= 'Z')) {
		return errBadOption(path,
			"séparateur "+quoteFR(string(d))+" impossible : choisissez ; , tabulation ou |",
			"separator "+quoteEN(string(d))+" is not possible: choose ; , tab or |")
	}
	if opt.HeaderRow < 0 {
		return errBadOption(path, "numéro de ligne d’en-tête négatif", "negative header row number")
	}
	return nil
}
