#!/usr/bin/env bash
# smoke.sh [BINARY] — drives Carnet's real window under Xvfb like a user, in
# French then in English: every tab, the Import tab's Browse and template
# dialogs (the template is saved and checked), a customer's form. After each
# click it checks the app is still running and that the expected tab or
# dialog is on screen, from the window's own description of what it shows
# (CARNET_UI_TRACE + SIGUSR1, see gui/trace.go). Screenshots of each step go
# to $SMOKE_SHOTS, else screenshots/tmp/smoke-<time>/; the last line printed
# names the folder. Needs Xvfb, xdotool, ImageMagick and x11-utils
# (`make smoke` installs them). Exits 1 naming the step that failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-}
tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	# Wait for each to exit: the app writes its preferences under $tmp as
	# it quits.
	[ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; } || true
	[ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
	rm -rf "$tmp"
}
trap cleanup EXIT
started=$SECONDS

if [ -z "$bin" ]; then
	bin=$tmp/carnet
	(cd "$root" && go build -o "$bin" ./cmd/carnet)
fi
case $bin in /*) ;; *) bin=$root/$bin ;; esac
shots=${SMOKE_SHOTS:-$root/screenshots/tmp/smoke-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$shots"

screen_w=1400 screen_h=900
# A free display number: the first without an X lock file.
disp=90
while [ -e /tmp/.X$disp-lock ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 ${screen_w}x${screen_h}x24 >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "smoke: Xvfb did not start on :$disp" >&2; exit 1; }

"$bin" demo --clients 200 --db "$tmp/demo.db" >/dev/null

lang="" home="" win="" log="" trace="" seq=0 shot_n=0 step=""
dump_file=$tmp/dump

# fail MESSAGE: says which step failed and why, shows the app's log and the
# last dump, keeps a screenshot of the moment when the window is still there.
fail() {
	echo "smoke FAILED [$lang] $step: $1" >&2
	if [ -n "$log" ] && [ -f "$log" ]; then
		echo "--- last 60 lines of the app's log ---" >&2
		tail -n 60 "$log" >&2
	fi
	if [ -s "$dump_file" ]; then
		echo "--- last dump ---" >&2
		cat "$dump_file" >&2
	fi
	if [ -n "$win" ] && import -window "$win" "$shots/FAILED-$lang.png" 2>/dev/null; then
		echo "screenshot of the failure: $shots/FAILED-$lang.png" >&2
	fi
	echo "screenshots: $shots" >&2
	exit 1
}

alive() { kill -0 "$app_pid" 2>/dev/null || { app_pid=""; fail "the app is no longer running"; }; }

# check_window: mapped, and no larger than the screen.
check_window() {
	local info w h
	info=$(xwininfo -id "$win" 2>/dev/null) || fail "xwininfo cannot see window $win"
	grep -q 'Map State: IsViewable' <<<"$info" || fail "the window is not mapped"
	w=$(awk '/^ *Width:/ {print $2}' <<<"$info")
	h=$(awk '/^ *Height:/ {print $2}' <<<"$info")
	if [ "$w" -gt "$screen_w" ] || [ "$h" -gt "$screen_h" ]; then
		fail "the window is ${w}x${h}, larger than the ${screen_w}x${screen_h} screen"
	fi
	win_size=${w}x${h}
}

# dump: asks the app (SIGUSR1) to describe the screen and keeps that block in
# $dump_file (and $dump).
dump() {
	alive
	seq=$((seq + 1))
	kill -USR1 "$app_pid"
	local i
	for i in $(seq 100); do
		grep -qx "end $seq" "$trace" 2>/dev/null && break
		[ "$i" = 100 ] && fail "no 'end $seq' in the trace within 5 s"
		sleep 0.05
	done
	sed -n "/^dump $seq\$/,/^end $seq\$/p" "$trace" >"$dump_file"
	dump=$(cat "$dump_file")
}

# Readers of the last dump.
dialogs() { awk '$1 == "dialogs" {print $2}' "$dump_file"; }
tab_count() { grep -c '^tab ' "$dump_file" || true; }
selected_tab() { awk '$1 == "tab" && $3 == 1 {print $2}' "$dump_file"; }
tab_xy() { awk -v i="$1" '$1 == "tab" && $2 == i {print $4, $5}' "$dump_file"; }
row_xy() { awk '$1 == "row" {print $2, $3}' "$dump_file"; }
# button_xy LAYER TEXT: centre of the button with exactly that text.
button_xy() {
	local kind x y layer text
	while read -r kind x y layer text; do
		[ "$kind" = button ] && [ "$layer" = "$1" ] && [ "$text" = "$2" ] && { echo "$x $y"; return 0; }
	done <"$dump_file"
	return 0
}
# has_text LAYER TEXT: a label or title with exactly that text.
has_text() { grep -qxF "text $1 $2" "$dump_file"; }
# text_starting LAYER PREFIX: the first label starting with PREFIX.
text_starting() {
	local kind layer text
	while read -r kind layer text; do
		[ "$kind" = text ] && [ "$layer" = "$1" ] && [ "${text#"$2"}" != "$text" ] && { echo "$text"; return 0; }
	done <"$dump_file"
	return 0
}

expect_dialogs() { [ "$(dialogs)" = "$1" ] || fail "expected 'dialogs $1', the dump says 'dialogs $(dialogs)'"; }

# click X Y: a slow press and release (xdotool's instant click is sometimes
# missed), then the app must still be running.
click() {
	xdotool mousemove --window "$win" "$1" "$2" sleep 0.15 mousedown 1 sleep 0.08 mouseup 1
	sleep 0.8
	alive
	check_window
}

# double_click X Y: two quick clicks, as opening a list row takes.
double_click() {
	xdotool mousemove --window "$win" "$1" "$2" sleep 0.15 mousedown 1 sleep 0.05 mouseup 1 sleep 0.08 mousedown 1 sleep 0.05 mouseup 1
	sleep 0.8
	alive
	check_window
}

# click_button LAYER TEXT
click_button() {
	local xy
	xy=$(button_xy "$1" "$2")
	[ -n "$xy" ] || fail "no '$2' button in the $1 layer"
	# shellcheck disable=SC2086
	click $xy
}

shot() {
	shot_n=$((shot_n + 1))
	local f
	f=$(printf '%s/%02d-%s-%s.png' "$shots" "$shot_n" "$lang" "$1")
	import -window "$win" "$f" || fail "import could not capture the window"
}

start() {
	home=$tmp/home-$lang
	mkdir -p "$home/.cache" "$home/run"
	chmod 700 "$home/run"
	log=$tmp/app-$lang.log
	trace=$tmp/trace-$lang
	seq=0
	: >"$dump_file"
	HOME=$home XDG_RUNTIME_DIR=$home/run CARNET_LANG=$lang LANG=$locale \
		CARNET_UI_TRACE=$trace "$bin" --db "$tmp/demo.db" >"$log" 2>&1 &
	app_pid=$!
	win=""
	local i
	for i in $(seq 100); do
		# sed, not head: under pipefail a reader that quits early fails the pipe.
		win=$(xdotool search --name '^Carnet' 2>/dev/null | sed -n 1p) && [ -n "$win" ] &&
			[[ $(xwininfo -id "$win" 2>/dev/null) == *"Map State: IsViewable"* ]] && break
		win=""
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$win" ] || fail "the window did not appear within 10 s"
	sleep 1.5 # first rows and fonts
}

# stop: a TERM, as a logout sends, must end the app within seconds (it
# exits by itself 10 s after a quit that did not close the window); past
# 20 s the smoke test fails rather than hang CI.
stop() {
	kill "$app_pid" 2>/dev/null || true
	for _ in $(seq 200); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$app_pid" 2>/dev/null; then
		kill -9 "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
		app_pid=""
		fail "the app did not end within 20 s of a TERM"
	fi
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	win=""
}

for lang in fr en; do
	if [ "$lang" = fr ]; then
		t_browse="Parcourir…" t_open="Ouvrir un fichier" t_cancel="Annuler"
		t_template="Télécharger le modèle d’import" t_save_title="Enregistrer le modèle d’import" t_save="Enregistrer"
		t_customer="Client C" locale=fr_FR.UTF-8
		t_export="Exporter…" t_export_title="Exporter des clients" t_export_save="Enregistrer l’export"
		t_written="clients écrits dans" t_close="Fermer" t_export_file="clients.xlsx"
		t_add_file="Ajouter un fichier…" t_open_export="Ouvrir l’export de la boutique"
	else
		t_browse="Browse…" t_open="Open a file" t_cancel="Cancel"
		t_template="Download the import template" t_save_title="Save the import template" t_save="Save"
		t_customer="Customer C" locale=en_US.UTF-8
		t_export="Export…" t_export_title="Export customers" t_export_save="Save the export"
		t_written="customers written to" t_close="Close" t_export_file="customers.xlsx"
		t_add_file="Add a file…" t_open_export="Open the shop’s export"
	fi

	step="1 window"
	start
	alive
	check_window
	dump
	[ "$(tab_count)" = 5 ] || fail "expected 5 tabs, the dump has $(tab_count)"
	expect_dialogs 0
	shot window
	echo "[$lang] 1 window: $win_size, mapped, 5 tabs, no dialog"

	# 2: every tab, the first last (it is selected on opening).
	for i in 1 2 3 4 0; do
		xy=$(tab_xy "$i")
		title=$(awk -v i="$i" '$1 == "tab" && $2 == i {$1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print}' "$dump_file")
		step="2 tab $i ($title)"
		[ -n "$xy" ] || fail "no tab $i in the dump"
		# shellcheck disable=SC2086
		click $xy
		dump
		[ "$(selected_tab)" = "$i" ] || fail "clicked tab $i at $xy, the selected tab is '$(selected_tab)'"
		expect_dialogs 0
		shot "tab$i-$(tr -c 'A-Za-z0-9' '_' <<<"$title" | sed 's/_*$//')"
	done
	echo "[$lang] 2 tabs: each of the 5 selected by a click"

	step="3 Import tab, $t_browse"
	# shellcheck disable=SC2046
	click $(tab_xy 2)
	dump
	[ "$(selected_tab)" = 2 ] || fail "the Import tab is not selected"
	click_button window "$t_browse"
	dump
	expect_dialogs 1
	has_text dialog "$t_open" || fail "no dialog title '$t_open'"
	shot open-dialog
	step="3 $t_open, $t_cancel"
	click_button dialog "$t_cancel"
	dump
	expect_dialogs 0
	echo "[$lang] 3 '$t_browse' opened '$t_open', '$t_cancel' closed it"

	step="3b Synchronisation tab, $t_add_file"
	# shellcheck disable=SC2046
	click $(tab_xy 4)
	dump
	[ "$(selected_tab)" = 4 ] || fail "the Synchronisation tab is not selected"
	click_button window "$t_add_file"
	dump
	expect_dialogs 1
	has_text dialog "$t_open_export" || fail "no dialog title '$t_open_export'"
	shot sync-open-dialog
	step="3b $t_open_export, $t_cancel"
	click_button dialog "$t_cancel"
	dump
	expect_dialogs 0
	# shellcheck disable=SC2046
	click $(tab_xy 2)
	dump
	echo "[$lang] 3b '$t_add_file' opened '$t_open_export', '$t_cancel' closed it"

	step="4 $t_template"
	click_button window "$t_template"
	dump
	expect_dialogs 1
	has_text dialog "$t_save_title" || fail "no dialog title '$t_save_title'"
	shot template-dialog
	step="4 $t_save_title, $t_save"
	click_button dialog "$t_save"
	dump
	expect_dialogs 0
	# The dialog creates the file, the app then writes it in the background
	# and says so, naming it, on the Import tab: wait for that line.
	xlsx="" said=""
	for _ in $(seq 50); do
		xlsx=$(find "$home" -name '*.xlsx' | sed -n 1p)
		if [ -n "$xlsx" ]; then
			said=$(awk -v f="$xlsx" '$1 == "text" && $2 == "window" && index($0, f) {print; exit}' "$dump_file")
			[ -n "$said" ] && break
		fi
		sleep 0.1
		dump
	done
	[ -n "$xlsx" ] || fail "no .xlsx under $home after '$t_save'"
	[ -n "$said" ] || fail "$xlsx exists but the window never says it was saved"
	[ "$(head -c 2 "$xlsx")" = PK ] || fail "$xlsx is not a zip (does not start with PK)"
	if command -v unzip >/dev/null; then
		listing=$(unzip -l "$xlsx" 2>&1) || fail "unzip cannot read $xlsx: $listing"
		grep -q 'xl/workbook.xml' <<<"$listing" || fail "$xlsx has no xl/workbook.xml: $listing"
	fi
	shot template-saved
	echo "[$lang] 4 '$t_template' saved ${xlsx#"$home"/} in HOME ($(wc -c <"$xlsx") bytes, a zip); the tab says: ${said#text window }"

	step="5 Clients tab"
	# shellcheck disable=SC2046
	click $(tab_xy 0)
	dump
	[ "$(selected_tab)" = 0 ] || fail "the Clients tab is not selected"
	for _ in $(seq 10); do # the first rows load in the background
		[ -n "$(row_xy)" ] && break
		sleep 0.5
		dump
	done
	xy=$(row_xy)
	[ -n "$xy" ] || fail "no 'row' line: the Clients tab shows no customer"
	step="5 first customer, one click"
	# shellcheck disable=SC2086
	click $xy
	dump
	expect_dialogs 0 # a click selects the row
	step="5 first customer, double click"
	# shellcheck disable=SC2086
	double_click $xy
	dump
	expect_dialogs 1
	title=$(text_starting dialog "$t_customer")
	[ -n "$title" ] || fail "no dialog text starting with '$t_customer'"
	shot customer-form
	step="5 $title, $t_cancel"
	click_button dialog "$t_cancel"
	dump
	expect_dialogs 0
	echo "[$lang] 5 a click selected the first row, a double click opened '$title', '$t_cancel' closed it"

	# 5b: the export, through Fyne's save dialog (a file dialog that passed
	# every headless test once crashed the real app).
	step="5b $t_export"
	click_button window "$t_export"
	dump
	expect_dialogs 1
	has_text dialog "$t_export_title" || fail "no dialog title '$t_export_title'"
	shot export-dialog
	step="5b $t_export_title, $t_export"
	click_button dialog "$t_export"
	dump
	expect_dialogs 2
	has_text dialog "$t_export_save" || fail "no dialog title '$t_export_save'"
	step="5b $t_export_save, $t_save"
	click_button dialog "$t_save"
	exported="" said=""
	for _ in $(seq 100); do
		sleep 0.1
		dump
		exported=$(find "$home" -name "$t_export_file" | sed -n 1p)
		said=$(awk -v w="$t_written" '$1 == "text" && $2 == "dialog" && index($0, w) {print; exit}' "$dump_file")
		[ -n "$exported" ] && [ -n "$said" ] && break
	done
	[ -n "$exported" ] || fail "no $t_export_file under $home after '$t_save'"
	[ -n "$said" ] || fail "$exported exists but the dialog never says how many customers it wrote"
	[ "$(head -c 2 "$exported")" = PK ] || fail "$exported is not a zip (does not start with PK)"
	shot export-done
	step="5b $t_close"
	click_button dialog "$t_close"
	dump
	expect_dialogs 0
	echo "[$lang] 5b '$t_export' wrote ${exported#"$home"/} ($(wc -c <"$exported") bytes); the dialog says: ${said#text dialog }"

	step="6 end"
	alive
	check_window
	shot end
	stop
	echo "[$lang] 6 window still ${win_size:-?} at the end, app stopped"
done

echo "smoke test passed (fr, en) in $((SECONDS - started)) s"
echo "screenshots: $shots"
