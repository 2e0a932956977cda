// Package export gives the customer file back (DESIGN §1 "Export", seeds
// 002 and 004): the Clients tab's list, a group or everything, as a
// spreadsheet that re-imports without a mapping step (XLSX, CSV UTF-8 with
// BOM, CSV ";" in Windows-1252), the accounts for the accounting software,
// and mailings (mail-merge CSV, vCard 4.0, PDF address labels).
//
// The window's export dialog and the command line call only what this file
// declares. Customers stream from one read transaction to the writer, so
// memory stays flat whatever the count (the labels PDF excepted: the PDF
// library keeps its pages until the end). Every file goes to a temporary
// file renamed at the end: a cancel, an error or a full disk leaves nothing
// at the destination.
package export

import (
	"context"
	"time"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// Format is what a file holds.
type Format string

const (
	FormatXLSX     Format = "xlsx"             // Excel workbook, re-importable
	FormatCSV      Format = "csv"              // CSV UTF-8 with BOM, ";" in French, "," in English
	FormatCSV1252  Format = "csv-windows-1252" // CSV ";" in Windows-1252, for old Excel
	FormatAccounts Format = "accounts"         // customer accounts for the accounting software, CSV ";"
	FormatMailing  Format = "mailing"          // mail-merge CSV
	FormatVCard    Format = "vcard"            // vCard 4.0 (.vcf)
	FormatLabels   Format = "labels"           // address labels, PDF A4 3 × 8 (70 × 37 mm)
)

// Formats lists every format in the order the window offers them.
var Formats = []Format{FormatXLSX, FormatCSV, FormatCSV1252, FormatAccounts, FormatMailing, FormatVCard, FormatLabels}

// Request says what to export and how.
type Request struct {
	// Query is the list to export: the Clients tab's search, filters and
	// sort, or a group (GroupID). Offset and Limit are ignored: the whole
	// list goes out.
	Query  store.Query
	Format Format
	// Lang is the language of headers and values ("fr" or "en").
	Lang string
	// IncludeRefused keeps, in mailings, the customers who refused
	// marketing (left out and counted by default).
	IncludeRefused bool
	// OnProgress, when set, is called now and then with the customers done
	// and the total (from any goroutine).
	OnProgress func(done, total int)
}

// Result says what was written.
type Result struct {
	File    string  `json:"file"`
	Format  Format  `json:"format"`
	Written int     `json:"written"`
	Skipped []Skip  `json:"skipped"` // by reason; empty when none
	Seconds float64 `json:"seconds"`
}

// SkippedCount is the number of customers left out, all reasons together.
func (r Result) SkippedCount() int {
	n := 0
	for _, s := range r.Skipped {
		n += s.Count
	}
	return n
}

// Skip counts the customers a format left out for one reason.
type Skip struct {
	Reason  string         `json:"reason"` // one of the Skip* reasons
	Message domain.Message `json:"-"`
	Count   int            `json:"count"`
}

// Reasons a customer is left out of a file.
const (
	SkipNoEmail   = "no_email"   // vCard and mailing CSV by email: nothing to send to
	SkipNoAddress = "no_address" // labels: no postal address
	SkipRefused   = "refused"    // mailings: the customer refused marketing
	SkipNoContact = "no_contact" // mailing CSV: neither an email nor a postal address
)

// Unencodable is a character that Windows-1252 cannot hold, found where a
// CSV for old Excel would have to write it.
type Unencodable struct {
	Row    int    `json:"row"` // 1-based line of the file, header = 1
	Column string `json:"column"`
	Value  string `json:"value"`
	Char   string `json:"char"`
}

// UnencodableError refuses a Windows-1252 export that would lose
// characters: every place is listed (the first ones, Total counting all),
// and the user can export as CSV UTF-8 instead. Nothing is written.
type UnencodableError struct {
	Places []Unencodable
	Total  int
}

// Exporter writes exports of one customer file.
type Exporter struct {
	svc *service.Service
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns an Exporter on svc.
func New(svc *service.Service) *Exporter { return &Exporter{svc: svc, Now: time.Now} }

// FormatForPath returns the format a file name asks for: .xlsx, .csv,
// .vcf, .pdf; false when the extension says nothing.
func FormatForPath(path string) (Format, bool) { return formatForPath(path) }

// Extension returns the file extension of f, with its dot.
func (f Format) Extension() string { return extension(f) }

// Label returns the name of f shown in the window, in lang.
func (f Format) Label(lang string) string { return formatLabel(f).In(lang) }

// Export writes the customers req lists to path in req.Format. A cancel
// (ctx) returns ctx.Err() and leaves nothing at path.
func (ex *Exporter) Export(ctx context.Context, path string, req Request) (Result, error) {
	return ex.export(ctx, path, req)
}

// Count returns how many customers req lists, for the window to say what
// it will export.
func (ex *Exporter) Count(ctx context.Context, req Request) (int, error) {
	return ex.svc.Count(ctx, req.Query)
}
