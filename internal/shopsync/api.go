// Package shopsync brings an e-commerce shop's customers (and their orders,
// as history) into the customer file under the business's own account
// numbering rules (DESIGN §1 "Sync settings tab", seed 000).
//
// A shop's export is read by its preset (presets.go: PrestaShop,
// WooCommerce, Shopify, Magento 2) into WebCustomers, which the saved
// Settings turn into customer rows; those rows go through the import
// engine, so that a sync is checked first (dry run), written in one
// transaction, recorded in the import journal and undone like an import.
// Orders become documents of the customer (or of the catch-all customer)
// in the same transaction, and an undo removes them too.
//
// The window's Synchronisation tab and the command line call only what
// this file declares.
package shopsync

import (
	"context"
	"time"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/service"
)

// Shop names a shop's export format.
type Shop string

const (
	ShopPrestaShop  Shop = "prestashop"
	ShopWooCommerce Shop = "woocommerce"
	ShopShopify     Shop = "shopify"
	ShopMagento     Shop = "magento"
	// ShopGeneric is any other file: it goes through the import wizard's
	// mapping step, not through a preset.
	ShopGeneric Shop = "generic"
)

// Shops lists the shops in the order the window offers them.
var Shops = []Shop{ShopPrestaShop, ShopWooCommerce, ShopShopify, ShopMagento, ShopGeneric}

// WebCustomer is one customer as a shop's export describes it, whatever
// the shop: what a preset reads.
type WebCustomer struct {
	// ShopID is the shop's own customer number ("42"); "" when the export
	// has none (then only the email can match, and per-customer codes
	// cannot be made).
	ShopID    string
	Email     string
	Civility  string
	FirstName string
	LastName  string
	Company   string
	Phones    []string // as written in the file; the import normalises them
	VATNumber string
	Billing   domain.Address
	Shipping  domain.Address // empty when the shop gives none
	Consent   domain.Consent // from the shop's marketing consent column
	Orders    []Order
	// Line is the file and row the customer was read from, for messages
	// ("customers.csv, ligne 4").
	Line string
}

// Order is an order of a web customer, or a summary when the export
// gives only counts and totals (Count > 1, Number "").
type Order struct {
	Number string    // the shop's order number ("#1001"); "" for a summary
	Date   time.Time // zero when unknown
	Total  int64     // cents, taxes included
	Count  int       // orders this line stands for: 1 for an order
}

// AccountMode is how web customers become customers.
type AccountMode string

const (
	// AccountCatchAll puts every web order on one customer chosen in the
	// file (CatchAllCode); web customers are not created.
	AccountCatchAll AccountMode = "catch_all"
	// AccountPerCustomer creates one customer per web customer, coded
	// PREFIX + shop ID padded with zeros to LENGTH.
	AccountPerCustomer AccountMode = "per_customer"
)

// LedgerMode is how the accounting account of a new customer is set.
type LedgerMode string

const (
	LedgerSame        LedgerMode = "same"         // LedgerAccount for all
	LedgerPerCustomer LedgerMode = "per_customer" // LedgerPrefix + shop ID to LedgerLength
	LedgerNone        LedgerMode = "none"         // left empty for the accounting software
)

// Settings are the saved rules of a sync (seed 000, every option).
type Settings struct {
	Shop Shop `json:"shop"`
	// EmailFirst looks the customer up by email before anything else; a
	// customer found is attached to, not created.
	EmailFirst   bool        `json:"email_first"`
	AccountMode  AccountMode `json:"account_mode"`
	CatchAllCode string      `json:"catch_all_code"` // AccountCatchAll: the customer's code
	CodePrefix   string      `json:"code_prefix"`    // AccountPerCustomer
	CodeLength   int         `json:"code_length"`    // 1–20, prefix included

	LedgerMode    LedgerMode `json:"ledger_mode"`
	LedgerAccount string     `json:"ledger_account"` // LedgerSame
	LedgerPrefix  string     `json:"ledger_prefix"`  // LedgerPerCustomer
	LedgerLength  int        `json:"ledger_length"`  // 1–20, prefix included

	SalesRep       string `json:"sales_rep"` // for new customers; "" none
	UpdateShipping bool   `json:"update_shipping"`
	UpdateBilling  bool   `json:"update_billing"`
	RemoveAccents  bool   `json:"remove_accents"` // name and addresses
	UpperName      bool   `json:"upper_name"`
	UpperAddresses bool   `json:"upper_addresses"`
}

// DefaultSettings are a new file's: one customer per web customer coded
// WEB + ID to 10 characters, looked up by email first, accounts left to
// the accounting software, addresses updated.
var DefaultSettings = Settings{Shop: ShopPrestaShop, EmailFirst: true, AccountMode: AccountPerCustomer,
	CodePrefix: "WEB", CodeLength: 10, LedgerMode: LedgerNone, LedgerPrefix: "411", LedgerLength: 10,
	UpdateShipping: true, UpdateBilling: true}

