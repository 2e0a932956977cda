#!/usr/bin/env bash
# test-wine.sh EXE MSI VERSION — runs the Windows build under wine64 in a
# throwaway Wine prefix (and a throwaway HOME, so Wine adds nothing to your
# menus), printing what each command printed:
#  1. the command line: --version, --help, `demo --clients 100` and
#     `clients --json --archived` on the database demo made;
#  2. the MSI: installs it (msiexec /qn), checks the program and the
#     Start-menu shortcut are in place, makes customers in the default
#     database; installs an MSI one patch version higher (made here from
#     carnet.wxs) and checks it replaced the first; checks the first is then
#     refused; uninstalls and checks the program is gone and the customers
#     are not.
# Exits 1 naming the check that failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
usage="usage: test-wine.sh EXE MSI VERSION"
exe=${1:?$usage}
msi=${2:?$usage}
version=${3:?$usage}
case $exe in /*) ;; *) exe=$PWD/$exe ;; esac
case $msi in /*) ;; *) msi=$PWD/$msi ;; esac

# Debian's wine64 package puts the loader in /usr/lib/wine; newer ones have
# /usr/bin/wine64 or a 64-bit /usr/bin/wine.
wine=""
for w in wine64 /usr/lib/wine/wine64 wine; do
	command -v "$w" >/dev/null 2>&1 && { wine=$w; break; }
done
[ -n "$wine" ] || { echo "test-wine: wine64 is not installed (apt-get install wine64)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home"
export HOME=$tmp/home WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko download prompt when the prefix is made; no menu entry
# or icon written to the desktop for the shortcut the MSI makes.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# The messages' language: the program follows LANG as on Linux (French
# unless it says English); unset LC_* so LANG decides.
unset LC_ALL LC_MESSAGES
export LANG=fr_FR.UTF-8
unset DISPLAY WAYLAND_DISPLAY # no window: the command line only
started=$SECONDS

fail() { echo "test-wine FAILED: $1" >&2; exit 1; }
# run NAME PROGRAM ARGS…: runs PROGRAM in $tmp, its output in $tmp/NAME.out;
# shows it.
run() {
	local name=$1 program=$2 code=0
	shift 2
	(cd "$tmp" && timeout 300 "$wine" "$program" "$@" >"$name.out" 2>&1) || code=$?
	echo "\$ ${program##*[/\\]} $* (exit $code)"
	sed 's/^/    /' "$tmp/$name.out" | head -n "${SHOW_LINES:-12}"
	return $code
}

echo "wine: $($wine --version 2>/dev/null), prefix $WINEPREFIX"
"$wine" wineboot --init >/dev/null 2>&1 || true
system32=$WINEPREFIX/drive_c/windows/system32
[ -d "$system32" ] || fail "wineboot made no $system32"
echo "prefix made in $((SECONDS - started)) s"
# Go's runtime needs bcryptprimitives.dll, which Wine 8 lacks (see
# wine-processprng.c): compiled into the prefix when it is missing.
if [ ! -e "$system32/bcryptprimitives.dll" ]; then
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/bcryptprimitives.dll" "$here/wine-processprng.c" -lbcrypt ||
		fail "could not compile wine-processprng.c"
	echo "this Wine has no bcryptprimitives.dll: the prefix got wine-processprng.c's ProcessPrng"
fi

echo "-- 1. the command line"
run version "$exe" --version || fail "--version exited non-zero"
grep -qF "$version" "$tmp/version.out" || fail "--version does not print $version"

run help "$exe" --help || fail "--help exited non-zero"
grep -q 'demo' "$tmp/help.out" || fail "--help does not list the demo command"

run demo "$exe" demo --clients 100 --db x.db || fail "demo exited non-zero"
grep -qE '^100 (clients ajoutés|customers added)' "$tmp/demo.out" || fail "demo does not say it added 100 customers"
[ -s "$tmp/x.db" ] || fail "demo wrote no x.db"

# --archived: demo archives about 2 in 100, which a search leaves out otherwise.
SHOW_LINES=3 run clients "$exe" clients --db x.db --json --archived --limit 1 || fail "clients --json exited non-zero"
grep -q '"total": *100[,}]' "$tmp/clients.out" || fail "clients --json --archived does not count 100 customers"

echo "-- 2. the MSI"
users=$WINEPREFIX/drive_c/users/$(id -un)
installed=$users/AppData/Local/Programs/Carnet/Carnet.exe
shortcut="$users/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Carnet.lnk"
database=$users/AppData/Roaming/Carnet/carnet.db
# products: the uninstall entries (Wine keeps per-user ones under HKLM).
products() {
	{ "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null
	  "$wine" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null; } |
		grep -o '{[0-9A-F-]*}' | sort -u || true
}
before=$(products)
msiexec() { "$wine" msiexec "$@" /qn >/dev/null 2>&1; }

msiexec /i "$msi" || fail "msiexec /i $(basename "$msi") failed"
[ -f "$installed" ] || fail "the MSI did not install %LocalAppData%\\Programs\\Carnet\\Carnet.exe"
[ -f "$shortcut" ] || fail "the MSI made no Start-menu shortcut"
first=$(comm -13 <(echo "$before") <(products))
[ "$(wc -w <<<"$first")" = 1 ] || fail "after one install, new uninstall entries: '$first'"
echo "installed $(basename "$msi"): Carnet.exe, Start menu › Carnet, product $first"
run installed-version "$installed" --version || fail "the installed Carnet.exe --version exited non-zero"
run installed-demo "$installed" demo --clients 20 || fail "the installed Carnet.exe demo exited non-zero"
[ -s "$database" ] || fail "no database in %AppData%\\Carnet after demo"

# One patch version higher, from the same .wxs and exe.
numeric=${version%%[-+]*}
newer=${numeric%.*}.$((${numeric##*.} + 1))
mkdir "$tmp/msi"
cp "$here/carnet.wxs" "$tmp/msi/"
cp "$installed" "$tmp/msi/Carnet.exe"
convert "$here/../../icon.png" -define icon:auto-resize=32,16 "$tmp/msi/carnet.ico"
wixl -a x64 -D Version="$newer" -D NextVersion="${newer%.*}.$((${newer##*.} + 1))" \
	-o "$tmp/newer.msi" "$tmp/msi/carnet.wxs" 2>/dev/null || fail "wixl could not make a $newer MSI"
msiexec /i "$tmp/newer.msi" || fail "msiexec /i of the $newer MSI failed"
second=$(comm -13 <(echo "$before") <(products))
[ "$(wc -w <<<"$second")" = 1 ] && [ "$second" != "$first" ] ||
	fail "$newer did not replace $numeric: uninstall entries '$second'"
[ -f "$installed" ] && [ -s "$database" ] || fail "after the upgrade, Carnet.exe or the database is missing"
echo "upgraded to $newer in place: product $second replaced $first, database kept"

msiexec /i "$msi" && fail "$numeric installed over $newer (a downgrade)"
[ "$(comm -13 <(echo "$before") <(products))" = "$second" ] || fail "the refused downgrade changed the products"
echo "installing $numeric over $newer: refused"

msiexec /x "$tmp/newer.msi" || fail "msiexec /x failed"
[ ! -e "$installed" ] && [ ! -e "${installed%/*}" ] || fail "uninstall left %LocalAppData%\\Programs\\Carnet"
[ ! -e "$shortcut" ] || fail "uninstall left the Start-menu shortcut"
[ -z "$(comm -13 <(echo "$before") <(products))" ] || fail "uninstall left an uninstall entry"
[ -s "$database" ] || fail "uninstall removed the customer database"
echo "uninstalled: program, folder and shortcut gone; %AppData%\\Carnet\\carnet.db kept ($(stat -c %s "$database") bytes)"

echo "wine test passed in $((SECONDS - started)) s"
