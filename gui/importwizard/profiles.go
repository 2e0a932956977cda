package importwizard

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/importer"
	"carnet/internal/textfold"
)

// Saved mapping profiles, from the mapping step: save the mapping under a
// name, and in the "Profiles…" dialog list them, apply one to this file
// (column by column, by name), rename and delete them.

// saveProfile saves the mapping and options under the name typed, so that
// the next file with the same columns is mapped at once.
func (s *mappingStep) saveProfile() {
	name := s.profileName()
	if name == "" || s.w.preview == nil {
		say(s.saved, widget.WarningImportance, tr("Type a name for the profile."))
		return
	}
	prof := importer.Profile{Name: name, Fingerprint: s.w.preview.Fingerprint,
		Headers: append([]string(nil), s.w.preview.Headers...), Mapping: append(importer.Mapping(nil), s.w.mapping...),
		Options: layoutOptions(s.w.options)}
	imp, lang := s.w.d.Importer, s.w.d.Lang
	s.save.Disable()
	s.w.work.Go(func() {
		err := imp.SaveProfile(context.Background(), prof)
		s.w.work.Do(func() {
			s.save.Enable()
			if err != nil {
				say(s.saved, widget.DangerImportance, userMessage(err, lang))
				return
			}
			say(s.saved, widget.SuccessImportance, tr("Profile “%s” saved: it will be chosen automatically for files with these columns.", name))
		})
	})
}

// profilesDialog lists the saved profiles with what can be done to each.
type profilesDialog struct {
	s        *mappingStep
	profiles []importer.Profile
	list     *fyne.Container
	status   *widget.Label
	dlg      dialog.Dialog
}

