package sheet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// scanner splits UTF-8 text into records and fields. It is a small
// RFC 4180 state machine made tolerant of what real files contain:
//
//   - records end with LF, CRLF or a lone CR (old Mac files); inside quotes
//     every line break is kept as it is in the file;
//   - a quote opens a quoted field only at the start of a field (after
//     optional spaces); a quote anywhere else is a literal character
//     (37°36'37.8"N);
//   - `""` inside quotes is one quote; after the closing quote, anything up
//     to the separator is kept as plain text (`"" ` then spaces, as ERPNext
//     writes, is an empty field, not a quote that swallows the next lines);
//   - a quote never closed runs to the end of the file (and hits the cell
//     size limit if that is far away);
//   - NUL bytes are stripped: they are never meaningful in a spreadsheet
//     cell and would truncate text in C-based tools downstream;
//   - fields are trimmed of surrounding white space, inner spaces are kept.
//
// It reads straight from its own buffer and allocates two objects per
// record (the record's text and its slice of cells).
type scanner struct {
	r        io.Reader
	path     string
	buf      []byte
	pos, end int
	// delivered counts the bytes read into buf, for consumed.
	delivered int64
	eof       bool
	readErr   error
	err       error // sticky error: the scanner is done

	delim   byte
	special [256]bool // bytes that stop the unquoted fast path
	invalid invalidUTF8
	skipLF  bool // last record ended with CR: a following LF belongs to it

	line     int // number of the last record returned (1-based)
	colsHint int // capacity hint for the cells slice

	rec  []byte // text of the current record's fields, back to back
	ends []int  // end offset in rec of each field
	tmp  []byte

	// repaired lists the fields of the last record that were not valid
	// UTF-8 and were decoded whole as Windows-1252 (invalidCP1252 only).
	repaired []int
}

func newScanner(r io.Reader, path string, delim byte, invalid invalidUTF8) *scanner {
	s := &scanner{r: r, path: path, buf: make([]byte, 64<<10), delim: delim, invalid: invalid}
	for _, c := range []byte{delim, '"', '\r', '\n'} {
		s.special[c] = true
	}
	return s
}

