package sheet

import (
	"bufio"
	"context"
	"math"
	"os"
	"strings"
	"unicode/utf8"
)

// sharedStringTable is the text of the shared strings, which cells of type
// "s" give by index. A table of up to limits.sstInMemory of XML is held in
// memory as one string, its entries cut from it without copying; a bigger
// one is written to a temporary file and read back entry by entry, so that
// memory stays bounded (MaxSharedStringsBytes is far above what a
// customer file needs).
type sharedStringTable struct {
	text  string   // the entries one after the other (in memory)
	ends  []uint32 // where entry i ends in text or in the file
	file  *os.File // the entries, when written out
	valid bool     // every entry is valid UTF-8
}

// sstPart is where excelize, and so this package, reads the shared strings
// from, whatever the relationships say.
const sstPart = "xl/sharedstrings.xml"

// get returns entry i; ok is false for an index outside the table.
func (t *sharedStringTable) get(i int) (s string, ok bool) {
	if t == nil || i < 0 || i >= len(t.ends) {
		return "", false
	}
	var start uint32
	if i > 0 {
		start = t.ends[i-1]
	}
	if t.file == nil {
		return t.text[start:t.ends[i]], true
	}
	buf := make([]byte, t.ends[i]-start)
	if _, err := t.file.ReadAt(buf, int64(start)); err != nil {
		return "", false
	}
	return string(buf), true
}

func (t *sharedStringTable) close() {
	if t != nil && t.file != nil {
		_ = t.file.Close()
	}
}

// loadSharedStrings reads the shared strings table; tempDir gives the
// folder for its file when it is written out. scanSharedStrings has bounded
// the table first.
func loadSharedStrings(ctx context.Context, path string, parts workbookParts, tempDir func() string) (*sharedStringTable, error) {
	rc, size, err := parts.open(sstPart)
	if err != nil {
		return nil, errDamaged(path, err)
	}
	defer rc.Close()
	t := &sharedStringTable{valid: true}
	var (
		mem   strings.Builder
		out   *bufio.Writer
		total uint64
	)
	if uint64(size) > limits.sstInMemory {
		// Without a temporary folder (a full disk…), memory it is.
		if dir := tempDir(); dir != "" {
			if f, err := os.CreateTemp(dir, "sst-"); err == nil {
				t.file, out = f, bufio.NewWriterSize(f, 256<<10)
			}
		}
	}
	if out == nil {
		mem.Grow(int(min(uint64(size), limits.sstInMemory)))
	}
	fail := func(e *Error) (*sharedStringTable, error) {
		t.close()
		return nil, e
	}
	sc := newXMLScanner(&ctxReader{ctx: ctx, r: rc})
	var entry []byte
	for {
		tok := sc.next(false)
		if tok == tokEOF {
			break
		}
		if tok != tokStart || string(sc.name()) != "si" {
			continue
		}
		entry = entry[:0]
		if !sc.self {
			entry = sc.richText(entry)
		}
		if t.valid && !utf8.Valid(entry) {
			t.valid = false
		}
		if total += uint64(len(entry)); total > math.MaxUint32 {
			return fail(errStringsTooLarge(path))
		}
		if len(t.ends) >= limits.sharedStrings {
			return fail(errTooManyStrings(path))
		}
		if out != nil {
			_, _ = out.Write(entry)
		} else {
			mem.Write(entry)
		}
		t.ends = append(t.ends, uint32(total))
	}
	if err := ctx.Err(); err != nil {
		return fail(errCanceled(path, err))
	}
	if sc.err != nil {
		return fail(errDamaged(path, sc.err))
	}
	if out != nil {
		if err := out.Flush(); err != nil {
			return fail(errDamaged(path, err))
		}
	}
	t.text = mem.String()
	return t, nil
}
