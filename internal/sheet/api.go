// Package sheet reads the spreadsheets a user imports — CSV/TXT files and
// XLSX workbooks — as a stream of rows under one header, whatever produced
// them: Excel (French or not), LibreOffice, Google Sheets, Numbers, shop and
// ERP exports.
//
// It guesses what a user would otherwise have to tell: the encoding (BOM,
// then valid UTF-8, then Windows-1252), the separator, the sheet, the header
// row (title rows and merged banners above it are skipped). Every guess is
// reported in Detected with how sure it is, and every guess can be forced
// through Options.
//
// Mixed encodings. Files pasted together, or edited by an old tool, are
// UTF-8 with a few cells in Windows-1252. Looking at the first megabyte,
// the file is read as UTF-8 when it holds at least one valid multi-byte
// UTF-8 character (U+00A0 or above) and its invalid bytes are at most four
// times as many as those characters; only a file with no such character
// (or with invalid bytes far beyond them) is read as Windows-1252 whole.
// A real Windows-1252 file almost never forms valid UTF-8 sequences (an
// upper-case accented letter followed by a symbol), so it stays Windows-1252;
// a UTF-8 file keeps its valid text whatever the share of bad cells. Read
// as UTF-8, a cell that is not valid UTF-8 is decoded whole as
// Windows-1252 and reported: Row.Warnings for a data cell,
// Detected.Warnings for a header cell. Cells far beyond the first
// megabyte are handled the same way, including in a file whose first
// megabyte was plain ASCII.
//
// Every cell is text. XLSX values read as the user meant them, in a form
// that needs no locale to parse: dates ISO ("2015-01-01", "2011-09-15
// 15:22:00", 1904 system honoured), numbers in full (8595602512225, never
// 8.6E+12; "00000"-formatted postcodes keep their zeros), fixed decimals
// and percentages as formatted ("0.10300", "1.23%"), booleans TRUE/FALSE,
// formulas by their cached value, errors as text (#DIV/0!). See numfmt.go.
//
// Reading is streaming: detection looks at a bounded prefix (the first
// DetectRows non-blank rows, at most DetectBytes of text), then rows are
// produced one by one, so memory stays flat whatever the file size. Hostile
// input (huge cells, a million columns, NUL bytes, invalid UTF-8, zip bombs)
// gives an *Error, never a crash.
//
// XLSX sheets are read straight from the zip by a streaming reader of the
// sheet XML (xlsxrows.go), about ten times faster than excelize's row
// iterator, which it replaced: every cell reads as it read through excelize
// (xlsx_oracle_test.go checks it on every workbook of the shared corpus).
//
// Cancellation. OpenContext and PreviewContext honour their context: the
// zip scans and the sheet's XML look at it every megabyte, the rows every
// few hundred, and a cancelled context gives an *Error of code
// CodeCanceled (errors.Is with context.Canceled holds) within a fraction
// of a second, even in the middle of a big sheet.
//
// Temporary files. Shared strings of more than 64 MiB of XML are kept in a
// temporary file rather than in memory. Each workbook gets its own folder
// for it (carnet-xlsx-* in the system's temporary folder), removed when
// the Reader is closed or opening fails; RemoveTemporaryFiles removes those
// of every open workbook (for a signal handler), and folders left by a
// process that was killed are removed by a later Open once they are a day
// old.
package sheet

import (
	"context"
	"errors"
	"io"
	"os"
)

// Format is the kind of file, found from its first bytes (never from its
// extension).
type Format string

// The formats this package reads.
const (
	FormatCSV  Format = "csv" // delimited text: .csv, .txt, .tsv…
	FormatXLSX Format = "xlsx"
)

