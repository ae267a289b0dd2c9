#!/usr/bin/env bash
# Build dist/scalpzone_<version>_amd64.deb from the PyInstaller bundle in build/dist/scalpzone.
# Layout: the bundle in /opt/scalpzone, /usr/bin/scalpzone, the .desktop file, the metainfo and
# the hicolor icons. Depends: the system libraries Qt's xcb platform needs.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=build/dist/scalpzone
[ -x "$bundle/scalpzone" ] || { echo "no bundle at $bundle: run 'make bundle' first" >&2; exit 1; }
version=$(.venv/bin/python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
root=build/deb/root
rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" dist

cp -a "$bundle" "$root/opt/scalpzone"
# Strip only what is safe. libpython from a Python built on this machine carries its debug
# information (23 MB of pyenv's 28 MB) and is plain linker output, so --strip-debug is safe there.
# The wheels' libraries (numpy's OpenBLAS, Qt, GEOS) stay exactly as PyPI ships them: strip
# corrupted OpenBLAS (its load commands were no longer page-aligned) and numpy failed to import.
for lib in "$root"/opt/scalpzone/_internal/libpython3*.so*; do
    # grep without -q reads all of readelf's output (with pipefail, -q's early exit fails it).
    if readelf -S "$lib" | grep '\.debug_' >/dev/null; then strip --strip-debug "$lib"; fi
done
cat > "$root/usr/bin/scalpzone" <<'SH'
#!/bin/sh
exec /opt/scalpzone/scalpzone "$@"
SH
chmod 0755 "$root/usr/bin/scalpzone"
install -Dm0644 resources/org.scalpzone.ScalpZone.desktop "$root/usr/share/applications/org.scalpzone.ScalpZone.desktop"
install -Dm0644 resources/org.scalpzone.ScalpZone.metainfo.xml "$root/usr/share/metainfo/org.scalpzone.ScalpZone.metainfo.xml"
(cd resources/icons && find hicolor -type f) | while read -r icon; do
    install -Dm0644 "resources/icons/$icon" "$root/usr/share/icons/$icon"
done

size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: scalpzone
Version: $version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: ScalpZone developers <hello@scalpzone.org>
Installed-Size: $size_kb
Depends: libc6 (>= 2.31), libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1
Homepage: https://scalpzone.org
Description: plan at-home derma rolling on a map of your own scalp
 ScalpZone lets you mark your scalp on a top-down diagram (hairline, thinning
 and bald areas) and plans derma-rolling sessions that leave bald areas out and
 rotate across the thinning ones, each rule shown with its source. Guidance,
 not medical advice.
CONTROL
find "$root" -type d -exec chmod 0755 {} +

deb="dist/scalpzone_${version}_amd64.deb"
started=$(date +%s)
dpkg-deb --root-owner-group -Zxz -z6 --build "$root" "$deb" >/dev/null
(cd dist && sha256sum "$(basename "$deb")" > "$(basename "$deb").sha256")
echo "built $deb in $(( $(date +%s) - started )) s"
echo "bundle unpacked: $(du -sh "$root/opt/scalpzone" | cut -f1) (budget 200 MB); .deb: $(du -h "$deb" | cut -f1) (budget 80 MB)"
