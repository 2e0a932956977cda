#!/usr/bin/env bash
# screenshots.sh — a screenshot of each step of the import wizard, in French
# and English: resources/screenshots/<lang>-import-<n>.png (n = 1..5).
# Runs the package's demo (demo_test.go, WIZARD_DEMO=1) on a generated
# ';' Windows-1252 file under Xvfb; needs Xvfb and ImageMagick.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/resources/screenshots
mkdir -p "$out"

# A free display number: the first without an X lock file.
disp=97
while [ -e /tmp/.X$disp-lock ]; do disp=$((disp + 1)); done
Xvfb :$disp -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1

cd "$here"
for lang in fr en; do
	DISPLAY=:$disp WIZARD_DEMO=1 WIZARD_LANG=$lang WIZARD_SHOTS=$out \
		timeout 120 go test -count=1 -run '^$' . >/dev/null
	echo "wrote $out/$lang-import-{1..5}.png"
done
