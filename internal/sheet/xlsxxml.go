package sheet

import (
	"bytes"
	"errors"
	"io"

	"golang.org/x/text/encoding/htmlindex"
)

// xmlScanner reads the XML of a worksheet or of the shared strings one
// token at a time, without building a tree and without allocating per
// token: encoding/xml's token stream costs about ten times more, which made
// excelize's row iterator the slowest step of an XLSX import. It knows only
// what a workbook part needs: start and end tags by local name (the x: of
// namespaced producers is dropped), their attributes, text with the five
// XML entities and character references, CDATA, comments and processing
// instructions (skipped). Line ends in text read as "\n", as in encoding/xml.
// Malformed XML is read as well as it goes, never refused.
//
// Slices it returns stay valid until the next call.
type xmlScanner struct {
	r        io.Reader
	buf      []byte // read ahead: buf[pos:end] is still to scan
	pos, end int
	done     bool // r has nothing more

	// The last token, as positions in buf (slices kept in the struct
	// would cost a write barrier each): a start tag without '<' and '>',
	// the local name of a tag, raw text.
	tagAt, tagEnd, nameAt, nameEnd, textAt, textEnd int
	cdata                                           bool  // the text is a CDATA section: no entities
	self                                            bool  // the last start tag closed itself (<c/>)
	at                                              bool  // the '<' of the next tag has been read
	err                                             error // set when a token is implausibly long, or reading failed

	plain, runs []byte // scratch for richText
}

type xmlToken int

const (
	tokEOF xmlToken = iota
	tokStart
	tokEnd
	tokText
)

// scanBuffer is the first size of the read-ahead; a token longer than it
// makes it grow, up to maxTokenBytes.
const scanBuffer = 256 << 10

var errTokenTooLong = errors.New("xml token too long")

func newXMLScanner(r io.Reader) *xmlScanner {
	s := &xmlScanner{r: r, buf: make([]byte, scanBuffer)}
	s.ensure(256)
	head := s.buf[s.pos:s.end]
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) { // a byte order mark, as some producers write
		s.pos += 3
		head = head[3:]
	}
	if enc := declaredEncoding(head); enc != "" {
		if e, err := htmlindex.Get(enc); err == nil {
			rest := io.MultiReader(bytes.NewReader(bytes.Clone(head)), r)
			s.r, s.pos, s.end, s.done, s.err = e.NewDecoder().Reader(rest), 0, 0, false, nil
		}
	}
	return s
}

// declaredEncoding returns the encoding named in the XML declaration when
// it is not UTF-8 ("" otherwise): parts written in Windows-1252 or Latin-1
// exist, and encoding/xml (hence excelize) honours them.
func declaredEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	if end := bytes.Index(head, []byte("?>")); end >= 0 {
		head = head[:end]
	}
	i := bytes.Index(head, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(head[i+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return ""
	}
	enc := rest[1 : 1+end]
	if bytes.EqualFold(enc, []byte("utf-8")) || bytes.EqualFold(enc, []byte("utf8")) {
		return ""
	}
	return string(enc)
}

// fill reads more, keeping buf[pos:end] (moved to the front); it grows buf
// when that is all it holds. false when nothing more comes.
func (s *xmlScanner) fill() bool {
	if s.done {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) > maxTokenBytes {
			s.fail(errTokenTooLong)
			s.done = true
			return false
		}
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.fail(err)
			s.done = true
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// fail keeps the first error other than the end of the stream.
func (s *xmlScanner) fail(err error) {
	if s.err == nil && !errors.Is(err, io.EOF) {
		s.err = err
	}
}

// ensure reads until n bytes are ahead, or the stream ends.
func (s *xmlScanner) ensure(n int) {
	for s.end-s.pos < n && s.fill() {
	}
}

// index returns where c is in buf, from pos+from on, reading more as
// needed; -1 when the stream ends first.
func (s *xmlScanner) index(from int, c byte) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return s.pos + from + i
		}
		from = s.end - s.pos
		if !s.fill() {
			return -1
		}
	}
}

// indexOf is index for a sequence of bytes.
func (s *xmlScanner) indexOf(from int, seq string) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], []byte(seq)); i >= 0 {
			return s.pos + from + i
		}
		from = max(from, s.end-s.pos-len(seq)+1)
		if !s.fill() {
			return -1
		}
	}
}

// name is the local name of the last tag.
func (s *xmlScanner) name() []byte { return s.buf[s.nameAt:s.nameEnd] }

// appendText appends the last text token, decoded.
func (s *xmlScanner) appendText(dst []byte) []byte {
	if s.cdata {
		return appendCRLF(dst, s.buf[s.textAt:s.textEnd])
	}
	return appendXMLText(dst, s.buf[s.textAt:s.textEnd])
}