// Limits. A cell, a row or a workbook beyond them gives an *Error with the
// row number, so that a damaged or malicious file costs bounded memory.
const (
	MaxCellBytes = 1 << 20  // one cell (CSV and XLSX)
	MaxRowBytes  = 16 << 20 // one CSV row
	MaxColumns   = 16384    // cells in one row (Excel's own limit)

	// DetectRows is how many non-blank rows detection looks at (header,
	// columns); DetectBytes bounds the text it keeps for that.
	DetectRows  = 50
	DetectBytes = 4 << 20

	// XLSX limits. They are checked on the zip directory before anything is
	// inflated (Go's zip reader then refuses a part that inflates beyond
	// its declared size), and the shared strings are counted while they are
	// scanned, so that a zip bomb is refused within a second or two, in a
	// few megabytes of memory, before anything is read for good.
	//
	// MaxUnzipBytes bounds the uncompressed size of all parts together.
	MaxUnzipBytes = 4 << 30
	// MaxCompressionRatio bounds uncompressed/compressed size for each part
	// above 1 MiB: real workbooks stay under 50 (Excel's empty formatted
	// rows about 30, rich-text shared strings about 45), zip bombs reach
	// 400 to 1,000.
	MaxCompressionRatio = 100
	// MaxSharedStrings bounds the entries of the shared strings table (the
	// text of cells, each distinct text once: a customer file has about
	// as many as it has distinct names, addresses and e-mails). Each costs
	// 4 bytes of index beside its text. The table must also be possible:
	// no more entries than the worksheets have room to refer to (one per
	// 16 bytes of worksheet XML, and at least 65,536).
	MaxSharedStrings = 2_000_000
	// MaxSharedStringsBytes bounds the table's uncompressed size.
	MaxSharedStringsBytes = 512 << 20
	// MaxXMLInMemory: worksheets and shared strings above this size are
	// not counted with the parts bounded by their size alone (images,
	// styles…): worksheets are streamed, the shared strings bounded by
	// MaxSharedStrings and MaxSharedStringsBytes.
	MaxXMLInMemory  = 2 << 20
	maxMergedRanges = 100000
)

// Encodings accepted in Options.Encoding and reported in Detected.Encoding.
const (
	EncodingUTF8    = "utf-8"
	EncodingCP1252  = "windows-1252"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
)

// Options force what would otherwise be detected. The zero value detects
// everything.
type Options struct {
	Sheet     string // xlsx: sheet name; "" = first sheet with data
	HeaderRow int    // 1-based physical row of the header; 0 = detect
	Encoding  string // "auto" or "" | "utf-8" | "windows-1252" | "utf-16le" | "utf-16be"
	Delimiter rune   // 0 = detect; ';' ',' '\t' '|' (any ASCII punctuation is accepted)
	// NoHeader says the file has no header row: every non-blank row is data
	// and the columns are named "Colonne 1", "Colonne 2"… HeaderRow is then
	// ignored.
	NoHeader bool
}

// Detected is what was found (or forced) about the file.
type Detected struct {
	Format Format

	// CSV: the text encoding and how it was chosen. EncodingSure is true for
	// a BOM, a forced encoding, or UTF-8 seen to be valid on non-ASCII text;
	// false for the Windows-1252 fallback, a BOM-less UTF-16 guess, or a
	// prefix that was pure ASCII (then any later byte that is not valid
	// UTF-8 is read as Windows-1252 rather than lost).
	Encoding     string
	EncodingSure bool

	// CSV: the separator and how consistent it was over the first lines (0..1).
	Delimiter           rune
	DelimiterConfidence float64

	// XLSX: every sheet in workbook order (the order of the tabs), and the
	// one read.
	Sheets []string
	Sheet  string

	// HeaderRow is the 1-based physical row of the header (0 with NoHeader);
	// HeaderConfidence says how clearly it stood out (0..1).
	HeaderRow        int
	HeaderConfidence float64

	// Columns is the number of cells of every Row and of Header().
	// FirstColumn is the 1-based physical column of the first of them: empty
	// columns on the left of the table (XLSX sheets that start at column C)
	// are dropped.
	Columns     int
	FirstColumn int

	// Warnings are remarks about the header row as read (a column name
	// that was not valid UTF-8 and was read as Windows-1252), Cell being
	// the index in Header(). Nil when there is nothing to say.
	Warnings []Warning
}

