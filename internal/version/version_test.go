package version

import (
	"os"
	"regexp"
	"testing"
)

// TestReleaseIsFyneAppVersion: the version the packaging tool reads from
// FyneApp.toml is the one the program says when built without a tag.
func TestReleaseIsFyneAppVersion(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]*)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Release {
		t.Errorf("FyneApp.toml says %s, version.Release %s: change both together", m[1], Release)
	}
}

// TestChoose: the tag built in wins, then a released module version, then
// Release.
func TestChoose(t *testing.T) {
	for _, tc := range []struct {
		name, tag, module, want string
	}{
		{"tag from the Makefile", "0.4.1", "(devel)", "0.4.1"},
		{"tag after the last release", "0.4.1-3-gabc1234", "", "0.4.1-3-gabc1234"},
		{"tag with its v", "v0.5.0", "", "0.5.0"},
		{"tag over a module version", "0.4.1", "v0.9.0", "0.4.1"},
		{"go install carnet@v0.4.2", "", "v0.4.2", "0.4.2"},
		{"a release candidate", "", "v0.5.0-rc.1", "0.5.0-rc.1"},
		{"go build in a checkout", "", "(devel)", Release},
		{"no build information", "", "", Release},
		{"an untagged commit", "", "v0.0.0-20260102150405-abcdef123456", Release},
		{"a commit after a tag", "", "v0.3.1-0.20260102150405-abcdef123456", Release},
		{"a commit after a pre-release", "", "v0.4.0-rc.1.0.20260102150405-abcdef123456", Release},
		{"a modified tree", "", "v0.3.1-0.20260102150405-abcdef123456+dirty", Release},
		{"a modified tree at a tag", "", "v0.4.0+dirty", Release},
		{"not a version", "", "vnext", Release},
		{"blank tag", "  ", "(devel)", Release},
	} {
		if got := choose(tc.tag, tc.module); got != tc.want {
			t.Errorf("%s: choose(%q, %q) = %q, want %q", tc.name, tc.tag, tc.module, got, tc.want)
		}
	}
}

// TestStringFollowsTheTag: a test binary has no tag and a "(devel)" or
// empty module version, so String is Release until a tag is built in.
func TestStringFollowsTheTag(t *testing.T) {
	defer func(old string) { tag = old }(tag)
	tag = ""
	if got := String(); got != Release {
		t.Errorf("without a tag, String() = %q, want %q", got, Release)
	}
	tag = "1.2.3-4-gabcdef0"
	if got := String(); got != "1.2.3-4-gabcdef0" {
		t.Errorf("with a tag, String() = %q", got)
	}
}
