"""Map › Apply template…: each Norwood–Hamilton and Ludwig stage as a small map and a line of
words, to choose from by looking (the menu of bare stage names said nothing to a newcomer)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.geometry import Point
from scalpzone.domain.regions import REGION_IDS, region_catalog
from scalpzone.domain.templates import Template, template_table
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.widgets.screen_fit import resize_to_fit

#: The side of each drawing, in pixels.
PICTURE = 112


def template_picture(template: Template, colours: MapColours, size: int = PICTURE) -> QPixmap:
    """The head as the template marks it: thinning in its shades, bald hatched."""
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    head = region_catalog().head
    scale = size * 0.92
    offset = QPointF(size * 0.04, size * 0.02)

    def poly(points: Sequence[Point]) -> QPolygonF:
        return QPolygonF(
            [QPointF(offset.x() + x * scale, offset.y() + y * scale) for x, y in points]
        )

    painter.setPen(QPen(colours.skin_edge, 1.0))
    painter.setBrush(colours.skin)
    for shape in (head.ear_left, head.ear_right, head.nose, head.outline):
        painter.drawPolygon(poly(shape))
    scalp_map = ScalpMap()
    for rid in REGION_IDS:
        state, severity = template.state_of(rid)
        zone = replace(scalp_map.zone(rid), state=state, severity=severity)
        path = QPainterPath()
        path.addPolygon(poly(zone.outline))
        path.closeSubpath()
        painter.fillPath(path, colours.fill(zone.state, zone.severity))
        if zone.state is ZoneState.BALD:
            painter.fillPath(path, QBrush(colours.hatch, Qt.BrushStyle.BDiagPattern))
        painter.strokePath(path, QPen(colours.zone_edge, 0.7))
    painter.end()
    return pixmap


class TemplateGallery(QDialog):
    """Every stage with its picture and description; the chosen one is `chosen()`."""

    def __init__(self, colours: MapColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply a template – ScalpZone"))
        intro = QLabel(
            self.tr(
                "Pick the stage that looks most like your scalp as a start, then adjust the map "
                "to what you see. A template is an approximation, not a diagnosis."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(PICTURE, PICTURE))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.list.setGridSize(QSize(PICTURE + 96, PICTURE + 110))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._templates = list(template_table().templates)
        for template in self._templates:
            item = QListWidgetItem(QIcon(template_picture(template, colours)), "")
            first = template.description.split(": ")[0].split(". ")[0].rstrip(".")
            item.setText(f"{template.name}\n{first}.")
            item.setToolTip(template.description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, template.description)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.list.addItem(item)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        apply.setText(self.tr("&Apply"))
        apply.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 900, 640)

    def _show(self, row: int) -> None:
        chosen = self._templates[row] if 0 <= row < len(self._templates) else None
        self.description.setText(
            f"<b>{chosen.name}</b>: {chosen.description}" if chosen is not None else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen is not None)

    def choose(self, template_id: str) -> None:
        """Select a template as a click would."""
        ids = [t.id for t in self._templates]
        self.list.setCurrentRow(ids.index(template_id))

    def chosen(self) -> Template | None:
        """The selected template (None when nothing is selected)."""
        row = self.list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None


def open_gallery(
    colours: MapColours, parent: QWidget, apply: Callable[[Template], None]
) -> TemplateGallery:
    """Open the gallery over `parent`; the stage chosen is handed to `apply`."""
    gallery = TemplateGallery(colours, parent)

    def chosen() -> None:
        template = gallery.chosen()
        if template is not None:
            apply(template)

    gallery.accepted.connect(chosen)
    gallery.finished.connect(lambda _r: gallery.deleteLater())
    gallery.open()
    return gallery
