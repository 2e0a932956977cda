package settingsui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// operatorsSection is the switch that turns operators on, and the
// operators with their role, permissions, PIN and state, each with Edit
// and Archive or Bring back.
type operatorsSection struct {
	w  *window
	on *widget.Check
	// ownerFirst says, while there is no owner, that one comes first.
	ownerFirst *widget.Label
	rows       *fyne.Container
	note       *widget.Label
	ops        []domain.Operator
}

func (w *window) operators() fyne.CanvasObject {
	s := &operatorsSection{w: w, rows: container.NewVBox(), note: newNote()}
	s.on = widget.NewCheck(tr("Ask who is working, and check each one’s permissions"), nil)
	s.on.Disable() // until the setting is read
	s.ownerFirst = dim(hint(tr("To turn it on, first add an owner: they give the permissions, and they can turn it off again.")))
	s.ownerFirst.Hide()
	add := widget.NewButtonWithIcon(tr("Add an operator"), theme.ContentAddIcon(), func() {
		role := domain.RoleEmployee
		if !hasOwner(s.ops) {
			role = domain.RoleOwner // the first one: operators need an owner
		}
		s.edit(domain.Operator{Role: role})
	})
	add.Importance = widget.HighImportance
	s.reload()
	top := container.NewVBox(
		hint(tr("Off (the default), Carnet asks nothing: a single user sees nothing of this. On, the window asks who is working at start, with a PIN for those who have one; an employee may only do what their permissions allow, the owner everything, and the journal names who did what.")),
		s.on, s.ownerFirst,
		container.NewHBox(add), s.note)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.rows))
}

// reload reads the switch and the operators.
func (s *operatorsSection) reload() {
	type state struct {
		on  bool
		ops []domain.Operator
	}
	load(s.w, s.note, func(ctx context.Context) (state, error) {
		on, err := s.w.svc.OperatorsOn(ctx)
		if err != nil {
			return state{}, err
		}
		ops, err := s.w.svc.Operators(ctx)
		return state{on, ops}, err
	}, func(st state) {
		s.ops = st.ops
		s.on.OnChanged = nil
		s.on.SetChecked(st.on)
		s.on.OnChanged = s.turn
		s.on.Enable()
		s.ownerFirst.Hidden = hasOwner(s.ops)
		s.ownerFirst.Refresh()
		s.show()
	})
}

func (s *operatorsSection) show() {
	lang := s.w.lang
	g := newGrid(true, false, true, false, false, false)
	s.rows.Objects = []fyne.CanvasObject{g.row(header(tr("Name")), header(tr("Role")), header(tr("Permissions")),
		header(tr("PIN")), header(tr("State")), widget.NewLabel(""))}
	if len(s.ops) == 0 {
		s.rows.Add(dim(hint(tr("No operator yet."))))
	}
	for _, o := range s.ops {
		name, state := cell(o.Name, true), cell(tr("Active"), false)
		archive := widget.NewButton(tr("Archive"), func() { s.archive(o, true) })
		if o.Archived {
			dim(name)
			dim(state).SetText(tr("Archived"))
			archive = widget.NewButton(tr("Bring back"), func() { s.archive(o, false) })
		}
		pin := tr("No")
		if o.HasPIN {
			pin = tr("Yes")
		}
		edit := widget.NewButtonWithIcon(tr("Edit"), theme.DocumentCreateIcon(), func() { s.edit(o) })
		s.rows.Add(g.row(name, cell(o.Role.Label().In(lang), false), cell(permissionsSummary(o), true),
			cell(pin, false), state, container.NewHBox(edit, archive)))
	}
	s.rows.Refresh()
}

// permissionsSummary names what o may do, in short.
func permissionsSummary(o domain.Operator) string {
	if o.Role == domain.RoleOwner {
		return tr("All")
	}
	var names []string
	for _, p := range domain.Permissions {
		if o.Can(p) {
			names = append(names, permissionShort(p))
		}
	}
	if len(names) == 0 {
		return tr("None")
	}
	return strings.Join(names, ", ")
}

// permissionShort is a permission in one word, for the list.
func permissionShort(p domain.Permission) string {
	switch p {
	case domain.PermBalance:
		return tr("balances")
	case domain.PermImport:
		return tr("imports")
	case domain.PermSync:
		return tr("sync")
	case domain.PermDelete:
		return tr("deletions")
	case domain.PermSettings:
		return tr("settings")
	}
	return string(p)
}

func hasOwner(ops []domain.Operator) bool {
	for _, o := range ops {
		if o.Role == domain.RoleOwner && !o.Archived {
			return true
		}
	}
	return false
}

// turn turns operators on or off. Turning them on needs someone who may
// change the settings to be signed in, or the next change would be
// refused: when nobody is, the dialog asks who is working first.
func (s *operatorsSection) turn(on bool) {
	back := func() {
		s.on.OnChanged = nil
		s.on.SetChecked(!on)
		s.on.OnChanged = s.turn
	}
	apply := func() {
		ok := tr("Operators are on: Carnet will ask who is working at start.")
		if !on {
			ok = tr("Operators are off: Carnet no longer asks who is working.")
		}
		s.w.save(s.note, ok, func(ctx context.Context) error { return s.w.svc.SetOperatorsOn(ctx, on) },
			func(err error) {
				if err != nil {
					back()
				}
			})
	}
	if on && !s.w.svc.CurrentOperator().Can(domain.PermSettings) && hasOwner(s.ops) {
		s.signIn(apply, back)
		return
	}
	apply()
}

// archive archives o (they can no longer sign in) or brings them back.
func (s *operatorsSection) archive(o domain.Operator, archived bool) {
	ok := tr("%s is archived: they can no longer sign in, and the journal keeps their name.", o.Name)
	if !archived {
		ok = tr("%s can sign in again.", o.Name)
	}
	o.Archived = archived
	s.w.save(s.note, ok, func(ctx context.Context) error {
		_, err := s.w.svc.SaveOperator(ctx, o, nil)
		return err
	}, func(err error) {
		if err == nil {
			s.reload()
		}
	})
}
