"""A real profile with thinning zones, and screenshots of widgets: shared by the week, session and dialog tests."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from scalpzone.domain.zones import ZoneState
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.style.appearance import dark_palette, light_palette
from tests.ui.helpers import MONDAY, window_store

THINNING = ("crown", "midscalp_left", "midscalp_right")


def profile_with_thinning(
    window: MainWindow, thinning: tuple[str, ...] = THINNING, bald: tuple[str, ...] = ()
) -> tuple[ProfileStore, int]:
    """The window's real store and profile, with these zones marked thinning (and bald)."""
    store = window_store(window)
    pid = window.profiles.profile_id
    scalp_map = store.load_profile(pid).document.scalp_map
    for zone_id in thinning:
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=ZoneState.THINNING))
    for zone_id in bald:
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=ZoneState.BALD))
    store.save_map(pid, scalp_map, MONDAY)
    return store, pid


def screenshot(widget: QWidget, name: str) -> None:
    """With SCALPZONE_SCREENSHOTS=DIR set, save the widget in both palettes for a person to look at.

    Written to DIR/<name>-<light|dark>.png; without the variable nothing is written anywhere.
    """
    folder = os.environ.get("SCALPZONE_SCREENSHOTS")
    if not folder:
        return
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    try:
        for label, palette in (("light", light_palette()), ("dark", dark_palette())):
            app.setPalette(palette)
            widget.setPalette(palette)
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()
            widget.grab().save(str(Path(folder) / f"{name}-{label}.png"))
    finally:
        app.setPalette(original)
        widget.setPalette(original)
