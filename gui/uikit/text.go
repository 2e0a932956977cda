package uikit

import "strings"

// OneLine keeps a cell's text on one line: a line break typed in a
// spreadsheet cell shows as " ¶ " (a pilcrow, as office programs mark a
// paragraph), so a preview row keeps the height of the others and the
// break stays visible.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", " ¶ ")
}
