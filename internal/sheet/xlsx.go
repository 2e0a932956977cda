package sheet

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"math"
	"strings"
)

// An XLSX workbook is read straight from its zip: the directory is checked
// first (xlsxparts.go), the sheet pre-scanned (xlsxscan.go), then its rows
// are streamed by sheetRows (xlsxrows.go) with the shared strings
// (xlsxsst.go) and the number formats of the style sheet (xlsxstyles.go).
// Excelize used to do the reading; the text of every cell is still what it
// gave (xlsx_oracle_test.go), at about ten times the speed.

// xlsxBook is an open workbook.
type xlsxBook struct {
	path    string
	zr      *zip.ReadCloser
	parts   workbookParts
	sst     *sharedStrings     // what scanSharedStrings learnt (nil: none)
	strings *sharedStringTable // loaded when a sheet first needs it
	formats []*cellFormat
	dir     string // temporary folder, made when needed
}

// tempDir returns the workbook's temporary folder, making it.
func (b *xlsxBook) tempDir() string {
	if b.dir == "" {
		b.dir = newTempDir()
	}
	return b.dir
}

func (b *xlsxBook) close() error {
	b.strings.close()
	err := b.zr.Close()
	removeTempDir(b.dir)
	return err
}

// xlsxSource streams the rows of one worksheet.
type xlsxSource struct {
	ctx     context.Context
	path    string
	book    *xlsxBook
	part    io.ReadCloser
	rows    *sheetRows
	line    int
	merges  mergeFill
	pending []rawRow // rows read while choosing the sheet
	lastRow int      // number of the sheet's last row (scanPart)
	err     error
}

func (x *xlsxSource) position() (done, total int64) { return int64(x.line), int64(x.lastRow) }

func (x *xlsxSource) next() (rawRow, error) {
	if len(x.pending) > 0 {
		r := x.pending[0]
		x.pending = x.pending[1:]
		return r, nil
	}
	if x.err != nil {
		return rawRow{}, x.err
	}
	cells, repaired, err := x.rows.next()
	if err != nil {
		x.err = err
		return rawRow{}, err
	}
	x.line = x.rows.seek
	cells = x.merges.apply(x.line, cells)
	return rawRow{line: x.line, cells: cells, repaired: repaired}, nil
}

// closeSheet closes the sheet's part, not the workbook.
func (x *xlsxSource) closeSheet() error { return x.part.Close() }

func (x *xlsxSource) close() error {
	err := x.closeSheet()
	if cerr := x.book.close(); err == nil {
		err = cerr
	}
	return err
}

// openXLSX opens the workbook, chooses the sheet and returns its row source.
// The zip directory is checked first and the shared strings counted, so
// that a zip bomb is refused before anything is inflated for good.
func openXLSX(ctx context.Context, path string, opt Options) (source, Detected, error) {
	det := Detected{Format: FormatXLSX}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	book := &xlsxBook{path: path, zr: zr}
	src, det, err := openBook(ctx, book, opt, det)
	if err != nil {
		_ = book.close()
		return nil, det, err
	}
	return src, det, nil
}

func openBook(ctx context.Context, book *xlsxBook, opt Options, det Detected) (*xlsxSource, Detected, error) {
	path := book.path
	stats, err := checkZip(path, &book.zr.Reader)
	if err != nil {
		return nil, det, err
	}
	if book.parts, err = readWorkbookParts(&book.zr.Reader); err != nil {
		return nil, det, errDamaged(path, err)
	}
	if book.sst, err = scanSharedStrings(ctx, path, book.parts, stats); err != nil {
		return nil, det, err
	}
	if book.formats, err = readCellFormats(book.parts); err != nil {
		return nil, det, errDamaged(path, err)
	}
	return chooseSheet(ctx, book, opt, det)
}

// sharedStrings is what is known of the table the text of cells of type
// "s" comes from (nil: the workbook has none).
type sharedStrings struct{ entries int }

