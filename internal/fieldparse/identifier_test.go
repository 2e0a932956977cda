package fieldparse

import (
	"strings"
	"testing"
)

func TestIdentifier(t *testing.T) {
	tests := []struct {
		in, out string
		w       want
	}{
		{"", "", none},
		{"  ", "", none},
		{"01", "01", none},       // csvkit test_no_leading_zeroes
		{"00.11", "00.11", none}, // csvkit test_no_leading_zeroes
		{"0.1", "0.1", none},
		{"  CLI-0042 ", "CLI-0042", none},
		{"411DUPONT", "411DUPONT", none},
		{"'75001", "75001", none},                       // Shopify zip
		{"'+49 160 90350980", "+49 160 90350980", none}, // Shopify phone
		{"' 0612345678", "0612345678", none},
		{"06 12 34 56 78", "06 12 34 56 78", none},
		{"FR76 3000 6000 0112 3456 7890 189", "FR76 3000 6000 0112 3456 7890 189", none},
		{"73282932000074", "73282932000074", none},
		{"8595602512225", "8595602512225", none}, // excelize OverflowNumericCell, read right
		{"1.5", "1.5", none},
		{"CU01-0001", "CU01-0001", none}, // Dolibarr code
		{"NA", "NA", none},               // csvkit blanks stay text
		{"N/A", "N/A", none},
		{"NULL", "NULL", none},
		{".", ".", none},
		{"E12", "E12", none},
		{"12E", "12E", none},

		{"4,04833E+13", "", fail(CodeIDScientific)},
		{"4.04833e13", "", fail(CodeIDScientific)},
		{"6,12E+08", "", fail(CodeIDScientific)},
		{"7,32829E+13", "", fail(CodeIDScientific)},
		{"8.59560251222E+12", "", fail(CodeIDScientific)},
		{"1E+15", "", fail(CodeIDScientific)},
		{"'4,04833E+13", "", fail(CodeIDScientific)},
		{"12E45", "12E45", warn(CodeIDMaybeScientific)},

		{"612345678.0", "612345678", warn(CodeIDFloatArtefact)},
		{"75001.0", "75001", warn(CodeIDFloatArtefact)},
		{"75001,0", "75001", warn(CodeIDFloatArtefact)},
		{"42.00", "42", warn(CodeIDFloatArtefact)},
		{"A1.0", "A1.0", none},
		{"1.01", "1.01", none},
		{".0", ".0", none},

		{"AB\nCD", "", fail(CodeIDControlChar)},
		{"AB\tCD", "", fail(CodeIDControlChar)},
		{"AB\x00", "", fail(CodeIDControlChar)},
		{"#NOM?", "", fail(CodeSpreadsheetError)},
	}
	for _, tc := range tests {
		got, p := Identifier(tc.in)
		if got != tc.out {
			t.Errorf("Identifier(%q) = %q, want %q (%v)", tc.in, got, tc.out, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
	_, p := Identifier("4,04833E+13")
	if !strings.Contains(p.FR, "formatez la colonne en Texte") || !strings.Contains(p.EN, "format the column as Text") {
		t.Errorf("scientific message does not give the fix: %v", p)
	}
	if n := testing.AllocsPerRun(100, func() { Identifier(" '0612345678 ") }); n != 0 {
		t.Errorf("Identifier: %v allocations, want 0", n)
	}
}

func TestFrenchPostcode(t *testing.T) {
	tests := []struct {
		in, country, out string
		w                want
	}{
		{"", "", "", none},
		{"75001", "", "75001", none},
		{"75001", "FR", "75001", none},
		{"75001", "fr", "75001", none},
		{"75001", "France", "75001", none},
		{" 01000 ", "FR", "01000", none},
		{"'01000", "FR", "01000", none},
		{"75 001", "FR", "75001", none},
		{"75\u00a0001", "FR", "75001", none},
		{"97400", "RE", "97400", none},
		{"98000", "MC", "98000", none},
		{"20000", "FR", "20000", none}, // Ajaccio
		{"F-75001", "FR", "75001", none},
		{"FR-75001", "", "75001", none},
		{"1000", "FR", "01000", warn(CodePostcodeLostZero)},
		{"9999", "", "09999", warn(CodePostcodeLostZero)},
		{"1000.0", "FR", "01000", warn(CodePostcodeLostZero)},
		{"75001.0", "FR", "75001", warn(CodeIDFloatArtefact)},
		{"0100", "FR", "0100", warn(CodePostcodeFormat)},
		{"123456", "FR", "123456", warn(CodePostcodeFormat)}, // Dolibarr sample
		{"750", "", "750", warn(CodePostcodeFormat)},
		{"PARIS", "FR", "PARIS", warn(CodePostcodeFormat)},
		{"2A004", "FR", "2A004", warn(CodePostcodeCorsica)},
		{"2b200", "FR", "2b200", warn(CodePostcodeCorsica)},
		{"7,5001E+4", "FR", "", fail(CodeIDScientific)},
		{"W11", "GB", "W11", none},           // PrestaShop UK sample
		{"WC2N 5NF", "GB", "WC2N 5NF", none}, // WooCommerce sample
		{"1000", "BE", "1000", none},         // Brussels
		{"'02108", "US", "02108", none},
		{"6,12E+08", "US", "", fail(CodeIDScientific)},
	}
	for _, tc := range tests {
		got, p := FrenchPostcode(tc.in, tc.country)
		if got != tc.out {
			t.Errorf("FrenchPostcode(%q, %q) = %q, want %q (%v)", tc.in, tc.country, got, tc.out, p)
		}
		checkProblem(t, tc.in, p, tc.w.code, tc.w.warn)
	}
	_, p := FrenchPostcode("1000", "")
	if !strings.Contains(p.FR, "zéro initial") || !strings.Contains(p.FR, "01000") || !strings.Contains(p.EN, "leading zero") {
		t.Errorf("lost zero message: %v", p)
	}
}
