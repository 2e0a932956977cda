package sheet

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"sort"
	"strconv"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// mergeRange is a merged area of a sheet, 1-based and inclusive.
type mergeRange struct{ top, left, bottom, right int }

// scanResult is what scanPart learnt about a part.
type scanResult struct {
	merges  []mergeRange
	lastRow int // number of the last row holding a cell
	// strings counts the entries (<si>) of a shared strings table.
	strings int
	// sharedRefs counts the cells of a worksheet that take their text from
	// the shared strings table (t="s"), maxShared is the highest index they
	// use (as excelize reads it: an unreadable index is 0).
	sharedRefs, maxShared int
}

// scanPart streams one worksheet (or the shared strings) part once, before
// it is read: it rejects text runs or rows too large to be real (so that a
// zip bomb's giant token is never held in memory) and collects the merged
// ranges, which a worksheet stores after its rows and the rows need first.
// The scan only looks for '<' and reads tag names. It also returns the
// number of the last row holding a cell, so that progress can be shown as
// a share of the sheet, counts the shared strings (refusing a table of
// more than maxStrings entries as soon as it is seen, when maxStrings > 0),
// and the worksheet's references to them. It looks at ctx every megabyte.
func scanPart(ctx context.Context, path string, wp workbookParts, name string, maxStrings int) (scanResult, error) {
	var res scanResult
	rc, _, err := wp.open(name)
	if err != nil {
		return res, errDamaged(path, err)
	}
	defer rc.Close()
	br := bufio.NewReaderSize(&ctxReader{ctx: ctx, r: rc}, 64<<10)
	var (
		gap        int
		row, cells int
		cellShared bool // in a cell of type "s"
		wantIndex  bool // the next text is the index of a shared string
	)
	partScans.Add(1)
	for {
		chunk, err := br.ReadSlice('<')
		gap += len(chunk)
		if wantIndex {
			wantIndex = false
			res.sharedRefs++
			idx := math.MaxInt // an index longer than the buffer: beyond any table
			if err == nil {
				v := bytes.TrimSpace(chunk[:len(chunk)-1])
				n, perr := strconv.Atoi(string(v))
				switch {
				case perr != nil && len(v) < 32:
					idx = 0 // excelize reads an unreadable index as 0
				case perr == nil && n >= 0:
					idx = n
				}
			}
			res.maxShared = max(res.maxShared, idx)
		}
		if gap > maxTokenBytes {
			return res, errCellTooLarge(path, row, 0)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if ctx.Err() != nil {
				return res, errCanceled(path, ctx.Err())
			}
			return res, errDamaged(path, err)
		}
		gap = 0
		head, _ := br.Peek(32)
		closing := len(head) > 0 && head[0] == '/'
		switch string(tagName(head)) {
		case "row":
			if closing {
				continue
			}
			if r := atoiBytes(attrValue(readTag(br), "r")); r > 0 {
				row = r
			} else {
				row++
			}
			cells = 0
		case "c":
			if closing {
				cellShared = false
				continue
			}
			if cells++; cells > MaxColumns {
				return res, errTooManyColumns(path, row)
			}
			res.lastRow = row
			tag := readTag(br)
			cellShared = string(attrValue(tag, "t")) == "s" && !bytes.HasSuffix(tag, []byte("/>"))
		case "v":
			if !closing && cellShared {
				wantIndex = !bytes.HasSuffix(readTag(br), []byte("/>"))
			}
		case "si":
			if closing {
				continue
			}
			if res.strings++; maxStrings > 0 && res.strings > maxStrings {
				return res, errTooManyStrings(path)
			}
		case "mergeCell":
			if m, ok := parseRef(string(attrValue(readTag(br), "ref"))); ok && m.bottom > m.top && len(res.merges) < maxMergedRanges {
				res.merges = append(res.merges, m)
			}
		}
	}
	if ctx.Err() != nil { // the reader may have been stopped between two checks
		return res, errCanceled(path, ctx.Err())
	}
	sort.SliceStable(res.merges, func(i, j int) bool { return res.merges[i].top < res.merges[j].top })
	return res, nil
}

// ctxReader reads r, failing with ctx's error once ctx is done; it looks
// at ctx every megabyte.
type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	left int
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		if err := c.ctx.Err(); err != nil {
			return 0, err
		}
		c.left = 1 << 20
	}
	n, err := c.r.Read(p)
	c.left -= n
	return n, err
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

// attrValue finds name="value" (or 'value') in a tag, with or without a
// prefix (x:r="1"). It runs for every row and cell of a sheet, so it does
// not allocate.
func attrValue(tag []byte, name string) []byte {
	for i := 0; i < len(tag); {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return nil
		}
		j += i
		after := j + len(name) + 1
		if j > 0 && (isXMLSpace(tag[j-1]) || tag[j-1] == ':') && after < len(tag) && tag[after-1] == '=' && (tag[after] == '"' || tag[after] == '\'') {
			q := tag[after]
			if end := bytes.IndexByte(tag[after+1:], q); end >= 0 {
				return tag[after+1 : after+1+end]
			}
			return nil
		}
		i = j + 1
	}
	return nil
}

// atoiBytes is strconv.Atoi without the string (0 when b is not a number).
func atoiBytes(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		n, _ := strconv.Atoi(string(b))
		return n
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			n, _ = strconv.Atoi(string(b))
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
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
