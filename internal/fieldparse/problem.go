package fieldparse

import (
	"strconv"
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
// (U+2400 + n, e.g. ␊ for a line feed) so that the message stays on one
// line. n is v's length in characters, cut whether it was shortened (the
// quoting helpers then say how long the value was: a 1 MB cell must not
// turn into a 1 MB message).
func show(v string) (shown string, n int, cut bool) {
	clean := true
	for _, r := range v {
		n++
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || isBidiControl(r) {
			clean = false
		}
	}
	if clean && n <= maxShown {
		return v, n, false
	}
	var b strings.Builder
	b.Grow(min(len(v), 4*maxShown+3))
	i := 0
	for _, r := range v {
		if i == maxShown {
			b.WriteRune('…')
			cut = true
			break
		}
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case isBidiControl(r):
			// Shown as its code, so that it cannot reorder the message.
			b.WriteString("<U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + ">")
		default:
			b.WriteRune(r)
		}
		i++
	}
	return b.String(), n, cut
}

// qfr quotes a cell for a French message: « valeur », or « début… » (1 048 576
// caractères) when it was shortened.
func qfr(v string) string {
	s, n, cut := show(v)
	q := "«\u00a0" + s + "\u00a0»"
	if cut {
		q += " (" + groupThousands(n, "\u00a0") + "\u00a0caractères)"
	}
	return q
}

// qen quotes a cell for an English message: "value", or "start…" (1,048,576
// characters) when it was shortened.
func qen(v string) string {
	s, n, cut := show(v)
	q := "\"" + s + "\""
	if cut {
		q += " (" + groupThousands(n, ",") + " characters)"
	}
	return q
}

// groupThousands writes n with sep between groups of three digits.
func groupThousands(n int, sep string) string {
	d := strconv.Itoa(n)
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	head := len(d) % 3
	if head > 0 {
		b.WriteString(d[:head])
	}
	for i := head; i < len(d); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(d[i : i+3])
	}
	return b.String()
}
