package sheet

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// This file writes hostile workbooks without compressing gigabytes: the
// deflate stream of a zip part is written by hand. Its periodic middle is
// one dynamic-Huffman block whose only length code is 258 and whose only
// distance code is the period, each one bit long, so that 258 bytes of
// output cost a few bits of file (the ratio real zip bombs reach). The
// literal head and tail go in fixed-Huffman blocks.

// bitWriter packs bits LSB first, as deflate wants.
type bitWriter struct {
	buf   bytes.Buffer
	acc   uint64
	nbits uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.buf.WriteByte(byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// code writes a Huffman code, most significant bit first.
func (w *bitWriter) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	w.bits(r, n)
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.buf.WriteByte(byte(w.acc))
		w.acc, w.nbits = 0, 0
	}
	return w.buf.Bytes()
}

// fixedLiterals writes a fixed-Huffman block holding lit as literals.
func (w *bitWriter) fixedLiterals(lit []byte, final bool) {
	w.bits(b2u(final), 1)
	w.bits(1, 2)
	for _, c := range lit {
		if c < 144 {
			w.code(0x30+uint64(c), 8)
		} else {
			w.code(0x190+uint64(c-144), 9)
		}
	}
	w.code(0, 7) // end of block (256)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// distCode returns deflate's distance code for d, its extra bits and their
// value.
func distCode(d int) (code int, extra uint, value int) {
	base := 1
	for code = 0; code < 30; code++ {
		extra = 0
		if code >= 4 {
			extra = uint(code/2 - 1)
		}
		if d < base+(1<<extra) {
			return code, extra, d - base
		}
		base += 1 << extra
	}
	panic("distance too large")
}

// repeat writes n copies of 258 bytes at distance dist, in dynamic-Huffman
// blocks of perBlock copies (0: one block). Each block costs about 16
// bytes of header: small blocks lower the compression ratio to what a test
// wants (six copies a block: about 90).
func (w *bitWriter) repeat(dist, n, perBlock int) {
	if perBlock <= 0 || perBlock >= n {
		w.repeatBlock(dist, n)
		return
	}
	blocks, rest := n/perBlock, n%perBlock
	done := 0
	// Eight blocks are a whole number of bytes: after the first eight,
	// every eight write the same bytes.
	if blocks >= 64 {
		for range 8 {
			w.repeatBlock(dist, perBlock)
		}
		before := w.buf.Len()
		for range 8 {
			w.repeatBlock(dist, perBlock)
		}
		group := bytes.Clone(w.buf.Bytes()[before:])
		groups := (blocks - 16) / 8
		w.buf.Grow(groups * len(group))
		for range groups {
			w.buf.Write(group)
		}
		done = 16 + 8*groups
	}
	for range blocks - done {
		w.repeatBlock(dist, perBlock)
	}
	if rest > 0 {
		w.repeatBlock(dist, rest)
	}
}

// repeatBlock writes a dynamic-Huffman block of n copies of 258 bytes at
// distance dist.
func (w *bitWriter) repeatBlock(dist, n int) {
	dcode, dextra, dvalue := distCode(dist)
	w.bits(0, 1)       // not final
	w.bits(2, 2)       // dynamic
	w.bits(286-257, 5) // HLIT: codes 0..285
	w.bits(uint64(dcode), 5)
	// Code length code: 1 → "0", 17 → "10", 18 → "11" (a complete code);
	// lengths sent in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1.
	w.bits(18-4, 4)
	for _, sym := range []int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1} {
		switch sym {
		case 1:
			w.bits(1, 3)
		case 17, 18:
			w.bits(2, 3)
		default:
			w.bits(0, 3)
		}
	}
	zeros := func(n int) {
		for n > 0 {
			switch {
			case n >= 11:
				k := min(n, 138)
				w.code(3, 2) // 18
				w.bits(uint64(k-11), 7)
				n -= k
			case n >= 3:
				w.code(2, 2) // 17
				w.bits(uint64(n-3), 3)
				n = 0
			default:
				panic("cannot write fewer than 3 zero lengths")
			}
		}
	}
	one := func() { w.code(0, 1) }
	zeros(256) // literals 0..255: unused
	one()      // 256: end of block
	zeros(28)  // 257..284
	one()      // 285: length 258
	if dcode > 0 {
		if dcode < 3 { // 1 or 2 zero lengths cannot be written with 17/18
			panic("distance code too small")
		}
		zeros(dcode)
	}
	one()
	// Codes: 256 → 0, 285 → 1; the distance code → 0.
	match := func() {
		w.code(1, 1)
		w.code(0, 1)
		w.bits(uint64(dvalue), dextra)
	}
	// Eight matches are a whole number of bytes, so after the first eight
	// every group of eight writes the same bytes: copy them.
	done := 0
	if n >= 64 {
		for range 8 {
			match()
		}
		before := w.buf.Len()
		for range 8 {
			match()
		}
		group := bytes.Clone(w.buf.Bytes()[before:])
		groups := (n - 16) / 8
		w.buf.Grow(groups * len(group))
		for range groups {
			w.buf.Write(group)
		}
		done = 16 + 8*groups
	}
	for range n - done {
		match()
	}
	w.code(0, 1) // end of block
}

