// Package version says which Carnet this is: the About dialog and
// `carnet --version` show it.
package version

import (
	"runtime/debug"
	"strings"
)

// Release is the version of this source tree; it must equal FyneApp.toml's
// [Details] Version (a test compares them), which the packaging reads.
const Release = "0.3.0"

// tag is the version the Makefile builds in from the git tag
// (-ldflags "-X carnet/internal/version.tag=1.2.3"); empty in a plain
// `go build`.
var tag string

// String is the version to show: the tag built in, else the module's
// version when Go recorded a released one (`go install carnet@v1.2.3`),
// else Release.
func String() string {
	var module string
	if info, ok := debug.ReadBuildInfo(); ok {
		module = info.Main.Version
	}
	return choose(tag, module)
}

// choose picks the version from the tag built in and the main module's
// version as the build recorded it ("(devel)" for a source tree, a
// pseudo-version for an untagged commit).
func choose(tag, module string) string {
	if tag = strings.TrimSpace(tag); tag != "" {
		return strings.TrimPrefix(tag, "v")
	}
	if isRelease(module) {
		return strings.TrimPrefix(module, "v")
	}
	return Release
}

// isRelease reports whether a module version names a tag: "v1.2.3" or
// "v1.2.3-rc.1", not "(devel)", not a pseudo-version
// ("v0.0.0-20260102150405-abcdef123456", "v1.2.4-0.2026…-abcdef123456")
// and not a build from a modified tree ("v1.2.3+dirty").
func isRelease(v string) bool {
	if len(v) < 2 || v[0] != 'v' || v[1] < '0' || v[1] > '9' || strings.Contains(v, "+") {
		return false
	}
	return !isPseudo(v)
}

// isPseudo reports whether v ends like a pseudo-version: a 14-digit UTC
// time then a 12-hex-digit commit ("…20260102150405-abcdef123456").
func isPseudo(v string) bool {
	dash := strings.LastIndexByte(v, '-')
	if dash < 0 {
		return false
	}
	commit, before := v[dash+1:], v[:dash]
	if len(commit) != 12 || strings.Trim(commit, "0123456789abcdef") != "" || len(before) < 15 {
		return false
	}
	stamp, sep := before[len(before)-14:], before[len(before)-15]
	return strings.Trim(stamp, "0123456789") == "" && (sep == '-' || sep == '.')
}
