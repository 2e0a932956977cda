// Package importer brings customers in from a spreadsheet (DESIGN §1 "Import
// tab"): reading settings, column mapping with suggestions and saved
// profiles, a dry-run check, an atomic commit with progress and Cancel, the
// import journal with undo, the export of rows in error and the template.
//
// The window's wizard and the command line call only what this file
// declares; everything else in the package is how it is done.
//
// Check and Commit run the same engine: Check inside a write transaction
// that is always rolled back (so it sees exactly what Commit would do —
// codes allocated, groups created, two rows on one customer — and writes
// nothing), Commit inside one transaction that is committed at the end.
//
// Atomicity: one SQLite transaction (WAL) per import, whatever its size. A
// cancel, an error or a crash at any moment before COMMIT leaves the file
// as it was (the WAL frames of an uncommitted transaction are ignored on
// the next open); after COMMIT the import is there whole, its journal line
// included. Rows in error do not abort the import: they are skipped and
// reported, the valid rows are written.
//
// Memory stays flat: rows stream through a bounded pipeline (pipeline.go);
// a Plan keeps only samples (Request.OnRow streams every row); what undo
// needs is written to the journal tables as the import goes (the ID range
// of the customers created, the JSON before-image of each customer
// updated). The one structure that grows with the file is the map of
// customers already matched (12 bytes and map overhead per row), which
// detects two rows on one customer.
//
// Undo (undo.go) is one transaction too: created customers are deleted,
// updated ones get their before-image back, the import's balance entries
// and the groups/sources it created (when unused) go; a customer whose
// updated_at is no longer the instant the import wrote is left alone and
// reported. The journal line is marked undone, so undo cannot run twice.
package importer

