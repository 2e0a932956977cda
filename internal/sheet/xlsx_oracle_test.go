package sheet

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The oracle: a sheet read as the import read it through excelize until
// issue 12 — every cell style given its canonical number format in
// excelize's style sheet, rows from excelize's Rows iterator, date markers
// decoded, cells trimmed, vertical merges copied down. The reader of
// xlsxrows.go must give the same rows.

// excelizeSheet reads every row of one sheet through excelize; err is set
// when excelize failed (open, or a row).
func excelizeSheet(t testing.TB, path, sheet string) (rows []rawRow, err error) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxXMLInMemory, TmpDir: t.TempDir()})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	normaliseNumberFormats(f)
	date1904 := f.WorkBook != nil && f.WorkBook.WorkbookPr != nil && f.WorkBook.WorkbookPr.Date1904
	merges := mergeFill{pending: sheetMerges(t, path, sheet)}
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	for line := 1; it.Next(); line++ {
		cells, err := it.Columns()
		if err != nil {
			return rows, err
		}
		for j, c := range cells {
			if hasDateMarker(c) {
				c = decodeDateMarker(c, date1904)
			}
			cells[j] = strings.TrimSpace(c)
		}
		rows = append(rows, rawRow{line: line, cells: merges.apply(line, cells)})
	}
	return rows, it.Error()
}

// sheetMerges is the merged ranges of a sheet, from the pre-scan.
func sheetMerges(t testing.TB, path, sheet string) []mergeRange {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	parts, err := readWorkbookParts(&zr.Reader)
	if err != nil {
		return nil
	}
	scan, err := scanPart(context.Background(), path, parts, parts.sheets[sheet], 0)
	if err != nil {
		return nil
	}
	return scan.merges
}

// ownSheet reads every row of one sheet with this package's reader; err is
// set when opening or a row failed.
func ownSheet(t testing.TB, path, sheet string) (sheets []string, rows []rawRow, err error) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, err
	}
	book := &xlsxBook{path: path, zr: zr}
	defer book.close()
	ctx := context.Background()
	stats, err := checkZip(path, &zr.Reader)
	if err != nil {
		return nil, nil, err
	}
	if book.parts, err = readWorkbookParts(&zr.Reader); err != nil {
		return nil, nil, err
	}
	if book.sst, err = scanSharedStrings(ctx, path, book.parts, stats); err != nil {
		return nil, nil, err
	}
	if book.formats, err = readCellFormats(book.parts); err != nil {
		return nil, nil, err
	}
	if sheet == "" {
		return book.parts.order, nil, nil
	}
	src, err := openSheet(ctx, book, sheet)
	if err != nil {
		return book.parts.order, nil, err
	}
	defer src.closeSheet()
	for {
		r, err := src.next()
		if errors.Is(err, io.EOF) {
			return book.parts.order, rows, nil
		}
		if err != nil {
			return book.parts.order, rows, err
		}
		if len(r.repaired) > 0 {
			t.Errorf("%s: line %d: cells %v repaired", sheet, r.line, r.repaired)
		}
		rows = append(rows, r)
	}
}

// normaliseNumberFormats gives every cell style of the workbook its
// canonical number format, in excelize's in-memory style sheet.
func normaliseNumberFormats(f *excelize.File) {
	st := f.Styles
	if st == nil || st.CellXfs == nil {
		return
	}
	custom := map[int]string{}
	if st.NumFmts != nil {
		for _, nf := range st.NumFmts.NumFmt {
			if nf == nil {
				continue
			}
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			custom[nf.NumFmtID] = code
		}
	}
	installed := map[string]int{}
	install := func(code string) int {
		if id, ok := installed[code]; ok {
			return id
		}
		id := installNumFmt(f, code)
		installed[code] = id
		return id
	}
	n := len(st.CellXfs.Xf)
	targets := make([]int, n)
	for i := range n {
		id := 0
		if p := st.CellXfs.Xf[i].NumFmtID; p != nil {
			id = *p
		}
		code, ok := custom[id]
		if !ok {
			code, ok = builtinNumFmts[id]
		}
		targets[i] = -1 // neither builtin nor custom: the stored value
		if ok {
			switch canon := canonicalNumFmt(code); canon {
			case "":
			case isoDate, isoDateTime, isoTime, isoDuration:
				targets[i] = install(dateMarkerFormat(canon))
			default:
				targets[i] = install(canon)
			}
		}
	}
	for i := range n {
		t := targets[i]
		st.CellXfs.Xf[i].NumFmtID = &t
	}
}

// installNumFmt adds a custom number format to excelize's style sheet and
// returns its id (-1 if excelize refuses it).
func installNumFmt(f *excelize.File, code string) (id int) {
	id = -1
	defer func() {
		if recover() != nil {
			id = -1
		}
	}()
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil || style < 0 || style >= len(f.Styles.CellXfs.Xf) || f.Styles.CellXfs.Xf[style].NumFmtID == nil {
		return -1
	}
	return *f.Styles.CellXfs.Xf[style].NumFmtID
}
