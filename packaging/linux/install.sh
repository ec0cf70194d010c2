#!/usr/bin/env bash
# Install the Linux build of Adviesgesprek for all users: the program in /opt/adviesgesprek, the
# command `adviesgesprek` in /usr/local/bin, the menu entry, the icon and the file type of
# *.adviesgesprek.yaml. Run as root, from the source tree or from an unpacked release tarball.
#
#   sudo packaging/linux/install.sh [BUILD_FOLDER]     install (default: packaging/dist/adviesgesprek)
#   sudo packaging/linux/install.sh --uninstall        remove again (settings and overlay stay)
#   DESTDIR=/tmp/root packaging/linux/install.sh       install into a staging root (packages)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-/opt/adviesgesprek}"
BINDIR="${BINDIR:-/usr/local/bin}"
SHAREDIR="${SHAREDIR:-/usr/local/share}"
DESTDIR="${DESTDIR:-}"

refresh_caches() {
  [ -z "$DESTDIR" ] || return 0
  command -v update-mime-database >/dev/null && update-mime-database "$SHAREDIR/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$SHAREDIR/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHAREDIR/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$DESTDIR$PREFIX"
  rm -f "$DESTDIR$BINDIR/adviesgesprek" \
        "$DESTDIR$SHAREDIR/applications/adviesgesprek.desktop" \
        "$DESTDIR$SHAREDIR/mime/packages/adviesgesprek.xml" \
        "$DESTDIR$SHAREDIR/icons/hicolor/scalable/apps/adviesgesprek.svg" \
        "$DESTDIR$SHAREDIR/icons/hicolor/256x256/apps/adviesgesprek.png"
  refresh_caches
  echo "Adviesgesprek is verwijderd."
  exit 0
fi

build="${1:-}"
if [ -z "$build" ]; then
  for candidate in "$here/../dist/adviesgesprek" "$here/../adviesgesprek"; do
    if [ -x "$candidate/adviesgesprek" ]; then build="$candidate"; break; fi
  done
fi
if [ -z "$build" ] || [ ! -x "$build/adviesgesprek" ]; then
  echo "install.sh: geen gebouwd programma gevonden; bouw het eerst met packaging/build" >&2
  exit 2
fi
build="$(cd "$build" && pwd)"

rm -rf "$DESTDIR$PREFIX"
mkdir -p "$DESTDIR$PREFIX" "$DESTDIR$BINDIR" "$DESTDIR$SHAREDIR/applications" \
         "$DESTDIR$SHAREDIR/mime/packages"
cp -a "$build/." "$DESTDIR$PREFIX/"
ln -sf "$PREFIX/adviesgesprek" "$DESTDIR$BINDIR/adviesgesprek"
install -m 644 "$here/adviesgesprek.desktop" "$DESTDIR$SHAREDIR/applications/adviesgesprek.desktop"
install -m 644 "$here/adviesgesprek-mime.xml" "$DESTDIR$SHAREDIR/mime/packages/adviesgesprek.xml"

icons="$build/_internal/wizard/resources/icons"
if [ -f "$icons/adviesgesprek.svg" ]; then
  install -D -m 644 "$icons/adviesgesprek.svg" \
    "$DESTDIR$SHAREDIR/icons/hicolor/scalable/apps/adviesgesprek.svg"
fi
if [ -f "$icons/adviesgesprek.png" ]; then
  install -D -m 644 "$icons/adviesgesprek.png" \
    "$DESTDIR$SHAREDIR/icons/hicolor/256x256/apps/adviesgesprek.png"
fi
refresh_caches
echo "Adviesgesprek $("$DESTDIR$PREFIX/adviesgesprek" --version | cut -d' ' -f2) staat in $DESTDIR$PREFIX."