import (
	"context"
	"io"
	"time"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// Importer runs imports on one customer file.
type Importer struct {
	svc *service.Service
	// Now is the clock; tests replace it.
	Now func() time.Time
	// DeferIndexesFrom is how many creations a file must be foreseen to
	// make before its import defers the list indexes (see
	// maybeDeferIndexes); 0 means defaultDeferIndexesFrom. Tests lower it.
	DeferIndexesFrom float64
	// IndexesDeferred, when set, is called as an import defers the list
	// indexes (tests count it; the crash test's child says it on stderr).
	IndexesDeferred func()
	// ProgressEvery is how often an import reports its progress; 0 means
	// defaultProgressEvery. Tests shorten it.
	ProgressEvery time.Duration
}

// New returns an Importer on svc.
func New(svc *service.Service) *Importer { return &Importer{svc: svc, Now: svc.Now} }

// Settings force what the reader would otherwise detect. The zero value
// detects everything.
type Settings struct {
	Sheet     string // XLSX: sheet name; "" = first sheet with data
	HeaderRow int    // 1-based physical row; 0 = detect
	Encoding  string // "" or "auto" | "utf-8" | "windows-1252"
	Delimiter rune   // 0 = detect; ';' ',' '\t' '|'
}

// Detected is what was found (or forced) about the file, each guess with
// how sure it is, for the wizard's "Reading" step.
type Detected struct {
	Format              string   `json:"format"`   // "csv" | "xlsx"
	Encoding            string   `json:"encoding"` // CSV only
	EncodingSure        bool     `json:"encoding_sure"`
	Delimiter           string   `json:"delimiter"` // CSV only: ";" "," "tab" "|"
	DelimiterConfidence float64  `json:"delimiter_confidence"`
	Sheets              []string `json:"sheets,omitempty"` // XLSX: every sheet, tab order
	Sheet               string   `json:"sheet,omitempty"`
	HeaderRow           int      `json:"header_row"`
	HeaderConfidence    float64  `json:"header_confidence"`
	Columns             int      `json:"columns"`
}

// PreviewRow is one data row as read: Line is the physical row number the
// user sees in the spreadsheet.
type PreviewRow struct {
	Line  int      `json:"line"`
	Cells []string `json:"cells"`
}

// Preview is the "Reading" and "Mapping" steps' data: detected settings,
// header, first rows, and a suggested field for every column.
type Preview struct {
	File        string       `json:"file"`
	Detected    Detected     `json:"detected"`
	Headers     []string     `json:"headers"`
	Rows        []PreviewRow `json:"rows"`
	Fingerprint string       `json:"fingerprint"`
	// Profile is the saved profile whose fingerprint matched ("" if none);
	// its mapping and options are already in Suggestions / Options.
	Profile     string       `json:"profile,omitempty"`
	Suggestions []Suggestion `json:"suggestions"`
	Options     Options      `json:"options"`
}

// Suggestion is the field proposed for one column.
type Suggestion struct {
	Column int    `json:"column"` // 0-based index in Headers
	Header string `json:"header"`
	// Field is a domain field key, "custom:<Header>" for a custom field, or
	// "" to ignore the column.
	Field      string         `json:"field"`
	Confidence float64        `json:"confidence"` // 0..1
	Reason     domain.Message `json:"reason"`
	// Alternatives are other plausible fields, best first.
	Alternatives []string `json:"alternatives,omitempty"`
}

// Mapping gives the field of each column, by 0-based column index (same
// length as the headers). "" ignores a column; "custom:<Name>" stores it as
// a custom field; one field twice is an error except "phones".
type Mapping []string

// Ignore is the Mapping value of an ignored column.
const Ignore = ""

// Key names the matching key of Options.Key.
type Key string

// Matching keys. KeyAuto tries internal ID, code, email, SIRET/VAT in order.
const (
	KeyAuto  Key = ""
	KeyID    Key = "id"
	KeyCode  Key = "code"
	KeyEmail Key = "email"
	KeySIRET Key = "siret" // SIRET, else VAT number
)

// Options are the choices of the Check step. Use DefaultOptions.
type Options struct {
	Key Key `json:"key"`
	// EmptyClears: an empty cell clears the stored value on update (default:
	// it keeps it).
	EmptyClears bool `json:"empty_clears"`
	// Protected fields are never overwritten on update (nil = the default
	// list: credit_limit, insurer_guarantee, other_guarantees).
	Protected     []string `json:"protected"`
	CreateGroups  bool     `json:"create_groups"`  // default on
	CreateSources bool     `json:"create_sources"` // default off
	ApplyBalance  bool     `json:"apply_balance"`  // default off
	// ExcludeLines are physical rows the user chose to leave out (skipped).
	ExcludeLines []int `json:"exclude_lines,omitempty"`
	// CodeRequired refuses a row without a customer code instead of
	// numbering it (seed 003: the code links the customer to its
	// invoices); a mapping without a code column is refused.
	CodeRequired bool `json:"code_required"`
	// Site is the code of the site the import writes to ("": the current
	// one): the shared columns update the shared record, the site columns
	// that site's part, and every customer the file names is put on it.
	// A profile does not keep it: each import chooses its site.
	Site string `json:"-"`
	// IdentityFromFile decides the identity conflicts (see
	// IdentityConflict) of every row: false (the default) keeps the stored
	// code and name, true takes the file's. IdentityLines are the rows
	// decided the other way, one by one.
	IdentityFromFile bool  `json:"identity_from_file"`
	IdentityLines    []int `json:"identity_lines,omitempty"`
}

// DefaultOptions returns the options a new import starts with.
func DefaultOptions() Options {
	return Options{Protected: DefaultProtected(), CreateGroups: true}
}

// DefaultProtected lists the fields marked Protected in domain.Fields.
func DefaultProtected() []string {
	var out []string
	for _, f := range domain.Fields {
		if f.Protected {
			out = append(out, f.Key)
		}
	}
	return out
}

// Request is one import to check or commit.
type Request struct {
	Path     string
	Settings Settings
	Mapping  Mapping
	Options  Options
	// SampleRows bounds Plan.Rows (0 = DefaultSampleRows); SampleProblems
	// bounds Plan.Problems (0 = DefaultSampleProblems). Counts are always
	// complete.
	SampleRows, SampleProblems int
	// OnRow, when set, receives every row's outcome as it is decided, in
	// file order: the way to page through or stream a plan of any size.
	// Returning an error stops the run with it.
	OnRow func(RowPlan) error
	// DescribeCreations lists the fields every created row fills in its
	// Changes, beyond the plan's sample too (for OnRow; it costs time on a
	// big file, so only the command line's row list asks for it).
	DescribeCreations bool
	// Profile names the saved profile used or to save ("" none); recorded in
	// the journal.
	Profile string
	// JournalName, when set, is the file name the journal records instead
	// of Path's (a sync records the shop's files, not the temporary file
	// it imports).
	JournalName string
	// Finish, when set, runs in the import's transaction after the last
	// row, in a check too (which rolls it back): a sync records its orders
	// there, tagged with batch (0 in a check) so that undo removes them.
	Finish func(ctx context.Context, tx *store.Tx, batch int64) error
	// Lang is the language of the plan's values ("fr" or "en"; French when
	// empty): "Personne physique" or "Individual", "1 234,56 €" or
	// "€1,234.56".
	Lang string
}

// Default sample sizes kept in a Plan.
const (
	DefaultSampleRows     = 200
	DefaultSampleProblems = 1000
)

// Action is what happens to one row.
type Action string

const (
	ActionCreate    Action = "create"
	ActionUpdate    Action = "update"
	ActionUnchanged Action = "unchanged"
	ActionError     Action = "error"
	ActionSkipped   Action = "skipped"
)

// Change is one field's change on one row, values formatted for display.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Severity of a Problem.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is an error or warning about one cell or one row.
type Problem struct {
	Row      int            `json:"row"`    // physical line in the file
	Column   string         `json:"column"` // header; "" for the whole row
	Field    string         `json:"field,omitempty"`
	Value    string         `json:"value"`
	Severity Severity       `json:"severity"`
	Code     string         `json:"code"`
	Message  domain.Message `json:"message"`
	Fix      domain.Message `json:"fix"`
}

// IdentityConflict is a row matched to a stored customer by a weaker key
// (e-mail, SIRET or VAT number) whose code or name differs from the
// stored one: the same customer, or two customers sharing an address? It
// is decided by Options.IdentityFromFile and Options.IdentityLines, never
// applied as an ordinary change.
type IdentityConflict struct {
	Line       int    `json:"line"`
	CustomerID int64  `json:"customer_id"`
	Code       string `json:"code"` // the stored code
	Name       string `json:"name"` // the stored name
	By         string `json:"by"`   // the key that matched: email, siret, vat_number
	// Fields are the identity fields that differ: Old is the stored
	// value, New the file's.
	Fields []Change `json:"fields"`
	// Taken: the file's values are written (else the stored ones kept).
	Taken bool `json:"taken"`
}

// RowPlan is the outcome of one row.
type RowPlan struct {
	Line       int       `json:"line"`
	Action     Action    `json:"action"`
	CustomerID int64     `json:"customer_id,omitempty"` // 0 for a create in a check
	Code       string    `json:"code,omitempty"`
	Name       string    `json:"name,omitempty"`
	Changes    []Change  `json:"changes,omitempty"`
	Problems   []Problem `json:"problems,omitempty"`
	// Conflict is set when the row's code or name differs from the
	// customer it matched by a weaker key. Its fields are in Changes only
	// when the file's values are taken (they are then written).
	Conflict *IdentityConflict `json:"conflict,omitempty"`
}

// Counts of an import, by action.
type Counts struct {
	Rows      int `json:"rows"`
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Errors    int `json:"errors"` // rows in error
	Skipped   int `json:"skipped"`
	Warnings  int `json:"warnings"`  // warning problems
	Conflicts int `json:"conflicts"` // rows with an identity conflict
}

// Plan is the dry run's answer: complete counts, a bounded sample of rows
// and problems (stream every row with Request.OnRow).
type Plan struct {
	File     string    `json:"file"`
	Detected Detected  `json:"detected"`
	Headers  []string  `json:"headers"`
	Mapping  Mapping   `json:"mapping"`
	Options  Options   `json:"options"`
	Counts   Counts    `json:"counts"`
	Rows     []RowPlan `json:"rows"`     // first SampleRows rows that are not unchanged
	Problems []Problem `json:"problems"` // first SampleProblems problems, errors and warnings
	// Conflicts are the first SampleProblems identity conflicts, listed
	// apart from the ordinary changes (a conflict row kept as stored is
	// otherwise unchanged).
	Conflicts []IdentityConflict `json:"conflicts"`
	Truncated bool               `json:"truncated"`
	// Refused is set when the mapping itself is wrong (a field mapped twice,
	// no usable column): nothing can be imported until it is fixed.
	Refused []Problem `json:"refused,omitempty"`
}

// Progress is reported during Check and Commit.
type Progress struct {
	Done  int     `json:"done"`  // rows read
	Total int     `json:"total"` // 0 until the end
	Rate  float64 `json:"rate"`  // rows per second
	// Estimate is the row count foreseen from the share of the file read
	// so far (bytes of a CSV, rows of a sheet), for a progress bar before
	// Total is known; 0 until a percent of the file has been read.
	Estimate int `json:"estimate"`
}

// Result is a committed import: its plan (counts and samples) and its
// number in the journal (0 when nothing was written).
type Result struct {
	Plan
	Batch    int64         `json:"batch"`
	Duration time.Duration `json:"duration"`
	// Backup is the copy of the customer file made before the import ("":
	// none, the file being empty).
	Backup string `json:"backup,omitempty"`
}

// Batch is one import of the journal.
type Batch struct {
	ID          int64      `json:"batch"`
	File        string     `json:"file"`
	Fingerprint string     `json:"fingerprint"`
	Profile     string     `json:"profile,omitempty"`
	Headers     []string   `json:"headers"`
	Mapping     Mapping    `json:"mapping"`
	Options     Options    `json:"options"`
	Counts      Counts     `json:"counts"`
	CreatedAt   time.Time  `json:"created_at"`
	UndoneAt    *time.Time `json:"undone_at,omitempty"`
	// Operator ran the import and UndoneBy undid it, when the settings
	// ask who is working ("" otherwise).
	Operator string `json:"operator,omitempty"`
	UndoneBy string `json:"undone_by,omitempty"`
}

// LeftAlone is a customer undo did not touch because it was edited after
// the import.
type LeftAlone struct {
	CustomerID int64     `json:"customer_id"`
	Code       string    `json:"code"`
	Name       string    `json:"name"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// UndoResult says what undoing an import did.
type UndoResult struct {
	Batch          int64       `json:"batch"`
	Removed        int         `json:"removed"`  // customers the import created
	Restored       int         `json:"restored"` // customers it updated
	BalanceEntries int         `json:"balance_entries"`
	Documents      int         `json:"documents"` // orders a sync recorded
	LeftAlone      []LeftAlone `json:"left_alone"`
	// Backup is the copy of the customer file made before the undo.
	Backup string `json:"backup,omitempty"`
}

// Profile is a saved mapping, chosen automatically for a file whose header
// fingerprint matches.
type Profile struct {
	Name        string    `json:"name"`
	Fingerprint string    `json:"fingerprint"`
	Headers     []string  `json:"headers"`
	Mapping     Mapping   `json:"mapping"`
	Options     Options   `json:"options"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// The methods the wizard and the command line call. Their bodies live in
// the files named after each step. Helpers: MappingOf (suggestions → a
// Mapping), ParseMap (the command line's --map), DelimiterName,
// DefaultOptions, DefaultProtected.
var (
	_ func(*Importer, context.Context, string, Settings, int) (*Preview, error)            = (*Importer).Preview
	_ func(*Importer, context.Context, Request, func(Progress)) (*Plan, error)             = (*Importer).Check
	_ func(*Importer, context.Context, Request, func(Progress)) (*Result, error)           = (*Importer).Commit
	_ func(*Importer, context.Context) ([]Batch, error)                                    = (*Importer).Journal
	_ func(*Importer, context.Context, int64) (*UndoResult, error)                         = (*Importer).Undo
	_ func(*Importer, context.Context) ([]Profile, error)                                  = (*Importer).Profiles
	_ func(*Importer, context.Context, Profile) error                                      = (*Importer).SaveProfile
	_ func(*Importer, context.Context, string) error                                       = (*Importer).DeleteProfile
	_ func(*Importer, context.Context, string, string) error                               = (*Importer).RenameProfile
	_ func(*Importer, context.Context, Request, io.Writer) (int, error)                    = (*Importer).ExportErrors
	_ func(io.Writer, string) error                                                        = WriteTemplate
	_ func([]string) string                                                                = Fingerprint
	_ func(*Importer, context.Context, []string, [][]string) ([]Suggestion, string, error) = (*Importer).Suggest
)
