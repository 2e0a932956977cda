package service

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// Operators lists the operators, archived ones included.
func (s *Service) Operators(ctx context.Context) ([]domain.Operator, error) {
	var out []domain.Operator
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Operators(ctx)
		return err
	})
	return out, err
}

// OperatorsOn reports whether the window must ask who is working.
func (s *Service) OperatorsOn(ctx context.Context) (bool, error) {
	st, err := s.Settings(ctx)
	return st.OperatorsOn, err
}

// CurrentOperator is who is working, nil when nobody signed in.
func (s *Service) CurrentOperator() *domain.Operator { return s.operator.Load() }

// OperatorName is who the journal, the ledger and the imports record for
// the actions done now ("" when nobody is signed in).
func (s *Service) OperatorName() string {
	if o := s.operator.Load(); o != nil {
		return o.Name
	}
	return ""
}

// SignIn checks name's PIN and makes them the current operator. An operator
// without a PIN signs in with an empty one.
func (s *Service) SignIn(ctx context.Context, name, pin string) (*domain.Operator, error) {
	var op *domain.Operator
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		ops, err := tx.Operators(ctx)
		if err != nil {
			return err
		}
		for i := range ops {
			if strings.EqualFold(ops[i].Name, strings.TrimSpace(name)) && !ops[i].Archived {
				op = &ops[i]
			}
		}
		if op == nil {
			return &domain.Error{Code: "unknown_operator", Message: domain.Message{
				FR: "Aucun opérateur actif ne s’appelle « " + name + " » : choisissez un nom de la liste (Paramètres › Opérateurs).",
				EN: "No active operator is called \"" + name + "\": choose a name from the list (Settings › Operators)."}}
		}
		hash, err := tx.OperatorPINHash(ctx, op.ID)
		if err != nil {
			return err
		}
		if hash != "" && !pinMatches(hash, pin) {
			return domain.ErrWrongPIN
		}
		return tx.AddJournal(ctx, domain.JournalEntry{At: s.Now(), Operator: op.Name, Action: domain.JournalSignIn})
	})
	if err != nil {
		return nil, err
	}
	s.operator.Store(op)
	return op, nil
}

// SignOut forgets who is working.
func (s *Service) SignOut() { s.operator.Store(nil) }

// Require refuses the action when operators are on and the current one may
// not do p. The window asks it to grey out what would be refused; the
// actions check it again inside their transaction.
func (s *Service) Require(ctx context.Context, p domain.Permission) error {
	return s.Store.View(ctx, func(tx *store.Tx) error { return s.requireTx(ctx, tx, p) })
}

func (s *Service) requireTx(ctx context.Context, tx *store.Tx, p domain.Permission) error {
	st, err := tx.Settings(ctx)
	if err != nil || !st.OperatorsOn {
		return err
	}
	if op := s.operator.Load(); !op.Can(p) {
		return domain.ErrPermission(op, p)
	}
	return nil
}

// Record writes a journal line for an action, with the current operator's
// name, inside the transaction tx (the service's actions and the
// importer's imports and undos).
func (s *Service) Record(ctx context.Context, tx *store.Tx, action, subject, detail string) error {
	return tx.AddJournal(ctx, domain.JournalEntry{At: s.Now(), Operator: s.OperatorName(),
		Action: action, Subject: subject, Detail: detail})
}

// Journal returns a page of the journal, newest first, and its length.
func (s *Service) Journal(ctx context.Context, limit, offset int) ([]domain.JournalEntry, int, error) {
	var out []domain.JournalEntry
	var total int
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, total, err = tx.Journal(ctx, limit, offset)
		return err
	})
	return out, total, err
}

