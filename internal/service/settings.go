package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Settings reads the customer file's settings.
func (s *Service) Settings(ctx context.Context) (domain.Settings, error) {
	var st domain.Settings
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		st, err = tx.Settings(ctx)
		return err
	})
	return st, err
}

// NextCode is the code the next new customer would get under rule, the
// settings' preview: the sequence carries on, codes already taken skipped.
func (s *Service) NextCode(ctx context.Context, rule domain.NumberingRule) (string, error) {
	if fe := rule.Validate(); fe != nil {
		return "", fe
	}
	var code string
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		codes, err := tx.CodesWith(ctx, rule)
		if err != nil {
			return err
		}
		code, err = codes.Next(ctx)
		return err
	})
	return code, err
}

// SetNumberingRule changes the rule for new customer codes. Existing codes
// stay; the sequence carries on, so no code is handed out twice. A rule
// without room for the customers to come is refused.
func (s *Service) SetNumberingRule(ctx context.Context, r domain.NumberingRule) error {
	r.Prefix = strings.TrimSpace(r.Prefix)
	if fe := r.Validate(); fe != nil {
		return fe
	}
	if fe := checkPrefix(r.Prefix); fe != nil {
		return fe
	}
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		next, err := tx.CodeNext(ctx)
		if err != nil {
			return err
		}
		n, err := tx.CustomerCount(ctx)
		if err != nil {
			return err
		}
		if fe := r.CheckNumberingRoom(next, n); fe != nil {
			return fe
		}
		if err := tx.SetNumberingRule(ctx, r); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "numbering", r.Prefix+" / "+strconv.Itoa(r.Length))
	})
}

// checkPrefix refuses a code prefix a code could not carry: codes are
// letters, digits, "-", "_" and ".", and the prefix should not end in a
// digit (the number would run into it).
func checkPrefix(p string) *domain.FieldError {
	if len(p) > 10 || strings.IndexFunc(p, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("-_.", r))
	}) >= 0 {
		return domain.SettingError("code_prefix", domain.Message{
			FR: "« " + p + " » : le préfixe des codes a au plus 10 lettres, chiffres, « - », « _ » ou « . », sans espace ni accent (C, CLI-, WEB).",
			EN: "\"" + p + "\": the code prefix is at most 10 letters, digits, \"-\", \"_\" or \".\", without spaces or accents (C, CLI-, WEB)."})
	}
	return nil
}

// SetPhoneRegion sets the default region of phone numbers and addresses.
func (s *Service) SetPhoneRegion(ctx context.Context, code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if fe := domain.CheckPhoneRegion(code); fe != nil {
		return fe
	}
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		if err := tx.SetPhoneRegion(ctx, code); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "phone_region", code)
	})
}

// SetAccounting sets the "Clients divers" account and the required start of
// account numbers. A start that existing customers' accounts do not have is
// refused with their codes, so nothing stored becomes invalid.
func (s *Service) SetAccounting(ctx context.Context, sundry, prefix string) error {
	sundry, prefix = strings.TrimSpace(sundry), strings.TrimSpace(prefix)
	if sundry == "" {
		return domain.SettingError("sundry_account", domain.Message{
			FR: "Le compte « Clients divers » est obligatoire : c’est celui des clients sans compte à eux (411000 en général).",
			EN: "The sundry customers account is required: it is used for customers without an account of their own (usually 411000)."})
	}
	if fe := domain.CheckAccount("sundry_account", sundry); fe != nil {
		return fe
	}
	if fe := domain.CheckAccountPrefix(prefix); fe != nil {
		return fe
	}
	if prefix != "" && !strings.HasPrefix(sundry, prefix) {
		return domain.SettingError("sundry_account", domain.Message{
			FR: "Le compte « Clients divers » " + sundry + " doit lui aussi commencer par " + prefix + ".",
			EN: "The sundry customers account " + sundry + " must also start with " + prefix + "."})
	}
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		if prefix != "" {
			n, codes, err := tx.AccountsWithout(ctx, prefix)
			if err != nil {
				return err
			}
			if n > 0 {
				return domain.SettingError("account_prefix", domain.Message{
					FR: fmt.Sprintf("%d client(s) ont un numéro de compte qui ne commence pas par %s (%s) : corrigez-les d’abord, ou laissez le début libre.",
						n, prefix, strings.Join(codes, ", ")),
					EN: fmt.Sprintf("%d customer(s) have an account number that does not start with %s (%s): correct them first, or leave the start free.",
						n, prefix, strings.Join(codes, ", "))})
			}
		}
		if err := tx.SetAccounting(ctx, sundry, prefix); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "accounting", sundry+" / "+prefix)
	})
}

// Rules are the settings and lists a customer is checked against.
func (s *Service) Rules(ctx context.Context) (domain.Rules, error) {
	var r domain.Rules
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		r, err = s.rulesTx(ctx, tx)
		return err
	})
	return r, err
}

// RulesIn is Rules inside a transaction the caller holds (the importer's).
func (s *Service) RulesIn(ctx context.Context, tx *store.Tx) (domain.Rules, error) {
	return s.rulesTx(ctx, tx)
}

func (s *Service) rulesTx(ctx context.Context, tx *store.Tx) (domain.Rules, error) {
	r := domain.Rules{Phones: s.Phones}
	st, err := tx.Settings(ctx)
	if err != nil {
		return r, err
	}
	r.Region, r.AccountPrefix = st.PhoneRegion, st.AccountPrefix
	if r.CustomFields, err = tx.CustomFields(ctx); err != nil {
		return r, err
	}
	if r.PriceTypes, err = tx.RefEntries(ctx, domain.ListPriceTypes); err != nil {
		return r, err
	}
	if r.Civilities, err = tx.RefEntries(ctx, domain.ListCivilities); err != nil {
		return r, err
	}
	if site := tx.SiteID(); site != 0 {
		lists, err := tx.SiteListValues(ctx, site)
		if err != nil {
			return r, err
		}
		r.SiteLists = &lists
	}
	return r, nil
}

// SetEUDeclaration turns the EU VAT fields on or off.
func (s *Service) SetEUDeclaration(ctx context.Context, on bool) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		if err := tx.SetEUDeclaration(ctx, on); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "eu_declaration", strconv.FormatBool(on))
	})
}
