#!/usr/bin/env bash
# test-install.sh TARBALL VERSION — installs the Linux package as a user
# would, into a temporary prefix, and starts it: unpacks TARBALL, runs its
# `make install PREFIX=…`, checks the files and the menu entry
# (desktop-file-validate when installed), `carnet --version`, opens the
# window under Xvfb on a demo database until a window named Carnet shows
# (screenshot in screenshots/tmp/), then `make uninstall` and checks that
# nothing is left. Needs Xvfb, xdotool, ImageMagick and x11-utils
# (`make package-linux-test` installs them). Exits 1 naming the check that
# failed. TEST_DISPLAY sets the first display number tried (default 90).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
tarball=${1:?usage: test-install.sh TARBALL VERSION}
version=${2:?usage: test-install.sh TARBALL VERSION}
case $tarball in /*) ;; *) tarball=$root/$tarball ;; esac

tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; } || true
	[ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
	rm -rf "$tmp"
}
trap cleanup EXIT
started=$SECONDS
fail() {
	echo "test-install FAILED: $1" >&2
	[ -s "$tmp/app.log" ] && { echo "--- the app's log ---" >&2; tail -n 30 "$tmp/app.log" >&2; }
	exit 1
}

prefix=$tmp/prefix
tar -C "$tmp" -xJf "$tarball"
pkg=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'carnet-*')
[ -n "$pkg" ] || fail "no carnet-* folder in $tarball"
make -s -C "$pkg" install PREFIX="$prefix" >"$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "make install failed"; }

# What the install must have put in place.
sizes=$(cd "$pkg/icons" && ls | sort -n)
expected="bin/carnet share/applications/carnet.desktop"
for s in $sizes; do expected="$expected share/icons/hicolor/$s/apps/carnet.png"; done
for f in $expected; do [ -f "$prefix/$f" ] || fail "make install did not install $f"; done
[ -x "$prefix/bin/carnet" ] || fail "bin/carnet is not executable"
grep -qx "Exec=$prefix/bin/carnet" "$prefix/share/applications/carnet.desktop" ||
	fail "the menu entry does not start $prefix/bin/carnet"
echo "installed: $(wc -w <<<"$expected") files (icons: $(tr '\n' ' ' <<<"$sizes"))"

if command -v desktop-file-validate >/dev/null 2>&1; then
	out=$(desktop-file-validate "$prefix/share/applications/carnet.desktop" 2>&1) || fail "desktop-file-validate: $out"
	[ -z "$out" ] || fail "desktop-file-validate: $out"
	echo "carnet.desktop: desktop-file-validate finds nothing to say"
else
	echo "carnet.desktop not validated: desktop-file-validate is not installed (apt-get install desktop-file-utils)"
fi

said=$("$prefix/bin/carnet" --version 2>&1) || fail "carnet --version exited non-zero: $said"
grep -qF "$version" <<<"$said" || fail "carnet --version says '$said', not $version"
echo "carnet --version: $said"

# The window, on a demo database, with a home of its own.
mkdir -p "$tmp/home/.cache" "$tmp/config" "$tmp/run"
chmod 700 "$tmp/run"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_RUNTIME_DIR=$tmp/run
"$prefix/bin/carnet" demo --clients 100 --db "$tmp/demo.db" >/dev/null || fail "carnet demo failed"

# A free display number: the first without an X lock file.
disp=${TEST_DISPLAY:-90}
while [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || fail "Xvfb did not start on :$disp"
echo "Xvfb on :$disp"

"$prefix/bin/carnet" --db "$tmp/demo.db" >"$tmp/app.log" 2>&1 &
app_pid=$!
win=""
for _ in $(seq 150); do
	# sed, not head: under pipefail a reader that quits early fails the pipe.
	win=$(xdotool search --name '^Carnet' 2>/dev/null | sed -n 1p) && [ -n "$win" ] &&
		[[ $(xwininfo -id "$win" 2>/dev/null) == *"Map State: IsViewable"* ]] && break
	win=""
	kill -0 "$app_pid" 2>/dev/null || { app_pid=""; fail "carnet exited before its window showed"; }
	sleep 0.1
done
[ -n "$win" ] || fail "no window named Carnet within 15 s"
title=$(xdotool getwindowname "$win")
echo "window '$title' shown $((SECONDS - started)) s after the start of the test"
# The class a desktop matches to carnet.desktop's StartupWMClass.
class=$(xprop -id "$win" WM_CLASS 2>/dev/null || true)
[[ $class == *'"Carnet"' ]] || fail "the window's class is not Carnet (carnet.desktop's StartupWMClass): $class"
echo "window class: ${class#*= }"
sleep 1.5 # the first rows and fonts
shots=$root/screenshots/tmp
mkdir -p "$shots"
shot=$shots/package-linux-$(date +%Y%m%d-%H%M%S).png
import -window root "$shot" || fail "import could not take the screenshot"
echo "screenshot: $shot"

kill "$app_pid"
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && { kill -9 "$app_pid"; fail "carnet did not end within 10 s of a TERM"; }
wait "$app_pid" 2>/dev/null || true
app_pid=""

make -s -C "$pkg" uninstall PREFIX="$prefix" >"$tmp/uninstall.log" || { cat "$tmp/uninstall.log" >&2; fail "make uninstall failed"; }
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
[ -s "$tmp/demo.db" ] || fail "the database is gone after make uninstall"
echo "uninstalled: no file left under the prefix, the database kept"
echo "package test passed in $((SECONDS - started)) s"
