package sheet

import (
	"bytes"
	"errors"
	"io"
	"os"
	"unicode/utf8"
)

const (
	encodingSniffBytes  = 1 << 20  // raw bytes looked at to choose the encoding
	delimiterSniffBytes = 64 << 10 // decoded text looked at to find the separator
)

// csvSource reads the records of a delimited text file.
type csvSource struct {
	f    *os.File
	sc   *scanner
	raw  *countingReader // the file's bytes as the decoder takes them
	size int64
}

func (c *csvSource) next() (rawRow, error) {
	cells, line, err := c.sc.next()
	return rawRow{line: line, cells: cells, repaired: c.sc.repaired}, err
}

func (c *csvSource) close() error { return c.f.Close() }

// position is how far the records returned have gone into the text, and
// the text's foreseen length: the file's size scaled by how many bytes of
// text each byte of the file has given so far (two for an accent read from
// Windows-1252, half for UTF-16). Read-ahead (the megabyte looked at to
// choose the encoding, the scanner's buffer) is not counted as done.
func (c *csvSource) position() (done, total int64) {
	if c.raw.n == 0 {
		return 0, c.size
	}
	return c.sc.consumed(), c.size * c.sc.delivered / c.raw.n
}

func (c *csvSource) widthHint(n int) { c.sc.colsHint = n }

// openCSV chooses the encoding and the separator and returns the record
// source positioned at the start of the text.
func openCSV(path string, opt Options) (source, Detected, error) {
	det := Detected{Format: FormatCSV}
	f, err := os.Open(path)
	if err != nil {
		return nil, det, errOpen(path, err)
	}
	fail := func(e error) (source, Detected, error) {
		_ = f.Close()
		return nil, det, e
	}

	prefix := make([]byte, encodingSniffBytes)
	n, err := io.ReadFull(f, prefix)
	atEOF := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if err != nil && !atEOF {
		return fail(errRead(path, 0, err))
	}
	prefix = prefix[:n]
	if n == 0 {
		return fail(errEmptyFile(path))
	}
	forced, _ := normaliseEncoding(opt.Encoding) // checked by checkOptions
	enc := chooseEncoding(prefix, atEOF, forced)
	det.Encoding, det.EncodingSure = enc.name, enc.sure
	raw := &countingReader{r: io.MultiReader(bytes.NewReader(prefix[enc.bomLen:]), f), n: int64(enc.bomLen)}
	text := decodeTo(raw, enc.name)

	head := make([]byte, delimiterSniffBytes)
	m, err := io.ReadFull(text, head)
	headAtEOF := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if err != nil && !headAtEOF {
		return fail(errRead(path, 0, err))
	}
	head = head[:m]

	delim, conf := byte(opt.Delimiter), 1.0
	if opt.Delimiter == 0 {
		sample := head
		if enc.invalid != invalidNone && !utf8.Valid(sample) {
			sample = fixUTF8(nil, sample, enc.invalid) // the scanner repairs its own copy of each record
		}
		delim, conf = sniffDelimiter(sample, headAtEOF)
	}
	det.Delimiter, det.DelimiterConfidence = rune(delim), conf

	sc := newScanner(io.MultiReader(bytes.NewReader(head), text), path, delim, enc.invalid)
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	return &csvSource{f: f, sc: sc, raw: raw, size: size}, det, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