// fill reads more bytes once the buffer is consumed; false at the end.
func (s *scanner) fill() bool {
	for !s.eof {
		n, err := s.r.Read(s.buf)
		s.pos, s.end = 0, n
		s.delivered += int64(n)
		if err != nil {
			s.eof = true
			if !errors.Is(err, io.EOF) {
				s.readErr = err
			}
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// consumed is how many bytes of text the records returned so far took.
func (s *scanner) consumed() int64 { return s.delivered - int64(s.end-s.pos) }

const (
	stStart  = iota // start of a field: nothing but blanks read
	stPlain         // in an unquoted field (or after a closing quote)
	stQuoted        // in a quoted field
	stQuote         // just read a quote inside a quoted field
)

// next returns the cells of the next record, or io.EOF. line is the record
// number.
func (s *scanner) next() (cells []string, line int, err error) {
	if s.err != nil {
		return nil, s.line, s.err
	}
	cells, err = s.scan()
	if err != nil {
		s.err = err
		return nil, s.line + 1, err
	}
	s.line++
	return cells, s.line, nil
}

func (s *scanner) scan() ([]string, error) {
	s.rec, s.ends, s.repaired = s.rec[:0], s.ends[:0], nil
	state, fieldStart, started := stStart, 0, false
	for {
		if s.pos >= s.end && !s.fill() {
			break
		}
		if s.skipLF {
			s.skipLF = false
			if s.buf[s.pos] == '\n' {
				s.pos++
				continue
			}
		}
		started = true
		switch state {
		case stStart:
			c := s.buf[s.pos]
			if (c == ' ' && s.delim != ' ') || (c == '\t' && s.delim != '\t') {
				s.rec = append(s.rec, c)
				s.pos++
				continue
			}
			if c == '"' {
				s.rec = s.rec[:fieldStart] // blanks before an opening quote are not content
				s.pos++
				state = stQuoted
				continue
			}
			state = stPlain
			fallthrough
		case stPlain:
			buf, i := s.buf[:s.end], s.pos
			for i < len(buf) && !s.special[buf[i]] {
				i++
			}
			s.rec = append(s.rec, buf[s.pos:i]...)
			s.pos = i
			if err := s.checkSize(fieldStart); err != nil {
				return nil, err
			}
			if i == len(buf) {
				continue
			}
			s.pos++
			switch c := buf[i]; c {
			case s.delim:
				if err := s.endField(); err != nil {
					return nil, err
				}
				state, fieldStart = stStart, len(s.rec)
			case '\n':
				return s.record()
			case '\r':
				s.skipLF = true
				return s.record()
			default: // a quote inside an unquoted field is a literal
				s.rec = append(s.rec, c)
			}
		case stQuoted:
			chunk := s.buf[s.pos:s.end]
			j := bytes.IndexByte(chunk, '"')
			if j < 0 {
				s.rec = append(s.rec, chunk...)
				s.pos = s.end
			} else {
				s.rec = append(s.rec, chunk[:j]...)
				s.pos += j + 1
				state = stQuote
			}
			if err := s.checkSize(fieldStart); err != nil {
				return nil, err
			}
		case stQuote:
			switch c := s.buf[s.pos]; c {
			case '"':
				s.rec = append(s.rec, '"')
				s.pos++
				state = stQuoted
			case s.delim:
				s.pos++
				if err := s.endField(); err != nil {
					return nil, err
				}
				state, fieldStart = stStart, len(s.rec)
			case '\n':
				s.pos++
				return s.record()
			case '\r':
				s.pos++
				s.skipLF = true
				return s.record()
			default: // text after the closing quote: kept as plain text
				state = stPlain
			}
		}
	}
	if s.readErr != nil {
		return nil, errRead(s.path, s.line+1, s.readErr)
	}
	if !started {
		return nil, io.EOF
	}
	return s.record()
}

func (s *scanner) checkSize(fieldStart int) error {
	if len(s.rec)-fieldStart > MaxCellBytes {
		return errCellTooLarge(s.path, s.line+1, len(s.ends)+1)
	}
	if len(s.rec) > MaxRowBytes {
		return errRowTooLarge(s.path, s.line+1)
	}
	return nil
}

func (s *scanner) endField() error {
	if len(s.ends) >= MaxColumns {
		return errTooManyColumns(s.path, s.line+1)
	}
	s.ends = append(s.ends, len(s.rec))
	return nil
}

// record turns the current record into trimmed strings.
func (s *scanner) record() ([]string, error) {
	if err := s.endField(); err != nil {
		return nil, err
	}
	if bytes.IndexByte(s.rec, 0) >= 0 {
		s.stripNUL()
	}
	if s.invalid != invalidNone && !s.fieldsValid() {
		s.fixEncoding()
	}
	text := string(s.rec)
	n := len(s.ends)
	cells := make([]string, n, max(n, s.colsHint))
	start := 0
	for i, end := range s.ends {
		cells[i] = strings.TrimSpace(text[start:end])
		start = end
	}
	return cells, nil
}

// fieldsValid reports whether every field is valid UTF-8 (field by field:
// two invalid halves in adjacent fields may form a valid sequence).
func (s *scanner) fieldsValid() bool {
	start := 0
	for _, end := range s.ends {
		if !utf8.Valid(s.rec[start:end]) {
			return false
		}
		start = end
	}
	return true
}

// stripNUL removes NUL bytes from the record, keeping field boundaries.
func (s *scanner) stripNUL() {
	out, start := s.rec[:0], 0
	for i, end := range s.ends {
		for _, c := range s.rec[start:end] {
			if c != 0 {
				out = append(out, c)
			}
		}
		start = end
		s.ends[i] = len(out)
	}
	s.rec = out
}

// fixEncoding repairs the fields that are not valid UTF-8: with
// invalidCP1252 each such field is decoded whole as Windows-1252 (a cell
// comes from one tool: its few bytes that happen to form valid UTF-8 are
// Windows-1252 too) and listed in repaired; with invalidReplace the bad
// bytes become U+FFFD.
func (s *scanner) fixEncoding() {
	s.tmp = s.tmp[:0]
	start := 0
	for i, end := range s.ends {
		field := s.rec[start:end]
		switch {
		case utf8.Valid(field):
			s.tmp = append(s.tmp, field...)
		case s.invalid == invalidCP1252:
			s.tmp = decode1252(s.tmp, field)
			s.repaired = append(s.repaired, i)
		default:
			s.tmp = fixUTF8(s.tmp, field, s.invalid)
		}
		start = end
		s.ends[i] = len(s.tmp)
	}
	s.rec, s.tmp = s.tmp, s.rec
}
