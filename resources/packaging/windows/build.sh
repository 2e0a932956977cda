#!/usr/bin/env bash
# build.sh VERSION FYNE DIST — cross-builds Carnet for 64-bit Windows on
# Linux (`make package-windows` installs what it needs first):
#   DIST/carnet-VERSION-windows-amd64.exe   the program, with its icon and
#                                           version information, GUI subsystem
#   DIST/Carnet-VERSION-x64.msi             its per-user installer (carnet.wxs)
# FYNE is the fyne packaging tool (fyne.io/tools/cmd/fyne); the C parts are
# compiled by MinGW-w64 (x86_64-w64-mingw32-gcc), the MSI made by wixl and
# checked with msitools' msiinfo, its icon made by ImageMagick's convert.
# Exits non-zero naming what is wrong.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
version=${1:?usage: build.sh VERSION FYNE DIST}
fyne=${2:?usage: build.sh VERSION FYNE DIST}
dist=${3:?usage: build.sh VERSION FYNE DIST}
case $dist in /*) ;; *) dist=$root/$dist ;; esac
exe=$dist/carnet-$version-windows-amd64.exe
msi=$dist/Carnet-$version-x64.msi

# Windows' file version and the MSI's ProductVersion are numbers only:
# 1.2.3-4-gabcdef (4 commits after v1.2.3) is 1.2.3 there; the full
# version is built into the program (-X) and `carnet --version` prints it.
numeric=${version%%[-+]*}
[[ $numeric =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "build.sh: version '$version' does not start with x.y.z" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
started=$SECONDS
step() { echo "== $1 ($((SECONDS - started)) s)"; }

# fyne package writes into the folder it builds (fyne.syso, a generated
# fyne_metadata_init.go, the exe) and adds one to FyneApp.toml's Build
# number: done in the checkout, that would change a tracked file and put a
# Windows object into any Linux `go build ./cmd/carnet` running meanwhile.
# So it works on a copy (with -trimpath the build cache still serves it).
step "copying the sources to $tmp/src"
mkdir "$tmp/src"
for f in "$root"/*; do
	case ${f##*/} in bin | dist | screenshots | carnet | *.db | *.db-wal | *.db-shm) continue ;; esac
	cp -R "$f" "$tmp/src/"
done
# Name, app ID and build number come from FyneApp.toml, which fyne reads in
# the folder it builds; the version from the git tag (VERSION).
cp "$root/FyneApp.toml" "$tmp/src/cmd/carnet/"

step "fyne package -os windows -release (MinGW-w64, CGO)"
# fyne package adds -H=windowsgui (no console window when started from the
# Start menu) and, with -release, -s -w and -trimpath; it takes -ldflags only
# from GOFLAGS, which is how the version tag gets in. Without --executable it
# builds twice (plain, then again with the icon and version resource) and
# takes the -ldflags out of GOFLAGS on the first build: the exe it keeps
# would lack the tag. Given an --executable (an empty one), it only does the
# second build, over it, with the tag.
: >"$tmp/src/cmd/carnet/carnet.exe"
(cd "$tmp/src/cmd/carnet" &&
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
		GOFLAGS="${GOFLAGS:-} -ldflags=-X=carnet/internal/version.tag=$version" \
		"$fyne" package -os windows -release --app-version "$numeric" --icon "$root/resources/icon.png" \
		--executable "$tmp/src/cmd/carnet/carnet.exe")
mkdir -p "$dist"
mv "$tmp/src/cmd/carnet/Carnet.exe" "$exe"

