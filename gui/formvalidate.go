package gui

import (
	"errors"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
	"carnet/internal/phone"
)

// Validators check a form entry as the user types, with the domain's own
// rules and messages, so the form and the service never disagree.

func fieldErr(fe *domain.FieldError) error {
	if fe == nil {
		return nil
	}
	return errors.New(fe.In(uiLang))
}

func validateEmail(s string) error {
	_, fe := domain.NormalizeEmail(s)
	return fieldErr(fe)
}

func validateSIRET(s string) error {
	_, fe := domain.NormalizeSIRET(s)
	return fieldErr(fe)
}

func validateVAT(s string) error {
	_, fe := domain.NormalizeVAT(s)
	return fieldErr(fe)
}

func validateIBAN(s string) error {
	_, fe := domain.NormalizeIBAN(s)
	return fieldErr(fe)
}

// checkPhone reads a number as the service will: with the settings'
// parser, in the region of the billing address or else the default region
// of the settings (Paramètres › Région).
func (ff *formFields) checkPhone(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parser := ff.rules.Phones
	if parser == nil {
		parser = phone.Parser{}
	}
	if _, msg := parser.ToE164(s, ff.phoneRegion()); msg != nil {
		return errors.New(msg.In(uiLang))
	}
	return nil
}

// phoneRegion is the region a number typed without its prefix belongs to,
// as domain.Customer.NormalizeWith picks it.
func (ff *formFields) phoneRegion() string {
	if ff.billing.country != nil {
		if c := strings.ToUpper(strings.TrimSpace(ff.billing.country.Text)); c != "" {
			return c
		}
	}
	if ff.rules.Region != "" {
		return ff.rules.Region
	}
	return "FR"
}

// checkAccount refuses an account number the service would: not letters
// and digits, or not starting with the prefix the settings impose.
func (ff *formFields) checkAccount(s string) error {
	s = strings.TrimSpace(s)
	if fe := domain.CheckAccount("account_number", s); fe != nil {
		return fieldErr(fe)
	}
	return fieldErr(domain.CheckAccountFormat(s, ff.rules.AccountPrefix))
}

// parseMoney reads an amount typed French-style ("1 234,56", "12,00 €");
// empty is zero.
func parseMoney(s string) (int64, error) {
	cents, empty, p := fieldparse.Money(s)
	if empty {
		return 0, nil
	}
	if p.IsError() {
		return 0, errors.New(p.Message(uiLang))
	}
	return cents, nil
}

func validateMoney(s string) error {
	v, err := parseMoney(s)
	if err != nil {
		return err
	}
	if v < 0 {
		return errors.New(domain.Message{FR: "Le montant ne peut pas être négatif.", EN: "The amount cannot be negative."}.In(uiLang))
	}
	return nil
}

// parsePercent reads "12,5" or "12,5 %" into hundredths of a percent.
func parsePercent(s string) (int64, error) {
	v, empty, p := fieldparse.Percent(s)
	if empty {
		return 0, nil
	}
	if p.IsError() {
		return 0, errors.New(p.Message(uiLang))
	}
	return v, nil
}

func percentValidator(field string) func(string) error {
	return func(s string) error {
		v, err := parsePercent(s)
		if err != nil {
			return err
		}
		return fieldErr(domain.CheckPercent(field, v))
	}
}
