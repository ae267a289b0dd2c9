#!/usr/bin/env bash
# shot.sh APP DATABASE PNG LOG: inside an X server (xvfb-run), open the app on DATABASE under
# openbox, wait until its window shows the profile, take a screenshot of the screen, and close the
# app as a person would (Ctrl+Q). The app's output goes to LOG. Fails if no window appears.
set -euo pipefail
app=$1 db=$2 png=$3 log=$4
openbox >/dev/null 2>&1 &
wm=$!
trap 'kill "$wm" 2>/dev/null || true' EXIT
"$app" --database "$db" >"$log" 2>&1 &
pid=$!
# The title names the profile once the database is open (the scores follow 60 ms after the first
# paint); xdotool waits for that window to exist.
if ! timeout 60 xdotool search --sync --name "— ScalpZone" >/dev/null; then
    kill "$pid" 2>/dev/null || true
    echo "the app showed no window with a profile within 60 s" >&2
    cat "$log" >&2
    exit 1
fi
window=$(xdotool search --name "— ScalpZone" | head -1)
xdotool windowactivate --sync "$window" >/dev/null 2>&1 || true
# Let the first frames after opening settle (the scores' timer, the week's refresh).
sleep 3
import -window root "$png"
xdotool key --window "$window" ctrl+q
timeout 30 tail --pid="$pid" -f /dev/null || { kill "$pid"; echo "the app did not quit on Ctrl+Q" >&2; exit 1; }
wait "$pid" || { echo "the app exited with status $?" >&2; cat "$log" >&2; exit 1; }
echo "screenshot: $png"
