package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/phone"
	"carnet/internal/textfold"
)

// TimeFormat is how instants are stored: ISO-8601 in UTC, sortable as text.
const TimeFormat = "2006-01-02T15:04:05.000Z"

// FormatTime writes an instant as stored; the packages that own tables of
// their own (the import journal) use it too.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// ParseTime reads an instant written by FormatTime.
func ParseTime(s string) time.Time {
	t, err := time.Parse(TimeFormat, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// customerColumns are the stored columns in the order of customerArgs.
const customerColumns = `code, kind, civility, last_name, first_name, company_name, legal_form,
 siret, vat_number, iban, email, phones, phone1, fax, website, billing_line1, billing_line2,
 postcode, city, country, reference, account_number, supplier, disappointed, marketing_source_id,
 marketing_consent, discount_card, discount_sales, discount_services, discount_materials, price_type_sales,
 price_type_orders, sales_rep, payment_terms, payment_method, currency, credit_limit,
 insurer_guarantee, other_guarantees, credit_hold, credit_hold_reason, custom, archived,
 created_at, updated_at, sort_name, sort_city, billing_state, balance_method, amount_over_invoice,
 days_over_due, is_buying_group, buying_group_id`

// updateCustomer rewrites every stored column of one customer; built once
// from customerColumns so the two never disagree.
var updateCustomer = func() string {
	sets := make([]string, len(columnNames))
	for i, col := range columnNames {
		sets[i] = col + " = ?"
	}
	return `UPDATE customers SET ` + strings.Join(sets, ", ") + ` WHERE id = ?`
}()

func (t *Tx) customerArgs(c *domain.Customer, sourceID, buyingGroupID sql.NullInt64) []any {
	phones := ""
	if len(c.Phones) > 0 {
		b, _ := json.Marshal(c.Phones)
		phones = string(b)
	}
	custom := ""
	if len(c.Custom) > 0 {
		b, _ := json.Marshal(c.Custom)
		custom = string(b)
	}
	return []any{c.Code, string(c.Kind), c.Civility, c.LastName, c.FirstName, c.CompanyName, c.LegalForm,
		c.SIRET, c.VATNumber, c.IBAN, c.Email, phones, c.FirstPhone(), c.Fax, c.Website, c.Billing.Line1, c.Billing.Line2,
		c.Billing.Postcode, c.Billing.City, c.Billing.Country, c.Reference, c.AccountNumber, c.Supplier, c.Disappointed, sourceID,
		string(c.MarketingConsent), c.DiscountCard, c.DiscountSales, c.DiscountServices, c.DiscountMaterials, c.PriceTypeSales,
		c.PriceTypeOrders, c.SalesRep, c.PaymentTerms, c.PaymentMethod, c.Currency, c.CreditLimit,
		c.InsurerGuarantee, c.OtherGuarantees, c.CreditHold, c.CreditHoldReason, custom, c.Archived,
		t.timeText(c.CreatedAt), t.timeText(c.UpdatedAt), textfold.Fold(c.Name()), textfold.Fold(c.Billing.City),
		c.Billing.State, c.BalanceMethod, c.AmountOverInvoice, c.DaysOverDue, c.IsBuyingGroup, buyingGroupID}
}

// timeText is FormatTime, remembering the last instant written: a bulk
// write stamps every customer with the same one, and formatting it twice a
// row was a tenth of the arguments' cost.
func (t *Tx) timeText(tm time.Time) string {
	if !tm.Equal(t.lastTime) || t.lastTimeText == "" {
		t.lastTime, t.lastTimeText = tm, FormatTime(tm)
	}
	return t.lastTimeText
}

// SearchDoc is the folded text the search index holds for c: every form a
// user may type to find it.
func SearchDoc(c *domain.Customer) string { return SearchDocWith(c, nil) }

// SearchDocWith is SearchDoc with the values of the custom fields named in
// searched (folded names: the text and list fields).
func SearchDocWith(c *domain.Customer, searched map[string]bool) string {
	var b strings.Builder
	add := func(s string) {
		if s != "" {
			b.WriteString(textfold.Fold(s))
			b.WriteByte('\n')
		}
	}
	add(c.Code)
	// One order of the names is enough: each typed word is looked for on
	// its own (searchTerms), so "jean dupont" finds "dupont jean".
	add(strings.TrimSpace(c.LastName + " " + c.FirstName))
	add(c.CompanyName)
	add(c.Email)
	for _, p := range c.Phones {
		add(phone.SearchForm(p.Number))
	}
	add(c.Billing.City)
	add(c.Billing.Postcode)
	add(c.Reference)
	add(c.SIRET)
	for name, v := range c.Custom {
		if searched[foldKey(name)] {
			add(v)
		}
	}
	b.WriteString(flagTokens(c))
	return b.String()
}

// InsertCustomer stores a new, already normalised customer with its groups
// (created when missing and createGroups is set), shipping addresses and
// search entry, and sets c.ID.
func (t *Tx) InsertCustomer(ctx context.Context, c *domain.Customer, opt SaveOptions) error {
	if err := t.flushQueue(ctx); err != nil { // the queued take the next IDs
		return err
	}
	sourceID, err := t.sourceID(ctx, c.MarketingSource, opt.CreateSources)
	if err != nil {
		return err
	}
	buyingGroupID, err := t.buyingGroupID(ctx, c)
	if err != nil {
		return err
	}
	res, err := t.insertCustomerRow(ctx, t.customerArgs(c, sourceID, buyingGroupID))
	if err != nil {
		return mapConstraint(err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	t.noteEmail(c.Email, c.ID)
	if err := t.writeChildren(ctx, c, opt, false); err != nil {
		return err
	}
	site, err := t.siteOfPart(ctx, c) // a new customer is on that site alone
	if err != nil {
		return err
	}
	return t.indexNew(ctx, c, site)
}

// indexNew gives a new customer, on site alone, its search entry: now, on
// the side connection, or at EndBulk when the entries are deferred.
func (t *Tx) indexNew(ctx context.Context, c *domain.Customer, site int64) error {
	if t.searchDeferred(c.ID) {
		return nil
	}
	doc, err := t.searchDoc(ctx, c, []int64{site})
	if err != nil {
		return err
	}
	if t.aside != nil {
		t.aside.put(sideDoc{id: c.ID, doc: doc})
		return nil
	}
	_, err = t.exec(ctx, `INSERT INTO customer_search (rowid, doc) VALUES (?, ?)`, c.ID, doc)
	return err
}

// SaveOptions say what a save may create on the way.
type SaveOptions struct {
	CreateGroups  bool
	CreateSources bool
}

// UpdateCustomer rewrites every stored field of c (by c.ID).
func (t *Tx) UpdateCustomer(ctx context.Context, c *domain.Customer, opt SaveOptions) error {
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	sourceID, err := t.sourceID(ctx, c.MarketingSource, opt.CreateSources)
	if err != nil {
		return err
	}
	buyingGroupID, err := t.buyingGroupID(ctx, c)
	if err != nil {
		return err
	}
	args := append(t.customerArgs(c, sourceID, buyingGroupID), c.ID)
	res, err := t.exec(ctx, updateCustomer, args...)
	if err != nil {
		return mapConstraint(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	t.noteEmail(c.Email, c.ID)
	if err := t.writeChildren(ctx, c, opt, true); err != nil {
		return err
	}
	if t.searchDeferred(c.ID) {
		return nil
	}
	if t.aside != nil {
		doc, err := t.searchDoc(ctx, c, nil)
		if err == nil {
			t.aside.put(sideDoc{id: c.ID, doc: doc, replace: true})
		}
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM customer_search WHERE rowid = ?`, c.ID); err != nil {
		return err
	}
	doc, err := t.searchDoc(ctx, c, nil)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO customer_search (rowid, doc) VALUES (?, ?)`, c.ID, doc)
	return err
}

func (t *Tx) writeChildren(ctx context.Context, c *domain.Customer, opt SaveOptions, replace bool) error {
	if !replace {
		c.Site.Present = true // a new customer is on the site it is created on
	}
	if err := t.writeSitePart(ctx, c); err != nil {
		return err
	}
	if replace {
		if _, err := t.exec(ctx, `DELETE FROM shipping_addresses WHERE customer_id = ?`, c.ID); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `DELETE FROM customer_groups WHERE customer_id = ?`, c.ID); err != nil {
			return err
		}
	}
	for i, a := range c.Shipping {
		if a.IsEmpty() {
			continue
		}
		res, err := t.exec(ctx, `INSERT INTO shipping_addresses (customer_id, position, label, line1, line2, postcode, city, country)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, i, a.Label, a.Line1, a.Line2, a.Postcode, a.City, a.Country)
		if err != nil {
			return err
		}
		c.Shipping[i].ID, _ = res.LastInsertId()
	}
	for _, name := range c.Groups {
		id, err := t.cachedGroupID(ctx, name, opt.CreateGroups)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT OR IGNORE INTO customer_groups (customer_id, group_id) VALUES (?, ?)`, c.ID, id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteCustomer removes a customer from the directory. Its documents stay,
// with the code and name they were written with.
func (t *Tx) DeleteCustomer(ctx context.Context, id int64) error {
	if err := t.flushQueue(ctx); err != nil {
		return err
	}
	switch {
	case t.aside != nil:
		t.aside.put(sideDoc{id: id, remove: true})
	case !t.searchDeferred(id):
		if _, err := t.exec(ctx, `DELETE FROM customer_search WHERE rowid = ?`, id); err != nil {
			return err
		}
	}
	res, err := t.exec(ctx, `DELETE FROM customers WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// selectCustomer reads every stored column of the shared record and the
// site part of site; the groups and addresses are loaded separately by
// loadChildren.
func selectCustomer(site int64) string {
	return `SELECT c.id, ` + prefixed(columnNames) + `, c.balance,
  COALESCE((SELECT m.name FROM marketing_sources m WHERE m.id = c.marketing_source_id), ''), ` + siteSelect + `
FROM customers c ` + siteJoins(site)
}

func scanCustomer(row interface{ Scan(...any) error }) (*domain.Customer, error) {
	var c domain.Customer
	var kind, consent, phones, custom, created, updated, sortName, sortCity string
	var phone1, shipping string
	var sourceID, buyingGroupID sql.NullInt64
	s := &c.Site
	err := row.Scan(&c.ID, &c.Code, &kind, &c.Civility, &c.LastName, &c.FirstName, &c.CompanyName, &c.LegalForm,
		&c.SIRET, &c.VATNumber, &c.IBAN, &c.Email, &phones, &phone1, &c.Fax, &c.Website, &c.Billing.Line1, &c.Billing.Line2,
		&c.Billing.Postcode, &c.Billing.City, &c.Billing.Country, &c.Reference, &c.AccountNumber, &c.Supplier, &c.Disappointed, &sourceID,
		&consent, &c.DiscountCard, &c.DiscountSales, &c.DiscountServices, &c.DiscountMaterials, &c.PriceTypeSales,
		&c.PriceTypeOrders, &c.SalesRep, &c.PaymentTerms, &c.PaymentMethod, &c.Currency, &c.CreditLimit,
		&c.InsurerGuarantee, &c.OtherGuarantees, &c.CreditHold, &c.CreditHoldReason, &custom, &c.Archived,
		&created, &updated, &sortName, &sortCity, &c.Billing.State, &c.BalanceMethod, &c.AmountOverInvoice,
		&c.DaysOverDue, &c.IsBuyingGroup, &buyingGroupID, &c.Balance, &c.MarketingSource,
		&c.BuyingGroup, &s.Site, &s.Present, &s.CustomerType, &s.PriceCode, &s.EndUserType, &s.InvoiceCategory,
		&s.BankCode, &s.Country, &s.Language, &s.NatureCode, &s.NatureCode2, &s.DeliveryTerms, &s.Territory,
		&s.SalesForce, &s.TaxID, &s.TaxCode, &s.Notes, &s.CreditLimit, &s.LastPaymentDate, &s.LastPaymentAmount,
		&s.AverageDaysToPay, &s.HighestBalance, &shipping)
	if err != nil {
		return nil, err
	}
	c.Kind, c.MarketingConsent = domain.Kind(kind), domain.Consent(consent)
	c.CreatedAt, c.UpdatedAt = ParseTime(created), ParseTime(updated)
	if phones != "" {
		if err := json.Unmarshal([]byte(phones), &c.Phones); err != nil {
			return nil, fmt.Errorf("customer %d phones: %w", c.ID, err)
		}
	}
	if custom != "" {
		if err := json.Unmarshal([]byte(custom), &c.Custom); err != nil {
			return nil, fmt.Errorf("customer %d custom fields: %w", c.ID, err)
		}
	}
	if shipping != "" {
		if err := json.Unmarshal([]byte(shipping), &s.Shipping); err != nil {
			return nil, fmt.Errorf("customer %d site shipping: %w", c.ID, err)
		}
	}
	return &c, nil
}

// CustomerBy loads the customer whose column equals value. column is one of
// id, code, email, siret, vat_number, reference. domain.ErrNotFound when none.
func (t *Tx) CustomerBy(ctx context.Context, column string, value any) (*domain.Customer, error) {
	if err := t.flushQueue(ctx); err != nil {
		return nil, err
	}
	switch column {
	case "id", "code", "email", "siret", "vat_number", "reference":
	default:
		return nil, fmt.Errorf("CustomerBy: column %q is not a lookup key", column)
	}
	if column == "email" && t.emails != nil { // the index is dropped
		found, err := t.idsByEmail(ctx, []any{value})
		if err != nil {
			return nil, err
		}
		if found[value] == 0 {
			return nil, domain.ErrNotFound
		}
		column, value = "id", found[value]
	}
	st, err := t.Prepared(ctx, selectCustomer(t.SiteID())+`WHERE c.`+column+` = ? ORDER BY c.id LIMIT 1`)
	if err != nil {
		return nil, err
	}
	c, err := scanCustomer(st.QueryRowContext(ctx, value))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return c, t.loadChildren(ctx, c)
}

func (t *Tx) loadChildren(ctx context.Context, c *domain.Customer) error {
	st, err := t.Prepared(ctx, `SELECT g.name, g.discount FROM customer_groups cg JOIN groups g ON g.id = cg.group_id
		WHERE cg.customer_id = ? ORDER BY g.name COLLATE NOCASE`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, c.ID)
	if err != nil {
		return err
	}
	c.Groups = nil
	discounts := map[string]int64{}
	for rows.Next() {
		var n string
		var d int64
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return err
		}
		c.Groups = append(c.Groups, n)
		discounts[n] = d
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err // a read cut short must not give a customer fewer groups
	}
	c.Discount = domain.ApplicableDiscount(c.DiscountSales, discounts)
	c.Shipping, err = t.shippingOf(ctx, c.ID)
	return err
}

// shippingOf reads a customer's shipping addresses, in their order.
func (t *Tx) shippingOf(ctx context.Context, id int64) ([]domain.Address, error) {
	st, err := t.Prepared(ctx, `SELECT id, label, line1, line2, postcode, city, country FROM shipping_addresses
		WHERE customer_id = ? ORDER BY position`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Address
	for rows.Next() {
		var a domain.Address
		if err := rows.Scan(&a.ID, &a.Label, &a.Line1, &a.Line2, &a.Postcode, &a.City, &a.Country); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CodeExists reports whether a customer already has code.
func (t *Tx) CodeExists(ctx context.Context, code string) (bool, error) {
	st, err := t.Prepared(ctx, `SELECT 1 FROM customers WHERE code = ?`)
	if err != nil {
		return false, err
	}
	var one int
	err = st.QueryRowContext(ctx, code).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// mapConstraint turns SQLite's unique-code violation into the domain error.
func mapConstraint(err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed: customers.code") {
		return domain.ErrDuplicateCode
	}
	return err
}
