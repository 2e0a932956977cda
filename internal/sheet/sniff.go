package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

var (
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // compound file: .xls, encrypted .xlsx, .doc
	magicZip  = []byte("PK\x03\x04")
	magicZip0 = []byte("PK\x05\x06") // empty archive
)

// binaryMagics are formats users drop by mistake; they get a clear message
// instead of a page of garbage in the preview.
var binaryMagics = []struct {
	magic  string
	fr, en string
}{
	{"%PDF", "document PDF", "PDF document"},
	{"\x89PNG", "image PNG", "PNG image"},
	{"\xFF\xD8\xFF", "image JPEG", "JPEG image"},
	{"GIF8", "image GIF", "GIF image"},
	{"Rar!", "archive RAR", "RAR archive"},
	{"7z\xBC\xAF", "archive 7-Zip", "7-Zip archive"},
	{"\x1F\x8B", "archive gzip", "gzip archive"},
	{"{\\rtf", "document RTF", "RTF document"},
}

// SniffFormat tells CSV from XLSX by the file's first bytes, not by its
// extension. Known non-spreadsheets (old .xls, .ods, .xlsb, password
// protected workbooks, PDF, images…) give an *Error that says what to do.
func SniffFormat(path string) (Format, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "", errIsDirectory(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", errOpen(path, err)
	}
	defer f.Close()
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return "", errRead(path, 0, err)
	}
	head = head[:n]
	switch {
	case n == 0:
		return "", errEmptyFile(path)
	case bytes.HasPrefix(head, magicOLE):
		return "", sniffOLE(path, f)
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZip0):
		return sniffZip(path)
	}
	for _, m := range binaryMagics {
		if bytes.HasPrefix(head, []byte(m.magic)) {
			return "", errUnsupported(path, m.fr, m.en)
		}
	}
	if looksBinary(head) {
		return "", errUnsupported(path, "fichier binaire", "binary file")
	}
	return FormatCSV, nil
}

// sniffOLE classifies a compound file by the names of its streams, which are
// stored in UTF-16LE in its directory sectors. Scanning the bytes for them is
// enough: an OOXML workbook protected by a password is a compound file with
// EncryptionInfo and EncryptedPackage streams; an Excel 97-2003 workbook has
// a Workbook (or, before Excel 97, Book) stream.
func sniffOLE(path string, f *os.File) error {
	names := []string{"EncryptedPackage", "EncryptionInfo", "Workbook", "Book"}
	pats := make([][]byte, len(names))
	for i, n := range names {
		pats[i] = append(utf16Name(n), 0, 0) // directory names end with a UTF-16 NUL
	}
	found := make([]bool, len(names))
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return errRead(path, 0, err)
	}
	const chunk, overlap = 1 << 20, 64 // overlap > longest name, so no name is cut in two
	r := io.LimitReader(f, 256<<20)    // directory sectors of any real workbook are well within
	buf := make([]byte, overlap+chunk)
	carry := 0
	for {
		n, err := io.ReadFull(r, buf[carry:])
		window := buf[:carry+n]
		for i, pat := range pats {
			found[i] = found[i] || bytes.Contains(window, pat)
		}
		if err != nil || len(window) < overlap { // end of file (or read error): classify with what was seen
			break
		}
		carry = copy(buf, window[len(window)-overlap:])
	}
	switch {
	case found[0] || found[1]:
		return errEncrypted(path)
	case found[2] || found[3]:
		return errXLS(path)
	}
	return errUnsupported(path, "document Microsoft Office ancien format (Word, Outlook…)", "old-format Microsoft Office document (Word, Outlook…)")
}

func utf16Name(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// sniffZip tells an XLSX from the other zip-based formats.
func sniffZip(path string) (Format, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", errDamaged(path, err)
	}
	defer zr.Close()
	var xl, workbookBin, word, ppt bool
	for _, zf := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		switch {
		case name == "mimetype":
			mime := readSmall(zf, 200)
			switch {
			case strings.Contains(mime, "opendocument.spreadsheet"):
				return "", errODS(path)
			case strings.Contains(mime, "opendocument"):
				return "", errUnsupported(path, "document OpenDocument (texte ou présentation)", "OpenDocument text or presentation")
			}
		case name == "xl/workbook.bin":
			workbookBin = true
		case strings.HasPrefix(name, "xl/"):
			xl = true
		case strings.HasPrefix(name, "word/"):
			word = true
		case strings.HasPrefix(name, "ppt/"):
			ppt = true
		}
	}
	switch {
	case workbookBin:
		return "", errXLSB(path)
	case xl:
		return FormatXLSX, nil
	case word:
		return "", errUnsupported(path, "document Word (.docx)", "Word document (.docx)")
	case ppt:
		return "", errUnsupported(path, "présentation PowerPoint (.pptx)", "PowerPoint presentation (.pptx)")
	}
	return "", errUnsupported(path, "archive zip", "zip archive")
}

func readSmall(zf *zip.File, limit int64) string {
	rc, err := zf.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit))
	return string(b)
}

// looksBinary reports a prefix that is not text: many NUL or control bytes
// (more than 10 %), or fewer control bytes (over 2 %) among mostly
// high bytes (over a quarter), as random or compressed data has; UTF-16
// text is full of NULs but regularly so. Text in any 8-bit encoding has
// almost no control bytes; a few NULs in a CSV file are stripped, not a
// reason to refuse it.
func looksBinary(head []byte) bool {
	if hasUTF16BOM(head) || guessUTF16(head) != "" {
		return false
	}
	var ctrl, high int
	for _, b := range head {
		switch {
		case b >= 0x80:
			high++
		case b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1A):
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return true
	}
	return len(head) >= 64 && ctrl*50 > len(head) && high*4 > len(head) && !utf8.Valid(completeRunes(head))
}

// completeRunes drops a multi-byte character cut by the end of b.
func completeRunes(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && i < len(b); i++ {
		if utf8.RuneStart(b[len(b)-1-i]) {
			if !utf8.FullRune(b[len(b)-1-i:]) {
				return b[:len(b)-1-i]
			}
			break
		}
	}
	return b
}
