package sheet

import "strings"

// Number formats decide what a numeric cell reads as. Excel stores 42005
// and shows 01/01/2015, or stores 8595602512225 and shows 8,6E+12: the
// importer wants what the user meant, in a form the field parsers read
// without guessing the locale. So every cell style of the workbook is given
// one canonical format (readCellFormats), applied by xlsxformat.go (dates
// are then decoded by dates.go):
//
//   - date, time and date-time formats → ISO "2015-01-01",
//     "2011-09-15 15:22:00", "15:22:00" (durations "[h]:mm:ss");
//   - fixed decimals → the same decimals without grouping or currency
//     ("#,##0.00 €" → "0.00": 1234.5 reads 1234.50);
//   - percentages keep their decimals ("0.00%": 0.01234 reads 1.23%);
//   - integer formats that pad with zeros keep the padding ("00000": a
//     postcode typed 1000 reads 01000, as the user sees it);
//   - everything else (General, "0", "#,##0", scientific, fractions, text)
//     gives the stored number in full: 8595602512225, never 8.6E+12, so
//     identifiers typed as numbers keep all their digits.
//
// A serial number is a date only when its format is a date format (builtin
// ids 14–22, 27–36, 45–47, 50–58, or a custom code with d, m, y, h or s
// outside quotes and brackets).

// builtinNumFmts are the codes of the builtin formats that matter here
// (ids 27–36 and 50–58 are East Asian dates and times).
var builtinNumFmts = map[int]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	5: `"$"#,##0_);("$"#,##0)`, 6: `"$"#,##0_);[Red]("$"#,##0)`,
	7: `"$"#,##0.00_);("$"#,##0.00)`, 8: `"$"#,##0.00_);[Red]("$"#,##0.00)`,
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	27: "yyyy-mm-dd", 28: "yyyy-mm-dd", 29: "yyyy-mm-dd", 30: "m-d-yy", 31: "yyyy-mm-dd",
	32: "h:mm:ss", 33: "h:mm:ss", 34: "h:mm:ss", 35: "h:mm:ss", 36: "yyyy-mm-dd",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	41: `_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)`, 42: `_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)`,
	43: `_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)`, 44: `_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)`,
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
	50: "yyyy-mm-dd", 51: "yyyy-mm-dd", 52: "yyyy-mm-dd", 53: "yyyy-mm-dd", 54: "yyyy-mm-dd",
	55: "yyyy-mm-dd", 56: "yyyy-mm-dd", 57: "yyyy-mm-dd", 58: "yyyy-mm-dd",
}

// Canonical codes for dates and times.
const (
	isoDate     = "yyyy-mm-dd"
	isoDateTime = "yyyy-mm-dd hh:mm:ss"
	isoTime     = "hh:mm:ss"
	isoDuration = "[h]:mm:ss"
)

// canonicalNumFmt returns the format a cell with this code is read with, or
// "" to read the stored value as is.
func canonicalNumFmt(code string) string {
	section := firstSection(code)
	tokens := stripLiterals(section)
	if strings.Contains(tokens, "general") || strings.Contains(tokens, "@") ||
		strings.Contains(tokens, "e+") || strings.Contains(tokens, "e-") {
		return "" // text, or scientific: the stored number says more
	}
	if kind := dateKind(tokens); kind != "" {
		return kind
	}
	if strings.Contains(tokens, "/") {
		return "" // fraction
	}
	intPart, fracPart, _ := strings.Cut(tokens, ".")
	var decimals strings.Builder
	for _, c := range fracPart {
		if c != '0' && c != '#' && c != '?' {
			break
		}
		if c == '?' {
			c = '#'
		}
		decimals.WriteRune(c)
	}
	percent := strings.Contains(tokens, "%")
	zeros := strings.Count(intPart, "0")
	switch {
	case percent && decimals.Len() > 0:
		return "0." + decimals.String() + "%"
	case percent:
		return "0%"
	case decimals.Len() > 0 && strings.Contains(decimals.String(), "0"):
		return "0." + decimals.String()
	case decimals.Len() == 0 && zeros >= 2 && !strings.ContainsAny(intPart, "#?,"):
		return strings.Repeat("0", zeros)
	}
	return ""
}

// firstSection returns the positive-number section of a format code.
func firstSection(code string) string {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '\\' && !inQuote:
			i++
		case c == '"' && !inBracket:
			inQuote = !inQuote
		case c == '[' && !inQuote:
			inBracket = true
		case c == ']' && !inQuote:
			inBracket = false
		case c == ';' && !inQuote && !inBracket:
			return code[:i]
		}
	}
	return code
}

// stripLiterals lower-cases a section and removes what is displayed as is:
// quoted text, escaped characters, padding (_x) and fill (*x) characters,
// and bracketed colours, conditions and locales, keeping elapsed-time
// brackets ([h], [mm], [ss]) as "[h]" markers.
func stripLiterals(section string) string {
	var b strings.Builder
	s := strings.ToLower(section)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				end = len(s) - i - 1
			}
			i += end + 1
		case '\\', '_', '*':
			i++
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				end = len(s) - i - 1
			}
			inner := s[i+1 : i+end]
			if inner != "" && strings.Trim(inner, "hms") == "" {
				b.WriteString("[" + inner[:1] + "]")
			}
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// dateKind tells date, time, date-time and duration codes apart; "" when
// the code has no date or time token. 'm' is a minute after an hour or
// before a second, a month otherwise.
func dateKind(tokens string) string {
	if strings.Contains(tokens, "[h]") || strings.Contains(tokens, "[m]") || strings.Contains(tokens, "[s]") {
		return isoDuration
	}
	// Runs of date/time letters, in order ("m/d/yy h:mm" → m d y h m).
	var runs []byte
	for i := 0; i < len(tokens); i++ {
		c := tokens[i]
		switch c {
		case 'a':
			if strings.HasPrefix(tokens[i:], "am/pm") {
				i += 4
			} else if strings.HasPrefix(tokens[i:], "a/p") {
				i += 2
			}
		case 'd', 'm', 'y', 'h', 's':
			if len(runs) == 0 || runs[len(runs)-1] != c {
				runs = append(runs, c)
			}
		}
	}
	var date, clock bool
	for i, c := range runs {
		switch c {
		case 'd', 'y':
			date = true
		case 'h', 's':
			clock = true
		case 'm':
			afterHour := i > 0 && runs[i-1] == 'h'
			beforeSecond := i+1 < len(runs) && runs[i+1] == 's'
			if afterHour || beforeSecond {
				clock = true
			} else {
				date = true
			}
		}
	}
	switch {
	case date && clock:
		return isoDateTime
	case date:
		return isoDate
	case clock:
		return isoTime
	}
	return ""
}
