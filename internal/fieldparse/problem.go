package fieldparse

import (
	"strings"
	"unicode/utf8"
)

// Severity tells whether a Problem rejects the value or only questions it.
type Severity int

const (
	// Warning: the value was accepted (the returned value is usable) but it is
	// doubtful; the import's check step shows it to the user.
	Warning Severity = iota + 1
	// Error: the value was rejected; the returned value is the zero value.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// Problem describes what is wrong with a cell and how to fix it, in French
// and English. Code is stable (see the Code* constants) so that callers can
// count, group or filter problems without reading the messages.
type Problem struct {
	Code     string
	Severity Severity
	FR, EN   string
}

// Message returns the message in the given language: English for any tag
// starting with "en" ("en", "EN", "en-GB"), French otherwise. It returns ""
// for a nil Problem.
func (p *Problem) Message(lang string) string {
	if p == nil {
		return ""
	}
	if len(lang) >= 2 && (lang[0]|0x20) == 'e' && (lang[1]|0x20) == 'n' {
		return p.EN
	}
	return p.FR
}

// Error implements error: the code and the French message (the product is
// French first). Functions of this package return *Problem, never error, so that a
// nil *Problem is never wrapped in a non-nil interface by accident.
func (p *Problem) Error() string { return p.Code + ": " + p.FR }

// IsError reports whether p is non-nil and of Error severity.
func (p *Problem) IsError() bool { return p != nil && p.Severity == Error }

// IsWarning reports whether p is non-nil and of Warning severity.
func (p *Problem) IsWarning() bool { return p != nil && p.Severity == Warning }

func newError(code, fr, en string) *Problem {
	return &Problem{Code: code, Severity: Error, FR: fr, EN: en}
}

func newWarning(code, fr, en string) *Problem {
	return &Problem{Code: code, Severity: Warning, FR: fr, EN: en}
}

// maxShown is the number of characters of a cell quoted in a message.
const maxShown = 40

// show returns v as it should appear inside a message: cut to maxShown
// characters, control characters replaced by their visible symbol
// (U+2400 + n, e.g. ␊ for a line feed) so that the message stays on one line.
func show(v string) string {
	clean := true
	n := 0
	for _, r := range v {
		n++
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			clean = false
		}
	}
	if clean && n <= maxShown {
		return v
	}
	var b strings.Builder
	b.Grow(len(v))
	i := 0
	for _, r := range v {
		if i == maxShown {
			b.WriteRune('…')
			break
		}
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		default:
			b.WriteRune(r)
		}
		i++
	}
	return b.String()
}

// qfr quotes a cell for a French message: « valeur ».
func qfr(v string) string { return "«\u00a0" + show(v) + "\u00a0»" }

// qen quotes a cell for an English message: "value".
func qen(v string) string { return "\"" + show(v) + "\"" }
