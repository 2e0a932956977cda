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
}

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

// Next returns a code no customer has.
func (a *CodeAllocator) Next(ctx context.Context) (string, error) {
	for {
		code, err := a.rule.Code(a.next)
		if err != nil {
			return "", err
		}
		a.next++
		taken, err := a.tx.CodeExists(ctx, code)
		if err != nil {
			return "", err
		}
		if !taken {
			return code, nil
		}
	}
}

// Save records where the sequence stands.
func (a *CodeAllocator) Save(ctx context.Context) error {
	return a.tx.SetSetting(ctx, settingCodeNext, strconv.FormatInt(a.next, 10))
}
