package domain

import (
	"strings"
	"unicode"
)

// Site is one shop, warehouse or branch of the business (seed 001). Every
// customer file has exactly one main site, from which the customers of all
// sites are kept and which holds the lists every site shares.
type Site struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Main      bool   `json:"main"`
	Customers int    `json:"customers"` // customers present on the site
	Only      int    `json:"only"`      // customers present on no other site
}

// SiteFields are the part of a customer each site keeps for itself: a
// change made on one site is not seen on the others. The shared part
// (name, address, e-mail, currency, credit hold…) is the Customer itself.
type SiteFields struct {
	// Site is the code of the site these values belong to; Present says
	// whether the customer is on it (when not, the values are empty).
	Site    string `json:"site"`
	Present bool   `json:"present"`

	CustomerType    string `json:"customer_type"`
	PriceCode       string `json:"price_code"`
	EndUserType     string `json:"end_user_type"`
	InvoiceCategory string `json:"invoice_category"`
	BankCode        string `json:"bank_code"`
	Country         string `json:"site_country"`
	Language        string `json:"language"`
	NatureCode      string `json:"nature_code"`
	NatureCode2     string `json:"nature_code2"`
	DeliveryTerms   string `json:"delivery_terms"`
	Territory       string `json:"territory"`
	SalesForce      string `json:"sales_force"`
	TaxID           string `json:"tax_id"`
	TaxCode         string `json:"tax_code"`
	Notes           string `json:"notes"`
	// CreditLimit is the site's own limit, beside the group-wide one the
	// customer carries with its credit hold (Customer.CreditLimit).
	CreditLimit int64 `json:"site_credit_limit"`
	// Payment history on this site, in the site's local currency.
	LastPaymentDate   string `json:"last_payment_date"` // YYYY-MM-DD, or ""
	LastPaymentAmount int64  `json:"last_payment_amount"`
	AverageDaysToPay  int64  `json:"average_days_to_pay"`
	HighestBalance    int64  `json:"highest_balance"`
	// Shipping holds the site's warehouse and carrier of each shipping
	// address, in the order of Customer.Shipping.
	Shipping []ShippingSite `json:"shipping,omitempty"`
}

// ShippingSite is what a site says about one shipping address.
type ShippingSite struct {
	Warehouse string `json:"warehouse"`
	Carrier   string `json:"carrier"`
}

// IsEmpty reports whether no value of the site's part is filled (an
// import asks for every row, so field by field rather than by reflection).
func (f *SiteFields) IsEmpty() bool {
	return f.CustomerType == "" && f.PriceCode == "" && f.EndUserType == "" && f.InvoiceCategory == "" &&
		f.BankCode == "" && f.Country == "" && f.Language == "" && f.NatureCode == "" && f.NatureCode2 == "" &&
		f.DeliveryTerms == "" && f.Territory == "" && f.SalesForce == "" && f.TaxID == "" && f.TaxCode == "" &&
		f.Notes == "" && f.CreditLimit == 0 && f.LastPaymentDate == "" && f.LastPaymentAmount == 0 &&
		f.AverageDaysToPay == 0 && f.HighestBalance == 0 && len(f.Shipping) == 0
}

// ShippingAt returns the site's part of shipping address i, or the zero one.
func (f *SiteFields) ShippingAt(i int) ShippingSite {
	if i < len(f.Shipping) {
		return f.Shipping[i]
	}
	return ShippingSite{}
}

// SetShippingAt writes the site's part of shipping address i.
func (f *SiteFields) SetShippingAt(i int, s ShippingSite) {
	for len(f.Shipping) <= i {
		f.Shipping = append(f.Shipping, ShippingSite{})
	}
	f.Shipping[i] = s
}

// Balance methods of the shared record: how the customer's account is
// settled.
const (
	BalanceOpenItem = "open_item"       // invoice by invoice
	BalanceForward  = "balance_forward" // a running balance
	MaxSiteCode     = 12
	MaxSiteName     = 60
	// DefaultMainSiteCode is the main site migration 006 creates.
	DefaultMainSiteCode = "PRINCIPAL"
)

// BalanceMethods are the methods offered, in order, with their labels.
var BalanceMethods = []struct {
	Key   string
	Label Message
}{
	{"", Message{"Non précisée", "Not set"}},
	{BalanceOpenItem, Message{"Pièce par pièce", "Open item"}},
	{BalanceForward, Message{"Solde reporté", "Balance forward"}},
}

