"""The zone list beside the map: state, severity and last treated; selection follows the map."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QBrush,
    QIcon,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.map.model import MapChange, MapModel, ZoneSelection
from scalpzone.ui.map.tooltips import zone_sentence
from scalpzone.ui.style.block_mark import block_icon
from scalpzone.ui.style.colours import MapColours, mix
from scalpzone.ui.style.words import long_date, severity_word, state_word

ModelIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole.value
#: The roles a zone's row fills (plain numbers: comparing Qt's enums is slow, and a paint asks
#: every cell for seven roles).
_SERVED = frozenset(
    {
        _DISPLAY,
        _DECORATION,
        _FOREGROUND,
        _ACCESSIBLE_TEXT,
        Qt.ItemDataRole.ToolTipRole.value,
        Qt.ItemDataRole.AccessibleDescriptionRole.value,
    }
)


def swatch(colours: MapColours, state: ZoneState, severity: int, size: int = 14) -> QIcon:
    """A small square filled like the zone on the map (bald hatched), for lists and the legend."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(colours.zone_edge)
    painter.setBrush(colours.fill(state, severity))
    painter.drawRect(0, 0, size - 1, size - 1)
    if state is ZoneState.BALD:
        painter.setBrush(QBrush(colours.hatch, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class ZoneTableModel(QAbstractTableModel):
    """Every zone of the map as a row; rows follow the model's changes one by one."""

    ZONE, STATE, SEVERITY, LAST = range(4)

    def __init__(self, model: MapModel, colours: MapColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._colours = colours
        self._ids = [z.id for z in model.scalp_map.zones]
        self._icons: dict[tuple[ZoneState, int], QIcon] = {}
        self._block_icon: QIcon | None = None
        # Only map edits change what the rows show; the plan reaches them through tooltips,
        # which are built when shown.
        model.mapChanged.connect(self._on_map_changed)

    def set_colours(self, colours: MapColours) -> None:
        """Follow a palette change."""
        self._colours = colours
        self._icons = {}
        self._block_icon = None
        self._emit_all(self.STATE)
        self._emit_all(self.ZONE)

    def zone_id(self, row: int) -> str:
        """The zone shown in a row."""
        return self._ids[row]

    def row_of(self, zone_id: str) -> int:
        """The row showing a zone, or -1."""
        try:
            return self._ids.index(zone_id)
        except ValueError:
            return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per zone."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Zone, state, severity, last treated."""
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Zone"),
                self.tr("State"),
                self.tr("Severity"),
                self.tr("Last treated"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, the state swatch, and a full sentence for tooltips and screen readers."""
        # A paint asks seven roles of each cell; those the rows never fill are answered first.
        if role not in _SERVED or not index.isValid():
            return None
        zone = self._model.zone(self._ids[index.row()])
        column = index.column()
        if role == _DISPLAY:
            if column == self.ZONE:
                return zone.display_name
            if column == self.STATE:
                return state_word(zone.state).capitalize()
            if column == self.SEVERITY:
                return severity_word(zone.severity) if zone.state is ZoneState.THINNING else "–"
            last = self._model.last_treated(zone.id)
            return long_date(last) if last else self.tr("never")
        if role == _DECORATION:
            if column == self.ZONE:
                # A resting area carries the map's pause sign (drawn by the app, not a font
                # glyph).
                if self._model.block_until(zone.id) is None:
                    return None
                if self._block_icon is None:
                    self._block_icon = block_icon(16, self._colours.label, self._colours.background)
                return self._block_icon
            if column == self.STATE:
                key = (zone.state, zone.severity)
                if key not in self._icons:
                    self._icons[key] = swatch(self._colours, *key)
                return self._icons[key]
            return None
        if role == _FOREGROUND:
            if column != self.LAST:
                return None
            # Quieter than the names, still above AA contrast (zone_edge was 3:1). A colour, which
            # the view takes as the text's brush: a QBrush built here, before the first paint,
            # makes PySide6 build QGradient's and QImage's enum types (≈ 3 ms).
            return mix(self._colours.background, self._colours.label, 0.62)
        if role == _ACCESSIBLE_TEXT:
            if column == self.SEVERITY and zone.state is not ZoneState.THINNING:
                return self.tr("no severity")  # the cell shows a dash, which is read as "dash"
            return None
        return zone_sentence(self._model, zone.id)  # a tooltip or accessible description

    def _emit_all(self, column: int) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def _on_map_changed(self, change: MapChange) -> None:
        if change.reset:
            self.beginResetModel()
            self._ids = [z.id for z in self._model.scalp_map.zones]
            self.endResetModel()
            return
        for zone_id in change.removed:
            row = self.row_of(zone_id)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        for zone_id in change.added:
            row = len(self._ids)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.append(zone_id)
            self.endInsertRows()
        for zone_id in change.changed:
            row = self.row_of(zone_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.LAST))


class ZonePanel(QWidget):
    """The zone list, kept in step with the current zone on the map."""

    zoneMenuRequested = Signal(str, QPoint)

    def __init__(
        self,
        model: MapModel,
        selection: ZoneSelection,
        colours: MapColours,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        self.table_model = ZoneTableModel(model, colours, self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("Zones"))
        self.table.setAccessibleDescription(
            self.tr(
                "Every zone of your map with its state, severity and the day it was last rolled."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Fixed widths from the longest texts: re-measuring every row after each edit would
        # cost more than the edit itself.
        header = self.table.horizontalHeader()
        # The area's name comes first and is never squeezed: the last column takes what is
        # left, and a narrow panel scrolls sideways rather than eliding names.
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        icon = self.table.iconSize().width() or 16
        widths = {
            ZoneTableModel.ZONE: metrics.horizontalAdvance("Mid-scalp (centre)") + icon + 16,
            ZoneTableModel.STATE: metrics.horizontalAdvance("Thinning") + icon + 36,
            ZoneTableModel.SEVERITY: metrics.horizontalAdvance("moderate") + 20,
            ZoneTableModel.LAST: metrics.horizontalAdvance("30 Sep 2026") + 20,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setHighlightSections(False)
        header.setSelectionModel(QItemSelectionModel(self.table_model, header))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        selection.currentChanged.connect(self._on_current_changed)
        self.table_model.modelReset.connect(
            lambda: self._on_current_changed(self._selection.current())
        )
        self.table_model.dataChanged.connect(self._tell_focused_cell)

    def _tell_focused_cell(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """A change to the focused row is told on the focused cell, where a screen reader is."""
        current = self.table.currentIndex()
        if not (QAccessible.isActive() and self.table.hasFocus() and current.isValid()):
            return
        if not top.row() <= current.row() <= bottom.row():
            return
        table = QAccessible.queryAccessibleInterface(self.table)
        cell = table.focusChild() if table is not None else None
        if cell is not None:
            QAccessible.updateAccessibility(
                QAccessibleEvent(cell, QAccessible.Event.DescriptionChanged)
            )

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._selection.set_current(self.table_model.zone_id(current.row()))

    def _on_current_changed(self, zone_id: str) -> None:
        row = self.table_model.row_of(zone_id) if zone_id else -1
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.table_model.index(row, 0)
        if selection.currentIndex().row() != row:
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(index)

    def _on_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            zone_id = self.table_model.zone_id(index.row())
            self._selection.set_current(zone_id)
            self.zoneMenuRequested.emit(zone_id, self.table.viewport().mapToGlobal(pos))


def side_column(
    panel: ZonePanel, preview: QWidget, parent: QWidget, room: int = 340
) -> tuple[QWidget, QSplitter]:
    """The column beside the map: the zone list under its title, above the next sessions;
    at least `room` pixels wide (at most 340: names and the next days' minutes fit).

    Returns the column and the splitter between the two, whose sizes the window remembers.
    """
    zones_box = QWidget(parent)
    zones_layout = QVBoxLayout(zones_box)
    zones_layout.setContentsMargins(0, 0, 0, 0)
    zones_title = QLabel(QCoreApplication.translate("MainWindow", "<b>Zones</b>"), zones_box)
    zones_title.setBuddy(panel.table)
    zones_layout.addWidget(zones_title)
    zones_layout.addWidget(panel)
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.setObjectName("side_splitter")
    splitter.addWidget(zones_box)
    splitter.addWidget(preview)
    splitter.setChildrenCollapsible(False)
    splitter.setMinimumWidth(max(0, min(340, room)))
    splitter.setStretchFactor(0, 1)
    side = QWidget(parent)
    side_layout = QVBoxLayout(side)
    side_layout.setContentsMargins(0, 6, 6, 6)
    side_layout.addWidget(splitter)
    return side, splitter
