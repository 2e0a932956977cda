// Package demo fills a database with realistic French sample customers:
// accented names, real city and postcode pairs, valid phone numbers,
// companies with valid SIRET and VAT numbers, groups, balances and invoices.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/phone"
	"carnet/internal/store"
	"carnet/internal/textfold"
)

// Progress is told how many customers are written so far.
type Progress func(done, total int)

// progressEvery customers, Progress is told and Cancel is looked at.
var progressEvery = 5000

// bulkCacheKiB is SQLite's page cache while the sample is written.
const bulkCacheKiB = 40 << 10

// Generate adds n sample customers in one transaction: all of them, or —
// on error, Cancel or a killed process — none. The same seed gives the
// same customers.
func Generate(ctx context.Context, st *store.Store, n int, seed uint64, progress Progress) error {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	g := &generator{r: r, now: time.Now()}
	return st.Update(ctx, func(tx *store.Tx) (err error) {
		if err := tx.BeginBulk(ctx, bulkCacheKiB); err != nil {
			return err
		}
		defer func() {
			if e := tx.EndBulk(context.WithoutCancel(ctx), err == nil); err == nil {
				err = e
			}
		}()
		for _, dg := range demoGroups {
			if _, err := tx.CreateGroup(ctx, dg.name, dg.discount); err != nil && err != domain.ErrDuplicateGroup {
				return err
			}
		}
		for _, s := range sources {
			if _, err := tx.CreateMarketingSource(ctx, s); err != nil {
				return err
			}
		}
		codes, err := tx.Codes(ctx)
		if err != nil {
			return err
		}
		for i := range n {
			if i%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil && i > 0 {
					progress(i, n)
				}
			}
			c := g.customer(i)
			if c.Code, err = codes.Next(ctx); err != nil {
				return err
			}
			if err := tx.InsertCustomer(ctx, c, store.SaveOptions{}); err != nil {
				return fmt.Errorf("demo customer %d: %w", i+1, err)
			}
			if err := g.history(ctx, tx, c); err != nil {
				return err
			}
		}
		if progress != nil {
			progress(n, n)
		}
		return codes.Save(ctx)
	})
}

