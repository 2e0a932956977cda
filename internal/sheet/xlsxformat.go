package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file gives a numeric cell the text the import has always read from
// it: the stored number in full, or formatted by its style's canonical
// number format (numfmt.go). The rules are those of excelize's formatter
// for the few canonical formats ("0.00", "0.0#%", "00000", the date
// markers of dates.go), rounding and corner cases included, so that
// reading a workbook without excelize gives the same text, cell for cell.

// cellFormat is how a numeric cell of one style reads.
type cellFormat struct {
	raw   bool // no format: the stored number as numberText gives it
	date  bool // a date marker format: the result is decoded to ISO text
	items []fmtItem
	// What the code asks for: zeros before and after the point, optional
	// digits (#) after it, percent signs.
	intPadding, fracPadding, fracHolder, intHolder, percent int
	digits                                                  int // placeholders, 0 and #, in all
}

// fmtItem is one token of a canonical format code.
type fmtItem struct {
	kind byte // '0' zeros, '#' optional digits, '.' point, '%' percent, '"' literal
	n    int  // length of a run of 0, # or %
	lit  string
}

var rawFormat = &cellFormat{raw: true}

// compileFormat reads a canonical code ("" is the raw format).
func compileFormat(code string) *cellFormat {
	if code == "" {
		return rawFormat
	}
	cf := &cellFormat{}
	point := false
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' {
			end := strings.IndexByte(code[i+1:], '"')
			if end < 0 {
				end = len(code) - i - 1
			}
			lit := code[i+1 : i+1+end]
			cf.items = append(cf.items, fmtItem{kind: '"', lit: lit})
			switch lit {
			case markDate, markDateTime, markTime, markDuration:
				cf.date = true
			}
			i += end + 2
			continue
		}
		j := i + 1
		for j < len(code) && code[j] == c && c != '.' {
			j++
		}
		n := j - i
		switch c {
		case '0':
			cf.intHolder = 0
			if point {
				cf.fracPadding += n
			} else {
				cf.intPadding += n
			}
			cf.digits += n
		case '#':
			if point {
				cf.fracHolder += n
			} else {
				cf.intHolder += n
			}
			cf.digits += n
		case '.':
			point = true
		case '%':
			cf.percent += n
		}
		cf.items = append(cf.items, fmtItem{kind: c, n: n})
		i = j
	}
	return cf
}

// plainNumber tells whether v is a number written as strconv writes it
// back, with at most 15 digits ("42", "-0.5", "1234.56"): the common case,
// read as is. Others ("1E3", "0.10", 16 digits…) go the long way.
func plainNumber(v []byte) bool {
	i := 0
	if len(v) > 0 && v[0] == '-' {
		i = 1
	}
	if i >= len(v) || len(v)-i > 16 {
		return false
	}
	if v[i] == '0' && i+1 < len(v) && v[i+1] != '.' {
		return false
	}
	dot := -1
	for j := i; j < len(v); j++ {
		switch c := v[j]; {
		case c >= '0' && c <= '9':
		case c == '.' && dot < 0 && j > i:
			dot = j
		default:
			return false
		}
	}
	if dot >= 0 && (dot == len(v)-1 || v[len(v)-1] == '0') {
		return false
	}
	digits := len(v)
	if dot >= 0 {
		digits--
	}
	return digits <= 15
}

// numberText is the stored value of a numeric cell as excelize reads it:
// written back in full ("1E3" → "1000"), or with 15 significant digits
// when it has more and is not an integer padded with zeros. Text that is
// not a number is kept.
func numberText(v string) string {
	if strings.Contains(v, "_") {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if len(s)-strings.Count(s, ".") > 15 && !zeroFilledInteger(v) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return s
}

// zeroFilledInteger: an integer whose digits past the 15th are zeros.
func zeroFilledInteger(v string) bool {
	if strings.ContainsAny(v, ".Ee") {
		return false
	}
	v = strings.TrimLeft(v, "+-0")
	return len(strings.TrimRight(v, "0")) <= 15
}

// format applies the format to v, the text numberText gave. Text that is
// not a number is kept.
func (cf *cellFormat) format(v string, date1904 bool) string {
	if cf.raw || strings.Contains(v, "_") {
		return v
	}
	number, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	s := cf.formatNumber(v, number)
	if cf.date && hasDateMarker(s) {
		return decodeDateMarker(s, date1904)
	}
	return s
}

func (cf *cellFormat) formatNumber(v string, number float64) string {
	abs := strconv.FormatFloat(math.Abs(number), 'f', -1, 64)
	intPart, fracPart := len(abs), 0
	if i := strings.IndexByte(abs, '.'); i >= 0 {
		intPart, fracPart = i, len(abs)-i-1
	}
	intHolder := min(cf.intHolder, intPart)
	intLen := intPart
	if cf.intPadding+intHolder > intPart {
		intLen = cf.intPadding + intHolder
	}
	fracLen := fracPart
	if fracPart > cf.fracHolder+cf.fracPadding {
		fracLen = cf.fracHolder + cf.fracPadding
	}
	if cf.fracPadding > fracPart {
		fracLen = cf.fracPadding
	}
	if intLen+fracLen > 15 {
		signed := strconv.FormatFloat(number, 'f', -1, 64)
		if len(signed)-strings.Count(signed, ".") > 15 {
			return cf.place(cf.bigNumber(number, fracLen), !(number >= 0))
		}
	}
	width := intLen + fracLen
	if fracLen > 0 {
		width++
	}
	num := number * math.Pow(100, float64(cf.percent))
	ratio := math.Pow(10, float64(fracLen))
	num = math.Round(num*ratio) / ratio
	text := fmt.Sprintf("%0*.*f", width, fracLen, math.Abs(num)) + strings.Repeat("%", cf.percent)
	return cf.place(text, !(number >= 0)) // NaN too, as excelize
}

// bigNumber writes a number of more than 15 digits without rounding it:
// its fraction cut or padded to fracLen digits.
func (cf *cellFormat) bigNumber(number float64, fracLen int) string {
	if cf.percent > 0 {
		number *= 100
	}
	s := strings.TrimLeft(strconv.FormatFloat(number, 'f', -1, 64), "-")
	if fracLen > 0 {
		intPart, frac, ok := strings.Cut(s, ".")
		switch {
		case !ok:
			s += "." + strings.Repeat("0", fracLen)
		case len(frac) < fracLen:
			s += strings.Repeat("0", fracLen-len(frac))
		case len(frac) > fracLen:
			s = intPart + "." + frac[:fracLen]
		}
	}
	if cf.percent > 0 {
		s += "%"
	}
	return s
}

// place lays the digits of text out over the code's placeholders, the
// first one taking whatever the others leave, with the literals between.
func (cf *cellFormat) place(text string, negative bool) string {
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	taken := 0
	for _, it := range cf.items {
		switch it.kind {
		case '"':
			b.WriteString(it.lit)
		case '0', '#':
			n, start := it.n, taken
			if taken == 0 && len(text) > cf.digits {
				n = len(text) + it.n - cf.digits
			}
			if len(text) < cf.digits {
				start += len(text) - cf.digits
			}
			for i := range n {
				if j := start + i; j >= 0 && j < len(text) {
					b.WriteByte(text[j])
				}
			}
			taken += n
		}
	}
	return b.String()
}
