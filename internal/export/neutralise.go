package export

import "carnet/internal/fieldparse"

// Neutralise puts the text mark (an apostrophe) in front of a text that a
// spreadsheet would run as a formula; see fieldparse.Neutralise.
func Neutralise(s string) string { return fieldparse.Neutralise(s) }
