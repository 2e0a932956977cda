package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sort"
	"strconv"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// mergeRange is a merged area of a sheet, 1-based and inclusive.
type mergeRange struct{ top, left, bottom, right int }

// scanPart streams one worksheet (or the shared strings) part once, before
// excelize parses it: it rejects text runs or rows too large to be real
// (so that excelize never holds a zip bomb's giant token in memory) and
// collects the merged ranges, which a worksheet stores after its rows.
// The scan only looks for '<' and reads tag names, so it costs little next
// to the XML parsing that follows. It also returns the number of the last
// row holding a cell, so that progress can be shown as a share of the sheet.
func scanPart(path string, wp workbookParts, name string) ([]mergeRange, int, error) {
	rc, _, err := wp.open(name)
	if err != nil {
		return nil, 0, errDamaged(path, err)
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	var (
		merges     []mergeRange
		gap        int
		row, cells int
		lastFilled int // last row with a cell: Excel writes empty formatted rows down to 1,048,576
	)
	partScans.Add(1)
	for {
		chunk, err := br.ReadSlice('<')
		gap += len(chunk)
		if gap > maxTokenBytes {
			return nil, 0, errCellTooLarge(path, row, 0)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, errDamaged(path, err)
		}
		gap = 0
		head, _ := br.Peek(32)
		closing := len(head) > 0 && head[0] == '/'
		switch string(tagName(head)) {
		case "row":
			if closing {
				continue
			}
			if r, _ := strconv.Atoi(attrValue(readTag(br), "r")); r > 0 {
				row = r
			} else {
				row++
			}
			cells = 0
		case "c":
			if !closing {
				if cells++; cells > MaxColumns {
					return nil, 0, errTooManyColumns(path, row)
				}
				lastFilled = row
			}
		case "mergeCell":
			if m, ok := parseRef(attrValue(readTag(br), "ref")); ok && m.bottom > m.top && len(merges) < maxMergedRanges {
				merges = append(merges, m)
			}
		}
	}
	sort.SliceStable(merges, func(i, j int) bool { return merges[i].top < merges[j].top })
	return merges, lastFilled, nil
}

// partScans counts scanPart's runs (tests see the cache at work).
var partScans atomic.Int64

// tagName returns the local name of the tag starting at b (after '<').
// It runs for every tag of a sheet, a few million for a big one, so it
// neither allocates nor builds a set of stop bytes on each call.
func tagName(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("/"))
	end := len(b)
	for i, c := range b {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' {
			end = i
			break
		}
	}
	b = b[:end]
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		b = b[i+1:]
	}
	return b
}

// readTag consumes the rest of a tag up to '>' and returns it (empty if the
// tag is implausibly long).
func readTag(br *bufio.Reader) []byte {
	tag, err := br.ReadSlice('>')
	for errors.Is(err, bufio.ErrBufferFull) {
		tag = nil
		_, err = br.ReadSlice('>')
	}
	return tag
}

// attrValue finds name="value" (or 'value') in a tag.
func attrValue(tag []byte, name string) string {
	for i := 0; i < len(tag); {
		j := bytes.Index(tag[i:], []byte(name+"="))
		if j < 0 {
			return ""
		}
		j += i
		after := j + len(name) + 1
		if j > 0 && isXMLSpace(tag[j-1]) && after < len(tag) && (tag[after] == '"' || tag[after] == '\'') {
			q := tag[after]
			if end := bytes.IndexByte(tag[after+1:], q); end >= 0 {
				return string(tag[after+1 : after+1+end])
			}
			return ""
		}
		i = after
	}
	return ""
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// parseRef reads "A1:C3".
func parseRef(ref string) (mergeRange, bool) {
	a, b, ok := bytes.Cut([]byte(ref), []byte(":"))
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(string(a))
	c2, r2, err2 := excelize.CellNameToCoordinates(string(b))
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)}, true
}

// mergeFill copies the value of a vertically merged cell down the rows it
// covers, in its first column: a customer name merged over its three
// order lines, or a header cell merged over two header rows, then reads as
// the user sees it. Horizontal spans are not copied: a banner or a
// group-header over several columns would otherwise duplicate column names
// and put the same text in unrelated columns.
type mergeFill struct {
	pending []mergeRange // sorted by top, not reached yet
	active  []activeMerge
}

type activeMerge struct {
	col, bottom int // 1-based
	value       string
}

func (m *mergeFill) apply(line int, cells []string) []string {
	if len(m.pending) == 0 && len(m.active) == 0 {
		return cells
	}
	kept := m.active[:0]
	for _, a := range m.active {
		if line > a.bottom {
			continue
		}
		kept = append(kept, a)
		for len(cells) < a.col {
			cells = append(cells, "")
		}
		if cells[a.col-1] == "" {
			cells[a.col-1] = a.value
		}
	}
	m.active = kept
	for len(m.pending) > 0 && m.pending[0].top <= line {
		r := m.pending[0]
		m.pending = m.pending[1:]
		if r.top == line && r.left <= len(cells) && cells[r.left-1] != "" {
			m.active = append(m.active, activeMerge{col: r.left, bottom: r.bottom, value: cells[r.left-1]})
		}
	}
	return cells
}
