// Package resources embeds the files the program carries with it: the
// application icon (the window's, also read by the packaging from
// FyneApp.toml) and the licence text the About dialog shows. The
// translations are in the translations package below.
package resources

import (
	_ "embed"
)

// Icon is icon.png, Carnet's application icon (512 × 512 PNG).
//
//go:embed icon.png
var Icon []byte

// License is the text of Carnet's licence (MIT).
//
//go:embed LICENSE
var License string

// LicenseName is the licence's short name, as the About dialog shows it.
const LicenseName = "MIT"