step "checking the exe"
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q '^Magic.*PE32+' <<<"$headers" || { echo "build.sh: $exe is not a 64-bit PE" >&2; exit 1; }
grep -q '^Subsystem.*Windows GUI' <<<"$headers" || { echo "build.sh: $exe is not a GUI-subsystem program" >&2; exit 1; }
# The version resource's strings are UTF-16 (strings -el reads those).
resource=$(x86_64-w64-mingw32-strings -el "$exe")
build=$(sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' "$root/FyneApp.toml")
for s in ProductVersion FileDescription "$numeric.${build:-1}" Carnet; do
	grep -qxF -- "$s" <<<"$resource" || { echo "build.sh: no '$s' in the exe's version resource" >&2; exit 1; }
done
echo "PE32+ x86-64, Windows GUI subsystem, version resource $numeric.${build:-1}"

step "wixl: the MSI"
# wixl reads the files a .wxs names from the .wxs's folder; Carnet.exe is
# the name the Start menu and the Apps list show.
mkdir "$tmp/msi"
cp "$here/carnet.wxs" "$tmp/msi/"
cp "$exe" "$tmp/msi/Carnet.exe"
convert "$root/resources/icon.png" -define icon:auto-resize=256,64,48,32,24,16 "$tmp/msi/carnet.ico"
next=${numeric%.*}.$((${numeric##*.} + 1))
wixl -a x64 -D Version="$numeric" -D NextVersion="$next" -o "$msi" "$tmp/msi/carnet.wxs" 2>"$tmp/wixl.err" || { cat "$tmp/wixl.err" >&2; exit 1; }
# wixl says "no property named …" for WiX attributes it does not know and
# then ignores them: none may be left in carnet.wxs.
if [ -s "$tmp/wixl.err" ]; then cat "$tmp/wixl.err" >&2; echo "build.sh: wixl warned (above)" >&2; exit 1; fi

step "msiinfo: the MSI's tables"
tables=$(msiinfo tables "$msi")
for t in Shortcut Upgrade LaunchCondition Icon Registry RemoveFile; do
	grep -qx "$t" <<<"$tables" || { echo "build.sh: the MSI has no $t table (tables: $(tr '\n' ' ' <<<"$tables"))" >&2; exit 1; }
done
# rows: msiinfo export prints 3 header lines, then one tab-separated row per line.
rows() { msiinfo export "$msi" "$1" | sed -n '4,$p'; }
shortcut=$(rows Shortcut)
grep -q "^CarnetShortcut	ProgramMenuFolder	Carnet	.*\[INSTALLDIR\]Carnet.exe	.*carnet.ico" <<<"$shortcut" ||
	{ echo "build.sh: no Start-menu shortcut to Carnet.exe with its icon: $shortcut" >&2; exit 1; }
upgrade=$(rows Upgrade)
grep -q "^{0D168ED6-58CE-44E1-B62C-C9CFEF9ED87F}	0.0.0	$next	.*OLDER_CARNET_FOUND" <<<"$upgrade" &&
	grep -q "^{0D168ED6-58CE-44E1-B62C-C9CFEF9ED87F}	$numeric		.*NEWER_CARNET_FOUND" <<<"$upgrade" ||
	{ echo "build.sh: the Upgrade table is not Carnet's: $upgrade" >&2; exit 1; }
rows InstallExecuteSequence | grep -q '^RemoveExistingProducts' || { echo "build.sh: the MSI never removes the older Carnet" >&2; exit 1; }
rows Property | grep -q '^ALLUSERS' && { echo "build.sh: ALLUSERS is set: not a per-user MSI" >&2; exit 1; }
# Word count 10 = compressed (2) + no elevation asked (8): per user.
wordcount=$(msiinfo suminfo "$msi" | sed -n 's/^Source: \([0-9]*\).*/\1/p')
[ "$wordcount" = 10 ] || { echo "build.sh: summary word count $wordcount, not 10 (compressed, no elevation)" >&2; exit 1; }
echo "Shortcut: $(cut -f 1-5 <<<"$shortcut" | tr '\t' ' ')"
echo "Upgrade:  $(cut -f 2,3,5,7 <<<"$upgrade" | tr '\t\n' ' ;')"
echo "Per user: no ALLUSERS, word count $wordcount (compressed, no elevation)"

step "done"
ls -l "$exe" "$msi" | awk '{printf "%-60s %6.1f MB\n", $NF, $5 / 1048576}'
