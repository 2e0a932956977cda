package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"carnet/internal/corpustest"
)

// mappingAccuracyFloor is the share of corpus columns suggested right that
// the suggester has reached: any regression below it fails the test. Raise
// it when the suggestions get better; never lower it to let a change in.
const mappingAccuracyFloor = 0.9828 // 458/466 columns

// TestMappingAccuracy measures, on every corpus file with a header row
// (accuracy_table_test.go), the share of columns whose suggested field is
// the one a bookkeeper expects, and fails below mappingAccuracyFloor. The
// files are read by the importer's own Preview, so the header row and the
// sample values are the ones the wizard shows. `go test -v -run Accuracy`
// prints the figures and every miss.
func TestMappingAccuracy(t *testing.T) {
	corpustest.Folder(t)
	im, _ := newImporter(t)
	right, total := 0, 0
	var report []string
	for _, f := range accuracyFiles {
		p, err := im.Preview(context.Background(), corpustest.File(t, f.file), Settings{}, 5)
		if err != nil {
			t.Errorf("%s: %v", f.file, err)
			continue
		}
		if got, want := len(p.Headers), len(f.cols); got != want {
			t.Errorf("%s: %d columns read (%q), the table lists %d", f.file, got, p.Headers, want)
			continue
		}
		fileRight := 0
		var misses []string
		for i, c := range f.cols {
			if p.Headers[i] != c.header {
				t.Errorf("%s: column %d read as %q, the table says %q: wrong header row?", f.file, i+1, p.Headers[i], c.header)
			}
			if got := p.Suggestions[i].Field; got == c.field {
				fileRight++
			} else {
				misses = append(misses, fmt.Sprintf("%q → %s, want %s", c.header, fieldName(got), fieldName(c.field)))
			}
		}
		right += fileRight
		total += len(f.cols)
		report = append(report, fmt.Sprintf("  %-55s %3d/%-3d %s", f.file, fileRight, len(f.cols), percent(fileRight, len(f.cols))))
		for _, m := range misses {
			report = append(report, "      miss: "+m)
		}
	}
	if total == 0 {
		t.Fatal("no column measured")
	}
	summary := fmt.Sprintf("mapping accuracy: %d/%d columns (%s)", right, total, percent(right, total))
	// Both: t.Logf for the test log, stdout so that -v shows the figure
	// even where test logs are filtered.
	t.Logf("%s\n%s", summary, strings.Join(report, "\n"))
	fmt.Printf("%s\n%s\n", summary, strings.Join(report, "\n"))
	if share := float64(right) / float64(total); share < mappingAccuracyFloor {
		t.Errorf("%s: below the floor of %.1f%%", summary, 100*mappingAccuracyFloor)
	}
}

func fieldName(f string) string {
	if f == Ignore {
		return "(ignore)"
	}
	return f
}

func percent(n, of int) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of)) }