// scanSharedStrings counts the entries of the shared strings table, read
// from xl/sharedStrings.xml whatever the relationships say (as excelize
// did), refusing a table larger than the limits or than the worksheets can
// use.
func scanSharedStrings(ctx context.Context, path string, parts workbookParts, stats zipStats) (*sharedStrings, error) {
	if _, ok := parts.files[sstPart]; !ok {
		return nil, nil
	}
	res, err := scanPartCached(ctx, path, parts, sstPart, limits.sharedStrings)
	if err != nil {
		return nil, err
	}
	usable := max(1<<16, int(min(stats.worksheetBytes/16, math.MaxInt32)))
	if res.strings > usable {
		return nil, errImplausibleStrings(path, res.strings, usable)
	}
	return &sharedStrings{entries: res.strings}, nil
}

// chooseSheet opens the sheet named in opt, or else the first visible sheet
// that has data (then the first hidden one).
func chooseSheet(ctx context.Context, book *xlsxBook, opt Options, det Detected) (*xlsxSource, Detected, error) {
	path := book.path
	det.Sheets = append([]string(nil), book.parts.order...)
	if len(det.Sheets) == 0 {
		return nil, det, errNoWorksheet(path)
	}
	if opt.Sheet != "" {
		name, ok := findSheet(det.Sheets, opt.Sheet)
		if !ok {
			return nil, det, errSheetNotFound(path, opt.Sheet, det.Sheets)
		}
		det.Sheet = name
		src, err := openSheet(ctx, book, name)
		if err != nil {
			return nil, det, err
		}
		return src, det, nil
	}

	var visible, hidden []string
	for _, name := range det.Sheets {
		if book.parts.visible(name) {
			visible = append(visible, name)
		} else {
			hidden = append(hidden, name)
		}
	}
	opened := false
	for _, name := range append(visible, hidden...) {
		src, err := openSheet(ctx, book, name)
		var e *Error
		if errors.As(err, &e) && e.Code == CodeNoWorksheet {
			continue // a chart sheet, or a sheet whose part is missing
		}
		if err != nil {
			return nil, det, err
		}
		opened = true
		ok, err := src.probe()
		if err != nil {
			_ = src.closeSheet()
			return nil, det, err
		}
		if ok {
			det.Sheet = name
			return src, det, nil
		}
		_ = src.closeSheet()
	}
	if !opened {
		return nil, det, errNoWorksheet(path)
	}
	return nil, det, errNoData(path, "")
}

func findSheet(sheets []string, want string) (string, bool) {
	for _, s := range sheets {
		if s == want {
			return s, true
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, want) {
			return s, true
		}
	}
	return "", false
}

// openSheet pre-scans the sheet's part (limits, merged ranges, references
// to shared strings), loads the shared strings if it uses them, and starts
// reading its rows.
func openSheet(ctx context.Context, book *xlsxBook, name string) (*xlsxSource, error) {
	path, parts := book.path, book.parts
	part, ok := parts.sheets[name]
	lower := strings.ToLower(part)
	if _, exists := parts.files[lower]; !ok || !exists ||
		strings.Contains(lower, "chartsheet") || strings.Contains(lower, "dialogsheet") || strings.Contains(lower, "macrosheet") {
		return nil, errNoWorksheet(path)
	}
	scan, err := scanPartCached(ctx, path, parts, part, 0)
	if err != nil {
		return nil, err
	}
	if scan.sharedRefs > 0 && (book.sst == nil || scan.maxShared >= book.sst.entries) {
		return nil, errMissingSharedStrings(path, name, book.sst == nil)
	}
	if scan.sharedRefs > 0 && book.strings == nil {
		if book.strings, err = loadSharedStrings(ctx, path, parts, book.tempDir); err != nil {
			return nil, err
		}
	}
	rc, _, err := parts.open(part)
	if err != nil {
		return nil, errDamaged(path, err)
	}
	rows := &sheetRows{ctx: ctx, path: path, sc: newXMLScanner(&ctxReader{ctx: ctx, r: rc}),
		sst: book.strings, formats: book.formats, date1904: parts.date1904}
	return &xlsxSource{ctx: ctx, path: path, book: book, part: rc, rows: rows,
		merges: mergeFill{pending: scan.merges}, lastRow: scan.lastRow}, nil
}

// probe reads up to the first non-blank row and keeps it for next.
func (x *xlsxSource) probe() (bool, error) {
	for i := 1; ; i++ {
		if i%ctxEvery == 0 && x.ctx.Err() != nil {
			return false, errCanceled(x.path, x.ctx.Err())
		}
		r, err := x.next()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !isBlank(r.cells) {
			x.pending = append(x.pending, r)
			return true, nil
		}
	}
}