// SiteList names a reference list kept per site.
type SiteList string

const (
	SiteCountries         SiteList = "countries"
	SiteLanguages         SiteList = "languages"
	SiteBankCodes         SiteList = "bank_codes"
	SiteCustomerTypes     SiteList = "customer_types"
	SitePriceCodes        SiteList = "price_codes"
	SiteEndUserTypes      SiteList = "end_user_types"
	SiteInvoiceCategories SiteList = "invoice_categories"
	SiteNatureCodes       SiteList = "nature_codes"
	SiteDeliveryTerms     SiteList = "delivery_terms"
	SiteTerritories       SiteList = "territories"
	SiteSalesForces       SiteList = "sales_forces"
	SiteWarehouses        SiteList = "warehouses"
	SiteCarriers          SiteList = "carriers"
	// The main site's lists, which every site uses.
	MainStates            SiteList = "states"
	MainCreditHoldReasons SiteList = "credit_hold_reasons"
)

// SiteLists are the lists each site keeps, in the order the Multisite tab
// shows them; MainLists are the main site's, shared by every site.
var (
	SiteLists = []SiteList{SiteCountries, SiteLanguages, SiteBankCodes, SiteCustomerTypes, SitePriceCodes,
		SiteEndUserTypes, SiteInvoiceCategories, SiteNatureCodes, SiteDeliveryTerms, SiteTerritories,
		SiteSalesForces, SiteWarehouses, SiteCarriers}
	MainLists = []SiteList{MainStates, MainCreditHoldReasons}
)

// PerMain reports whether the list is the main site's only.
func (l SiteList) PerMain() bool { return l == MainStates || l == MainCreditHoldReasons }

// Title is the list's name in messages and in the Multisite tab.
func (l SiteList) Title() Message {
	switch l {
	case SiteCountries:
		return Message{"Pays", "Countries"}
	case SiteLanguages:
		return Message{"Langues", "Languages"}
	case SiteBankCodes:
		return Message{"Codes banque", "Bank codes"}
	case SiteCustomerTypes:
		return Message{"Types de client", "Customer types"}
	case SitePriceCodes:
		return Message{"Codes prix", "Price codes"}
	case SiteEndUserTypes:
		return Message{"Types d’utilisateur final", "End-user types"}
	case SiteInvoiceCategories:
		return Message{"Catégories de facture", "Invoice categories"}
	case SiteNatureCodes:
		return Message{"Codes nature (CNat)", "Nature codes"}
	case SiteDeliveryTerms:
		return Message{"Conditions de livraison", "Delivery terms"}
	case SiteTerritories:
		return Message{"Territoires", "Territories"}
	case SiteSalesForces:
		return Message{"Forces de vente", "Sales forces"}
	case SiteWarehouses:
		return Message{"Entrepôts", "Warehouses"}
	case SiteCarriers:
		return Message{"Transporteurs", "Carriers"}
	case MainStates:
		return Message{"Codes de province/État", "State/province codes"}
	case MainCreditHoldReasons:
		return Message{"Motifs de blocage crédit", "Credit hold reasons"}
	}
	return Message{string(l), string(l)}
}

// SiteListOf is the list a field's value must belong to ("" when the field
// takes any value). Keys are the field keys of Fields.
func SiteListOf(key string) SiteList {
	switch key {
	case "customer_type":
		return SiteCustomerTypes
	case "price_code":
		return SitePriceCodes
	case "end_user_type":
		return SiteEndUserTypes
	case "invoice_category":
		return SiteInvoiceCategories
	case "bank_code":
		return SiteBankCodes
	case "site_country":
		return SiteCountries
	case "language":
		return SiteLanguages
	case "nature_code", "nature_code2":
		return SiteNatureCodes
	case "delivery_terms":
		return SiteDeliveryTerms
	case "territory":
		return SiteTerritories
	case "sales_force":
		return SiteSalesForces
	case "shipping_warehouse":
		return SiteWarehouses
	case "shipping_carrier":
		return SiteCarriers
	case "state":
		return MainStates
	case "credit_hold_reason":
		return MainCreditHoldReasons
	}
	return ""
}

// SiteEntry is one value of a site's reference list.
type SiteEntry struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// SiteListValues are the reference lists a customer's values are checked
// against: the lists of one site, and the main site's shared ones.
type SiteListValues struct {
	Site string
	// Lists maps each list to its codes, by their upper-case form.
	Lists map[SiteList]map[string]string
}

