package sheet

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetRows reads the rows of one worksheet straight from its XML, giving
// the cells excelize's Rows iterator gave (xlsx_oracle_test.go checks it
// cell for cell): every physical row number in turn (absent rows come back
// empty), cells placed by their reference (or one after the other without
// one), shared, inline and rich text strings, booleans, formulas by their
// cached value, numbers through their style's format (xlsxformat.go).
// Corner cases follow excelize too: a row numbered at or before the one
// being read joins it, an empty cell that holds a formula counts.
type sheetRows struct {
	ctx      context.Context
	path     string
	sc       *xmlScanner
	sst      *sharedStringTable
	formats  []*cellFormat
	date1904 bool

	seek    int  // rows given so far: the number of the one being read
	cur     int  // number of the last row whose start tag was read
	pending bool // that row's cells are still to be read
	badRef  bool // its r attribute was not a number
	ended   bool

	// the row being read
	buf    []byte // text of its cells, one after the other
	pieces []cellPiece
	col    int    // column of the last cell, as excelize counts
	v, is  []byte // value and inline string of the cell being read
	attr   []byte // an attribute value with entities, decoded
}

// cellPiece is one cell of the row being read: a string of the shared
// strings table, or bytes of buf.
type cellPiece struct {
	s          string
	start, end int
	inBuf      bool
	shared     bool // s comes from the shared strings
}

// next returns the cells of the next physical row (trimmed, nil for an
// empty row) and the cells that were repaired (not valid UTF-8, read as
// Windows-1252), or io.EOF after the last row. Errors are *Error.
func (r *sheetRows) next() ([]string, []int, error) {
	r.seek++
	if !r.pending {
		if r.ended {
			return nil, nil, r.endErr()
		}
		found, err := r.findRow()
		if err != nil {
			return nil, nil, err
		}
		if !found {
			r.ended = true
			return nil, nil, r.endErr()
		}
	}
	if r.cur > r.seek {
		return nil, nil, nil
	}
	r.pending = false
	if r.badRef {
		return nil, nil, r.damaged(errors.New("row number is not a number"))
	}
	return r.readCells()
}

// endErr is io.EOF, or why the XML stopped early.
func (r *sheetRows) endErr() error {
	if err := r.ctx.Err(); err != nil {
		return errCanceled(r.path, err)
	}
	if r.sc.err != nil {
		return r.damaged(r.sc.err)
	}
	return io.EOF
}

func (r *sheetRows) damaged(cause error) *Error {
	e := errDamaged(r.path, cause)
	e.Line = r.seek
	return e
}

// findRow reads up to the next row's start tag.
func (r *sheetRows) findRow() (bool, error) {
	for {
		switch r.sc.next(false) {
		case tokStart:
			switch string(r.sc.name()) {
			case "row":
				bad, err := r.rowStart()
				r.badRef = bad
				return true, err
			case "sheetData":
				if r.sc.self {
					return false, nil
				}
			}
		case tokEnd:
			if string(r.sc.name()) == "sheetData" {
				return false, nil
			}
		case tokEOF:
			return false, nil
		}
	}
}

// rowStart numbers the row whose start tag was just read: its r, or the
// one after the last. bad tells that r was there but not a number.
func (r *sheetRows) rowStart() (bad bool, err error) {
	num := 0
	r.sc.attrs(func(name, value []byte) bool {
		if string(name) == "r" {
			n, err := strconv.Atoi(string(r.decoded(value)))
			num, bad = n, err != nil
		}
		return true
	})
	if num > excelize.TotalRows {
		return bad, r.damaged(excelize.ErrMaxRows)
	}
	r.pending = true
	if num != 0 {
		r.cur = num
	} else {
		r.cur++
	}
	return bad, nil
}

// readCells reads the cells of the current row, up to the next row that
// starts after it or the end of the sheet.
func (r *sheetRows) readCells() ([]string, []int, error) {
	r.buf, r.pieces, r.col = r.buf[:0], r.pieces[:0], 0
loop:
	for {
		switch r.sc.next(false) {
		case tokEOF:
			r.ended = true
			break loop
		case tokEnd:
			if string(r.sc.name()) == "sheetData" {
				r.ended = true
				break loop
			}
		case tokStart:
			switch string(r.sc.name()) {
			case "row":
				bad, err := r.rowStart()
				if err != nil {
					return nil, nil, err
				}
				if bad {
					return nil, nil, r.damaged(errors.New("row number is not a number"))
				}
				if r.cur > r.seek {
					break loop
				}
				r.pending = false // numbered at or before this one: its cells join it
			case "sheetData":
				if r.sc.self {
					r.ended = true
					break loop
				}
			case "c":
				if err := r.cell(); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	if r.ended {
		if err := r.endErr(); !errors.Is(err, io.EOF) {
			return nil, nil, err
		}
	}
	return r.finish()
}

// decoded returns an attribute value with its entities resolved.
func (r *sheetRows) decoded(value []byte) []byte {
	if bytes.IndexByte(value, '&') < 0 {
		return value
	}
	r.attr = appendXMLText(r.attr[:0], value)
	return r.attr
}

// finish turns the row's pieces into cells: checked against the limits,
// repaired when not valid UTF-8, trimmed.
func (r *sheetRows) finish() ([]string, []int, error) {
	if len(r.pieces) > MaxColumns {
		return nil, nil, errTooManyColumns(r.path, r.seek)
	}
	if len(r.pieces) == 0 {
		return nil, nil, nil
	}
	text := string(r.buf)
	valid := utf8.ValidString(text)
	cells := make([]string, len(r.pieces))
	var repaired []int
	for j, p := range r.pieces {
		c := p.s
		if p.inBuf {
			c = text[p.start:p.end]
		}
		if len(c) > MaxCellBytes {
			return nil, nil, errCellTooLarge(r.path, r.seek, j+1)
		}
		if (p.inBuf && !valid || p.shared && !r.sst.valid) && !utf8.ValidString(c) {
			c = string(decode1252(nil, []byte(c)))
			repaired = append(repaired, j)
		}
		cells[j] = strings.TrimSpace(c)
	}
	return cells, repaired, nil
}
