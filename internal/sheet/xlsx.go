package sheet

import (
	"archive/zip"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams the rows of one worksheet through excelize's Rows
// iterator, which yields every physical row number in turn (absent rows
// come back empty), so the row count is the Excel row number.
type xlsxSource struct {
	path     string
	f        *excelize.File
	rows     *excelize.Rows
	line     int
	merges   mergeFill
	pending  []rawRow // rows read while choosing the sheet
	date1904 bool     // serials count from 1904-01-01 (old Mac Excel)
	lastRow  int      // number of the sheet's last row (scanPart)
}

func (x *xlsxSource) position() (done, total int64) { return int64(x.line), int64(x.lastRow) }

func (x *xlsxSource) next() (rawRow, error) {
	if len(x.pending) > 0 {
		r := x.pending[0]
		x.pending = x.pending[1:]
		return r, nil
	}
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			e := errDamaged(x.path, err)
			e.Line = x.line + 1
			return rawRow{}, e
		}
		return rawRow{}, io.EOF
	}
	x.line++
	cells, err := x.rows.Columns()
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
	err := x.rows.Close()
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// openXLSX opens the workbook, chooses the sheet and returns its row source.
func openXLSX(path string, opt Options) (source, Detected, error) {
	det := Detected{Format: FormatXLSX}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	defer zr.Close()
	if err := checkZip(path, &zr.Reader); err != nil {
		return nil, det, err
	}
	parts, err := readWorkbookParts(&zr.Reader)
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxXMLInMemory})
	if err != nil {
		return nil, det, errDamaged(path, err)
	}
	src, det, err := chooseSheet(path, f, parts, opt, det)
	if err != nil {
		_ = f.Close()
		return nil, det, err
	}
	return src, det, nil
}

// chooseSheet opens the sheet named in opt, or else the first visible sheet
// that has data (then the first hidden one).
func chooseSheet(path string, f *excelize.File, parts workbookParts, opt Options, det Detected) (*xlsxSource, Detected, error) {
	det.Sheets = f.GetSheetList()
	if len(det.Sheets) == 0 {
		return nil, det, errNoWorksheet(path)
	}
	normaliseNumberFormats(f)
	if sst := parts.sharedStrings; sst != "" {
		if zf, ok := parts.files[strings.ToLower(sst)]; ok && zf.UncompressedSize64 > MaxXMLInMemory {
			if _, _, err := scanPart(path, parts, sst); err != nil {
				return nil, det, err
			}
		}
	}

	if opt.Sheet != "" {
		name, ok := findSheet(det.Sheets, opt.Sheet)
		if !ok {
			return nil, det, errSheetNotFound(path, opt.Sheet, det.Sheets)
		}
		det.Sheet = name
		src, err := openSheet(path, f, parts, name)
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
		src, err := openSheet(path, f, parts, name)
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
			_ = src.rows.Close()
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

// openSheet pre-scans the sheet's part (limits, merged ranges) and starts
// excelize's row iterator on it.
func openSheet(path string, f *excelize.File, parts workbookParts, name string) (*xlsxSource, error) {
	part, ok := parts.sheets[name]
	lower := strings.ToLower(part)
	if _, exists := parts.files[lower]; !ok || !exists ||
		strings.Contains(lower, "chartsheet") || strings.Contains(lower, "dialogsheet") || strings.Contains(lower, "macrosheet") {
		return nil, errNoWorksheet(path)
	}
	merges, lastRow, err := scanPartCached(path, parts, part)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, errNoWorksheet(path)
	}
	date1904 := f.WorkBook != nil && f.WorkBook.WorkbookPr != nil && f.WorkBook.WorkbookPr.Date1904
	return &xlsxSource{path: path, f: f, rows: rows, merges: mergeFill{pending: merges}, date1904: date1904, lastRow: lastRow}, nil
}

// probe reads up to the first non-blank row and keeps it for next.
func (x *xlsxSource) probe() (bool, error) {
	for {
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
