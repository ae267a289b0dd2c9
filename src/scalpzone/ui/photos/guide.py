"""Help › Photo guide: each view's short instruction beside a drawing of where the camera goes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.photo_guide import EVERY_TIME, ViewGuide, guide_for
from scalpzone.domain.photos import PhotoView
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.printing.paper import INK, draw_scalp_map
from scalpzone.ui.widgets.screen_fit import fit_to_screen

#: Where the camera is drawn, in the map's unit square (outside it for the level views).
CAMERA_AT = {
    PhotoView.FRONT: (0.5, -0.1),
    PhotoView.TOP: (0.5, 0.4),
    PhotoView.CROWN: (0.5, 0.62),
    PhotoView.LEFT: (-0.12, 0.5),
    PhotoView.RIGHT: (1.12, 0.5),
    PhotoView.BACK: (0.5, 1.1),
}
OVERHEAD = (PhotoView.TOP, PhotoView.CROWN)


class GuideDrawing(QWidget):
    """The head seen from above, the view's area shaded and the camera where it goes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide_for(PhotoView.FRONT)
        self.setMinimumSize(220, 240)

    def sizeHint(self) -> QSize:
        """Square-ish, with room for the camera outside the head."""
        return QSize(300, 320)

    def show_guide(self, guide: ViewGuide) -> None:
        """Draw this view."""
        self.guide = guide
        self.setAccessibleDescription(guide.camera)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A light card in either palette: the drawing is an illustration, like paper."""
        del event
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        p.setPen(QPen(QColor("#9a9a9a"), 1))
        p.setBrush(QColor("white"))
        p.drawRoundedRect(card, 6, 6)
        size = min(card.width(), card.height()) * 0.62
        box = QRectF(card.center().x() - size / 2, card.center().y() - size / 2, size, size + 40)
        scalp_map = ScalpMap()
        region = scalp_map.zone(self.guide.region)
        scalp_map = scalp_map.with_zone(replace(region, state=ZoneState.THINNING, severity=3))
        draw_scalp_map(p, box, scalp_map, {})
        cx, cy = CAMERA_AT[self.guide.view]
        camera = QPointF(box.left() + cx * size, box.top() + cy * size)
        tx, ty = region.centre
        target = QPointF(box.left() + tx * size, box.top() + ty * size)
        overhead = self.guide.view in OVERHEAD
        if not overhead:
            p.setPen(QPen(INK, 2, Qt.PenStyle.DashLine))
            p.drawLine(camera, target)
        _draw_camera(p, camera, overhead)
        p.setPen(INK)
        caption = "camera above, looking down" if overhead else "camera level"
        p.drawText(card.adjusted(8, 4, -8, -6), int(Qt.AlignmentFlag.AlignBottom), caption)
        p.end()


def _draw_camera(p: QPainter, at: QPointF, overhead: bool) -> None:
    body = QRectF(at.x() - 16, at.y() - 11, 32, 22)
    p.setPen(QPen(INK, 1.5))
    p.setBrush(QColor("#fdd835") if overhead else QColor("#ffffff"))
    p.drawRoundedRect(body, 4, 4)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(at.x() - 6, at.y() - 11),
                QPointF(at.x() - 2, at.y() - 16),
                QPointF(at.x() + 6, at.y() - 16),
                QPointF(at.x() + 8, at.y() - 11),
            ]
        )
    )
    p.setBrush(QColor("#1b1b1b"))
    p.drawEllipse(at, 6, 6)


class PhotoGuideDialog(QDialog):
    """The capture guide: a list of views, and for the chosen one the drawing and the steps."""

    def __init__(self, view: PhotoView = PhotoView.FRONT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo guide"))
        self.views = QListWidget()
        self.views.setAccessibleName(self.tr("Views"))
        for v in PhotoView:
            self.views.addItem(v.label)
        self.views.setMaximumWidth(170)
        self.drawing = GuideDrawing()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        right = QVBoxLayout()
        right.addWidget(self.drawing, 1)
        right.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.views)
        row.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.views.currentRowChanged.connect(self._show)
        self.views.setCurrentRow(list(PhotoView).index(view))
        self.views.setFocus()
        fit_to_screen(self, 760, 600)

    def _show(self, row: int) -> None:
        guide = guide_for(list(PhotoView)[row])
        self.drawing.show_guide(guide)
        always = "".join(f"<li>{line}</li>" for line in EVERY_TIME)
        self.text.setText(
            f"<p><b>{self.tr('Camera')}:</b> {guide.camera}<br>"
            f"<b>{self.tr('Picture')}:</b> {guide.picture}</p>"
            f"<p><b>{self.tr('Every time')}</b></p><ul>{always}</ul>"
        )
