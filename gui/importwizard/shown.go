package importwizard

import (
	"regexp"
	"strings"

	"carnet/gui/uikit"
)

// The workbook reader gives dates as ISO text and decimal numbers with a
// point and no grouping, the forms the field parsers read without guessing
// (internal/sheet/numfmt.go). The preview shows them as a French
// spreadsheet does: 31/12/2026, -1 234,56.
var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	isoDateTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}):\d{2}$`)
	plainDec    = regexp.MustCompile(`^(-?)(\d+)\.(\d+)$`)
)

// shownCell is a cell as the preview shows it: on one line, and for a
// workbook, dates and decimal numbers the way the spreadsheet showed them.
// Whole numbers stay as they are: they are often codes or phone numbers.
func shownCell(s string, workbook bool, uiLang string) string {
	s = uikit.OneLine(s)
	if !workbook {
		return s
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return m[3] + "/" + m[2] + "/" + m[1]
	}
	if m := isoDateTime.FindStringSubmatch(s); m != nil {
		return m[3] + "/" + m[2] + "/" + m[1] + " " + m[4]
	}
	if m := plainDec.FindStringSubmatch(s); m != nil {
		group, dec := "\u202f", ","
		if uiLang == "en" {
			group, dec = ",", "."
		}
		return m[1] + groupDigits(m[2], group) + dec + m[3]
	}
	return s
}

func groupDigits(d, sep string) string {
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	head := len(d) % 3
	b.WriteString(d[:head])
	for i := head; i < len(d); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(d[i : i+3])
	}
	return b.String()
}