type generator struct {
	r   *rand.Rand
	now time.Time
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

// customer builds the i-th sample customer, already in normalised form.
func (g *generator) customer(i int) *domain.Customer {
	r := g.r
	ci := cities[r.IntN(len(cities))]
	created := g.now.Add(-time.Duration(r.IntN(5*365*24)) * time.Hour)
	c := &domain.Customer{
		Kind:      domain.KindPerson,
		CreatedAt: created, UpdatedAt: created,
		Billing: domain.Address{
			Line1:    strconv.Itoa(1+r.IntN(120)) + " " + g.pick(streets),
			Postcode: ci.postcode, City: ci.name, Country: "FR",
		},
		Currency: "EUR", Site: domain.SiteFields{Language: "fr"},
	}
	last := g.pick(lastNames)
	if r.IntN(100) < 20 {
		c.Kind = domain.KindCompany
		c.CompanyName = g.pick(trades) + " " + last
		c.LegalForm = g.pick(legalForms)
		siren := luhnComplete(g.digits(8))
		c.SIRET = luhnComplete(siren + g.digits(4))
		c.VATNumber = "FR" + domain.FrenchVATKey(siren) + siren
		c.Email = "contact@" + domainPart(c.CompanyName) + strconv.Itoa(i) + ".fr"
		c.Phones = []domain.Phone{{Number: g.landline(ci), Label: "standard"}}
		c.Groups = []string{"Professionnels"}
		switch k := r.IntN(100); {
		case k < 15:
			c.Groups = append(c.Groups, "Revendeurs")
		case k < 20:
			c.Groups = append(c.Groups, "Collectivités")
		}
		c.PaymentTerms = g.pick(paymentTerms)
		c.AccountNumber = "411" + strings.ToUpper(domainPart(last))
		if r.IntN(100) < 30 {
			c.CreditLimit = int64(1+r.IntN(50)) * 100000
		}
	} else {
		if r.IntN(2) == 0 {
			c.Civility, c.FirstName = "Mme", g.pick(womenFirstNames)
		} else {
			c.Civility, c.FirstName = "M.", g.pick(menFirstNames)
		}
		c.LastName = last
		c.Email = domainPart(c.FirstName) + "." + domainPart(last) + strconv.Itoa(i) + "@" + g.pick(emailDomains)
		c.Phones = []domain.Phone{{Number: g.mobile(ci), Label: "mobile"}}
		if r.IntN(100) < 30 {
			c.Phones = append(c.Phones, domain.Phone{Number: g.landline(ci), Label: "fixe"})
		}
		c.Groups = []string{"Particuliers"}
	}
	if r.IntN(100) < 10 {
		c.Groups = append(c.Groups, "VIP")
	}
	if r.IntN(100) < 50 {
		c.Reference = ean13("2" + g.digits(11))
	}
	if r.IntN(100) < 40 {
		c.MarketingSource = g.pick(sources)
	}
	c.PaymentMethod = g.pick(paymentMethods)
	c.Disappointed = r.IntN(100) < 2
	c.Supplier = r.IntN(100) < 3
	if r.IntN(100) < 15 {
		c.DiscountSales = int64(r.IntN(4)+1) * 500
	}
	if r.IntN(100) < 5 {
		c.Shipping = []domain.Address{{Label: "Entrepôt", Line1: strconv.Itoa(1+r.IntN(80)) + " " + g.pick(streets),
			Postcode: ci.postcode, City: ci.name, Country: "FR"}}
	}
	c.Archived = r.IntN(100) < 2
	return c
}

// history writes a balance entry and invoices for some customers.
func (g *generator) history(ctx context.Context, tx *store.Tx, c *domain.Customer) error {
	if g.r.IntN(100) < 30 {
		amount := int64(g.r.IntN(250000) - 50000)
		if amount != 0 {
			if err := tx.AddBalanceEntry(ctx, &domain.BalanceEntry{CustomerID: c.ID, Date: c.CreatedAt,
				Label: "Solde initial", Amount: amount, Origin: domain.OriginDemo}, 0); err != nil {
				return err
			}
		}
	}
	for k := g.r.IntN(10) - 6; k > 0; k-- {
		d := &domain.Document{CustomerID: c.ID, CustomerCode: c.Code, CustomerName: c.Name(), Kind: "invoice",
			Number: fmt.Sprintf("FA%06d-%d", c.ID, k), Date: c.CreatedAt.Add(time.Duration(k) * 240 * time.Hour),
			Total: int64(1000 + g.r.IntN(200000))}
		if err := tx.AddDocument(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// mobile is a valid mobile number for someone living in ci: the overseas
// departments have their own (+596 696…, +262 692…, +590 690…); in
// mainland France 06 and 07 3x–9x are mobiles.
func (g *generator) mobile(ci city) string {
	switch ci.phonePrefix {
	case "0596":
		return g.overseas("+596696")
	case "0262":
		return g.overseas("+262692")
	case "0590":
		return g.overseas("+590690")
	}
	if g.r.IntN(3) == 0 {
		return "+337" + strconv.Itoa(3+g.r.IntN(7)) + g.digits(7)
	}
	return g.mainland("6" + g.digits(8))
}

func (g *generator) landline(ci city) string {
	switch ci.phonePrefix {
	case "0596":
		return g.overseas("+596596")
	case "0262":
		return g.overseas("+262262")
	case "0590":
		return g.overseas("+590590")
	}
	return g.mainland(ci.phonePrefix[1:] + strconv.Itoa(1+g.r.IntN(9)) + g.digits(7))
}

// overseas is prefix and six digits drawn again until the department's
// numbering plan allows them (not every block is allocated); few sample
// customers live overseas, so the check costs nothing that shows.
func (g *generator) overseas(prefix string) string {
	for {
		n := prefix + g.digits(6)
		if _, bad := (phone.Parser{}).ToE164(n, ""); bad == nil {
			return n
		}
	}
}

// mainland is +33 and the nine digits n, drawn again (keeping the first
// two) while they fall in an overseas department's block (06 96, 05 90…):
// those are not valid after +33, and read back as the department's.
func (g *generator) mainland(n string) string {
	for phone.OverseasRegion("0"+n) != "" {
		n = n[:2] + g.digits(7)
	}
	return "+33" + n
}

// domainPart folds a name into letters for an email or account.
func domainPart(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, textfold.Fold(s))
}

// luhnComplete appends the digit that makes s Luhn-valid.
func luhnComplete(s string) string {
	for d := byte('0'); d <= '9'; d++ {
		if luhnValid(s + string(d)) {
			return s + string(d)
		}
	}
	return s
}

func luhnValid(s string) bool {
	sum, double := 0, false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// ean13 appends the EAN-13 check digit to 12 digits (a loyalty card).
func ean13(s string) string {
	sum := 0
	for i := 0; i < 12; i++ {
		d := int(s[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return s + strconv.Itoa((10-sum%10)%10)
}
