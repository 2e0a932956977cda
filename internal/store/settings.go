package store

import (
	"context"
	"strconv"

	"carnet/internal/domain"
)

// Setting keys (the settings table holds key → text).
const (
	settingPhoneRegion   = "phone_region"
	settingSundryAccount = "sundry_account"
	settingAccountPrefix = "account_prefix"
	settingOperatorsOn   = "operators_on"
	settingEUDeclaration = "eu_declaration"
	// settingCurrentSite is the site the window last worked on.
	settingCurrentSite = "current_site"
)

// Settings reads every setting, the defaults standing in for those never
// written.
func (t *Tx) Settings(ctx context.Context) (domain.Settings, error) {
	s := domain.DefaultSettings
	var err error
	if s.Numbering, err = t.NumberingRule(ctx); err != nil {
		return s, err
	}
	read := func(key string, into *string) {
		if err != nil {
			return
		}
		var v string
		var ok bool
		if v, ok, err = t.Setting(ctx, key); ok {
			*into = v
		}
	}
	var on, keep, eu string
	read(settingPhoneRegion, &s.PhoneRegion)
	read(settingSundryAccount, &s.SundryAccount)
	read(settingAccountPrefix, &s.AccountPrefix)
	read(settingOperatorsOn, &on)
	read(settingBackupKeep, &keep)
	read(settingEUDeclaration, &eu)
	// The EU VAT fields stay enabled until someone turns them off: files
	// from before the setting hold VAT numbers their users kept up.
	s.OperatorsOn, s.EUDeclaration = on == "1", eu != "0"
	if n, e := strconv.Atoi(keep); e == nil && n > 0 {
		s.BackupKeep = n
	}
	return s, err
}

// CodeNext is the sequence number the next new customer code is built from.
func (t *Tx) CodeNext(ctx context.Context) (int64, error) {
	v, ok, err := t.Setting(ctx, settingCodeNext)
	if err != nil || !ok {
		return 1, err
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return max(n, 1), nil
}

// SetPhoneRegion stores the default region (already checked).
func (t *Tx) SetPhoneRegion(ctx context.Context, code string) error {
	return t.SetSetting(ctx, settingPhoneRegion, code)
}

// SetAccounting stores the sundry customers' account and the account
// numbers' required start (already checked).
func (t *Tx) SetAccounting(ctx context.Context, sundry, prefix string) error {
	if err := t.SetSetting(ctx, settingSundryAccount, sundry); err != nil {
		return err
	}
	return t.SetSetting(ctx, settingAccountPrefix, prefix)
}

// SetEUDeclaration turns the EU VAT fields on or off.
func (t *Tx) SetEUDeclaration(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return t.SetSetting(ctx, settingEUDeclaration, v)
}

// SavedSite is the code of the site the window last worked on ("": none).
func (t *Tx) SavedSite(ctx context.Context) (string, error) {
	v, _, err := t.Setting(ctx, settingCurrentSite)
	return v, err
}

// SaveSite remembers the site the window works on.
func (t *Tx) SaveSite(ctx context.Context, code string) error {
	return t.SetSetting(ctx, settingCurrentSite, code)
}

// SetOperatorsOn turns the operators on or off.
func (t *Tx) SetOperatorsOn(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return t.SetSetting(ctx, settingOperatorsOn, v)
}

// AccountsWithout counts the customers whose account number does not start
// with prefix, for the message refusing that prefix.
func (t *Tx) AccountsWithout(ctx context.Context, prefix string) (int, []string, error) {
	var n int
	q := `FROM customers WHERE account_number <> '' AND substr(account_number, 1, length(?1)) <> ?1`
	if err := t.tx.QueryRowContext(ctx, `SELECT count(*) `+q, prefix).Scan(&n); err != nil || n == 0 {
		return n, nil, err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT code `+q+` ORDER BY code LIMIT 5`, prefix)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return 0, nil, err
		}
		codes = append(codes, c)
	}
	return n, codes, rows.Err()
}
