package sheet

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams the rows of one worksheet through excelize's Rows
// iterator, which yields every physical row number in turn (absent rows
// come back empty), so the row count is the Excel row number.
type xlsxSource struct {
	ctx      context.Context
	path     string
	wb       *workbook
	rows     *excelize.Rows
	line     int
	merges   mergeFill
	pending  []rawRow // rows read while choosing the sheet
	date1904 bool     // serials count from 1904-01-01 (old Mac Excel)
	lastRow  int      // number of the sheet's last row (scanPart)
	// warm counts the rows still read off the caller's goroutine: the first
	// shared string makes excelize index the whole table (seconds for a
	// big one), which must not hold up a cancel.
	warm int
	err  error
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
	var (
		ok    bool
		cells []string
		err   error
	)
	read := func() {
		if ok = x.rows.Next(); ok {
			cells, err = x.rows.Columns()
		} else {
			err = x.rows.Error()
		}
	}
	if x.warm > 0 {
		x.warm--
		if cerr := x.wb.run(x.ctx, read); cerr != nil {
			x.err = errCanceled(x.path, cerr)
			return rawRow{}, x.err
		}
	} else {
		read()
	}
	if !ok {
		if err != nil {
			e := errDamaged(x.path, err)
			e.Line = x.line + 1
			return rawRow{}, e
		}
		return rawRow{}, io.EOF
	}
	x.line++
	if err != nil {
		e := errDamaged(x.path, err)
		e.Line = x.line
		return rawRow{}, e
	}
	if len(cells) > MaxColumns {
		return rawRow{}, errTooManyColumns(x.path, x.line)
	}
	for j, c := range cells {
		if len(c) > MaxCellBytes {
			return rawRow{}, errCellTooLarge(x.path, x.line, j+1)
		}
		if hasDateMarker(c) {
			c = decodeDateMarker(c, x.date1904)
		}
		cells[j] = strings.TrimSpace(c)
	}
	cells = x.merges.apply(x.line, cells)
	return rawRow{line: x.line, cells: cells}, nil
}

func (x *xlsxSource) close() error {
	if x.wb.abandoned() {
		x.wb.rows = x.rows // closed with the workbook, in the background
		return x.wb.close()
	}
	err := x.rows.Close()
	if cerr := x.wb.close(); err == nil {
		err = cerr
	}
	return err
}

// backgroundCloses counts the workbooks being closed in the background,
// after a cancel (tests wait for them).
var backgroundCloses sync.WaitGroup

// workbook is an excelize file and its own folder for temporary files.
type workbook struct {
	f   *excelize.File
	dir string
	// busy is set when a call run off the caller's goroutine was left
	// running by a cancel: the file is then closed when it ends.
	busy chan struct{}
	rows *excelize.Rows // to close before the file, after a cancel
}

// run calls fn on another goroutine and waits for it, or for ctx: when ctx
// ends first, run returns its error at once and leaves fn running; the
// workbook can then only be closed.
func (wb *workbook) run(ctx context.Context, fn func()) error {
	if wb.busy != nil {
		return context.Canceled
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		wb.busy = done
		return ctx.Err()
	}
}

func (wb *workbook) abandoned() bool { return wb.busy != nil }

// close closes the file and removes its temporary folder. After a cancel,
// the folder is removed at once (what can be) and again once the call left
// running has ended, when the file is closed.
func (wb *workbook) close() error {
	if busy := wb.busy; busy != nil {
		removeTempDir(wb.dir)
		backgroundCloses.Add(1)
		go func() {
			defer backgroundCloses.Done()
			<-busy
			if wb.rows != nil {
				_ = wb.rows.Close()
			}
			if wb.f != nil {
				_ = wb.f.Close()
			}
			removeTempDir(wb.dir)
		}()
		return nil
	}
	var err error
	if wb.f != nil {
		err = wb.f.Close()
	}
	removeTempDir(wb.dir)
	return err
}

