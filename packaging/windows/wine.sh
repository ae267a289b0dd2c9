# Shared by build.sh and check.sh: Wine's settings, and the traps found running Windows Python there.
# shellcheck shell=bash

# 64-bit Windows, quiet, no prompts to download Mono or Gecko (nothing here needs them), and no
# winemenubuilder: it would copy the Start-menu shortcut into the Linux desktop menu of $HOME.
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

# wine_prefix DIR: a Windows prefix in DIR, made on first use.
wine_prefix() {
    if [ ! -f "$1/system.reg" ]; then
        mkdir -p "$1"
        WINEPREFIX="$1" wineboot -i >/dev/null 2>&1 || true
        WINEPREFIX="$1" wineserver -w
    fi
    [ -f "$1/system.reg" ] || { echo "wineboot could not make a prefix in $1" >&2; return 1; }
}

# winrun PREFIX PROGRAM ARGS...: run a Windows program and pass on its exit status. Its output goes
# through a pipe, because a Wine Python whose stdout is a file dies in init_sys_streams. Wine
# drops every QT_* variable, so Qt options go on the command line (-platform offscreen).
# Wine passes the Linux environment on: pip's settings for this machine (find-links, constraints,
# certificates) would reach the Windows pip, so every PIP_* variable is left out.
winrun() {
    local prefix=$1
    shift
    local unset=()
    for name in $(compgen -e | grep '^PIP_' || true); do unset+=(-u "$name"); done
    env "${unset[@]}" WINEPREFIX="$prefix" wine "$@" 2>&1 | cat
    return "${PIPESTATUS[0]}"
}

# winpath PATH: the same file as a Windows path (Wine maps / to Z:).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | tr / '\\')"; }
