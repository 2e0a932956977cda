#!/usr/bin/env bash
# shoot.sh [BINARY] — screenshots of Carnet's window in French and English,
# for the README and for reviewing the screens as a user sees them.
# Needs Xvfb, xdotool and ImageMagick (`make screenshots` installs them);
# writes resources/screenshots/<lang>-<screen>.png.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-}
tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ -z "$bin" ]; then
	bin=$tmp/carnet
	(cd "$root" && go build -o "$bin" ./cmd/carnet)
fi
case $bin in /*) ;; *) bin=$root/$bin ;; esac
out=$root/resources/screenshots
mkdir -p "$out"

# A free display number: the first without an X lock file.
disp=90
while [ -e /tmp/.X$disp-lock ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

"$bin" demo --clients 5000 --db "$tmp/demo.db" >/dev/null
# Custom fields for the Settings screenshot, and a copy of the file where
# operators are on, for the sign-in one.
"$bin" settings custom_fields "+Pointure:number" --db "$tmp/demo.db" >/dev/null
"$bin" settings custom_fields "+Canal:list:Boutique|Web|Salon" --db "$tmp/demo.db" >/dev/null
"$bin" settings custom_fields "+Dernier entretien:date" --db "$tmp/demo.db" >/dev/null
cp "$tmp/demo.db" "$tmp/operators.db"
# Three sites, for the Multisite tab and the form's site section.
"$bin" demo --clients 2000 --sites 3 --db "$tmp/sites.db" >/dev/null
"$bin" settings operators "+Claire Martin:owner" --db "$tmp/operators.db" >/dev/null
CARNET_NEW_PIN=2468 "$bin" settings operator_pin "Claire Martin" --db "$tmp/operators.db" >/dev/null
"$bin" settings operators "+Lucas Petit:employee:import" --db "$tmp/operators.db" >/dev/null
"$bin" settings operators_on on --db "$tmp/operators.db" >/dev/null

# start LANG DB: runs the app with a fresh preferences folder (so it opens on
# the Clients tab at the default size) and the language forced.
start() {
	local lang=$1 db=$2 home=$tmp/home-$1-$(basename "$2" .db)
	mkdir -p "$home/.cache" "$home/run"
	chmod 700 "$home/run"
	local posix=fr_FR.UTF-8
	[ "$lang" = en ] && posix=en_US.UTF-8
	HOME=$home XDG_RUNTIME_DIR=$home/run CARNET_LANG=$lang LANG=$posix \
		"$bin" --db "$db" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	win=""
	for _ in $(seq 100); do
		win=$(xdotool search --name '^Carnet' 2>/dev/null | head -1) && [ -n "$win" ] && break
		sleep 0.1
	done
	[ -n "$win" ] || { cat "$tmp/app.log"; echo "the window did not open" >&2; exit 1; }
	sleep 1.5 # first rows and fonts
}

stop() {
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

click() {
	xdotool mousemove --window "$win" "$1" "$2" sleep 0.15 mousedown 1 sleep 0.08 mouseup 1
	sleep "${3:-0.8}"
}
dclick() {
	xdotool mousemove --window "$win" "$1" "$2" sleep 0.15 mousedown 1 sleep 0.05 mouseup 1 sleep 0.08 mousedown 1 sleep 0.05 mouseup 1
	sleep "${3:-0.8}"
}

shot() {
	import -window "$win" "$tmp/raw.png"
	convert "$tmp/raw.png" -resize '1100x>' -strip -colors 256 "PNG8:$out/$1.png"
	echo "$out/$1.png"
}

for lang in fr en; do
	start "$lang" "$tmp/demo.db"
	shot "$lang-clients"
	dclick 200 204 1.2 # first customer (a click selects, a double click opens): its form
	shot "$lang-customer-form"
	xdotool key Escape # closes the untouched form
	sleep 0.5
	if [ "$lang" = fr ]; then click 108 49; else click 132 49; fi # Groups tab
	shot "$lang-groups"
	xdotool key ctrl+comma # Settings
	sleep 1.2
	click 182 143 1.2 # its Custom fields section
	shot "$lang-settings"
	click 127 182 1.2 # Lists
	shot "$lang-settings-lists"
	stop

	start "$lang" "$tmp/demo.db"
	xdotool key ctrl+e # Fichier › Exporter…
	sleep 1.2
	shot "$lang-export"
	stop

	start "$lang" "$tmp/demo.db"
	if [ "$lang" = fr ]; then click 366 49 1.2; else click 345 49 1.2; fi # Synchronisation tab
	shot "$lang-sync"
	stop

	start "$lang" "$tmp/sites.db"
	dclick 200 204 1.2 # C0000255, on the three sites
	if [ "$lang" = fr ]; then click 644 207 1.0; else click 612 207 1.0; fi # the "Site PRINCIPAL" section
	shot "$lang-customer-site"
	xdotool key Escape
	sleep 0.5
	if [ "$lang" = fr ]; then click 258 49 1.2; else click 277 49 1.2; fi # Multisite tab
	click 780 132 0.3 # its customer search
	xdotool type --delay 40 C0000255
	xdotool key Return
	sleep 1.2
	shot "$lang-multisite"
	stop

	start "$lang" "$tmp/operators.db" # asks who is working
	shot "$lang-sign-in"
	stop

	start "$lang" "$tmp/empty-$lang.db" # created empty on opening
	shot "$lang-first-launch"
	stop
done