// openXLSX opens the workbook, chooses the sheet and returns its row source.
// The zip directory is checked first and the shared strings counted, so
// that excelize never inflates a zip bomb.
func openXLSX(ctx context.Context, path string, opt Options) (source, Detected, error) {
	det := Detected{Format: FormatXLSX}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	defer zr.Close()
	stats, err := checkZip(path, &zr.Reader)
	if err != nil {
		return nil, det, err
	}
	parts, err := readWorkbookParts(&zr.Reader)
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	sst, err := scanSharedStrings(ctx, path, parts, stats)
	if err != nil {
		return nil, det, err
	}
	wb := &workbook{dir: newTempDir()}
	var openErr error
	if err := wb.run(ctx, func() {
		wb.f, openErr = excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxXMLInMemory, TmpDir: wb.dir})
	}); err != nil {
		_ = wb.close()
		return nil, det, errCanceled(path, err)
	}
	if openErr != nil {
		_ = wb.close()
		return nil, det, errDamaged(path, openErr)
	}
	src, det, err := chooseSheet(ctx, path, wb, parts, sst, opt, det)
	if err != nil {
		_ = wb.close()
		return nil, det, err
	}
	return src, det, nil
}

// sharedStrings is what is known of the table excelize reads the text of
// cells from (nil: the workbook has none).
type sharedStrings struct{ entries int }

// scanSharedStrings counts the entries of the shared strings table, which
// excelize reads from xl/sharedStrings.xml whatever the relationships say,
// refusing a table larger than the limits or than the worksheets can use.
func scanSharedStrings(ctx context.Context, path string, parts workbookParts, stats zipStats) (*sharedStrings, error) {
	const name = "xl/sharedstrings.xml"
	if _, ok := parts.files[name]; !ok {
		return nil, nil
	}
	res, err := scanPartCached(ctx, path, parts, name, limits.sharedStrings)
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
func chooseSheet(ctx context.Context, path string, wb *workbook, parts workbookParts, sst *sharedStrings, opt Options, det Detected) (*xlsxSource, Detected, error) {
	f := wb.f
	det.Sheets = f.GetSheetList()
	if len(det.Sheets) == 0 {
		return nil, det, errNoWorksheet(path)
	}
	normaliseNumberFormats(f)

	if opt.Sheet != "" {
		name, ok := findSheet(det.Sheets, opt.Sheet)
		if !ok {
			return nil, det, errSheetNotFound(path, opt.Sheet, det.Sheets)
		}
		det.Sheet = name
		src, err := openSheet(ctx, path, wb, parts, sst, name)
		if err != nil {
			return nil, det, err
		}
		return src, det, nil
	}

	var visible, hidden []string
	for _, name := range det.Sheets {
		if v, err := f.GetSheetVisible(name); err == nil && !v {
			hidden = append(hidden, name)
		} else {
			visible = append(visible, name)
		}
	}
	opened := false
	for _, name := range append(visible, hidden...) {
		src, err := openSheet(ctx, path, wb, parts, sst, name)
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
			if wb.abandoned() {
				wb.rows = src.rows // in use: closed with the workbook, in the background
			} else {
				_ = src.rows.Close()
			}
			return nil, det, err
		}
		if ok {
			det.Sheet = name
			return src, det, nil
		}
		_ = src.rows.Close()
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
// to shared strings) and starts excelize's row iterator on it.
func openSheet(ctx context.Context, path string, wb *workbook, parts workbookParts, sst *sharedStrings, name string) (*xlsxSource, error) {
	f := wb.f
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
	if scan.sharedRefs > 0 && (sst == nil || scan.maxShared >= sst.entries) {
		return nil, errMissingSharedStrings(path, name, sst == nil)
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, errNoWorksheet(path)
	}
	date1904 := f.WorkBook != nil && f.WorkBook.WorkbookPr != nil && f.WorkBook.WorkbookPr.Date1904
	return &xlsxSource{ctx: ctx, path: path, wb: wb, rows: rows, merges: mergeFill{pending: scan.merges}, date1904: date1904,
		lastRow: scan.lastRow, warm: DetectRows + 1}, nil
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
