"""The Qt binding itself: guard against a known-bad PySide6 release coming back."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPen


@pytest.mark.gui
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_qt_calls_keep_the_reference_count_of_none(qapp: object) -> None:
    # PySide6 6.12.0 lost one reference to None per call here and crashed the app after a
    # few thousand paints with "Fatal Python error: none_dealloc".
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("red"))
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(pen)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before >= -5
