"""A blocked (resting) area is visible: lines and a drawn pause sign on the map, an icon in the
table, a picture in the tooltip; no font glyph anywhere."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.tooltips import zone_tooltip
from tests.ui.conftest import WindowMaker
from tests.ui.helpers import MONDAY, panel_row, view_point

pytestmark = pytest.mark.gui


def _around(window: MainWindow, zone_id: str, radius: int = 26) -> QImage:
    centre: QPoint = view_point(window, window.model.zone(zone_id).centre)
    shot = window.view.viewport().grab().toImage()
    return shot.copy(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)


def _distinct_rows(image: QImage) -> int:
    """How many pixel rows differ from the row above (a plain fill has almost none)."""
    rows = [
        tuple(image.pixel(x, y) for x in range(0, image.width(), 3)) for y in range(image.height())
    ]
    return sum(1 for a, b in pairwise(rows) if a != b)


def test_a_block_draws_lines_and_a_pause_sign_on_the_map(
    qtbot: QtBot, make_window: WindowMaker
) -> None:
    window = make_window()
    window.scene.set_labels_visible(False)
    window.editor.set_state("occipital", ZoneState.THINNING)
    plain = _around(window, "occipital")
    window.editor.block_until("occipital", MONDAY + timedelta(days=3))
    qtbot.waitUntil(lambda: _around(window, "occipital") != plain)
    blocked = _around(window, "occipital")
    assert _distinct_rows(blocked) > _distinct_rows(plain) + 10

    window.editor.unblock("occipital")
    qtbot.waitUntil(lambda: _around(window, "occipital") == plain)


def test_the_table_and_tooltip_show_the_block_without_a_font_glyph(
    make_window: WindowMaker,
) -> None:
    window = make_window()
    window.editor.block_until("crown", MONDAY + timedelta(days=3))
    table = window.zone_panel.table_model
    index = table.index(table.row_of("crown"), 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    other = table.index(table.row_of("occipital"), 0)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None
    assert panel_row(window, "crown")[1] == "Healthy"
    assert all("⏸" not in cell for cell in panel_row(window, "crown"))
    tip = zone_tooltip(window.model, "crown")
    assert "<img src='data:image/png;base64," in tip and "resting" in tip
    assert "blocked until 26 Nov 2026" in tip
    assert "⏸" not in tip


def test_a_block_that_has_ended_is_shown_nowhere(qtbot: QtBot, make_window: WindowMaker) -> None:
    # Seen in the packaged app: the SPEC example's block "until 2026-11-25" was still drawn
    # lined with a pause sign, listed with its icon and offered for Unblock on 30 Nov, while the
    # plan (rightly) rolled the area that day.
    window = make_window()
    window.scene.set_labels_visible(False)
    window.editor.set_state("occipital", ZoneState.THINNING)
    plain = _around(window, "occipital")
    window.editor.block_until("occipital", MONDAY - timedelta(days=1))  # ended yesterday
    assert window.model.block_until("occipital") is None
    assert window.model.plan.session_on(MONDAY) is not None  # the plan rolls it again
    assert _around(window, "occipital") == plain
    table = window.zone_panel.table_model
    index = table.index(table.row_of("occipital"), 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert "blocked" not in zone_tooltip(window.model, "occipital")
    # On its last day a block still shows.
    window.editor.block_until("occipital", MONDAY)
    assert window.model.block_until("occipital") == MONDAY
    qtbot.waitUntil(lambda: _around(window, "occipital") != plain)
