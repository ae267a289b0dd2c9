"""The one place QActions are made: translated text, standard shortcuts, a status tip, an icon."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionEvent,
    QActionGroup,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QToolButton, QWidget

from scalpzone import RESOURCES

Shortcut = QKeySequence.StandardKey | str

#: Icons are drawn once, this large, and scaled down as needed (sharp on HiDPI screens too).
ICON_PIXELS = 48


def load_icon(name: str, palette: QPalette) -> QIcon:
    """A line icon from `resources/icons`, drawn in the palette's text colour.

    The icons are drawn in `currentColor` alone, so the SVG is drawn once and its shape filled
    with each colour (the enabled and the disabled text's): half the SVG work before the first
    paint.
    """
    try:
        svg = (RESOURCES / "icons" / f"{name}.svg").read_text()
    except FileNotFoundError:
        return QIcon()
    svg = svg.replace('width="24" height="24"', f'width="{ICON_PIXELS}" height="{ICON_PIXELS}"')
    icon = QIcon()
    shape = QPixmap()
    if not shape.loadFromData(QByteArray(svg.replace("currentColor", "#000").encode()), "SVG"):
        return icon
    for group, mode in (
        (QPalette.ColorGroup.Active, QIcon.Mode.Normal),
        (QPalette.ColorGroup.Disabled, QIcon.Mode.Disabled),
    ):
        # copy() and a brush from a colour, not QPixmap(shape) and fillRect: their overloads
        # make PySide6 build QImage's and QGradient's enum types (≈ 3–5 ms) before the paint.
        pixmap = shape.copy()
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(group, QPalette.ColorRole.WindowText))
        painter.drawRect(pixmap.rect())
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


class ActionFactory:
    """Makes the app's actions; every text goes through translation, every action has a tip."""

    def __init__(self, parent: QObject, palette: QPalette, context: str = "Actions") -> None:
        self._parent = parent
        self._palette = palette
        self._context = context
        self._icons: dict[QAction, str] = {}

    def tr(self, text: str) -> str:
        """Translate in the actions' context."""
        return QCoreApplication.translate(self._context, text)

    def make(
        self,
        text: str,
        tip: str,
        slot: Callable[..., object] | None = None,
        *,
        shortcut: Shortcut | Sequence[Shortcut] | None = None,
        icon: str = "",
        checkable: bool = False,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        translate: bool = True,
        parent: QObject | None = None,
    ) -> QAction:
        """One action: `text` (with an & mnemonic), a status tip, and what it does."""
        action = QAction(self.tr(text) if translate else text, parent or self._parent)
        action.setStatusTip(self.tr(tip) if translate else tip)
        action.setToolTip(action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
        if shortcut is not None:
            shortcuts = (
                [shortcut] if isinstance(shortcut, str | QKeySequence.StandardKey) else shortcut
            )
            keys: list[QKeySequence] = []
            for one in shortcuts:
                if isinstance(one, QKeySequence.StandardKey):
                    keys.extend(QKeySequence.keyBindings(one))
                else:
                    keys.append(QKeySequence(one))
            action.setShortcuts(keys)
            action.setShortcutContext(context)
            if keys:
                native = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{action.toolTip()} ({native})")
        if icon:
            action.setIcon(load_icon(icon, self._palette))
            self._icons[action] = icon
        action.setCheckable(checkable)
        if slot is not None:
            if checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(slot)
        return action

    def group(self, actions: Sequence[QAction]) -> QActionGroup:
        """Make checkable actions exclusive (tools, profiles)."""
        group = QActionGroup(self._parent)
        group.setExclusive(True)
        for action in actions:
            action.setCheckable(True)
            group.addAction(action)
        return group

    def set_palette(self, palette: QPalette) -> None:
        """Redraw the icons in a new palette's text colour."""
        self._palette = palette
        for action, name in self._icons.items():
            action.setIcon(load_icon(name, palette))


class StillButton(QToolButton):
    """A toolbar button, icon only, for an action whose words change with every edit (Undo's
    "Undo Mark Crown thinning"). It follows the action's state, tip and icon but keeps its first
    words: a plain tool button takes the action's icon again on every change, and that lays the
    whole window out again, about 2 ms of each click on the map.
    """

    def __init__(self, action: QAction, icon_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDefaultAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setAutoRaise(True)  # as the toolbar's own buttons
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(icon_size)
        self._icon = action.icon().cacheKey()

    def actionEvent(self, event: QActionEvent) -> None:
        """Follow a change of the action without taking its (new) words."""
        action = event.action()
        if event.type() != QEvent.Type.ActionChanged or action is not self.defaultAction():
            super().actionEvent(event)
            return
        self.setEnabled(action.isEnabled())
        self.setToolTip(action.toolTip())
        self.setStatusTip(action.statusTip())
        if action.icon().cacheKey() != self._icon:  # a new palette's icons
            self._icon = action.icon().cacheKey()
            self.setIcon(action.icon())
