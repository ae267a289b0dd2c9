"""The app icon ships with the package and draws."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon

from scalpzone.app import APP_ICON


@pytest.mark.gui
def test_the_app_icon_is_in_the_package_and_renders(qapp: object) -> None:
    assert APP_ICON.is_file()
    pixmap = QIcon(str(APP_ICON)).pixmap(64, 64)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert image.pixelColor(32, 32).alpha() == 255
