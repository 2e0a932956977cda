package importwizard

import "fyne.io/fyne/v2"

// prefRecent keeps the files last opened in the wizard, newest first.
const prefRecent = "importwizard.recent"

// maxRecent is how many recent files step 1 lists.
const maxRecent = 5

func recentFiles(p fyne.Preferences) []string {
	if p == nil {
		return nil
	}
	return p.StringList(prefRecent)
}

// rememberRecent puts path first in the recent files, once.
func rememberRecent(p fyne.Preferences, path string) {
	if p == nil {
		return
	}
	list := []string{path}
	for _, q := range p.StringList(prefRecent) {
		if q != path && len(list) < maxRecent {
			list = append(list, q)
		}
	}
	p.SetStringList(prefRecent, list)
}
