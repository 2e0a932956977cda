package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"carnet/internal/domain"
)

// groupID returns the id of the group called name (case-insensitive),
// creating it when create is set.
func (t *Tx) groupID(ctx context.Context, name string, create bool) (int64, error) {
	st, err := t.Prepared(ctx, `SELECT id FROM groups WHERE name = ?`)
	if err != nil {
		return 0, err
	}
	var id int64
	err = st.QueryRowContext(ctx, name).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if !create {
		return 0, &domain.FieldError{Field: "groups", Code: "group_unknown", Message: domain.Message{
			FR: "Le groupe « " + name + " » n’existe pas : créez-le dans l’onglet Groupes.",
			EN: "Group \"" + name + "\" does not exist: create it in the Groups tab."}}
	}
	return t.CreateGroup(ctx, name, 0)
}

// CreateGroup adds a group and returns its id.
func (t *Tx) CreateGroup(ctx context.Context, name string, discount int64) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, &domain.FieldError{Field: "name", Code: "required", Message: domain.Message{
			FR: "Le nom du groupe est obligatoire.", EN: "The group name is required."}}
	}
	if fe := domain.CheckPercent("discount", discount); fe != nil {
		return 0, fe
	}
	res, err := t.exec(ctx, `INSERT INTO groups (name, discount) VALUES (?, ?)`, name, discount)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, domain.ErrDuplicateGroup
		}
		return 0, err
	}
	return res.LastInsertId()
}

// UpdateGroup renames a group and sets its discount.
func (t *Tx) UpdateGroup(ctx context.Context, id int64, name string, discount int64) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return &domain.FieldError{Field: "name", Code: "required", Message: domain.Message{
			FR: "Le nom du groupe est obligatoire.", EN: "The group name is required."}}
	}
	if fe := domain.CheckPercent("discount", discount); fe != nil {
		return fe
	}
	res, err := t.exec(ctx, `UPDATE groups SET name = ?, discount = ? WHERE id = ?`, name, discount, id)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return domain.ErrDuplicateGroup
		}
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// DeleteGroup deletes a group. Its members join moveTo (another group's id)
// first, or simply leave when moveTo is 0; the caller's transaction makes
// both one step.
func (t *Tx) DeleteGroup(ctx context.Context, id, moveTo int64) error {
	if moveTo == id {
		return &domain.Error{Code: "group_move_self", Message: domain.Message{
			FR: "Choisissez un autre groupe que celui que vous supprimez.",
			EN: "Choose a group other than the one you are deleting."}}
	}
	if moveTo != 0 {
		if _, err := t.exec(ctx, `INSERT OR IGNORE INTO customer_groups (customer_id, group_id)
			SELECT customer_id, ? FROM customer_groups WHERE group_id = ?`, moveTo, id); err != nil {
			return err
		}
	}
	res, err := t.exec(ctx, `DELETE FROM groups WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// GroupDeletion says what deleting group id, its members moving to moveTo
// (0: none), does to their automatic discount: the best discount of their
// groups before and after, counted by pair: the changes first, the
// largest counts first.
func (t *Tx) GroupDeletion(ctx context.Context, id, moveTo int64) ([]domain.DiscountShift, error) {
	rows, err := t.tx.QueryContext(ctx, `
		WITH member AS (SELECT customer_id AS cid FROM customer_groups WHERE group_id = ?1),
		shift AS (SELECT
			(SELECT max(g.discount) FROM customer_groups x JOIN groups g ON g.id = x.group_id
				WHERE x.customer_id = m.cid) AS before,
			(SELECT max(d) FROM (
				SELECT g.discount AS d FROM customer_groups x JOIN groups g ON g.id = x.group_id
					WHERE x.customer_id = m.cid AND x.group_id != ?1
				UNION ALL SELECT discount FROM groups WHERE id = ?2)) AS after
			FROM member m)
		SELECT before, coalesce(after, 0), count(*) FROM shift
		GROUP BY before, coalesce(after, 0)
		ORDER BY before = coalesce(after, 0), count(*) DESC, before DESC`, id, moveTo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.DiscountShift
	for rows.Next() {
		var s domain.DiscountShift
		if err := rows.Scan(&s.From, &s.To, &s.Customers); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Groups lists every group with its member count, by name.
func (t *Tx) Groups(ctx context.Context) ([]domain.Group, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT g.id, g.name, g.discount,
		(SELECT count(*) FROM customer_groups cg WHERE cg.group_id = g.id),
		(SELECT count(*) FROM customer_groups cg JOIN customers c ON c.id = cg.customer_id
			WHERE cg.group_id = g.id AND c.archived = 1)
		FROM groups g ORDER BY g.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Group
	for rows.Next() {
		var g domain.Group
		if err := rows.Scan(&g.ID, &g.Name, &g.Discount, &g.Members, &g.Archived); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// GroupMembers returns the ids of a group's customers.
func (t *Tx) GroupMembers(ctx context.Context, id int64) ([]int64, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT customer_id FROM customer_groups WHERE group_id = ? ORDER BY customer_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		ids = append(ids, v)
	}
	return ids, rows.Err()
}

// sourceID resolves a marketing source name; the managed list must hold it
// unless create is set (seed 002).
func (t *Tx) sourceID(ctx context.Context, name string, create bool) (sql.NullInt64, error) {
	if name == "" {
		return sql.NullInt64{}, nil
	}
	st, err := t.Prepared(ctx, `SELECT id FROM marketing_sources WHERE name = ?`)
	if err != nil {
		return sql.NullInt64{}, err
	}
	var id int64
	err = st.QueryRowContext(ctx, name).Scan(&id)
	if err == nil {
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return sql.NullInt64{}, err
	}
	if !create {
		return sql.NullInt64{}, &domain.FieldError{Field: "marketing_source", Code: "source_unknown", Message: domain.Message{
			FR: "La source marketing « " + name + " » n’existe pas : ajoutez-la à la liste des sources ou choisissez-en une existante.",
			EN: "Marketing source \"" + name + "\" does not exist: add it to the list of sources or pick an existing one."}}
	}
	id, err = t.CreateMarketingSource(ctx, name)
	return sql.NullInt64{Int64: id, Valid: err == nil}, err
}

// CreateMarketingSource adds a source to the managed list.
func (t *Tx) CreateMarketingSource(ctx context.Context, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, &domain.FieldError{Field: "marketing_source", Code: "required", Message: domain.Message{
			FR: "Le nom de la source est obligatoire.", EN: "The source name is required."}}
	}
	res, err := t.exec(ctx, `INSERT INTO marketing_sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, name)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var id int64
		err := t.tx.QueryRowContext(ctx, `SELECT id FROM marketing_sources WHERE name = ?`, name).Scan(&id)
		return id, err
	}
	return res.LastInsertId()
}

// MarketingSources lists the managed sources by name.
func (t *Tx) MarketingSources(ctx context.Context) ([]domain.MarketingSource, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name FROM marketing_sources ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.MarketingSource
	for rows.Next() {
		var m domain.MarketingSource
		if err := rows.Scan(&m.ID, &m.Name); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
