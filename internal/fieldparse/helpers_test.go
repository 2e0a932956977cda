package fieldparse

import (
	"strings"
	"testing"
)

// checkProblem verifies a problem against an expected code: "" means no
// problem; otherwise the code must match and the severity must follow the
// code's kind (warn is true for warning codes). Every problem must carry both
// messages, each quoting something and saying what to do.
func checkProblem(t *testing.T, input string, p *Problem, wantCode string, wantWarn bool) {
	t.Helper()
	if wantCode == "" {
		if p != nil {
			t.Errorf("%q: unexpected problem %s %s", input, p.Code, p.FR)
		}
		return
	}
	if p == nil {
		t.Errorf("%q: want problem %s, got none", input, wantCode)
		return
	}
	if p.Code != wantCode {
		t.Errorf("%q: code %s, want %s (%s)", input, p.Code, wantCode, p.FR)
	}
	wantSev := Error
	if wantWarn {
		wantSev = Warning
	}
	if p.Severity != wantSev {
		t.Errorf("%q: severity %v, want %v", input, p.Severity, wantSev)
	}
	checkMessages(t, p)
}

func checkMessages(t *testing.T, p *Problem) {
	t.Helper()
	if p.FR == "" || p.EN == "" {
		t.Errorf("%s: missing message FR=%q EN=%q", p.Code, p.FR, p.EN)
	}
	if p.FR == p.EN {
		t.Errorf("%s: FR and EN messages are identical: %q", p.Code, p.FR)
	}
	if p.Message("en") != p.EN || p.Message("en-GB") != p.EN || p.Message("fr") != p.FR || p.Message("") != p.FR {
		t.Errorf("%s: Message does not select the language", p.Code)
	}
	if strings.ContainsAny(p.FR, "\n\r") || strings.ContainsAny(p.EN, "\n\r") {
		t.Errorf("%s: message spans several lines", p.Code)
	}
}

// warn and fail build expectation codes readable in tables.
type want struct {
	code string
	warn bool
}

var none = want{}

func warn(code string) want { return want{code, true} }
func fail(code string) want { return want{code, false} }
