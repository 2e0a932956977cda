package fieldparse

// Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that
// starts with "=", "+", "-" or "@" as a formula, and a tab or a carriage
// return at the start can hide the same from a careless check. Every text
// cell Carnet writes goes through Neutralise; numbers are written as
// numbers and never pass here. Text (unneutralise) takes the mark off again
// on import.

// Neutralise returns s with an apostrophe in front when a spreadsheet would
// read it as a formula. The apostrophe is what Excel and LibreOffice use to
// mark "this is text", so an exported "- voir Paul" or "+32 2 555 01 02"
// stays readable and re-imports as it was.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
