#!/usr/bin/env bash
# ctest tst_package: the .deb made from this build (cpack), checked as a user gets it:
# desktop entry and AppStream metainfo validate, the package installs with
#   apt-get install ./mcp-console_<version>_<arch>.deb
# (dependencies resolved by apt), `mcpctl --version` and `mcp-console --version` start from
# /usr/bin and print the version with the git revision, and it is removed again.
# Needs root (the test bed's scripts run as root); BUILD_DIR and SOURCE_DIR come from ctest.
set -euo pipefail
BUILD=${1:?build dir}
SRC=${2:?source dir}
[ "$(id -u)" -eq 0 ] || { echo "tst_package needs root to install the package" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export DEBIAN_FRONTEND=noninteractive
for p in dpkg-dev desktop-file-utils appstream; do
  dpkg -s "$p" >/dev/null 2>&1 || apt-get install -y -q "$p" >/dev/null
done
(cd "$BUILD" && cpack -G DEB -B "$OUT" >/dev/null)
DEB=$(ls "$OUT"/mcp-console_*.deb | head -1)
echo "package: $DEB"
dpkg-deb -I "$DEB" | sed -n 's/^ \(Package\|Version\|Depends\):/  \1:/p'
desktop-file-validate "$SRC/packaging/mcp-console.desktop"
appstreamcli validate --no-net "$SRC/packaging/io.github.mcpconsole.McpConsole.metainfo.xml" >/dev/null
# Not installed before (a developer's machine may have it: leave theirs alone).
if dpkg -s mcp-console >/dev/null 2>&1; then
  echo "mcp-console is already installed here; not touching it" >&2
  exit 1
fi
trap 'apt-get remove -y -q mcp-console >/dev/null 2>&1 || true; rm -rf "$OUT"' EXIT
apt-get install -y -q --no-install-recommends "$DEB" >/dev/null
dpkg -L mcp-console | grep -q '^/usr/share/applications/mcp-console.desktop$'
dpkg -L mcp-console | grep -q '^/usr/share/icons/hicolor/scalable/apps/mcp-console.svg$'
# The revision this build recorded (cmake/buildinfo.cmake), which the binaries print.
rev=$(sed -n 's/.*QStringLiteral("\([^"]*\)").*/\1/p' "$BUILD/app/buildinfo.cpp")
[ -n "$rev" ] || { echo "no revision in $BUILD/app/buildinfo.cpp" >&2; exit 1; }
ctl=$(/usr/bin/mcpctl --version)
gui=$(QT_QPA_PLATFORM=offscreen /usr/bin/mcp-console --version)
echo "$ctl"; echo "$gui"
case "$ctl" in *"($rev)"*) ;; *) echo "mcpctl --version lacks the revision $rev" >&2; exit 1 ;; esac
case "$gui" in *"$rev"*) ;; *) echo "mcp-console --version lacks the revision $rev" >&2; exit 1 ;; esac
# The installed console starts for real (offscreen) and quits after a screenshot.
shot="$OUT/installed.png"
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/mcp-console --settings "$OUT/settings.ini" --host unix:///nonexistent.sock --screenshot "$shot"
[ -s "$shot" ] || { echo "the installed console did not start" >&2; exit 1; }
apt-get remove -y -q mcp-console >/dev/null
! dpkg -s mcp-console >/dev/null 2>&1
echo "package installs, both commands start, and it removes cleanly"
