package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"carnet/internal/domain"
)

// A customer's shared record is its customers row; the part each site
// keeps is its customer_sites row for that site. Reads join the row of the
// transaction's site (Tx.SiteID), so that every caller — form, import,
// export, command line — sees the customer as that site does.

// siteColumns are customer_sites' value columns, in scanCustomer's order.
var siteColumns = []string{"customer_type", "price_code", "end_user_type", "invoice_category", "bank_code",
	"country", "language", "nature_code", "nature_code2", "delivery_terms", "territory", "sales_force",
	"tax_id", "tax_code", "notes", "credit_limit", "last_payment_date", "last_payment_amount",
	"average_days_to_pay", "highest_balance", "shipping"}

var siteIntColumns = map[string]bool{"credit_limit": true, "last_payment_amount": true,
	"average_days_to_pay": true, "highest_balance": true}

// siteSelect reads, after the shared columns: the buying group's code, the
// site's code, whether the customer is on it, then its site part (empty
// values when it is not).
var siteSelect = strings.Join(siteSelectParts, ", ")

var siteSelectParts = func() []string {
	parts := []string{"COALESCE(bg.code, '')", "COALESCE(st.code, '')", "(s.customer_id IS NOT NULL)"}
	for _, col := range siteColumns {
		if siteIntColumns[col] {
			parts = append(parts, "COALESCE(s."+col+", 0)")
		} else {
			parts = append(parts, "COALESCE(s."+col+", '')")
		}
	}
	return parts
}()

// siteJoins are the joins siteSelect reads from, for site.
func siteJoins(site int64) string {
	id := strconv.FormatInt(site, 10)
	return `LEFT JOIN customer_sites s ON s.customer_id = c.id AND s.site_id = ` + id + `
  LEFT JOIN sites st ON st.id = ` + id + `
  LEFT JOIN customers bg ON bg.id = c.buying_group_id `
}

// prefixed qualifies the customers columns with the table's alias.
func prefixed(cols []string) string {
	out := make([]string, len(cols))
	for i, col := range cols {
		out[i] = "c." + col
	}
	return strings.Join(out, ", ")
}

// SiteID is the site the transaction reads and writes site parts for: the
// store's current site unless OnSite chose another.
func (t *Tx) SiteID() int64 { return t.site }

// OnSite makes the rest of the transaction read and write the site part of
// site id.
func (t *Tx) OnSite(id int64) { t.site = id }

// writeSitePart stores c's site part on the site it was loaded for (the
// transaction's when it names none), when the customer is on that site.
func (t *Tx) writeSitePart(ctx context.Context, c *domain.Customer) error {
	site, err := t.siteOfPart(ctx, c)
	if err != nil {
		return err
	}
	if !c.Site.Present {
		return nil
	}
	if c.Site.IsEmpty() {
		// Most imported customers bring no site term: binding the two keys
		// alone, not 23 values, is most of this row's cost.
		_, err = t.exec(ctx, `INSERT OR REPLACE INTO customer_sites (customer_id, site_id) VALUES (?, ?)`, c.ID, site)
		return err
	}
	_, err = t.exec(ctx, `INSERT OR REPLACE INTO `+sitePartInsert+valueTuples(1, sitePartWidth), sitePartArgs(nil, c, site)...)
	return err
}

// sitePartInsert is the head of an insert of whole site parts, up to
// VALUES, and sitePartWidth the number of values of one part.
var (
	sitePartInsert = `customer_sites (customer_id, site_id, ` + strings.Join(siteColumns, ", ") + `) VALUES `
	sitePartWidth  = 2 + len(siteColumns)
)

// sitePartArgs appends to args the values of c's part on site, in
// sitePartInsert's order.
func sitePartArgs(args []any, c *domain.Customer, site int64) []any {
	shipping := ""
	if len(c.Site.Shipping) > 0 {
		b, _ := json.Marshal(c.Site.Shipping)
		shipping = string(b)
	}
	s := &c.Site
	return append(args, c.ID, site, s.CustomerType, s.PriceCode, s.EndUserType, s.InvoiceCategory, s.BankCode, s.Country, s.Language,
		s.NatureCode, s.NatureCode2, s.DeliveryTerms, s.Territory, s.SalesForce, s.TaxID, s.TaxCode, s.Notes,
		s.CreditLimit, s.LastPaymentDate, s.LastPaymentAmount, s.AverageDaysToPay, s.HighestBalance, shipping)
}

// siteOfPart is the site c's part belongs to: the one it was loaded for,
// else the transaction's.
func (t *Tx) siteOfPart(ctx context.Context, c *domain.Customer) (int64, error) {
	if c.Site.Site == "" {
		return t.site, nil
	}
	return t.siteIDByCode(ctx, c.Site.Site)
}

// siteIDByCode resolves a site code; an unknown one is a user error.
func (t *Tx) siteIDByCode(ctx context.Context, code string) (int64, error) {
	st, err := t.Prepared(ctx, `SELECT id FROM sites WHERE code = ?`)
	if err != nil {
		return 0, err
	}
	var id int64
	err = st.QueryRowContext(ctx, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrUnknownSite(code)
	}
	return id, err
}

// ErrUnknownSite says a site code names no site.
func ErrUnknownSite(code string) error {
	return &domain.FieldError{Field: "site", Code: "site_unknown", Message: domain.Message{
		FR: "Aucun site n’a le code « " + code + " » : voyez la liste des sites (onglet Multisite, ou carnet sites).",
		EN: "No site has the code \"" + code + "\": see the list of sites (Multisite tab, or carnet sites)."}}
}

// buyingGroupID resolves c's buying group code to the customer it names,
// which must be marked as a buying group.
func (t *Tx) buyingGroupID(ctx context.Context, c *domain.Customer) (sql.NullInt64, error) {
	if c.BuyingGroup == "" {
		return sql.NullInt64{}, nil
	}
	st, err := t.Prepared(ctx, `SELECT id, is_buying_group, code FROM customers WHERE code = ? COLLATE NOCASE ORDER BY code = ? DESC LIMIT 1`)
	if err != nil {
		return sql.NullInt64{}, err
	}
	var id int64
	var isGroup bool
	var code string
	err = st.QueryRowContext(ctx, c.BuyingGroup, c.BuyingGroup).Scan(&id, &isGroup, &code)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return sql.NullInt64{}, &domain.FieldError{Field: "buying_group", Code: "buying_group_unknown", Message: domain.Message{
			FR: "Aucun client n’a le code « " + c.BuyingGroup + " » : indiquez le code client de la centrale d’achat.",
			EN: "No customer has the code \"" + c.BuyingGroup + "\": give the buying group’s customer code."}}
	case err != nil:
		return sql.NullInt64{}, err
	case !isGroup:
		return sql.NullInt64{}, &domain.FieldError{Field: "buying_group", Code: "buying_group_not_marked", Message: domain.Message{
			FR: "Le client « " + c.BuyingGroup + " » n’est pas une centrale d’achat : cochez « Centrale d’achat » sur sa fiche d’abord.",
			EN: "Customer \"" + c.BuyingGroup + "\" is not a buying group: tick \"Buying group\" on its record first."}}
	case id == c.ID:
		return sql.NullInt64{}, &domain.FieldError{Field: "buying_group", Code: "buying_group_self", Message: domain.Message{
			FR: "Un client ne peut pas être rattaché à lui-même.", EN: "A customer cannot be a member of itself."}}
	}
	c.BuyingGroup = code // as the buying group writes it
	return sql.NullInt64{Int64: id, Valid: true}, nil
}
