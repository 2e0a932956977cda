package fieldparse

import (
	"strings"
	"testing"
)

func TestPercent(t *testing.T) {
	tests := []struct {
		in    string
		v     int64
		empty bool
		w     want
	}{
		{"", 0, true, none},
		{" ", 0, true, none},
		{"0", 0, false, none},
		{"10", 1000, false, none},
		{"10 %", 1000, false, none},
		{"10%", 1000, false, none},
		{"10\u00a0%", 1000, false, none},
		{"10\u202f%", 1000, false, none},
		{"10,5%", 1050, false, none},
		{"10,5 %", 1050, false, none},
		{"12.5", 1250, false, none},
		{"+5", 500, false, none},
		{"100", 10000, false, none},
		{"100,00 %", 10000, false, none},
		{"0 %", 0, false, none},
		{"-0", 0, false, none},
		{"0,0", 0, false, none},
		{"5", 500, false, none},
		{"1", 100, false, none},    // an integer is not taken for a fraction
		{"0,5 %", 50, false, none}, // with % it is clearly 0,5 %
		{"0,15", 15, false, warn(CodePercentFraction)},
		{"0.15", 15, false, warn(CodePercentFraction)},
		{"1,0", 100, false, warn(CodePercentFraction)},
		{"0,125", 13, false, warn(CodePercentFraction)},
		{"12,345", 1235, false, warn(CodePercentRounded)},
		{"12,345 %", 1235, false, warn(CodePercentRounded)},
		{"0.15000000000000002", 15, false, warn(CodePercentFraction)},
		{"100,01", 0, false, fail(CodePercentRange)},
		{"150 %", 0, false, fail(CodePercentRange)},
		{"1 000", 0, false, fail(CodePercentRange)},
		{"12345678", 0, false, fail(CodePercentRange)},
		{"-5", 0, false, fail(CodePercentNegative)},
		{"-5 %", 0, false, fail(CodePercentNegative)},
		{"dix", 0, false, fail(CodePercentInvalid)},
		{"%", 0, false, fail(CodePercentInvalid)},
		{"10 € ", 0, false, fail(CodePercentInvalid)},
		{"1E+2", 0, false, fail(CodePercentInvalid)},
		{"#DIV/0!", 0, false, fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		v, empty, p := Percent(tc.in)
		if v != tc.v || empty != tc.empty {
			t.Errorf("Percent(%q) = %d, empty=%v; want %d, empty=%v (%v)", tc.in, v, empty, tc.v, tc.empty, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestPercentMessages(t *testing.T) {
	_, _, p := Percent("0,15")
	if p == nil || !strings.Contains(p.FR, "lu comme 0,15 %") || !strings.Contains(p.FR, "0,15 = 15 %") || !strings.Contains(p.EN, "0,15 = 15%") {
		t.Errorf("Percent(0,15) message: %v", p)
	}
	_, _, p = Percent("0,125")
	if p == nil || !strings.Contains(p.FR, "saisissez 12,5 ") {
		t.Errorf("Percent(0,125) message: %v", p)
	}
	_, _, p = Percent("120")
	if p == nil || !strings.Contains(p.FR, "ne peut pas dépasser 100") || !strings.Contains(p.EN, "cannot exceed 100") {
		t.Errorf("Percent(120) message: %v", p)
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		in    string
		v     int64
		empty bool
		w     want
	}{
		{"", 0, true, none},
		{"0", 0, false, none},
		{"30", 30, false, none},
		{"-12", -12, false, none},
		{"+3", 3, false, none},
		{"1 234", 1234, false, none},
		{"1\u202f234\u202f567", 1234567, false, none},
		{"12,0", 12, false, none},
		{"12.00", 12, false, none},
		{"12.000000000001", 12, false, none},
		{"'45", 45, false, none},
		{"999999999999999999", 999999999999999999, false, none},
		{"1,5", 0, false, fail(CodeIntNotInteger)},
		{"1,234", 0, false, fail(CodeIntNotInteger)},
		{"1.234.567", 1234567, false, none},
		{"trente", 0, false, fail(CodeIntInvalid)},
		{"12 34", 0, false, fail(CodeIntInvalid)},
		{"1E+3", 0, false, fail(CodeIntInvalid)},
		{"1234567890123456789", 0, false, fail(CodeIntTooLarge)},
		{"#REF!", 0, false, fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		v, empty, p := Int(tc.in)
		if v != tc.v || empty != tc.empty {
			t.Errorf("Int(%q) = %d, empty=%v; want %d, empty=%v (%v)", tc.in, v, empty, tc.v, tc.empty, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
}

func TestPercentNoAllocs(t *testing.T) {
	for _, in := range []string{"10", "12,5 %", "0", "100"} {
		if n := testing.AllocsPerRun(100, func() { Percent(in) }); n != 0 {
			t.Errorf("Percent(%q): %v allocations, want 0", in, n)
		}
	}
}
