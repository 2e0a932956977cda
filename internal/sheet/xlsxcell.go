package sheet

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// One cell of a sheet, as excelize read it: its attributes (reference,
// style, type), its value, inline string or formula, and its text.

// Cell types (the t attribute).
const (
	typeNumber = iota // n, e, absent, anything unknown
	typeBool
	typeDate
	typeShared
	typeStr
	typeInline
)

// cell reads the cell whose start tag was just read and adds its text to
// the row.
func (r *sheetRows) cell() error {
	r.col++
	var (
		hasRef, bad bool
		refCol      int
		refErr      error
		style       int
		typ         = typeNumber
	)
	r.sc.attrs(func(name, value []byte) bool {
		switch string(name) {
		case "r":
			value = r.decoded(value)
			if hasRef = len(value) > 0; hasRef {
				refCol, refErr = refColumn(value)
			}
		case "s":
			n, ok := parseStyle(r.decoded(value))
			if !ok { // excelize stops reading the cell here
				bad = true
				return false
			}
			style = n
		case "t":
			typ = cellType(r.decoded(value))
		}
		return true
	})
	self := r.sc.self
	var hasF, hasIS bool
	r.v = r.v[:0]
	if bad {
		if !self {
			r.sc.skip()
		}
	} else if !self {
	children:
		for {
			switch r.sc.next(false) {
			case tokStart:
				child := r.sc.self
				switch string(r.sc.name()) {
				case "v":
					r.v = r.v[:0]
					if !child {
						r.v = r.sc.elementText(r.v)
					}
				case "f":
					hasF = true
					if !child {
						r.sc.skip()
					}
				case "is":
					hasIS, r.is = true, r.is[:0]
					if !child {
						r.is = r.sc.richText(r.is)
					}
				}
			case tokEnd:
				if string(r.sc.name()) == "c" {
					break children
				}
			case tokEOF:
				break children
			}
		}
	}
	if hasRef {
		if refErr != nil {
			return r.damaged(refErr)
		}
		r.col = refCol
	}
	if bad {
		return nil
	}
	p := r.value(typ, style, hasIS)
	if p.end == p.start && p.s == "" && !hasF {
		return nil
	}
	for len(r.pieces) < r.col-1 {
		r.pieces = append(r.pieces, cellPiece{})
	}
	r.pieces = append(r.pieces, p)
	return nil
}

// value gives the text of the cell just read.
func (r *sheetRows) value(typ, style int, hasIS bool) cellPiece {
	switch typ {
	case typeBool:
		switch string(r.v) {
		case "1":
			return cellPiece{s: "TRUE"}
		case "0":
			return cellPiece{s: "FALSE"}
		}
		return r.bytesPiece(r.v)
	case typeShared:
		if len(r.v) == 0 {
			return cellPiece{}
		}
		i, _ := strconv.Atoi(string(bytes.TrimSpace(r.v))) // an unreadable index is 0, as in excelize
		s, _ := r.sst.get(i)
		return cellPiece{s: s, shared: true}
	case typeStr:
		return r.bytesPiece(r.v)
	case typeInline:
		if hasIS {
			return r.bytesPiece(r.is)
		}
		return r.bytesPiece(r.v)
	case typeDate:
		return r.stringPiece(r.format(style, dateSerial(string(r.v), r.date1904)))
	}
	cf := r.styleFormat(style)
	if cf.raw && plainNumber(r.v) {
		return r.bytesPiece(r.v)
	}
	text := string(r.v)
	if !plainNumber(r.v) {
		text = numberText(text)
	}
	return r.stringPiece(cf.format(text, r.date1904))
}

// styleFormat is the format of a cell style; style 0, and a style the
// style sheet does not have, read the stored value.
func (r *sheetRows) styleFormat(style int) *cellFormat {
	if style <= 0 || style >= len(r.formats) {
		return rawFormat
	}
	return r.formats[style]
}

func (r *sheetRows) format(style int, v string) string {
	return r.styleFormat(style).format(v, r.date1904)
}

func (r *sheetRows) bytesPiece(b []byte) cellPiece {
	start := len(r.buf)
	r.buf = append(r.buf, b...)
	return cellPiece{start: start, end: len(r.buf), inBuf: true}
}

func (r *sheetRows) stringPiece(s string) cellPiece {
	start := len(r.buf)
	r.buf = append(r.buf, s...)
	return cellPiece{start: start, end: len(r.buf), inBuf: true}
}

// refColumn returns the column of a cell reference ("B7" → 2).
func refColumn(ref []byte) (int, error) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	row, digits := 0, len(ref)-i
	if i > 0 && digits > 0 && digits <= 7 && ref[i] != '0' && col <= excelize.MaxColumns {
		for _, c := range ref[i:] {
			if c < '0' || c > '9' {
				row = -1
				break
			}
			row = row*10 + int(c-'0')
		}
		if row > 0 && row <= excelize.TotalRows {
			return col, nil
		}
	}
	col, _, err := excelize.CellNameToCoordinates(string(ref)) // the rare forms: $A$1, a1, errors
	return col, err
}

// parseStyle reads a style index as excelize does (a signed 64-bit
// integer; anything else stops the cell).
func parseStyle(v []byte) (int, bool) {
	if len(v) > 0 && len(v) <= 9 {
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n >= 0 {
			return n, true
		}
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return int(n), err == nil
}

func cellType(t []byte) int {
	switch string(t) {
	case "b":
		return typeBool
	case "d":
		return typeDate
	case "s":
		return typeShared
	case "str":
		return typeStr
	case "inlineStr":
		return typeInline
	}
	return typeNumber
}

// dateSerial turns the ISO 8601 value of a date cell (t="d") into a serial
// number, for the layouts excelize reads; other text is kept.
func dateSerial(v string, date1904 bool) string {
	layout := "20060102T150405.999"
	if strings.HasSuffix(v, "Z") {
		layout = "20060102T150405Z"
		if strings.Contains(v, "-") {
			layout = "2006-01-02T15:04:05Z"
		}
	} else if strings.Contains(v, "-") {
		layout = "2006-01-02 15:04:05Z"
	}
	t, err := time.Parse(layout, strings.ReplaceAll(v, ",", "."))
	if err != nil {
		return v
	}
	return strconv.FormatFloat(timeSerial(t, date1904), 'G', 15, 64)
}
