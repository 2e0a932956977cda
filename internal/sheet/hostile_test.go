package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Hostile or broken CSV input gives a clear error with its row number and
// costs bounded memory.
func TestHostileCSV(t *testing.T) {
	big := strings.Repeat("x", MaxCellBytes+1)
	cases := []struct {
		name    string
		content string
		code    string
		line    int
		column  int
	}{
		{"cell over 1 MiB", "a;b\n1;2\n3;" + big + "\n", CodeCellTooLarge, 3, 2},
		{"quote never closed", "a;b\n1;2\n3;\"" + big, CodeCellTooLarge, 3, 2},
		{"too many columns", "a,b\n1,2\n" + strings.Repeat(",", MaxColumns+5) + "x\n", CodeTooManyColumns, 3, 0},
		{"row over 16 MiB", "a;b\n" + strings.Repeat(strings.Repeat("y", MaxCellBytes-10)+";", 17) + "\n", CodeRowTooLarge, 2, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := nextErr(t, write(t, "h.csv", []byte(tc.content)), Options{})
			if e.Code != tc.code || e.Line != tc.line || e.Column != tc.column {
				t.Errorf("error %s at %d:%d, want %s at %d:%d (%s)", e.Code, e.Line, e.Column, tc.code, tc.line, tc.column, e.EN)
			}
			if !strings.Contains(e.Message("fr"), fmt.Sprintf("ligne %d", tc.line)) {
				t.Errorf("French message %q does not give the row", e.Message("fr"))
			}
		})
	}
}

// Invalid UTF-8 under a forced UTF-8 encoding is replaced, never a crash;
// NUL bytes are stripped.
func TestInvalidUTF8Forced(t *testing.T) {
	path := write(t, "bad.csv", []byte("nom;ville\nA\xffB;Orl\xe9ans\x00\n\xc3\n"))
	_, _, rows := readAll(t, path, Options{Encoding: "utf-8"})
	if len(rows) != 2 || rows[0].Cells[0] != "A\uFFFDB" || rows[0].Cells[1] != "Orl\uFFFDans" || rows[1].Cells[0] != "\uFFFD" {
		t.Errorf("rows %v", rows)
	}
	// Auto-detected, the same bytes are Windows-1252.
	det, _, rows := readAll(t, path, Options{})
	if det.Encoding != EncodingCP1252 || rows[0].Cells[1] != "Orléans" {
		t.Errorf("auto: %s %v", det.Encoding, rows)
	}
}

