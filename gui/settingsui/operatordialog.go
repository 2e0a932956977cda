package settingsui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
)

// edit opens the dialog that creates an operator (ID 0) or changes one:
// name, role, an employee's permissions, and the PIN, which is typed twice
// and only ever sent to the service to be hashed.
func (s *operatorsSection) edit(o domain.Operator) {
	lang := s.w.lang
	name := widget.NewEntry()
	name.SetText(o.Name)
	roles := []domain.Role{domain.RoleOwner, domain.RoleEmployee}
	roleLabels := []string{domain.RoleOwner.Label().In(lang), domain.RoleEmployee.Label().In(lang)}
	role := widget.NewSelect(roleLabels, nil)
	role.SetSelected(o.Role.Label().In(lang))
	chosenRole := func() domain.Role { return roles[max(0, slices.Index(roleLabels, role.Selected))] }

	checks := container.NewVBox()
	perms := map[domain.Permission]*widget.Check{}
	for _, p := range domain.Permissions {
		c := widget.NewCheck(p.Label().In(lang), nil)
		c.SetChecked(slices.Contains(o.Permissions, p))
		perms[p] = c
		checks.Add(c)
	}
	ownerNote := dim(hint(tr("The owner may do everything, including managing the operators.")))
	showRole := func() {
		employee := chosenRole() == domain.RoleEmployee
		checks.Hidden, ownerNote.Hidden = !employee, employee
		checks.Refresh()
		ownerNote.Refresh()
	}

	pin, confirm := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	pinHint := tr("4 to 12 digits, asked at sign-in. Leave empty for no PIN.")
	if o.HasPIN {
		pinHint = tr("Leave empty to keep the current PIN.")
	}
	remove := widget.NewCheck(tr("Remove the PIN"), func(on bool) {
		if on {
			pin.SetText("")
			confirm.SetText("")
			pin.Disable()
			confirm.Disable()
		} else {
			pin.Enable()
			confirm.Enable()
		}
	})
	remove.Hidden = !o.HasPIN

	body := container.NewVBox(
		container.NewGridWithColumns(2, field(tr("Name"), name, ""), field(tr("Role"), role, "")),
		field(tr("Permissions"), container.NewStack(checks, ownerNote), ""),
		container.NewGridWithColumns(2, field(tr("PIN"), pin, pinHint), field(tr("PIN again"), confirm, "")),
		remove,
	)
	title := tr("New operator")
	if o.ID != 0 {
		title = tr("Operator %s", o.Name)
	}
	var e *editDialog
	e = s.w.newEditDialog(title, body, name, func(done func(error)) {
		changed := o
		changed.Name, changed.Role, changed.Permissions = name.Text, chosenRole(), nil
		for _, p := range domain.Permissions {
			if perms[p].Checked {
				changed.Permissions = append(changed.Permissions, p)
			}
		}
		var newPIN *string
		switch {
		case remove.Checked:
			newPIN = new(string)
		case pin.Text != confirm.Text:
			e.fail(tr("The two PINs differ: type the same PIN twice."))
			return
		case pin.Text != "":
			newPIN = &pin.Text
		}
		s.w.apply(func(ctx context.Context) error {
			_, err := s.w.svc.SaveOperator(ctx, changed, newPIN)
			return err
		}, done, func() {
			s.w.say(s.note, nil, tr("%s is saved.", changed.Name))
			s.reload()
		})
	})
	role.OnChanged = func(string) {
		showRole()
		e.fit()
	}
	showRole()
	e.fit()
}

// signIn asks who is turning operators on, among those who may change the
// settings, and their PIN; then runs next, or back when the dialog is
// closed without signing in.
func (s *operatorsSection) signIn(next, back func()) {
	var names []string
	for _, o := range s.ops {
		if !o.Archived && o.Can(domain.PermSettings) {
			names = append(names, o.Name)
		}
	}
	who := widget.NewSelect(names, nil)
	if len(names) > 0 {
		who.SetSelected(names[0])
	}
	pin := widget.NewPasswordEntry()
	body := container.NewVBox(
		hint(tr("Once operators are on, every change is checked: sign in as someone who may change the settings.")),
		container.NewGridWithColumns(2, field(tr("Operator"), who, ""), field(tr("PIN"), pin, tr("Empty for an operator without a PIN."))),
	)
	signedIn := false
	e := s.w.newEditDialog(tr("Who is working?"), body, pin, func(done func(error)) {
		name, typed := who.Selected, pin.Text
		s.w.work.Go(func() {
			_, err := s.w.svc.SignIn(context.Background(), name, typed)
			s.w.work.Do(func() {
				signedIn = err == nil
				done(err)
				if signedIn {
					next()
				}
			})
		})
	})
	e.save.SetText(tr("Sign in and turn on"))
	e.save.SetIcon(theme.LoginIcon())
	e.dlg.SetOnClosed(func() {
		if !signedIn {
			back()
		}
	})
	pin.OnSubmitted = func(string) { e.save.OnTapped() }
}
