package sheet

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

const (
	headerCandidates = 25 // the header is looked for among the first non-blank rows
	headerLookahead  = 20 // rows below a candidate that are compared with it
)

// detectHeader picks the header among sample rows (non-blank, in file order)
// and says how sure it is (0..1).
//
// Each of the first rows gets a score: how well its non-empty cells cover
// the columns where the rows below it have data (a title line or a banner
// in one cell covers little of a ten-column table), how much its cells look
// like names rather than values (text, not numbers, dates, e-mails), whether
// they are distinct, and whether the rows below fit under it (no wider than
// it). The header is the first row whose score comes close to the best one,
// so that a table whose data are text too keeps its first row as header.
//
// Rows narrower than a candidate fit under it: a sparse file, whose rows
// fill only a few of the header's columns, must keep its header, and it is
// the header's text-ness that tells it from its first data row, not how
// full the data are.
func detectHeader(rows []rawRow) (index int, confidence float64) {
	n := min(len(rows), headerCandidates)
	scores := make([]float64, n)
	best := 0.0
	for i := range n {
		scores[i] = headerScore(rows, i)
		best = max(best, scores[i])
	}
	for i, s := range scores {
		if s >= 0.8*best {
			index = i
			break
		}
	}
	confidence = scores[index]
	if textShare(rows[index].cells) < 0.5 {
		confidence = min(confidence, 0.3) // looks like data: maybe there is no header at all
	}
	return index, math.Round(confidence*100) / 100
}

func headerScore(rows []rawRow, i int) float64 {
	h := rows[i].cells
	below := rows[i+1 : min(len(rows), i+1+headerLookahead)]

	// Coverage: columns weighted by how often the rows below fill them.
	var covered, total float64
	if len(below) == 0 {
		covered, total = 1, 1
	}
	hw := width(h)
	maxw := hw
	for _, r := range below {
		maxw = max(maxw, width(r.cells))
	}
	for j := range maxw {
		var filled int
		for _, r := range below {
			if j < len(r.cells) && r.cells[j] != "" {
				filled++
			}
		}
		if len(below) == 0 {
			continue
		}
		w := float64(filled) / float64(len(below))
		total += w
		if j < len(h) && h[j] != "" {
			covered += w
		}
	}
	coverage := 0.0
	if total > 0 {
		coverage = covered / total
	}

	// Rows below that fit under it: a header is followed by its data, and
	// the more rows it explains the likelier it is (a note line near the
	// end of the sample "explains" only the note under it). A row may be
	// much narrower than its header (sparse data), not much wider.
	fit, support := 0.0, 0.5
	if len(below) > 0 {
		var ok int
		for _, r := range below {
			if w := width(r.cells); w <= hw+2 {
				ok++
			}
		}
		fit = float64(ok) / float64(len(below))
		evidence := float64(ok) + 0.5*float64(len(below)-ok)
		support = (evidence + 1) / (evidence + 2)
	}
	followed := (0.6 + 0.4*fit) * support
	if len(below) == 0 {
		followed = 0.3 * support // a header with no data under it is unlikely, unless the file is only that
	}
	return math.Sqrt(coverage) * (0.3 + 0.7*textShare(h)) * (0.6 + 0.4*distinctShare(h)) * followed
}

// width is the number of cells up to the last non-empty one.
func width(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i] != "" {
			return i + 1
		}
	}
	return 0
}

// textShare is the share of non-empty cells that look like column names.
func textShare(cells []string) float64 {
	var text, filled int
	for _, c := range cells {
		if c == "" {
			continue
		}
		filled++
		if looksLikeName(c) {
			text++
		}
	}
	if filled == 0 {
		return 0
	}
	return float64(text) / float64(filled)
}

// looksLikeName: has letters, more letters than digits, and is not an
// e-mail address or a web address.
func looksLikeName(s string) bool {
	var letters, digits int
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == '@':
			return false
		}
	}
	if letters == 0 || digits > letters {
		return false
	}
	ls := strings.ToLower(s)
	return !strings.HasPrefix(ls, "http://") && !strings.HasPrefix(ls, "https://") && !strings.HasPrefix(ls, "www.")
}

func distinctShare(cells []string) float64 {
	seen := map[string]bool{}
	var filled int
	for _, c := range cells {
		if c != "" {
			filled++
			seen[strings.ToLower(c)] = true
		}
	}
	if filled == 0 {
		return 0
	}
	return float64(len(seen)) / float64(filled)
}

// tableShape decides which columns make the table: from the first column
// that has content (in the header or the sampled data) to the header's last
// named column, widened to columns beyond it that hold data in several
// sampled rows (a stray note in one row stays outside, in Row.Extra).
func tableShape(header []string, data []rawRow) (first, cols int) {
	right := width(header)
	maxw := right
	for _, r := range data {
		maxw = max(maxw, width(r.cells))
	}
	if header == nil { // no header row: every column with data
		right = maxw
	} else if maxw > right {
		need := max(2, int(math.Ceil(0.1*float64(len(data)))))
		for j := maxw - 1; j >= right; j-- {
			var filled int
			for _, r := range data {
				if j < len(r.cells) && r.cells[j] != "" {
					filled++
				}
			}
			if filled >= need {
				right = j + 1
				break
			}
		}
	}
	first = right
	for j := range right {
		if (j < len(header) && header[j] != "") || columnHasData(data, j) {
			first = j
			break
		}
	}
	if first == right { // cannot happen with a non-blank sample; keep one column
		first = 0
	}
	return first, right - first
}

func columnHasData(rows []rawRow, j int) bool {
	for _, r := range rows {
		if j < len(r.cells) && r.cells[j] != "" {
			return true
		}
	}
	return false
}

// headerNames returns the names of columns first..first+cols-1.
func headerNames(header []string, first, cols int) []string {
	names := make([]string, cols)
	for i := range names {
		j := first + i
		if j < len(header) && header[j] != "" {
			names[i] = header[j]
		} else {
			names[i] = fmt.Sprintf("Colonne %d", j+1)
		}
	}
	return names
}