// Row is one data row.
type Row struct {
	// Line is the 1-based physical row number in the file or sheet: what a
	// user sees in Excel's row headers. In a CSV file it counts records, so
	// a quoted cell spanning several text lines is one row.
	Line int
	// Cells has exactly Detected.Columns cells, trimmed of surrounding
	// spaces; short rows are padded with "".
	Cells []string
	// Extra holds what lies outside the table's columns, so the caller can
	// warn rather than lose it silently: the cells after the last column up
	// to the last non-empty one (Extra[i] is physical column
	// FirstColumn+Columns+i), preceded by any non-empty cell found left of
	// FirstColumn (rare: those columns were empty in the sampled rows). Nil
	// for a well-formed row.
	Extra []string
	// Warnings are remarks about cells of this row as read, for the caller
	// to show as import warnings (the row itself is usable): today, a cell
	// that was not valid UTF-8 in a file read as UTF-8 and was decoded as
	// Windows-1252 (see the package comment). Nil for a normal row.
	Warnings []Warning
}

// Warning is something the reader did to a cell that the user should
// check. FR and EN are complete messages that name the row, the column
// (with its header) and the value, and say what to do.
type Warning struct {
	Code   string // stable: WarnEncodingRepaired
	Line   int    // 1-based physical row (Row.Line, or Detected.HeaderRow)
	Cell   int    // index in Row.Cells (or Header()); -1 for a cell outside the table (in Row.Extra)
	Column int    // 1-based physical column
	Value  string // the cell as read (after repair)
	FR, EN string
}

// Message returns the message in lang ("fr" or "en"; anything else is
// English).
func (w Warning) Message(lang string) string {
	if lang == "fr" {
		return w.FR
	}
	return w.EN
}

// Reader streams the data rows of one table.
type Reader interface {
	Detected() Detected
	// Header returns the column names, trimmed, one per column; a blank
	// header cell above a column that has data is named "Colonne N" (N is
	// the physical column number).
	Header() []string
	// Next returns the next data row, skipping rows whose cells are all
	// empty, or io.EOF at the end. After an error other than io.EOF (an
	// *Error), the reader is done.
	Next() (Row, error)
	// Progress is the share of the file read so far, 0 to 1: bytes of a
	// CSV file, rows of an XLSX sheet.
	Progress() float64
	Close() error
}

// Open detects the format of the file and returns a Reader positioned on the
// first data row. Failures are *Error.
func Open(path string, opt Options) (Reader, error) {
	return OpenContext(context.Background(), path, opt)
}

// OpenContext is Open under a context: when ctx is cancelled, opening and
// Next stop soon with an *Error of code CodeCanceled.
func OpenContext(ctx context.Context, path string, opt Options) (Reader, error) {
	if err := ctx.Err(); err != nil {
		return nil, errCanceled(path, err)
	}
	format, err := SniffFormat(path)
	if err != nil {
		return nil, err
	}
	if err := checkOptions(path, opt); err != nil {
		return nil, err
	}
	var (
		src source
		det Detected
	)
	switch format {
	case FormatXLSX:
		src, det, err = openXLSX(ctx, path, opt)
	default:
		src, det, err = openCSV(path, opt)
	}
	if err != nil {
		return nil, err
	}
	t, err := newTable(ctx, path, src, det, opt)
	if err != nil {
		_ = src.close()
		return nil, err
	}
	return t, nil
}

// Preview opens the file and returns what was detected, the header and the
// first n data rows: what the wizard shows while the user adjusts Options.
func Preview(path string, opt Options, n int) (Detected, []string, []Row, error) {
	return PreviewContext(context.Background(), path, opt, n)
}

// PreviewContext is Preview under a context (see OpenContext).
func PreviewContext(ctx context.Context, path string, opt Options, n int) (Detected, []string, []Row, error) {
	r, err := OpenContext(ctx, path, opt)
	if err != nil {
		return Detected{}, nil, nil, err
	}
	defer r.Close()
	var rows []Row
	for len(rows) < n {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return r.Detected(), r.Header(), rows, err
		}
		rows = append(rows, row)
	}
	return r.Detected(), r.Header(), rows, nil
}

// RemoveTemporaryFiles removes the temporary files of every workbook still
// open, for a signal handler about to exit: the readers concerned then fail.
// Readers that are closed normally need no such call.
func RemoveTemporaryFiles() {
	tempDirs.Lock()
	dirs := make([]string, 0, len(tempDirs.m))
	for d := range tempDirs.m {
		dirs = append(dirs, d)
	}
	tempDirs.Unlock()
	for _, d := range dirs {
		_ = os.RemoveAll(d)
	}
}
