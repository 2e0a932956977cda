package importwizard

import (
	"regexp"

	"carnet/gui/uikit"
	"carnet/internal/format"
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
		dec := ","
		if uiLang == "en" {
			dec = "."
		}
		return m[1] + format.Digits(m[2], uiLang) + dec + m[3]
	}
	return s
}
