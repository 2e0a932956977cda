package fieldparse

import (
	"unicode"
	"unicode/utf8"
)

// parseErr is why dateParser gave up.
type parseErr uint8

const (
	parseOK      parseErr = iota
	parseInvalid          // not a date shape we know
	parseTime             // a date followed by an impossible time
)

// dateParser reads a trimmed cell from left to right. It only recognises
// shapes; dateParts.validate checks the calendar.
type dateParser struct {
	s string
	i int
}

func (p *dateParser) end() bool { return p.i >= len(p.s) }

func (p *dateParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// digits reads up to max ASCII digits; n is how many were read. A longer run
// of digits makes n = max+1 so that the caller rejects it.
func (p *dateParser) digits(max int) (v, n int) {
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		if n == max {
			return v, max + 1
		}
		v = v*10 + int(p.s[p.i]-'0')
		n++
		p.i++
	}
	return v, n
}

// spaces skips spaces (any Unicode space) and reports whether it moved.
func (p *dateParser) spaces() bool {
	start := p.i
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			break
		}
		p.i += size
	}
	return p.i > start
}

// word reads a run of letters (accented letters included) and an optional
// abbreviation dot, writes the letters folded to ASCII lower case into buf
// and returns how many there are (0: no word, or one too long to matter).
func (p *dateParser) word(buf *[16]byte) int {
	n := 0
	start := p.i
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsLetter(r) {
			break
		}
		if n == len(buf) {
			p.i = start
			return 0
		}
		buf[n] = foldLetter(r)
		n++
		p.i += size
	}
	if n > 0 && p.peek() == '.' {
		p.i++
	}
	return n
}

// foldLetter maps a letter to ASCII lower case for month and weekday names.
func foldLetter(r rune) byte {
	switch {
	case r >= 'A' && r <= 'Z':
		return byte(r) + 'a' - 'A'
	case r < utf8.RuneSelf:
		return byte(r)
	}
	switch unicode.ToLower(r) {
	case 'à', 'â', 'ä':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'î', 'ï':
		return 'i'
	case 'ô', 'ö':
		return 'o'
	case 'ù', 'û', 'ü':
		return 'u'
	case 'ç':
		return 'c'
	}
	return '?'
}

var monthNames = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1,
	"fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
	"mars": 3, "mar": 3, "march": 3,
	"avril": 4, "avr": 4, "april": 4, "apr": 4,
	"mai": 5, "may": 5,
	"juin": 6, "june": 6, "jun": 6,
	"juillet": 7, "juil": 7, "july": 7, "jul": 7,
	"aout": 8, "aou": 8, "august": 8, "aug": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9,
	"octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11,
	"decembre": 12, "dec": 12, "december": 12,
}

// weekdayNames are skipped before a date. "mar" (mardi) is left out: it is
// also March.
var weekdayNames = map[string]bool{
	"lundi": true, "lun": true, "mardi": true, "mercredi": true, "mer": true,
	"jeudi": true, "jeu": true, "vendredi": true, "ven": true, "samedi": true,
	"sam": true, "dimanche": true, "dim": true,
	"monday": true, "mon": true, "tuesday": true, "tue": true, "wednesday": true,
	"wed": true, "thursday": true, "thu": true, "friday": true, "fri": true,
	"saturday": true, "sat": true, "sunday": true, "sun": true,
}

func (p *dateParser) monthName() (int, bool) {
	var buf [16]byte
	n := p.word(&buf)
	m, ok := monthNames[string(buf[:n])] // no allocation for a map key
	return m, ok
}

// skipWeekday skips "lundi ", "Mon, " and the like at the start.
func (p *dateParser) skipWeekday() {
	var buf [16]byte
	start := p.i
	n := p.word(&buf)
	if n == 0 || !weekdayNames[string(buf[:n])] {
		p.i = start
		return
	}
	if p.peek() == ',' {
		p.i++
	}
	if !p.spaces() {
		p.i = start
	}
}

// year reads a two- or four-digit year.
func (p *dateParser) year(d *dateParts) bool {
	y, n := p.digits(4)
	if n != 2 && n != 4 {
		return false
	}
	d.y, d.yearDigits = y, n
	return true
}

