#!/usr/bin/env bash
# shot.sh PNG LOG COMMAND...: inside an X server (xvfb-run), start openbox and the app (COMMAND),
# wait until its window shows a profile ("<name> — ScalpZone"), take a screenshot of the screen
# into PNG, and close the app as a person would (Ctrl+Q). The app's output goes to LOG.
# Fails if no such window appears or the app does not quit cleanly.
set -euo pipefail
png=$1 log=$2
shift 2
openbox >/dev/null 2>&1 &
wm=$!
trap 'kill "$wm" 2>/dev/null || true' EXIT
# Through a pipe, not straight into the file: a Wine Python whose stdout is a file dies.
"$@" > >(cat >"$log") 2>&1 &
pid=$!
# The title names the profile once the database is open; the scores follow 60 ms after the
# first paint. xdotool waits for that window to exist.
if ! timeout 120 xdotool search --sync --onlyvisible --name "— ScalpZone" >/dev/null; then
    kill "$pid" 2>/dev/null || true
    echo "the app showed no window with a profile within 120 s" >&2
    cat "$log" >&2
    exit 1
fi
window=$(xdotool search --onlyvisible --name "— ScalpZone" | head -1)
# A screenshot for a person to look at: let the first frames settle (scores, week, fonts).
sleep 3
import -window root "$png"
# Ctrl+Q, typed into the focused window (openbox focuses the new window; make sure of it).
timeout 10 xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowactivate "$window" 2>/dev/null || true
xdotool key ctrl+q
if ! timeout 60 tail --pid="$pid" -f /dev/null; then
    kill "$pid" 2>/dev/null || true
    echo "the app did not quit on Ctrl+Q" >&2
    exit 1
fi
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { echo "the app exited with status $status" >&2; cat "$log" >&2; exit 1; }
echo "screenshot: $png"
