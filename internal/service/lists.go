package service

import (
	"context"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// RefValues lists a reference list's entries with their use counts.
func (s *Service) RefValues(ctx context.Context, l domain.RefList) ([]domain.RefValue, error) {
	var out []domain.RefValue
	err := s.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.RefValues(ctx, l)
		return err
	})
	return out, err
}

// RefNames lists a reference list's active entries, what a form offers.
func (s *Service) RefNames(ctx context.Context, l domain.RefList) ([]string, error) {
	var out []string
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		vs, err := tx.RefEntries(ctx, l)
		for _, v := range vs {
			if !v.Archived {
				out = append(out, v.Name)
			}
		}
		return err
	})
	return out, err
}

// AddRef adds an entry to a list; adding an archived entry's name brings
// it back.
func (s *Service) AddRef(ctx context.Context, l domain.RefList, name string) error {
	return s.editRefs(ctx, l, func(tx *store.Tx, vs []domain.RefValue) (string, error) {
		if v, ok := domain.FindRef(vs, name); ok && v.Archived {
			return restoredDetail(v.Name), tx.ArchiveRef(ctx, l, v.ID, false)
		}
		checked, fe := domain.CheckRefName(l, name, vs, 0)
		if fe != nil {
			return "", fe
		}
		return domain.JournalDetail(domain.Message{FR: "« " + checked + " » ajouté", EN: "“" + checked + "” added"}), tx.AddRef(ctx, l, checked)
	})
}

// RenameRef renames entry id; the customers that have it follow.
func (s *Service) RenameRef(ctx context.Context, l domain.RefList, id int64, name string) error {
	return s.editRefs(ctx, l, func(tx *store.Tx, vs []domain.RefValue) (string, error) {
		checked, fe := domain.CheckRefName(l, name, vs, id)
		if fe != nil {
			return "", fe
		}
		old := refName(vs, id)
		if old == "" {
			return "", domain.ErrNotFound
		}
		// Words, not an arrow: the window’s font cannot draw one.
		detail := domain.JournalDetail(domain.Message{FR: "« " + old + " » renommé en « " + checked + " »", EN: "“" + old + "” renamed “" + checked + "”"})
		return detail, tx.RenameRef(ctx, l, id, checked)
	})
}

// ArchiveRef archives entry id (no longer offered; the customers that have
// it keep it), or brings it back.
func (s *Service) ArchiveRef(ctx context.Context, l domain.RefList, id int64, archived bool) error {
	return s.editRefs(ctx, l, func(tx *store.Tx, vs []domain.RefValue) (string, error) {
		detail := restoredDetail(refName(vs, id))
		if archived {
			name := refName(vs, id)
			detail = domain.JournalDetail(domain.Message{FR: "« " + name + " » archivé", EN: "“" + name + "” archived"})
		}
		return detail, tx.ArchiveRef(ctx, l, id, archived)
	})
}

func restoredDetail(name string) string {
	return domain.JournalDetail(domain.Message{FR: "« " + name + " » réactivé", EN: "“" + name + "” brought back"})
}

func refName(vs []domain.RefValue, id int64) string {
	for _, v := range vs {
		if v.ID == id {
			return v.Name
		}
	}
	return ""
}

// editRefs runs one change of a list in a transaction, after the
// permission check, and journals it.
func (s *Service) editRefs(ctx context.Context, l domain.RefList, change func(*store.Tx, []domain.RefValue) (string, error)) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		vs, err := tx.RefEntries(ctx, l)
		if err != nil {
			return err
		}
		detail, err := change(tx, vs)
		if err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, string(l), detail)
	})
}

// CustomFields lists the custom field definitions in order, archived ones
// included, each with how many customers have a value.
func (s *Service) CustomFields(ctx context.Context) ([]domain.CustomField, error) {
	var out []domain.CustomField
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		var err error
		if out, err = tx.CustomFields(ctx); err != nil {
			return err
		}
		uses, err := tx.CustomFieldUses(ctx)
		for i := range out {
			out[i].Uses = uses[strings.ToLower(out[i].Name)]
		}
		return err
	})
	return out, err
}

// ActiveCustomFields lists the fields the form and the list offer.
func (s *Service) ActiveCustomFields(ctx context.Context) ([]domain.CustomField, error) {
	var out []domain.CustomField
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		all, err := tx.CustomFields(ctx)
		for _, f := range all {
			if !f.Archived {
				out = append(out, f)
			}
		}
		return err
	})
	return out, err
}

// SaveCustomField defines a new field (ID 0) or renames, archives or
// changes the values of one; its type never changes once created.
func (s *Service) SaveCustomField(ctx context.Context, f domain.CustomField) (int64, error) {
	var id int64
	err := s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		all, err := tx.CustomFields(ctx)
		if err != nil {
			return err
		}
		if f.ID != 0 {
			old, ok := customByID(all, f.ID)
			if !ok {
				return domain.ErrNotFound
			}
			f.Type = old.Type
			if fe := listKeepsValues(ctx, tx, old, f); fe != nil {
				return fe
			}
		}
		checked, fe := domain.CheckCustomField(f, all)
		if fe != nil {
			return fe
		}
		if id, err = tx.SaveCustomField(ctx, checked); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "custom_fields", checked.Name)
	})
	return id, err
}

// listKeepsValues refuses to drop a list value customers still have:
// their value would no longer pass the check.
func listKeepsValues(ctx context.Context, tx *store.Tx, old, f domain.CustomField) *domain.FieldError {
	if old.Type != domain.CustomList {
		return nil
	}
	kept := map[string]bool{}
	for _, o := range f.Options {
		kept[strings.ToLower(strings.Join(strings.Fields(o), " "))] = true
	}
	for _, o := range old.Options {
		if kept[strings.ToLower(o)] {
			continue
		}
		if n, _ := tx.CustomValueCount(ctx, old.Name, o); n > 0 {
			return domain.SettingError("custom_fields", domain.Message{
				FR: "La valeur « " + o + " » est celle de clients : gardez-la dans la liste (archivez plutôt le champ).",
				EN: "Value \"" + o + "\" is some customers’: keep it in the list (archive the field instead)."})
		}
	}
	return nil
}

func customByID(fields []domain.CustomField, id int64) (domain.CustomField, bool) {
	for _, f := range fields {
		if f.ID == id {
			return f, true
		}
	}
	return domain.CustomField{}, false
}

// MoveCustomField puts field id at index to in the order.
func (s *Service) MoveCustomField(ctx context.Context, id int64, to int) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		return tx.MoveCustomField(ctx, id, to)
	})
}
