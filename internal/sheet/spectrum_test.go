package sheet

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCSVSpectrum reads every csv-spectrum file and compares it with its
// JSON oracle (an array of objects keyed by header), except
// location_coordinates whose oracle is wrong upstream (see
// TestCSVSpectrumLocationCoordinates).
func TestCSVSpectrum(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus(t, "csv-spectrum/csvs"), "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no csv-spectrum files: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".csv")
		if name == "location_coordinates" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), "..", "json", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want []map[string]string
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			_, header, rows := readAll(t, path, Options{})
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d", len(rows), len(want))
			}
			for i, obj := range want {
				if len(obj) != len(header) {
					t.Errorf("row %d: %d columns, want %d", i, len(header), len(obj))
				}
				for col, v := range obj {
					if got := cell(t, header, rows[i], col); got != v {
						t.Errorf("row %d %q = %q, want %q", i, col, got, v)
					}
				}
			}
		})
	}
}