// showProfiles opens the "Profiles…" dialog and reads the profiles.
func (s *mappingStep) showProfiles() {
	win := s.w.d.Window
	if win == nil {
		return
	}
	pd := &profilesDialog{s: s, list: container.NewVBox(), status: widget.NewLabel("")}
	pd.status.Wrapping = fyne.TextWrapWord
	pd.status.Hide()
	intro := widget.NewLabel(tr("A profile is chosen automatically for a file with its columns. Apply one to this file to map its columns by name."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	content := container.NewBorder(intro, pd.status, nil, nil, container.NewVScroll(pd.list))
	pd.dlg = dialog.NewCustom(tr("Saved profiles"), tr("Close"), content, win)
	pd.dlg.Show()
	pd.dlg.Resize(fyne.NewSize(720, 480))
	pd.reload()
}

// reload reads the profiles off the UI goroutine and lists them.
func (pd *profilesDialog) reload() {
	w := pd.s.w
	imp, lang := w.d.Importer, w.d.Lang
	w.work.Go(func() {
		profiles, err := imp.Profiles(context.Background())
		w.work.Do(func() {
			if err != nil {
				pd.say(widget.DangerImportance, userMessage(err, lang))
				return
			}
			pd.profiles = profiles
			pd.build()
		})
	})
}

func (pd *profilesDialog) say(imp widget.Importance, text string) {
	say(pd.status, imp, text)
	pd.status.Show()
}

func (pd *profilesDialog) build() {
	w := pd.s.w
	lang := w.d.Lang
	pd.list.Objects = nil
	if len(pd.profiles) == 0 {
		pd.list.Add(moreLabel(tr("No saved profile yet: save the mapping under a name to make one.")))
	}
	for _, p := range pd.profiles {
		name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		about := trn(lang, len(p.Headers), "%s column", "%s columns", count(len(p.Headers), lang)) +
			" · " + tr("saved on %s", format.DateTime(p.UpdatedAt, lang))
		if w.preview != nil && p.Fingerprint == w.preview.Fingerprint {
			about += " · " + tr("recognised for this file")
		}
		detail := widget.NewLabel(about)
		detail.Importance = widget.LowImportance
		detail.Truncation = fyne.TextTruncateEllipsis
		prof := p
		apply := widget.NewButtonWithIcon(tr("Apply to this file"), theme.ConfirmIcon(), func() { pd.apply(prof) })
		if matchedColumns(prof, w.preview) == 0 {
			apply.Disable() // none of its columns is in this file
		}
		rename := widget.NewButtonWithIcon(tr("Rename…"), theme.DocumentCreateIcon(), func() { pd.askRename(prof.Name) })
		remove := widget.NewButtonWithIcon(tr("Delete…"), theme.DeleteIcon(), func() { pd.askDelete(prof.Name) })
		pd.list.Add(container.NewVBox(name, detail, container.NewHBox(apply, rename, remove)))
		pd.list.Add(widget.NewSeparator())
	}
	pd.list.Refresh()
}

// matchedColumns counts the columns of the file previewed that p knows by
// name.
func matchedColumns(p importer.Profile, preview *importer.Preview) int {
	if preview == nil {
		return 0
	}
	n := 0
	for _, h := range preview.Headers {
		if _, ok := profileField(p, h); ok {
			n++
		}
	}
	return n
}

// profileField is the field p gives the column called header (case,
// accents and spaces aside).
func profileField(p importer.Profile, header string) (string, bool) {
	h := textfold.Fold(strings.TrimSpace(header))
	for i, ph := range p.Headers {
		if i < len(p.Mapping) && textfold.Fold(strings.TrimSpace(ph)) == h {
			return p.Mapping[i], true
		}
	}
	return "", false
}

// apply maps this file's columns as p does, by column name, and takes its
// options; a column p does not know keeps its choice unless p gives its
// field to another column. The import is then saved under p's name.
func (pd *profilesDialog) apply(p importer.Profile) {
	s, w := pd.s, pd.s.w
	if w.preview == nil || !s.built {
		return
	}
	taken := map[string]bool{}
	fields := make([]string, len(w.preview.Headers))
	known := make([]bool, len(fields))
	for col, h := range w.preview.Headers {
		fields[col], known[col] = profileField(p, h)
		if known[col] {
			taken[fields[col]] = true
		}
	}
	matched := 0
	for col := range fields {
		switch {
		case known[col]:
			matched++
		case taken[w.mapping[col]] && w.mapping[col] != "phones":
			fields[col] = importer.Ignore
		default:
			fields[col] = w.mapping[col]
		}
	}
	for col, f := range fields {
		if strings.HasPrefix(f, domain.CustomPrefix) && f != s.customKey(col) {
			// A custom field named otherwise than the column: offer it.
			s.columns[col].custom = f
			s.choices[col].SetOptions(s.fieldOptions(col, ""))
		}
		s.setField(col, f)
	}
	w.options = layoutOptions(p.Options)
	w.plan = nil
	s.name.SetText(p.Name)
	pd.dlg.Hide()
	say(s.saved, widget.SuccessImportance, tr("Profile “%s” applied: %s of %s columns found by name. Check the mapping and go on.",
		p.Name, count(matched, w.d.Lang), count(len(fields), w.d.Lang)))
}

// askRename asks for the new name of profile old.
func (pd *profilesDialog) askRename(old string) {
	entry := widget.NewEntry()
	entry.SetText(old)
	items := []*widget.FormItem{widget.NewFormItem(tr("New name"), entry)}
	d := dialog.NewForm(tr("Rename the profile “%s”", old), tr("Rename"), tr("Cancel"), items, func(ok bool) {
		if ok {
			pd.rename(old, entry.Text)
		}
	}, pd.s.w.d.Window)
	entry.OnSubmitted = func(string) { d.Submit() } // Enter renames
	d.Show()
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	pd.s.w.d.Window.Canvas().Focus(entry)
}

// rename renames profile old off the UI goroutine; a refusal (empty name,
// name taken) shows in the dialog.
func (pd *profilesDialog) rename(old, name string) {
	w := pd.s.w
	imp, lang := w.d.Importer, w.d.Lang
	name = strings.TrimSpace(name)
	w.work.Go(func() {
		err := imp.RenameProfile(context.Background(), old, name)
		w.work.Do(func() {
			if err != nil {
				pd.say(widget.DangerImportance, userMessage(err, lang))
				return
			}
			pd.say(widget.SuccessImportance, tr("Profile “%s” renamed “%s”.", old, name))
			pd.s.profileRenamed(old, name)
			pd.reload()
		})
	})
}

// askDelete asks before deleting profile name.
func (pd *profilesDialog) askDelete(name string) {
	d := dialog.NewConfirm(tr("Delete the profile “%s”?", name),
		tr("Files with its columns will no longer be mapped automatically. The imports already made are not changed."),
		func(ok bool) {
			if ok {
				pd.delete(name)
			}
		}, pd.s.w.d.Window)
	d.SetConfirmText(tr("Delete"))
	d.SetDismissText(tr("Cancel"))
	d.Show()
}

func (pd *profilesDialog) delete(name string) {
	w := pd.s.w
	imp, lang := w.d.Importer, w.d.Lang
	w.work.Go(func() {
		err := imp.DeleteProfile(context.Background(), name)
		w.work.Do(func() {
			if err != nil {
				pd.say(widget.DangerImportance, userMessage(err, lang))
				return
			}
			pd.say(widget.SuccessImportance, tr("Profile “%s” deleted.", name))
			pd.s.profileRenamed(name, "")
			pd.reload()
		})
	})
}

// profileRenamed follows a profile renamed (or deleted, to "") in the
// step: the profile recognised and the name the import is saved under.
func (s *mappingStep) profileRenamed(old, name string) {
	p := s.w.preview
	if p != nil && strings.EqualFold(p.Profile, old) {
		p.Profile = name
		s.showProfileNote()
	}
	if strings.EqualFold(s.profileName(), old) && name != "" {
		s.name.SetText(name)
		// "Profile “old” saved" would name a profile that no longer is.
		s.saved.SetText("")
	}
}