// Check refuses settings that cannot work, with the reason: characters not
// allowed in a code or an account, a LENGTH outside 1–20 or that leaves no
// room for an ID, a catch-all mode without its customer.
func (s Settings) Check() error { return s.check() }

// CodeFor is the customer code a shop ID gets: PREFIX, zeros, ID, exactly
// CodeLength characters. An ID that does not fit is an error naming it,
// never a truncation.
func (s Settings) CodeFor(shopID string) (string, error) {
	return padded(s.CodePrefix, shopID, s.CodeLength, codeWhat)
}

// AccountFor is the accounting account a new customer with this shop ID
// gets ("" when the mode leaves it empty).
func (s Settings) AccountFor(shopID string) (string, error) { return s.accountFor(shopID) }

// SampleID is the shop customer number the settings' preview shows.
const SampleID = "42"

// Preview says, for the settings form, what a sample ID gets: "ID 42 →
// code WEB0000042, compte 4110000042", or why it cannot.
func (s Settings) Preview(sampleID string) domain.Message { return s.preview(sampleID) }

// Syncer runs syncs on one customer file.
type Syncer struct {
	svc *service.Service
	im  *importer.Importer
}

// New returns a Syncer on svc.
func New(svc *service.Service) *Syncer { return &Syncer{svc: svc, im: importer.New(svc)} }

// LoadSettings returns the saved settings (DefaultSettings when none).
func (s *Syncer) LoadSettings(ctx context.Context) (Settings, error) { return s.loadSettings(ctx) }

// SaveSettings checks and saves the settings.
func (s *Syncer) SaveSettings(ctx context.Context, set Settings) error {
	return s.saveSettings(ctx, set)
}

// Request is one sync to check or run.
type Request struct {
	Shop Shop
	// Files are the shop's export files: the customers file, and the
	// addresses or orders file where the shop exports them apart.
	Files    []string
	Settings Settings
	// OnProgress, when set, is called now and then with the rows done and
	// the total.
	OnProgress func(done, total int)
}

// Action is what a sync does to one web customer.
type Action string

const (
	ActionCreate    Action = "create"    // a new customer
	ActionAttach    Action = "attach"    // found (same email, same code): its orders go to it
	ActionUpdate    Action = "update"    // found and some fields change
	ActionUnchanged Action = "unchanged" // found, nothing changes, no order to record
	ActionRefuse    Action = "refuse"    // cannot be brought in: Why says why
)

// Row is the outcome for one web customer.
type Row struct {
	Line    string            `json:"line"` // file and row
	ShopID  string            `json:"shop_id"`
	Email   string            `json:"email"`
	Code    string            `json:"code"`
	Name    string            `json:"name"`
	Action  Action            `json:"action"`
	Why     domain.Message    `json:"why"` // attach: "même e-mail"; refuse: the reason
	Changes []importer.Change `json:"changes,omitempty"`
	Orders  int               `json:"orders"` // documents recorded for this customer
	// Notes are what the sync left out of an otherwise good customer
	// (an unreadable phone number).
	Notes []domain.Message `json:"notes,omitempty"`
}

// Counts of a sync, by action.
type Counts struct {
	Customers int `json:"customers"` // web customers read
	Created   int `json:"created"`
	Attached  int `json:"attached"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Refused   int `json:"refused"`
	Orders    int `json:"orders"` // documents recorded
}

// Plan is what a sync does (dry run) or did (run): whole counts and every
// row (shop exports are thousands of rows, not millions).
type Plan struct {
	Shop   Shop     `json:"shop"`
	Files  []string `json:"files"`
	Counts Counts   `json:"counts"`
	Rows   []Row    `json:"rows"`
	// Batch is the import journal's number of a run (0 for a dry run):
	// History lists it and Undo undoes it.
	Batch int64 `json:"batch"`
}

// DryRun reads the files and says what the sync would do, writing nothing.
func (s *Syncer) DryRun(ctx context.Context, req Request) (*Plan, error) {
	return s.execute(ctx, req, false)
}

// Run does it: one transaction, journaled, undoable with Undo. A cancel
// leaves the file as it was.
func (s *Syncer) Run(ctx context.Context, req Request) (*Plan, error) {
	return s.execute(ctx, req, true)
}

// History lists the syncs of the journal, newest first.
func (s *Syncer) History(ctx context.Context) ([]importer.Batch, error) { return s.history(ctx) }

// Undo undoes a sync as an import is undone: created customers removed,
// updated fields restored, its documents removed.
func (s *Syncer) Undo(ctx context.Context, batch int64) (*importer.UndoResult, error) {
	return s.im.Undo(ctx, batch)
}

// DetectShop guesses the shop from a file's header row ("" when it cannot
// tell).
func DetectShop(headers []string) Shop { return detectShop(headers) }