// Has reports whether value is a code of list (codes compare without case).
func (v SiteListValues) Has(l SiteList, value string) bool {
	_, ok := v.Lists[l][strings.ToUpper(value)]
	return ok
}

// canonical is value as list writes it ("bnp" → "BNP"), or value itself.
func (v SiteListValues) canonical(l SiteList, value string) string {
	if code, ok := v.Lists[l][strings.ToUpper(value)]; ok {
		return code
	}
	return value
}

// CheckValue refuses a value that is not in its list, naming the list and
// the site; an empty value is always accepted.
func (v SiteListValues) CheckValue(key, value string) *FieldError {
	l := SiteListOf(key)
	if l == "" || value == "" || v.Has(l, value) {
		return nil
	}
	// The state and the credit-hold reason were free text before the main
	// site kept their lists: they stay free until the list has entries.
	if l.PerMain() && len(v.Lists[l]) == 0 {
		return nil
	}
	t := l.Title()
	where := Message{FR: "du site " + v.Site, EN: "of site " + v.Site}
	if l.PerMain() {
		where = Message{FR: "du site principal", EN: "of the main site"}
	}
	return &FieldError{Field: key, Code: "site_list", Message: Message{
		FR: "« " + value + " » n’est pas dans la liste « " + t.FR + " » " + where.FR + ". Choisissez une valeur de la liste, ou ajoutez-la dans l’onglet Multisite.",
		EN: "\"" + value + "\" is not in the list \"" + t.EN + "\" " + where.EN + ". Choose a value from the list, or add it in the Multisite tab."}}
}

// CheckCustomer checks every listed value of c: its site part against the
// site's lists and its shared state and credit-hold reason against the main
// site's. A value typed in another case takes the list's spelling.
func (v SiteListValues) CheckCustomer(c *Customer) []*FieldError {
	var errs []*FieldError
	check := func(key string, p *string) {
		if e := v.CheckValue(key, *p); e != nil {
			errs = append(errs, e)
			return
		}
		if l := SiteListOf(key); l != "" && *p != "" {
			*p = v.canonical(l, *p)
		}
	}
	s := &c.Site
	for _, kv := range []struct {
		key string
		p   *string
	}{{"customer_type", &s.CustomerType}, {"price_code", &s.PriceCode},
		{"end_user_type", &s.EndUserType}, {"invoice_category", &s.InvoiceCategory}, {"bank_code", &s.BankCode},
		{"site_country", &s.Country}, {"language", &s.Language}, {"nature_code", &s.NatureCode},
		{"nature_code2", &s.NatureCode2}, {"delivery_terms", &s.DeliveryTerms}, {"territory", &s.Territory},
		{"sales_force", &s.SalesForce}, {"state", &c.Billing.State}, {"credit_hold_reason", &c.CreditHoldReason}} {
		check(kv.key, kv.p)
	}
	for i := range s.Shipping {
		check("shipping_warehouse", &s.Shipping[i].Warehouse)
		check("shipping_carrier", &s.Shipping[i].Carrier)
	}
	return errs
}

// CheckSite trims a new or renamed site's code and name and refuses them
// when empty, too long, or a code with spaces or punctuation.
func CheckSite(code, name string) (string, string, *FieldError) {
	code = strings.ToUpper(strings.TrimSpace(code))
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case code == "":
		return "", "", &FieldError{Field: "site_code", Code: "required", Message: Message{
			FR: "Le code du site est obligatoire.", EN: "The site code is required."}}
	case len([]rune(code)) > MaxSiteCode || strings.IndexFunc(code, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_'
	}) >= 0:
		return "", "", &FieldError{Field: "site_code", Code: "invalid", Message: Message{
			FR: "« " + code + " » : un code de site fait 12 lettres ou chiffres au plus (tiret et souligné permis), sans espace.",
			EN: "\"" + code + "\": a site code is at most 12 letters or digits (dash and underscore allowed), no spaces."}}
	case name == "":
		return "", "", &FieldError{Field: "site_name", Code: "required", Message: Message{
			FR: "Le nom du site est obligatoire.", EN: "The site name is required."}}
	case len([]rune(name)) > MaxSiteName:
		return "", "", &FieldError{Field: "site_name", Code: "too_long", Message: Message{
			FR: "Le nom du site fait 60 caractères au plus.", EN: "The site name is at most 60 characters."}}
	}
	return code, name, nil
}