func (p *dateParser) parse() (dateParts, parseErr) {
	var d dateParts
	p.skipWeekday()
	first, n := p.digits(4)
	switch {
	case n == 4: // yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd
		sep := p.peek()
		if sep != '-' && sep != '/' && sep != '.' {
			return d, parseInvalid
		}
		p.i++
		m, nm := p.digits(2)
		if nm == 0 || nm > 2 || p.peek() != sep {
			return d, parseInvalid
		}
		p.i++
		day, nd := p.digits(2)
		if nd == 0 || nd > 2 {
			return d, parseInvalid
		}
		d = dateParts{y: first, m: m, d: day, yearDigits: 4, order: orderYMD}

	case n == 1 || n == 2:
		d.d = first
		switch sep := p.peek(); sep {
		case '/', '.', '-': // d/m/y, d-mmm-yy
			p.i++
			if isDigit(p.peek()) {
				m, nm := p.digits(2)
				if nm > 2 || p.peek() != sep {
					return d, parseInvalid
				}
				d.m, d.order = m, orderDMY
			} else {
				m, ok := p.monthName()
				if !ok {
					return d, parseInvalid
				}
				d.m, d.order = m, orderName
				if p.peek() != sep && p.peek() != ' ' {
					return d, parseInvalid
				}
			}
			p.i++
			if !p.year(&d) {
				return d, parseInvalid
			}
		default: // 5 juin 2012, 1er janvier 2020
			if first == 1 && p.i+1 < len(p.s) && p.s[p.i]|0x20 == 'e' && p.s[p.i+1]|0x20 == 'r' {
				p.i += 2
			}
			if !p.spaces() {
				return d, parseInvalid
			}
			m, ok := p.monthName()
			if !ok || !p.spaces() || !p.year(&d) {
				return d, parseInvalid
			}
			d.m, d.order = m, orderName
		}

	case n == 0: // June 5, 2012
		m, ok := p.monthName()
		if !ok || !p.spaces() {
			return d, parseInvalid
		}
		day, nd := p.digits(2)
		if nd == 0 || nd > 2 {
			return d, parseInvalid
		}
		if p.peek() == ',' {
			p.i++
		}
		if !p.spaces() || !p.year(&d) || d.yearDigits != 4 {
			return d, parseInvalid
		}
		d.m, d.d, d.order = m, day, orderName

	default:
		return d, parseInvalid
	}

	if p.end() {
		return d, parseOK
	}
	// A time of day: "T15:53" after an ISO date, else after spaces (and an
	// optional French "à").
	if c := p.peek(); (c == 'T' || c == 't') && d.order == orderYMD {
		p.i++
	} else {
		if !p.spaces() {
			return d, parseInvalid
		}
		if p.skipA() && !p.spaces() {
			return d, parseInvalid
		}
	}
	return d, p.clock(&d)
}

// skipA skips the French "à" of "5 juin 2012 à 15h30".
func (p *dateParser) skipA() bool {
	if len(p.s)-p.i >= len("à") && p.s[p.i:p.i+len("à")] == "à" {
		p.i += len("à")
		return true
	}
	return false
}

// clock reads hh:mm[:ss[.fff]] or 15h[30], an optional AM/PM and an optional
// time zone (ignored), up to the end of the cell.
func (p *dateParser) clock(d *dateParts) parseErr {
	h, nh := p.digits(2)
	if nh == 0 || nh > 2 {
		return parseInvalid
	}
	mi, ss, ns := 0, 0, 0
	switch p.peek() {
	case ':':
		p.i++
		var nm int
		mi, nm = p.digits(2)
		if nm != 2 {
			return parseInvalid
		}
		if p.peek() == ':' {
			p.i++
			var ns2 int
			ss, ns2 = p.digits(2)
			if ns2 != 2 {
				return parseInvalid
			}
			if c := p.peek(); c == '.' || c == ',' {
				p.i++
				scale := 100_000_000
				start := p.i
				for p.i < len(p.s) && isDigit(p.s[p.i]) {
					ns += int(p.s[p.i]-'0') * scale
					scale /= 10
					p.i++
				}
				if p.i == start || p.i-start > 9 {
					return parseInvalid
				}
			}
		}
	case 'h', 'H':
		p.i++
		if isDigit(p.peek()) {
			var nm int
			mi, nm = p.digits(2)
			if nm != 2 {
				return parseInvalid
			}
		}
	default:
		return parseInvalid
	}
	p.spaces()
	if c := p.peek() | 0x20; (c == 'a' || c == 'p') && p.i+1 < len(p.s) && p.s[p.i+1]|0x20 == 'm' {
		if h < 1 || h > 12 {
			return parseTime
		}
		h %= 12
		if c == 'p' {
			h += 12
		}
		p.i += 2
		p.spaces()
	}
	if !p.zone() {
		return parseInvalid
	}
	if h > 23 || mi > 59 || ss > 59 {
		return parseTime
	}
	d.hh, d.mi, d.ss, d.ns = h, mi, ss, ns
	return parseOK
}

// zone accepts, and ignores, what may follow a time up to the end: nothing,
// Z, UTC, GMT, +hh, +hh:mm, +hhmm (also after UTC/GMT, where +h is fine).
func (p *dateParser) zone() bool {
	if p.end() {
		return true
	}
	named := false
	switch c := p.peek(); {
	case c == 'Z' || c == 'z':
		p.i++
		return p.end()
	case c == 'U' || c == 'G' || c == 'u' || c == 'g':
		named = true
		var buf [16]byte
		n := p.word(&buf)
		if w := string(buf[:n]); w != "utc" && w != "gmt" {
			return false
		}
		p.spaces()
		if p.end() {
			return true
		}
	}
	if c := p.peek(); c != '+' && c != '-' {
		return false
	}
	p.i++
	_, n := p.digits(4)
	switch {
	case n == 1 && named: // GMT+1
	case n == 2:
		if p.peek() == ':' {
			p.i++
			if _, m := p.digits(2); m != 2 {
				return false
			}
		}
	case n == 4:
	default:
		return false
	}
	return p.end()
}
