package sheet

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// invalidUTF8 says what happens to bytes that are not valid UTF-8 in a file
// read as UTF-8.
type invalidUTF8 int

const (
	invalidNone    invalidUTF8 = iota // the decoder produces valid UTF-8 (1252, UTF-16)
	invalidReplace                    // U+FFFD: UTF-8 was certain (BOM) or forced by the user
	invalidCP1252                     // read the stray byte as Windows-1252: UTF-8 was only guessed
)

// encodingChoice is the outcome of encoding detection.
type encodingChoice struct {
	name    string
	sure    bool
	bomLen  int // bytes of BOM to skip
	invalid invalidUTF8
}

// normaliseEncoding maps the names a user may type to ours; ok is false for
// an unknown name. "" means auto.
func normaliseEncoding(name string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return "", true
	case "utf-8", "utf8":
		return EncodingUTF8, true
	case "windows-1252", "cp1252", "win1252", "ansi", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso-8859-15", "latin9":
		// ISO-8859-1 text is Windows-1252 text in practice (Excel and the
		// HTML standard treat them alike); ISO-8859-15's € is rare enough.
		return EncodingCP1252, true
	case "utf-16le", "utf16le", "utf-16", "unicode":
		return EncodingUTF16LE, true
	case "utf-16be", "utf16be":
		return EncodingUTF16BE, true
	}
	return "", false
}

// chooseEncoding decides how to decode a file from its first bytes (prefix;
// atEOF when it is the whole file) and the user's forced choice (already
// normalised, "" = auto).
func chooseEncoding(prefix []byte, atEOF bool, forced string) encodingChoice {
	bom, bomLen := "", 0
	switch {
	case bytes.HasPrefix(prefix, bomUTF8):
		bom, bomLen = EncodingUTF8, 3
	case bytes.HasPrefix(prefix, bomUTF16LE):
		bom, bomLen = EncodingUTF16LE, 2
	case bytes.HasPrefix(prefix, bomUTF16BE):
		bom, bomLen = EncodingUTF16BE, 2
	}
	if forced != "" {
		c := encodingChoice{name: forced, sure: true}
		if forced == bom {
			c.bomLen = bomLen
		}
		if forced == EncodingUTF8 {
			c.invalid = invalidReplace
		}
		return c
	}
	if bom != "" {
		c := encodingChoice{name: bom, sure: true, bomLen: bomLen}
		if bom == EncodingUTF8 {
			c.invalid = invalidReplace
		}
		return c
	}
	if g := guessUTF16(prefix); g != "" {
		return encodingChoice{name: g}
	}
	body := prefix
	if !atEOF { // do not judge a multi-byte character cut by the end of the prefix
		body = completeRunes(body)
	}
	if !utf8.Valid(body) {
		if valid, invalid := countUTF8(body); valid > 0 && invalid <= mixedMaxRatio*valid {
			// UTF-8 with a few cells from an old tool or another file: UTF-8,
			// those cells read as Windows-1252 and reported (see the
			// package comment).
			return encodingChoice{name: EncodingUTF8, invalid: invalidCP1252}
		}
		return encodingChoice{name: EncodingCP1252}
	}
	ascii := isASCII(body)
	return encodingChoice{name: EncodingUTF8, sure: !ascii || atEOF, invalid: invalidCP1252}
}

// mixedMaxRatio: a prefix that is not valid UTF-8 is still read as UTF-8
// when its invalid bytes are at most this many times its valid multi-byte
// characters.
const mixedMaxRatio = 4

// countUTF8 counts the valid multi-byte UTF-8 characters of b that are
// text (U+00A0 and above: C2 80 to C2 9F are C1 controls, which Windows-1252
// text forms by accident with "Â" and a symbol) and the bytes of b that are
// not valid UTF-8.
func countUTF8(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case r >= 0xA0:
			valid++
		}
		b = b[size:]
	}
	return valid, invalid
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE)
}

// guessUTF16 recognises BOM-less UTF-16 text: mostly-ASCII text in UTF-16
// has a NUL in every other byte, at odd offsets in little endian.
func guessUTF16(b []byte) string {
	if len(b) < 8 {
		return ""
	}
	if len(b) > 4096 {
		b = b[:4096]
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	pairs := len(b) / 2
	switch {
	case odd*10 >= pairs*7 && even*20 < pairs:
		return EncodingUTF16LE
	case even*10 >= pairs*7 && odd*20 < pairs:
		return EncodingUTF16BE
	}
	return ""
}

// decodeTo returns a reader of UTF-8 text from r in the given encoding. UTF-8
// is passed through untouched (invalid bytes are dealt with per record by
// the scanner, which is faster than a transformer).
func decodeTo(r io.Reader, name string) io.Reader {
	switch name {
	case EncodingCP1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder())
	case EncodingUTF16LE:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case EncodingUTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	}
	return r
}

// decode1252 appends b decoded as Windows-1252.
func decode1252(dst, b []byte) []byte {
	for _, c := range b {
		if c < utf8.RuneSelf {
			dst = append(dst, c)
		} else {
			dst = utf8.AppendRune(dst, charmap.Windows1252.DecodeByte(c))
		}
	}
	return dst
}

// fixUTF8 returns b with every byte that is not part of valid UTF-8 replaced
// by U+FFFD or decoded as Windows-1252.
func fixUTF8(dst, b []byte, mode invalidUTF8) []byte {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			if mode == invalidCP1252 {
				dst = utf8.AppendRune(dst, charmap.Windows1252.DecodeByte(b[0]))
			} else {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			}
			b = b[1:]
			continue
		}
		dst = append(dst, b[:size]...)
		b = b[size:]
	}
	return dst
}
