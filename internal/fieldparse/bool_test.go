package fieldparse

import "testing"

func TestBool(t *testing.T) {
	tests := []struct {
		in    string
		v     bool
		empty bool
		w     want
	}{
		{"", false, true, none},
		{"  ", false, true, none},
		{"Oui", true, false, none},
		{"OUI", true, false, none},
		{" oui ", true, false, none},
		{"O", true, false, none},
		{"Yes", true, false, none},
		{"y", true, false, none},
		{"X", true, false, none},
		{"x", true, false, none},
		{"1", true, false, none},
		{"Vrai", true, false, none},
		{"VRAI", true, false, none}, // French Excel
		{"True", true, false, none}, // Odoo m2m sample
		{"TRUE", true, false, none}, // Odoo res.partner sample
		{"Non", false, false, none},
		{"NON", false, false, none},
		{"N", false, false, none},
		{"No", false, false, none},
		{"0", false, false, none},
		{"Faux", false, false, none},
		{"FALSE", false, false, none},
		{"false", false, false, none},
		{"'1", true, false, none},
		{"peut-être", false, false, fail(CodeBoolInvalid)},
		{"2", false, false, fail(CodeBoolInvalid)},
		{"ouii", false, false, fail(CodeBoolInvalid)},
		{"oui non", false, false, fail(CodeBoolInvalid)},
		{"#N/A", false, false, fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		v, empty, p := Bool(tc.in)
		if v != tc.v || empty != tc.empty {
			t.Errorf("Bool(%q) = %v, empty=%v; want %v, empty=%v (%v)", tc.in, v, empty, tc.v, tc.empty, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
	if n := testing.AllocsPerRun(100, func() { Bool("Oui") }); n != 0 {
		t.Errorf("Bool: %v allocations, want 0", n)
	}
}
