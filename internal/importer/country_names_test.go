package importer

import "testing"

func TestCountriesByTheirNameInFrenchAndEnglish(t *testing.T) {
	for raw, want := range map[string]string{
		"Cayman Islands": "KY", "Fidji": "FJ", "Fiji": "FJ", "Côte d’Ivoire": "CI", "Allemagne": "DE",
		"United States": "US", "USA": "US", "be": "BE", "  France ": "FR",
	} {
		if got, ok := CountryCode(raw); !ok || got != want {
			t.Errorf("CountryCode(%q) = %q, %v; want %s", raw, got, ok, want)
		}
	}
	if got, ok := CountryCode("Atlantide"); ok {
		t.Errorf("Atlantide read as %q", got)
	}
}
