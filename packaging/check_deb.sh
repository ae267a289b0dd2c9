#!/usr/bin/env bash
# Unpack the .deb into a temporary root and check it as an installed copy would be used:
# the unpacked app's --self-test offscreen and on a real X server (xvfb-run), the app opened on a
# real profile under a window manager (screenshot in build/shots/), both desktop-file validators,
# and the bundled start-up against the same app run from the virtual environment.
# Any traceback in anything the unpacked app prints fails the check, whatever its exit status.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(ls -t dist/scalpzone_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "no .deb in dist/: run 'make package' first" >&2; exit 1; }
root=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$root" "$home"' EXIT
dpkg-deb -x "$deb" "$root"
app="$root/opt/scalpzone/scalpzone"
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"

# clean LOG: fail when the app's output holds a traceback or an uncaught error.
clean() {
    if grep -n -E "Traceback|Error:|Fatal Python error|Segmentation fault" "$1" >&2; then
        echo "the unpacked app printed the errors above ($1):" >&2
        cat "$1" >&2
        exit 1
    fi
}
# selftest LOG COMMAND...: the self-test must pass and print no traceback.
selftest() {
    local log=$1
    shift
    "$@" --self-test >"$log" 2>&1 || { cat "$log" >&2; echo "self-test failed" >&2; exit 1; }
    cat "$log"
    clean "$log"
    grep -qx "self-test passed" "$log"
}

grep -q 'exec /opt/scalpzone/scalpzone' "$root/usr/bin/scalpzone"
for size in 16 32 48 64 128 256; do
    test -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.scalpzone.ScalpZone.png"
done
test -s "$root/usr/share/icons/hicolor/scalable/apps/org.scalpzone.ScalpZone.svg"

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/org.scalpzone.ScalpZone.desktop"
echo "== appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.scalpzone.ScalpZone.metainfo.xml"

echo "== self-test, offscreen"
QT_QPA_PLATFORM=offscreen selftest "$home/offscreen.log" "$app"
echo "== self-test, X11 (xvfb-run)"
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$(declare -f clean selftest); selftest '$home/x11.log' '$app'"

echo "== the app on a real profile, X11 with a window manager (build/shots/linux-installed.png)"
db="$home/profile.sqlite3"
"$app" import --database "$db" tests/data/spec_example.json >"$home/import.log" 2>&1 || { cat "$home/import.log" >&2; exit 1; }
clean "$home/import.log"
mkdir -p build/shots
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" bash packaging/shot.sh \
    build/shots/linux-installed.png "$home/app.log" "$app" --database "$db"
clean "$home/app.log"
echo "== the app again: its first frame is the picture the last close kept (build/shots/linux-installed-again.png)"
ls "$home"/.cache/ScalpZone/last-window-*.picture >/dev/null || { echo "closing the app kept no picture of its window" >&2; exit 1; }
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" bash packaging/shot.sh \
    build/shots/linux-installed-again.png "$home/app-again.log" "$app" --database "$db"
clean "$home/app-again.log"

echo "== start-up: the bundle against the virtual environment (--self-test, median of 5)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { for _ in 1 2 3 4 5; do
    s=$(date +%s%N); QT_QPA_PLATFORM=offscreen "$@" --self-test >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 )); done | median; }
bundled=$(timed "$app")
venv=$(timed .venv/bin/scalpzone)
echo "bundle ${bundled} ms, venv ${venv} ms, ratio $(awk -v b="$bundled" -v v="$venv" 'BEGIN {printf "%.2f", b / v}') (budget 1.2)"
echo "sizes: bundle unpacked $(du -sh "$root/opt/scalpzone" | cut -f1) (budget 200 MB), .deb $(du -h "$deb" | cut -f1) (budget 80 MB)"
echo "package-check passed"
