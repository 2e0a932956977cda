package sheet

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Reading elements and text with xmlScanner: the text of a cell value, of
// a shared or inline string with its rich text runs, and XML's and
// OOXML's escapes.

// skip reads past the end of the element whose start tag was just read.
func (s *xmlScanner) skip() {
	for depth := 0; ; {
		switch s.next(false) {
		case tokStart:
			if !s.self {
				depth++
			}
		case tokEnd:
			if depth == 0 {
				return
			}
			depth--
		case tokEOF:
			return
		}
	}
}

// elementText appends the text directly inside the element whose start tag
// was just read, up to its end tag (text of nested elements is left out,
// as encoding/xml does for a string).
func (s *xmlScanner) elementText(dst []byte) []byte {
	for depth := 0; ; {
		switch s.next(depth == 0) {
		case tokText:
			dst = s.appendText(dst)
		case tokStart:
			if !s.self {
				depth++
			}
		case tokEnd:
			if depth == 0 {
				return dst
			}
			depth--
		case tokEOF:
			return dst
		}
	}
}

// richText appends the text of a string item — a shared string <si> or an
// inline string <is> whose start tag was just read — as excelize reads it:
// its plain <t>, then the <t> of each rich text run <r>, with the _xHHHH_
// escapes resolved. Phonetic guides (<rPh>) and run properties are left
// out.
func (s *xmlScanner) richText(dst []byte) []byte {
	plain, runs := s.plain[:0], s.runs[:0]
loop:
	for {
		switch s.next(false) {
		case tokStart:
			self := s.self
			switch string(s.name()) {
			case "t":
				plain = plain[:0] // the last <t> counts
				if !self {
					plain = s.elementText(plain)
				}
			case "r":
				if !self {
					runs = s.runText(runs)
				}
			default:
				if !self {
					s.skip()
				}
			}
		case tokEnd, tokEOF:
			break loop
		}
	}
	s.plain, s.runs = plain, runs
	n := len(dst)
	dst = append(append(dst, plain...), runs...)
	if bytes.Contains(dst[n:], []byte("_x")) {
		text := appendUnescaped(nil, dst[n:])
		dst = append(dst[:n], text...)
	}
	return dst
}

// runText appends the text of a rich text run whose start tag was just
// read: its last <t>.
func (s *xmlScanner) runText(dst []byte) []byte {
	start := len(dst)
	for {
		switch s.next(false) {
		case tokStart:
			if string(s.name()) == "t" {
				dst = dst[:start]
				if !s.self {
					dst = s.elementText(dst)
				}
			} else if !s.self {
				s.skip()
			}
		case tokEnd, tokEOF:
			return dst
		}
	}
}

// appendXMLText appends raw text decoded: entities and character
// references resolved, "\r\n" and "\r" read as "\n". An unknown entity is
// kept as written.
func appendXMLText(dst, raw []byte) []byte {
	if bytes.IndexByte(raw, '&') < 0 {
		return appendCRLF(dst, raw)
	}
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return appendCRLF(dst, raw)
		}
		dst = appendCRLF(dst, raw[:amp])
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&')
			raw = raw[1:]
			continue
		}
		if r, ok := entity(raw[1:semi]); ok {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = append(dst, raw[:semi+1]...)
		}
		raw = raw[semi+1:]
	}
	return dst
}

func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// appendCRLF appends b with "\r\n" and "\r" as "\n".
func appendCRLF(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), '\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
}

// appendUnescaped appends s with the _xHHHH_ escapes of OOXML strings
// resolved (a character XML cannot hold: _x000D_ is a carriage return,
// _x005F_ an underscore). An escape of a surrogate half is dropped, as
// excelize does.
func appendUnescaped(dst, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 || len(s)-i < 7 {
			return append(dst, s...)
		}
		hex := s[i+2 : i+6]
		if s[i+6] != '_' || !isHex4(hex) {
			dst = append(dst, s[:i+1]...)
			s = s[i+1:]
			continue
		}
		dst = append(dst, s[:i]...)
		n, _ := strconv.ParseUint(string(hex), 16, 32)
		if r := rune(n); utf8.ValidRune(r) {
			dst = utf8.AppendRune(dst, r)
		}
		s = s[i+7:]
	}
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
