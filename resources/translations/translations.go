// Package translations embeds the interface texts of Carnet's window, in
// go-i18n JSON as Fyne's lang package reads them: fr.json and en.json for
// the main screens, and NAME.fr.json / NAME.en.json for parts kept apart
// (the import wizard's wizard.*.json).
package translations

import "embed"

// FS holds every translation file.
//
//go:embed *.json
var FS embed.FS
