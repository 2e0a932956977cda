package store

import (
	"context"
	"encoding/json"
	"strconv"

	"carnet/internal/domain"
)

// Setting keys of the customer numbering rule.
const (
	settingNumbering = "numbering"
	settingCodeNext  = "code_next"
)

// NumberingRule returns the rule for new customer codes.
func (t *Tx) NumberingRule(ctx context.Context) (domain.NumberingRule, error) {
	v, ok, err := t.Setting(ctx, settingNumbering)
	if err != nil || !ok {
		return domain.DefaultNumbering, err
	}
	var r domain.NumberingRule
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return domain.DefaultNumbering, nil
	}
	return r, nil
}

// SetNumberingRule stores the rule; the sequence carries on from where it
// was, so no code is ever handed out twice.
func (t *Tx) SetNumberingRule(ctx context.Context, r domain.NumberingRule) error {
	if fe := r.Validate(); fe != nil {
		return fe
	}
	b, _ := json.Marshal(r)
	return t.SetSetting(ctx, settingNumbering, string(b))
}

// CodeAllocator hands out new customer codes inside one transaction. The
// sequence only moves forward, and codes already taken (typed by hand or
// imported) are skipped, so a code is never reused.
type CodeAllocator struct {
	tx   *Tx
	rule domain.NumberingRule
	next int64
	// taken holds the codes already used among the numbers below
	// blockEnd, read in one range query: an import of a million rows
	// would otherwise ask SQLite once per new customer.
	taken    map[string]bool
	blockEnd int64
	lo, hi   string
}

// codeBlock is how many numbers one range query covers.
const codeBlock = 4096

// Codes starts an allocator; call Save before the transaction commits.
func (t *Tx) Codes(ctx context.Context) (*CodeAllocator, error) {
	rule, err := t.NumberingRule(ctx)
	if err != nil {
		return nil, err
	}
	next := int64(1)
	if v, ok, err := t.Setting(ctx, settingCodeNext); err != nil {
		return nil, err
	} else if ok {
		next, _ = strconv.ParseInt(v, 10, 64)
	}
	return &CodeAllocator{tx: t, rule: rule, next: next}, nil
}

// CodesWith starts an allocator under another rule than the stored one,
// for the settings' preview of the next code.
func (t *Tx) CodesWith(ctx context.Context, rule domain.NumberingRule) (*CodeAllocator, error) {
	a, err := t.Codes(ctx)
	if a != nil {
		a.rule = rule
	}
	return a, err
}

// Next returns a code no customer has.
func (a *CodeAllocator) Next(ctx context.Context) (string, error) {
	for {
		code, err := a.rule.Code(a.next)
		if err != nil {
			return "", err
		}
		if a.next >= a.blockEnd {
			if err := a.loadBlock(ctx); err != nil {
				return "", err
			}
		}
		a.next++
		taken := a.taken[code]
		if a.taken == nil {
			if taken, err = a.tx.CodeExists(ctx, code); err != nil {
				return "", err
			}
		}
		if !taken {
			return code, nil
		}
	}
}

// loadBlock reads the codes taken among the next numbers. Codes of one
// length sort like their numbers, so the block stops before the number of
// digits grows (C999 → C1000 without padding); when no block fits, taken
// stays nil and each code is checked on its own.
func (a *CodeAllocator) loadBlock(ctx context.Context) error {
	a.taken = nil
	end := a.next + codeBlock
	for limit := int64(10); limit <= a.next*10 && limit > 0; limit *= 10 {
		if limit > a.next && limit < end {
			end = limit
		}
	}
	a.blockEnd = end
	lo, err1 := a.rule.Code(a.next)
	hi, err2 := a.rule.Code(end - 1)
	if err1 != nil || err2 != nil || len(lo) != len(hi) {
		a.blockEnd = a.next + 1
		return nil
	}
	a.taken, a.lo, a.hi = map[string]bool{}, lo, hi
	st, err := a.tx.Prepared(ctx, `SELECT code FROM customers WHERE code BETWEEN ? AND ?`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return err
		}
		a.taken[code] = true
	}
	return rows.Err()
}

// Reserve tells the allocator that code has just been given to a customer
// by other means (typed in a file), so that it is not handed out again.
func (a *CodeAllocator) Reserve(code string) {
	if a.taken != nil && code >= a.lo && code <= a.hi {
		a.taken[code] = true
	}
}

// Save records where the sequence stands.
func (a *CodeAllocator) Save(ctx context.Context) error {
	return a.tx.SetSetting(ctx, settingCodeNext, strconv.FormatInt(a.next, 10))
}