// SaveOperator creates (ID 0) or changes an operator. pin nil leaves the
// PIN as it is, "" removes it. Once operators are on, only someone who may
// change the settings manages them.
func (s *Service) SaveOperator(ctx context.Context, o domain.Operator, pin *string) (int64, error) {
	if pin != nil {
		if fe := domain.CheckPIN(*pin); fe != nil {
			return 0, fe
		}
	}
	var hash string
	if pin != nil && *pin != "" {
		hash = hashPIN(*pin)
	}
	var id int64
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		ops, err := tx.Operators(ctx)
		if err != nil {
			return err
		}
		checked, fe := domain.CheckOperator(o, ops)
		if fe != nil {
			return fe
		}
		if on, err := s.operatorsOnTx(ctx, tx); err != nil {
			return err
		} else if on && checked.ID == s.currentID() && (checked.Archived || checked.Role != domain.RoleOwner && !checked.Can(domain.PermSettings)) {
			return domain.SettingError("operators", domain.Message{
				FR: "Vous ne pouvez pas vous retirer à vous-même le droit de modifier les paramètres : demandez-le à un autre propriétaire.",
				EN: "You cannot take the right to change the settings away from yourself: ask another owner."})
		}
		if id, err = tx.SaveOperator(ctx, checked, s.Now()); err != nil {
			return err
		}
		if pin != nil {
			if err := tx.SetOperatorPIN(ctx, id, hash); err != nil {
				return err
			}
		}
		return s.Record(ctx, tx, domain.JournalSettings, "operators", checked.Name)
	})
	if err == nil && id == s.currentID() {
		s.refreshCurrent(ctx)
	}
	return id, err
}

func (s *Service) currentID() int64 {
	if o := s.operator.Load(); o != nil {
		return o.ID
	}
	return -1
}

// refreshCurrent reloads the current operator after their own record
// changed (a new name or permissions apply at once).
func (s *Service) refreshCurrent(ctx context.Context) {
	ops, err := s.Operators(ctx)
	if err != nil {
		return
	}
	for i := range ops {
		if ops[i].ID == s.currentID() {
			s.operator.Store(&ops[i])
		}
	}
}

func (s *Service) operatorsOnTx(ctx context.Context, tx *store.Tx) (bool, error) {
	st, err := tx.Settings(ctx)
	return st.OperatorsOn, err
}

// SetOperatorsOn turns the operators on or off. Turning them on needs an
// active owner; the window then asks who is working (the Settings window
// asks before, so that its next change is not refused).
func (s *Service) SetOperatorsOn(ctx context.Context, on bool) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		if on {
			ops, err := tx.Operators(ctx)
			if err != nil {
				return err
			}
			owner := false
			for _, o := range ops {
				owner = owner || o.Role == domain.RoleOwner && !o.Archived
			}
			if !owner {
				return domain.SettingError("operators_on", domain.Message{
					FR: "Créez d’abord un opérateur propriétaire (Paramètres › Opérateurs) : c’est lui qui pourra tout faire, y compris les désactiver.",
					EN: "First create an owner operator (Settings › Operators): they can do everything, including turning operators off."})
			}
		}
		if err := tx.SetOperatorsOn(ctx, on); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "operators_on", fmt.Sprint(on))
	})
}

// PIN hashes are argon2id, the memory-hard hash recommended for passwords:
// a short PIN copied with the database must not be found by trying them
// all on a graphics card. The parameters travel with the hash.
const (
	pinTime    = 2
	pinMemory  = 19 * 1024 // KiB
	pinThreads = 1
	pinKeyLen  = 32
)

func hashPIN(pin string) string {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(pin), salt, pinTime, pinMemory, pinThreads, pinKeyLen)
	return fmt.Sprintf("argon2id$%d$%d$%d$%s$%s", pinTime, pinMemory, pinThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

func pinMatches(hash, pin string) bool {
	var t, m uint32
	var p uint8
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "argon2id" {
		return false
	}
	if _, err := fmt.Sscanf(parts[1]+" "+parts[2]+" "+parts[3], "%d %d %d", &t, &m, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || p == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
