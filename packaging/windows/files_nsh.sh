#!/usr/bin/env bash
# files_nsh.sh BUNDLE OUT: the uninstaller's list for scalpzone.nsi, so it deletes exactly the files
# the installer put there: every file of the bundle, then its folders, deepest first.
# Used by build.sh and by the release workflow (Git Bash on Windows).
set -euo pipefail
bundle=$1 out=$2
{
    (cd "$bundle" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | tr / '\\' | sed 's|.*|Delete "$INSTDIR\\&"|'
    (cd "$bundle" && find . -mindepth 1 -type d | sed 's|^\./||' | LC_ALL=C sort -r) | tr / '\\' | sed 's|.*|RMDir "$INSTDIR\\&"|'
} > "$out"