// next returns the next token. With wantText unset, text is skipped.
func (s *xmlScanner) next(wantText bool) xmlToken {
	for {
		if !s.at {
			i := s.index(0, '<')
			if i < 0 {
				at := s.pos
				s.pos = s.end
				if wantText && s.end > at && s.err == nil {
					s.textAt, s.textEnd, s.cdata = at, s.end, false
					return tokText
				}
				return tokEOF
			}
			at := s.pos
			s.pos, s.at = i+1, true
			if wantText && i > at {
				s.textAt, s.textEnd, s.cdata = at, i, false
				return tokText
			}
		}
		s.at = false
		if tok, ok := s.readTag(wantText); ok {
			return tok
		}
		if s.done && s.pos >= s.end {
			return tokEOF
		}
	}
}

// readTag reads the tag after a '<'. ok is false for what is skipped
// (comments, instructions, a declaration) and at the end of the stream.
func (s *xmlScanner) readTag(wantText bool) (xmlToken, bool) {
	if s.pos >= s.end && !s.fill() {
		return tokEOF, false
	}
	switch s.buf[s.pos] {
	case '/':
		j := s.index(1, '>')
		if j < 0 {
			s.pos = s.end
			return tokEOF, false
		}
		s.nameAt, s.nameEnd = localName(s.buf, s.pos+1, j)
		s.pos = j + 1
		return tokEnd, true
	case '!', '?':
		return s.readMarkup(wantText)
	}
	j := s.index(0, '>')
	for j >= 0 && needsMore(s.buf[s.pos:j]) { // a '>' inside an attribute value
		j = s.index(j-s.pos+1, '>')
	}
	if j < 0 {
		s.pos = s.end
		return tokEOF, false
	}
	s.tagAt, s.tagEnd = s.pos, j
	s.self = j > s.pos && s.buf[j-1] == '/'
	s.nameAt, s.nameEnd = localName(s.buf, s.pos, j)
	s.pos = j + 1
	return tokStart, true
}

// readMarkup reads what starts with <! or <?: a comment, a CDATA section
// (its text), an instruction or a declaration (skipped).
func (s *xmlScanner) readMarkup(wantText bool) (xmlToken, bool) {
	s.ensure(9)
	head := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(head, []byte("!--")):
		s.skipPast(3, "-->")
		return tokEOF, false
	case bytes.HasPrefix(head, []byte("![CDATA[")):
		k := s.indexOf(8, "]]>")
		if k < 0 {
			s.pos = s.end
			return tokEOF, false
		}
		s.textAt, s.textEnd, s.cdata = s.pos+8, k, true
		s.pos = k + 3
		return tokText, wantText
	case head[0] == '?':
		s.skipPast(1, "?>")
	default:
		s.skipDeclaration()
	}
	return tokEOF, false
}

// skipPast moves past the next seq, from pos+from on.
func (s *xmlScanner) skipPast(from int, seq string) {
	if k := s.indexOf(from, seq); k >= 0 {
		s.pos = k + len(seq)
	} else {
		s.pos = s.end
	}
}

// skipDeclaration moves past <!DOCTYPE …> and its internal subset.
func (s *xmlScanner) skipDeclaration() {
	j := s.index(0, '>')
	for j >= 0 && bytes.Count(s.buf[s.pos:j], []byte("[")) > bytes.Count(s.buf[s.pos:j], []byte("]")) {
		j = s.index(j-s.pos+1, '>')
	}
	if j < 0 {
		s.pos = s.end
	} else {
		s.pos = j + 1
	}
}

// needsMore tells whether the '>' that ended tag was inside a quoted
// attribute value.
func needsMore(tag []byte) bool {
	if bytes.IndexByte(tag, '\'') < 0 {
		return bytes.Count(tag, []byte{'"'})%2 == 1
	}
	var q byte
	for _, c := range tag {
		switch {
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '"' || c == '\''):
			q = c
		}
	}
	return q != 0
}

// localName returns where the name a tag starts with is in buf[at:end],
// without its prefix.
func localName(buf []byte, at, end int) (int, int) {
	start := at
	for i := at; i < end; i++ {
		switch buf[i] {
		case ' ', '\t', '\r', '\n', '/':
			return start, i
		case ':':
			start = i + 1
		}
	}
	return start, end
}

// attrs calls fn with the local name and the raw value of each attribute
// of the last start tag, in order, until fn returns false.
func (s *xmlScanner) attrs(fn func(name, value []byte) bool) {
	t := s.buf[s.tagAt:s.tagEnd]
	for len(t) > 0 && !isXMLSpace(t[0]) && t[0] != '/' {
		t = t[1:]
	}
	for {
		for len(t) > 0 && isXMLSpace(t[0]) {
			t = t[1:]
		}
		eq := bytes.IndexByte(t, '=')
		if eq < 0 {
			return
		}
		name := t[:eq]
		for len(name) > 0 && isXMLSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		t = t[eq+1:]
		for len(t) > 0 && isXMLSpace(t[0]) {
			t = t[1:]
		}
		if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
			return
		}
		end := bytes.IndexByte(t[1:], t[0])
		if end < 0 {
			return
		}
		if !fn(name, t[1:1+end]) {
			return
		}
		t = t[end+2:]
	}
}
