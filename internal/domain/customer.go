package domain

import (
	"strings"
	"time"
)

// Kind separates natural persons from legal entities.
type Kind string

const (
	KindPerson  Kind = "person"
	KindCompany Kind = "company"
)

// Civilities offered for a natural person, in the order shown to the user.
var Civilities = []string{"M.", "Mme", "Mlle", "Dr", "Me", "Pr"}

// Phone is one telephone number, stored in E.164 (+33612345678).
type Phone struct {
	Number string `json:"number"`
	Label  string `json:"label"` // "mobile", "fixe", "travail"… free text
}

// Address is a postal address; a customer has one billing address and any
// number of shipping addresses.
type Address struct {
	ID       int64  `json:"id"`
	Label    string `json:"label"`
	Line1    string `json:"line1"`
	Line2    string `json:"line2"`
	Postcode string `json:"postcode"`
	City     string `json:"city"`
	Country  string `json:"country"` // ISO 3166-1 alpha-2, "FR" by default
	// State is the state or province code (main site's list); billing only.
	State string `json:"state,omitempty"`
}

// IsEmpty reports whether no line of the address is filled.
func (a Address) IsEmpty() bool {
	return a.Line1 == "" && a.Line2 == "" && a.Postcode == "" && a.City == ""
}

// Customer is one record of the customer file. Money is in integer cents and
// percentages in hundredths of a percent (12.5 % = 1250).
type Customer struct {
	ID          int64  `json:"id"`
	Code        string `json:"code"`
	Kind        Kind   `json:"kind"`
	Civility    string `json:"civility"`
	LastName    string `json:"last_name"`
	FirstName   string `json:"first_name"`
	CompanyName string `json:"company_name"`
	LegalForm   string `json:"legal_form"`
	SIRET       string `json:"siret"` // SIREN (9 digits) or SIRET (14)
	VATNumber   string `json:"vat_number"`
	IBAN        string `json:"iban"`

	Email   string  `json:"email"`
	Phones  []Phone `json:"phones"`
	Fax     string  `json:"fax"`
	Website string  `json:"website"`

	Billing  Address   `json:"billing"`
	Shipping []Address `json:"shipping"`

	Reference     string   `json:"reference"` // loyalty-card barcode
	AccountNumber string   `json:"account_number"`
	Groups        []string `json:"groups"`

	Supplier         bool    `json:"supplier"`
	Disappointed     bool    `json:"disappointed"`
	MarketingSource  string  `json:"marketing_source"`
	MarketingConsent Consent `json:"marketing_consent"`
	DiscountCard     string  `json:"discount_card"`

	DiscountSales     int64  `json:"discount_sales"`     // products in sales
	DiscountServices  int64  `json:"discount_services"`  // services in orders and invoices
	DiscountMaterials int64  `json:"discount_materials"` // products/materials in orders and invoices
	PriceTypeSales    string `json:"price_type_sales"`
	PriceTypeOrders   string `json:"price_type_orders"`

	SalesRep      string `json:"sales_rep"`
	PaymentTerms  string `json:"payment_terms"`
	PaymentMethod string `json:"payment_method"`
	Currency      string `json:"currency"`
	// BalanceMethod is how the account is settled (BalanceOpenItem…).
	BalanceMethod string `json:"balance_method"`

	CreditLimit      int64  `json:"credit_limit"`
	InsurerGuarantee int64  `json:"insurer_guarantee"`
	OtherGuarantees  int64  `json:"other_guarantees"`
	CreditHold       bool   `json:"credit_hold"`
	CreditHoldReason string `json:"credit_hold_reason"`
	// AmountOverInvoice (cents) and DaysOverDue are the tolerances before
	// the credit hold applies, the same on every site.
	AmountOverInvoice int64 `json:"amount_over_invoice"`
	DaysOverDue       int64 `json:"days_over_due"`

	// IsBuyingGroup marks a buying group (centrale d'achat); BuyingGroup is
	// the code of the buying group this customer is a subordinate of.
	IsBuyingGroup bool   `json:"is_buying_group"`
	BuyingGroup   string `json:"buying_group"`

	Custom   map[string]string `json:"custom"`
	Archived bool              `json:"archived"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Balance is read-only: the sum of the customer's balance entries.
	Balance int64 `json:"balance"`
	// Discount is read-only: the discount a till applies (own, else the
	// best of the groups), filled when the customer is loaded.
	Discount Applicable `json:"applicable_discount"`

	// Site is the part of the customer the site it was loaded on keeps
	// (notes, language, bank code…); everything above is shared by all.
	Site SiteFields `json:"site"`
}

// Name is the display name: the company name for a legal entity, else last
// name then first name.
func (c *Customer) Name() string {
	if c.Kind == KindCompany && c.CompanyName != "" {
		return c.CompanyName
	}
	name := strings.TrimSpace(c.LastName + " " + c.FirstName)
	if name == "" {
		return c.CompanyName
	}
	return name
}

// FirstPhone is the number shown in lists, or "".
func (c *Customer) FirstPhone() string {
	if len(c.Phones) == 0 {
		return ""
	}
	return c.Phones[0].Number
}

// Group is a customer group, possibly carrying a permanent automatic discount.
type Group struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Discount int64  `json:"discount"` // hundredths of a percent
	Members  int    `json:"members"`  // every member, archived ones included
	Archived int    `json:"archived"` // members that are archived
}

// DiscountShift is what deleting a group does to its members' automatic
// discount: Customers members go from the best group discount From to To
// (hundredths of a percent; 0 is none).
type DiscountShift struct {
	From, To  int64
	Customers int
}

// BalanceEntry is one line of a customer's balance ledger. A positive amount
// means the customer owes us; negative, we owe the customer.
type BalanceEntry struct {
	ID         int64     `json:"id"`
	CustomerID int64     `json:"customer_id"`
	Date       time.Time `json:"date"`
	Label      string    `json:"label"`
	Amount     int64     `json:"amount"`
	Origin     string    `json:"origin"`             // "manual", "import", "demo"…
	Operator   string    `json:"operator,omitempty"` // who wrote it, when operators are on
}

// Entry origins.
const (
	OriginManual = "manual"
	OriginImport = "import"
	OriginDemo   = "demo"
)

// ImportBalanceLabel labels the adjustment an import writes (seed 002).
const ImportBalanceLabel = "Correction de solde par importation"

// Document is an invoice or an order. It keeps the customer's code and name
// as they were, so deleting the customer does not erase history.
type Document struct {
	ID           int64     `json:"id"`
	CustomerID   int64     `json:"customer_id"` // 0 once the customer is deleted
	CustomerCode string    `json:"customer_code"`
	CustomerName string    `json:"customer_name"`
	Kind         string    `json:"kind"` // "invoice", "order"
	Number       string    `json:"number"`
	Date         time.Time `json:"date"`
	Total        int64     `json:"total"`
}

// MarketingSource is an entry of the managed list of campaigns.
type MarketingSource struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}