// A zip bomb: parts that inflate far beyond what the importer accepts are
// refused before they are held in memory.
func TestXLSXBombs(t *testing.T) {
	base := minimalWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c></row>`)

	t.Run("huge non-sheet part", func(t *testing.T) {
		defer setLimit(&limits.otherPart, 2<<20)()
		files := cloneMap(base)
		files["xl/media/image1.png"] = noise(2<<20 + 1)
		if e := openErr(t, writeZip(t, files), Options{}); e.Code != CodeTooLarge {
			t.Errorf("code %s, want %s", e.Code, CodeTooLarge)
		}
	})
	t.Run("giant token in the sheet", func(t *testing.T) {
		files := cloneMap(base)
		files["xl/worksheets/sheet1.xml"] = sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>` + noise(maxTokenBytes+1) + `</t></is></c></row>`)
		if e := openErr(t, writeZip(t, files), Options{}); e.Code != CodeCellTooLarge || e.Line != 2 {
			t.Errorf("code %s line %d, want %s line 2", e.Code, e.Line, CodeCellTooLarge)
		}
	})
	t.Run("cell over 1 MiB", func(t *testing.T) {
		files := cloneMap(base)
		files["xl/worksheets/sheet1.xml"] = sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="B1" t="inlineStr"><is><t>ville</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>` +
			`<row r="3"><c r="B3" t="inlineStr"><is><t>` + noise(MaxCellBytes+1) + `</t></is></c></row>`)
		e := nextErr(t, writeZip(t, files), Options{})
		if e.Code != CodeCellTooLarge || e.Line != 3 || e.Column != 2 {
			t.Errorf("code %s at %d:%d, want %s at 3:2", e.Code, e.Line, e.Column, CodeCellTooLarge)
		}
	})
	t.Run("too many cells in a row", func(t *testing.T) {
		files := cloneMap(base)
		files["xl/worksheets/sheet1.xml"] = sheetXML(`<row r="1">` + strings.Repeat(`<c><v>1</v></c>`, MaxColumns+1) + `</row>`)
		if e := openErr(t, writeZip(t, files), Options{}); e.Code != CodeTooManyColumns || e.Line != 1 {
			t.Errorf("code %s line %d, want %s line 1", e.Code, e.Line, CodeTooManyColumns)
		}
	})
	t.Run("minimal workbook reads", func(t *testing.T) {
		_, header, _ := readAll(t, writeZip(t, base), Options{})
		if len(header) != 1 || header[0] != "nom" {
			t.Errorf("header %q", header)
		}
	})
}

// noise is n random letters: text that does not compress like a zip bomb
// (a 64 KiB random block repeated: deflate looks back 32 KiB only).
func noise(n int) string {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	block := make([]byte, 64<<10)
	for i := range block {
		block[i] = 'a' + byte(rng.IntN(26))
	}
	return string(bytes.Repeat(block, n/len(block)+1)[:n])
}

func minimalWorkbook(rows string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML(rows),
	}
}

func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

func cloneMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func writeZip(t testing.TB, files map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	for name, content := range files {
		method := zip.Deflate
		if len(content) > 64<<10 {
			method = zip.Store // compressing megabytes is slow under the race detector
		}
		zw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(zw, content); err != nil {
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

// FuzzCSV: whatever the bytes, reading never panics, never hangs, and every
// row is well-formed.
func FuzzCSV(f *testing.F) {
	for _, seed := range []string{
		"a,b,c\n1,2,3\n",
		"a;b\r\n\"x;y\";\"he said \"\"hi\"\"\"\r\n",
		"Title  ;Descr ;\nTest 5 ;\"\"      ;x\n",
		"a,b\r1,\"multi\rline\"\r",
		"a,b\n\"never closed,\n1,2\n",
		"a\x00b,c\n\x00,2\n",
		"\xef\xbb\xbfnom;prénom\n;\n",
		"\xff\xfea\x00,\x00b\x00\n\x001\x00,\x002\x00",
		"\xfe\xff\x00a\x00\t\x00b",
		"caf\xe9;na\xefve\n",
		"37°36'37.8\"N,x\n",
		"\n\n\n;;;\n",
		"a|b|c\n1|2|3",
		"",
		"\"",
		"\r\n\r",
	} {
		f.Add([]byte(seed), byte(0))
	}
	// Mixed encodings: a UTF-8 file with Windows-1252 cells, the other way
	// round, and a Windows-1252 file with a pair that happens to be UTF-8.
	f.Add([]byte("Code;Prénom;Ville\nC1;H\xe9l\xe8ne;Besançon\nC2;Zoé;Orl\xe9ans\n"), byte(0))
	f.Add([]byte("Code;Pr\xe9nom\nC1;Hélène\n"), byte(0))
	f.Add([]byte("Nom;Ville\nCAF\xc9\xa0;Besan\xe7on\n"), byte(0))
	addCorpusCSVSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, opt byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		o := Options{
			Delimiter: []rune{0, ';', ',', '\t', '|'}[int(opt)%5],
			Encoding:  []string{"", "utf-8", "windows-1252", "utf-16le", "utf-16be"}[int(opt/5)%5],
			NoHeader:  opt&0x80 != 0,
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkReads(t, path, o)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %q hangs", data)
		}
	})
}

func checkReads(t *testing.T, path string, opt Options) {
	r, err := Open(path, opt)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Open error %v is not an *Error", err)
		}
		return
	}
	defer r.Close()
	det := r.Detected()
	if len(r.Header()) != det.Columns || det.Columns < 1 {
		t.Errorf("header %q for %d columns", r.Header(), det.Columns)
	}
	last := 0
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("Next error %v is not an *Error", err)
			}
			return
		}
		if len(row.Cells) != det.Columns || row.Line <= last {
			t.Errorf("row %+v after line %d for %d columns", row, last, det.Columns)
		}
		last = row.Line
		for _, c := range append(row.Cells, row.Extra...) {
			if !utf8.ValidString(c) || strings.ContainsRune(c, 0) {
				t.Errorf("cell %q not clean UTF-8", c)
			}
		}
		if isBlank(row.Cells) && len(row.Extra) == 0 {
			t.Errorf("blank row %d returned", row.Line)
		}
	}
}

// The reader's memory does not grow with the file: reading a large CSV
// keeps the heap flat.
func TestCSVStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	writeBenchCSV(t, path, 300_000)
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var maxHeap uint64
	for i := 0; ; i++ {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if i%50_000 == 0 {
			maxHeap = max(maxHeap, heapInUse())
		}
	}
	if maxHeap > 64<<20 {
		t.Errorf("heap reached %d MB while streaming", maxHeap>>20)
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