// bombPart is a zip part whose content is head, then unit repeated reps
// times, then tail; it is stored pre-compressed.
type bombPart struct {
	name       string
	head, tail string
	unit       string
	reps       int64
	perBlock   int // copies of 258 bytes per deflate block; 0: all in one
}

func (p bombPart) size() int64 {
	return int64(len(p.head)) + p.reps*int64(len(p.unit)) + int64(len(p.tail))
}

// deflate returns the compressed part and the CRC-32 of its content.
func (p bombPart) deflate() ([]byte, uint32) {
	u := int64(len(p.unit))
	w := &bitWriter{}
	w.fixedLiterals([]byte(p.head+p.unit), false)
	copyLen := (p.reps - 1) * u
	matches := copyLen / 258
	if matches > 0 {
		w.repeat(int(u), int(matches), p.perBlock)
	}
	rest := make([]byte, 0, 258+len(p.tail))
	for i := matches * 258; i < copyLen; i++ {
		rest = append(rest, p.unit[i%u])
	}
	w.fixedLiterals(append(rest, p.tail...), true)

	crc := crc32.ChecksumIEEE([]byte(p.head))
	chunk := bytes.Repeat([]byte(p.unit), int(max(1, (1<<20)/u)))
	for left := p.reps; left > 0; {
		n := min(left, int64(len(chunk))/u)
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:n*u])
		left -= n
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(p.tail))
	return w.flush(), crc
}

// writeBombZip writes a workbook from plain parts and pre-compressed bomb
// parts.
func writeBombZip(t testing.TB, plain map[string]string, bombs ...bombPart) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	for name, content := range plain {
		skip := false
		for _, b := range bombs {
			skip = skip || b.name == name
		}
		if skip {
			continue
		}
		zw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range bombs {
		data, crc := b.deflate()
		zw, err := w.CreateRaw(&zip.FileHeader{Name: b.name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(b.size())})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// The hand-made deflate stream inflates to what it claims.
func TestBombPartInflates(t *testing.T) {
	for _, p := range []bombPart{
		{name: "a.xml", head: "<sst>", unit: "<si><t>a</t></si>", reps: 1000, tail: "</sst>"},
		{name: "b.xml", head: "<x>", unit: "<row/>", reps: 5, tail: "</x>"},
		{name: "c.xml", head: "", unit: "abcd", reps: 100000, tail: ""},
		{name: "e.xml", head: "<x>", unit: "<row><c><v>1</v></c></row>", reps: 77777, tail: "</x>"},
		{name: "f.xml", head: "<x>", unit: "<si><t>a</t></si>", reps: 100003, tail: "</x>", perBlock: 6},
		{name: "d.xml", head: "h", unit: "<row><c><v>1</v></c></row>", reps: 1, tail: "t"},
	} {
		path := writeBombZip(t, nil, p)
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		zr.Close()
		want := p.head + strings.Repeat(p.unit, int(p.reps)) + p.tail
		if err != nil || string(got) != want {
			t.Errorf("%s: %d bytes, %v; want %d bytes", p.name, len(got), err, len(want))
		}
	}
}

// setLimit lowers one of the XLSX limits for a test, so that a small file
// can cross it; the returned function restores it.
func setLimit[T any](p *T, v T) func() {
	old := *p
	*p = v
	return func() { *p = old }
}
