#!/usr/bin/env bash
# package.sh VERSION BINARY DIST — makes DIST/carnet-VERSION-linux-amd64.tar.xz
# from a release build of Carnet (`make package-linux` builds it):
#   carnet-VERSION-linux-amd64/
#     carnet                        the program
#     carnet.desktop                its menu entry (Name, Comment in en and fr)
#     icons/NxN/carnet.png          hicolor icons, 16 to 512 pixels
#     Makefile                      make install / make uninstall (install.mk)
#     README.txt
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
version=${1:?usage: package.sh VERSION BINARY DIST}
binary=${2:?usage: package.sh VERSION BINARY DIST}
dist=${3:?usage: package.sh VERSION BINARY DIST}
case $dist in /*) ;; *) dist=$root/$dist ;; esac
case $binary in /*) ;; *) binary=$root/$binary ;; esac
name=carnet-$version-linux-amd64
tarball=$dist/$name.tar.xz

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/$name
mkdir -p "$stage"

install -m 755 "$binary" "$stage/carnet"
install -m 644 "$here/carnet.desktop" "$stage/carnet.desktop"
install -m 644 "$here/install.mk" "$stage/Makefile"
sed "s/VERSION/$version/" "$here/README.txt" >"$stage/README.txt"

# resources/icon.png is 512x512: it is the 512 icon, and ImageMagick, when
# there, makes the smaller ones menus and panels ask for (else they scale
# the 512 one themselves).
icon=$root/resources/icon.png
# A PNG's width and height: big-endian 32-bit numbers at bytes 16 and 20.
read -r w h < <(od -An -tu4 --endian=big -j16 -N8 "$icon")
[ -n "${h:-}" ] && [ "$w" = "$h" ] || { echo "package.sh: $icon is not a square PNG" >&2; exit 1; }
size=${w}x${h}
install -D -m 644 "$icon" "$stage/icons/$size/carnet.png"
if command -v convert >/dev/null 2>&1; then
	for s in 16 24 32 48 64 128 256; do
		mkdir -p "$stage/icons/${s}x${s}"
		convert "$icon" -resize "${s}x${s}" -depth 8 "$stage/icons/${s}x${s}/carnet.png"
	done
else
	echo "package.sh: ImageMagick's convert is not installed: only the $size icon is packaged"
fi

mkdir -p "$dist"
# Files in name order, owned by root: nothing of the build machine's users.
# xz on every core: single-threaded it takes 40 s over the 43 MB program.
XZ_OPT=${XZ_OPT:--T0} tar -C "$tmp" --sort=name --owner=0 --group=0 --numeric-owner -cJf "$tarball.tmp" "$name"
mv "$tarball.tmp" "$tarball"
echo "$tarball: $(tar -tJf "$tarball" | grep -vc '/$') files, $(awk '{printf "%.1f MB", $1 / 1048576}' <<<"$(stat -c %s "$tarball")")"
