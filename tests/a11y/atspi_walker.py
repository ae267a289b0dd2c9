"""Walks a running app's accessibility tree over AT-SPI and prints what it found as JSON.

Run by the system Python (/usr/bin/python3), which has Debian's pyatspi; the test in the venv
starts it in a subprocess and reads its output. It never imports scalpzone.

    atspi_walker.py APP STEP...

Each STEP is one JSON object, done in order inside the AT-SPI event loop:

    {"wait_window": "Plan settings"}   until a window's name starts so (or 30 s: fails)
    {"wait_gone": "Plan settings"}     until no window's name starts so (or 30 s: fails)
    {"dump": "label"}                  the tree of every window of the app, under "label"
    {"keys": ["ctrl+comma"]}           typed with xdotool into the window that has the focus
    {"wait_focus": {"role": "table cell"}}  until the focused object matches (or 30 s: fails)
    {"press_until": {"key": "Tab", "focus": {"name": "Crown"}}}
                                       the key, again and again until the focus matches (60 at most)
    {"watch": "label"}                 from here on, events are kept under "label" ("": none)
    {"wait_event": {"type": "object:announcement", "source": {"role": "frame"}}}
                                       until the events kept since the last watch step have one
                                       of that type (a prefix) from such a source (or 30 s: fails)

The output is one JSON object: {"dumps": {...}, "events": {...}, "focus": {...}} or, when a step
fails, {"error": "..."} with exit status 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

WAIT_SECONDS = 30
POLL_MS = 50
KEY_SECONDS = 5
MAX_PRESSES = 60
EVENTS = (
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:property-change:accessible-value",
    "object:text-changed",
    "object:announcement",
    "object:active-descendant-changed",
)


def _safe(call, default=None):
    try:
        return call()
    except Exception:
        return default


def brief(acc) -> dict:
    """Role, name, description, states and text of one accessible (for events and focus)."""
    if acc is None:
        return {}
    states = _safe(lambda: acc.getState().getStates(), [])
    found = {
        "role": _safe(acc.getRoleName, ""),
        "name": _safe(lambda: acc.name, "") or "",
        "description": _safe(lambda: acc.description, "") or "",
        "states": [pyatspi.stateToString(s) for s in states],
    }
    text = _safe(acc.queryText)
    if text is not None:
        found["text"] = _safe(lambda: text.getText(0, -1), "")
    return found


def node_json(acc) -> dict:
    """One accessible and its children, as plain data."""
    node = {**brief(acc), "actions": [], "children": []}
    action = _safe(acc.queryAction)
    if action is not None:
        node["actions"] = [_safe(lambda i=i: action.getName(i), "") for i in range(action.nActions)]
    value = _safe(acc.queryValue)
    if value is not None:
        node["value"] = _safe(lambda: value.currentValue)
    relations = _safe(acc.getRelationSet, []) or []
    node["relations"] = [pyatspi.relationToString(r.getRelationType()) for r in relations]
    count = _safe(lambda: acc.childCount, 0) or 0
    for index in range(min(count, 2000)):
        child = _safe(lambda index=index: acc.getChildAtIndex(index))
        if child is not None:
            node["children"].append(node_json(child))
    return node


class Walker:
    """Runs the steps one after the other inside the GLib loop pyatspi uses."""

    def __init__(self, app_name: str, steps: list[dict]) -> None:
        self.app_name = app_name
        self.steps = steps
        self.output: dict = {"dumps": {}, "events": {}, "focus": {}}
        self.watching: str | None = None
        self.focused = None
        self.presses = 0
        self.focus_events = 0
        self.deadline = 0.0
        self.failed = ""

    def app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = _safe(lambda index=index: desktop.getChildAtIndex(index))
            if child is not None and _safe(lambda child=child: child.name) == self.app_name:
                return child
        return None

    def windows(self) -> list:
        app = self.app()
        if app is None:
            return []
        return [app.getChildAtIndex(i) for i in range(app.childCount)]

    def on_event(self, event) -> None:
        if event.type.startswith("object:state-changed:focused") and event.detail1:
            self.focused = event.source
            self.focus_events += 1
        elif event.type.startswith("object:active-descendant-changed") and event.any_data:
            # A table or list that manages its descendants moves the focus among its cells so.
            self.focused = event.any_data
            self.focus_events += 1
        if self.watching is None:
            return
        any_data = event.any_data
        self.output["events"].setdefault(self.watching, []).append(
            {
                "type": str(event.type),
                "detail1": event.detail1,
                "any_data": (
                    any_data if isinstance(any_data, str | int | float) else brief(any_data)
                ),
                "source": brief(event.source),
            }
        )

    def run(self) -> int:
        pyatspi.Registry.registerEventListener(self.on_event, *EVENTS)
        GLib.idle_add(self.next_step)
        pyatspi.Registry.start()
        if self.failed:
            print(json.dumps({"error": self.failed, **self.output}))
            return 1
        print(json.dumps(self.output))
        return 0

    def fail(self, message: str) -> bool:
        self.failed = message
        pyatspi.Registry.stop()
        return False

    def next_step(self) -> bool:
        if not self.steps:
            # Let the last events arrive before stopping.
            GLib.timeout_add(500, self.stop)
            return False
        step = self.steps.pop(0)
        kind, argument = next(iter(step.items()))
        self.deadline = time.monotonic() + WAIT_SECONDS
        if kind == "wait_window":
            GLib.timeout_add(POLL_MS, self.wait_window, argument, True)
        elif kind == "wait_gone":
            GLib.timeout_add(POLL_MS, self.wait_window, argument, False)
        elif kind == "wait_focus":
            GLib.timeout_add(POLL_MS, self.wait_focus, argument)
        elif kind == "dump":
            self.output["dumps"][argument] = [node_json(w) for w in self.windows()]
            GLib.idle_add(self.next_step)
        elif kind == "keys":
            for key in argument:
                subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            GLib.idle_add(self.next_step)
        elif kind == "press_until":
            self.presses = 0
            GLib.idle_add(self.press_until, argument)
        elif kind == "wait_event":
            GLib.timeout_add(POLL_MS, self.wait_event, argument)
        elif kind == "watch":
            self.watching = argument or None
            GLib.idle_add(self.next_step)
        else:
            return self.fail(f"unknown step {kind}")
        return False

    def _waiting(self, done: bool, failure: str) -> bool:
        """One look of a wait: on to the next step when done, failing past the deadline."""
        if done:
            GLib.idle_add(self.next_step)
            return False
        if time.monotonic() > self.deadline:
            return self.fail(failure)
        return True

    def _focus_is(self, wanted: dict) -> bool:
        found = brief(self.focused)
        reached = bool(found) and all(found.get(k) == v for k, v in wanted.items())
        if reached:
            self.output["focus"][json.dumps(wanted)] = found
        return reached

    def wait_window(self, name: str | list[str], present: bool) -> bool:
        names = [_safe(lambda w=w: w.name, "") or "" for w in self.windows()]
        prefixes = tuple(name) if isinstance(name, list) else (name,)
        wanted = "a window" if present else "no window"
        return self._waiting(
            any(one.startswith(prefixes) for one in names) == present,
            f"{wanted} named {name!r} within {WAIT_SECONDS} s (have {names})",
        )

    def wait_focus(self, wanted: dict) -> bool:
        return self._waiting(
            self._focus_is(wanted),
            f"the focus did not reach {wanted} within {WAIT_SECONDS} s: {brief(self.focused)}",
        )

    def wait_event(self, wanted: dict) -> bool:
        kept = self.output["events"].get(self.watching, []) if self.watching else []
        source = wanted.get("source", {})
        return self._waiting(
            any(
                event["type"].startswith(wanted["type"])
                and all(event["source"].get(k) == v for k, v in source.items())
                for event in kept
            ),
            f"no event {wanted} within {WAIT_SECONDS} s (had {kept})",
        )

    def press_until(self, wanted: dict) -> bool:
        if self._focus_is(wanted["focus"]):
            GLib.idle_add(self.next_step)
            return False
        if self.presses >= MAX_PRESSES:
            return self.fail(f"{MAX_PRESSES} x {wanted['key']} never focused {wanted['focus']}")
        self.presses += 1
        seen = self.focus_events
        before = brief(self.focused)
        subprocess.run(["xdotool", "key", "--clearmodifiers", wanted["key"]], check=True)
        self.deadline = time.monotonic() + KEY_SECONDS
        GLib.timeout_add(POLL_MS, self.after_press, wanted, seen, before)
        return False

    def after_press(self, wanted: dict, seen: int, before: dict) -> bool:
        """Waits for the focus event the key causes; a key that moves no focus fails."""
        if self.focus_events > seen:
            GLib.idle_add(self.press_until, wanted)
            return False
        if time.monotonic() > self.deadline:
            return self.fail(
                f"{wanted['key']} raised no focus event within {KEY_SECONDS} s "
                f"(the focus was on {before})"
            )
        return True

    def stop(self) -> bool:
        pyatspi.Registry.stop()
        return False


def main() -> int:
    app_name, *steps = sys.argv[1:]
    return Walker(app_name, [json.loads(step) for step in steps]).run()


if __name__ == "__main__":
    sys.exit(main())
