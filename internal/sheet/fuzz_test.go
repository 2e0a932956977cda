package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// Fuzz targets of this package (run one at a time, e.g.
// go test -run '^$' -fuzz '^FuzzXLSX$' -fuzztime 60s ./internal/sheet/):
//
//	FuzzCSV   any bytes as a delimited text file, under every option
//	FuzzXLSX  any worksheet and shared strings XML in a workbook
//
// Their seeds are small generated files plus the files of ../shared/corpus
// (skipped, with a message, when that folder is absent); a plain go test
// runs the seeds.

// corpusDir is ../shared/corpus from the repository root.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

// corpusFiles lists the corpus files with one of the extensions, at most
// maxSize bytes each, logging when the corpus is absent.
func corpusFiles(f *testing.F, maxSize int64, exts ...string) []string {
	f.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		f.Logf("corpus folder %s absent: fuzzing without its seeds", corpusDir)
		return nil
	}
	var paths []string
	filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for _, ext := range exts {
			if strings.EqualFold(filepath.Ext(p), ext) {
				if info, err := d.Info(); err == nil && info.Size() <= maxSize {
					paths = append(paths, p)
				}
			}
		}
		return nil
	})
	sort.Strings(paths)
	return paths
}

// addCorpusCSVSeeds adds every CSV and text file of the corpus as a seed
// of FuzzCSV, with automatic options.
func addCorpusCSVSeeds(f *testing.F) {
	for _, p := range corpusFiles(f, 256<<10, ".csv", ".txt", ".tsv") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, byte(0))
		}
	}
}

// xlsxParts returns the first worksheet and the shared strings of a
// workbook, "" for what it lacks.
func xlsxParts(path string) (sheet, sst []byte) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil
	}
	defer zr.Close()
	var sheets []*zip.File
	for _, zf := range zr.File {
		name := strings.ToLower(zf.Name)
		switch {
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			sheets = append(sheets, zf)
		case name == "xl/sharedstrings.xml":
			sst = readPart(zf)
		}
	}
	sort.Slice(sheets, func(i, j int) bool { return sheets[i].Name < sheets[j].Name })
	if len(sheets) > 0 {
		sheet = readPart(sheets[0])
	}
	return sheet, sst
}

func readPart(zf *zip.File) []byte {
	rc, err := zf.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 256<<10))
	return b
}

// fuzzWorkbook is a workbook around a worksheet and shared strings part
// (none when sst is nil).
func fuzzWorkbook(sheet, sst []byte) []byte {
	files := minimalWorkbook("")
	files["xl/worksheets/sheet1.xml"] = string(sheet)
	if sst != nil {
		files = withSharedStrings(files, string(sst))
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range names {
		zw, _ := w.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		io.WriteString(zw, files[n])
	}
	w.Close()
	return b.Bytes()
}

// FuzzXLSX: whatever the worksheet and shared strings XML, reading never
// panics, never hangs, gives an *Error or well-formed rows.
func FuzzXLSX(f *testing.F) {
	cell := func(rows string) []byte { return []byte(sheetHead + rows + sheetTail) }
	sst := []byte(sstHead + `<si><t>Nom</t></si><si><t>Ville</t></si><si><r><t>Du</t></r><r><rPr><b/></rPr><t>pont</t></r></si><si><t xml:space="preserve"> Lyon </t></si></sst>`)
	for _, s := range []struct {
		sheet, sst []byte
	}{
		{cell(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>`), sst},
		{cell(`<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2"><v>00012</v></c><c r="B2" s="1"><v>45292.5</v></c></row>`), nil},
		{cell(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`), sst},
		{cell(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), nil},
		{cell(`<row r="3"><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="str"><f>A1&amp;B1</f><v>ab</v></c></row>`), nil},
		{cell(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>`), nil},
		{[]byte(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>w</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`), nil},
		{[]byte(sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>b</t></is></c></row>` +
			`</sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells></worksheet>`), nil},
		{cell(`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>fin</t></is></c></row>`), nil},
		{cell(`<row r="1"><c r="A1" t="s"><v> 1 </v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>x</v></c></row>`), sst},
		{[]byte(`<worksheet><sheetData><row r="1"><c r="A1"`), nil},
		{nil, nil},
	} {
		f.Add(s.sheet, s.sst, byte(0))
	}
	for _, p := range corpusFiles(f, 2<<20, ".xlsx") {
		if sheet, sst := xlsxParts(p); sheet != nil {
			f.Add(sheet, sst, byte(0))
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheet, sst []byte, opt byte) {
		if len(sheet)+len(sst) > 1<<20 {
			return
		}
		if opt&1 == 0 {
			sst = nil
		}
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, fuzzWorkbook(sheet, sst), 0o600); err != nil {
			t.Fatal(err)
		}
		o := Options{NoHeader: opt&2 != 0}
		if opt&4 != 0 {
			o.HeaderRow = int(opt>>4) + 1
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkReads(t, path, o)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("reading hangs on sheet %q", sheet)
		}
	})
}
