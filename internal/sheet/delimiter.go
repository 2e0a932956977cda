package sheet

import (
	"bytes"
	"math"
)

// delimiterCandidates in order of preference when two are equally
// consistent: French Excel writes ';'.
var delimiterCandidates = []byte{';', ',', '\t', '|'}

// sniffDelimiter finds the separator of decoded text (the first bytes of
// the file; atEOF when it is all of it). For each candidate it splits the
// lines as the reader would (quotes respected) and measures how consistent
// the number of fields per line is; a separator that never splits a line
// scores nothing. confidence is 0..1.
func sniffDelimiter(text []byte, atEOF bool) (delim byte, confidence float64) {
	type result struct {
		d           byte
		score       float64
		mode, lines int
	}
	var best result
	var all []result
	for _, d := range delimiterCandidates {
		score, mode, n := delimiterScore(text, atEOF, d)
		r := result{d, score, mode, n}
		all = append(all, r)
		if score > best.score || (score == best.score && score > 0 && mode > best.mode) {
			best = r
		}
	}
	// The runner-up lowers the confidence, less so when it splits lines into
	// fewer fields (the ',' of decimal numbers in a ';' file).
	second := 0.0
	for _, r := range all {
		if r.d != best.d && r.score > 0 {
			second = max(second, r.score*math.Min(1, float64(r.mode)/float64(best.mode)))
		}
	}
	bestScore, lines := best.score, best.lines
	if bestScore == 0 {
		// One column, or nothing to go by: the most frequent candidate (a
		// file of ";;;" lines is blank, not one column of ";;;"), else ','
		// (RFC 4180), with no confidence.
		fallback, most := byte(','), 0
		for _, d := range delimiterCandidates {
			if n := bytes.Count(text, []byte{d}); n > most {
				fallback, most = d, n
			}
		}
		return fallback, 0
	}
	confidence = bestScore - second/2
	confidence *= math.Min(1, float64(lines+1)/4) // one or two lines prove little
	return best.d, math.Round(math.Max(0, confidence)*100) / 100
}

// delimiterScore is the share of non-blank lines having the modal number of
// fields (lines one field off count half: a trailing separator, a title
// line), 0 when the modal line has a single field.
func delimiterScore(text []byte, atEOF bool, d byte) (score float64, mode, lines int) {
	s := newScanner(bytes.NewReader(text), "", d, invalidNone)
	var counts []int
	truncated := false
	for len(counts) < DetectRows {
		cells, _, err := s.next()
		if err != nil {
			truncated = !atEOF
			break
		}
		if !isBlank(cells) {
			counts = append(counts, len(cells))
		}
	}
	if truncated && len(counts) > 1 {
		counts = counts[:len(counts)-1] // the last line may be cut by the end of the sample
	}
	if len(counts) == 0 {
		return 0, 0, 0
	}
	freq := map[int]int{}
	for _, c := range counts {
		freq[c]++
	}
	for c, f := range freq {
		if f > freq[mode] || (f == freq[mode] && c > mode) {
			mode = c
		}
	}
	if mode < 2 {
		return 0, mode, len(counts)
	}
	near := float64(freq[mode]) + 0.5*float64(freq[mode-1]+freq[mode+1])
	return near / float64(len(counts)), mode, len(counts)
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
