"""The session log: past sessions listed newest first, edited or removed, with undo and redo.

Edits and removals are the undo commands of `ui/session/log_commands.py`, pushed on the window's own
stack; the form that corrects a session is `ui/session/log_edit.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.rules import millimetres
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.session.log_commands import EditLoggedSession, RemoveLoggedSession, ShowError
from scalpzone.ui.session.log_edit import SessionEditDialog
from scalpzone.ui.style.words import full_day
from scalpzone.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile
    from scalpzone.ui.profile.store_api import LoggedSessionLike

COLUMNS = ("Date", "Outcome", "Zones, in rolling order", "Needle", "Note")
LOG_ID_ROLE = Qt.ItemDataRole.UserRole


def zone_names(scalp_map: ScalpMap, zone_ids: Sequence[str]) -> list[str]:
    """Display names of these zones, in the order given (an id the map lacks is shown as is)."""
    names = {z.id: z.display_name for z in scalp_map.zones}
    return [names.get(zid, zid) for zid in zone_ids]


# -- the log -------------------------------------------------------------------------------------


class SessionLogDialog(QDialog):
    """Every logged session, newest first, to edit or remove; Undo and Redo act on `stack`.

    Each change goes through the open profile, which re-plans and names the zones it touched.
    `show_error(title, text)` shows the store's refusals; by default a message box on `parent`.
    The profile's today is the last day a session may be dated.
    """

    def __init__(
        self,
        profile: OpenProfile,
        stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        show_error: ShowError | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._stack = stack
        self._today = profile.today
        self._show_error = show_error or _message_boxes(parent)
        self._logged: dict[int, LoggedSessionLike] = {}
        self._scalp_map = ScalpMap()
        self.edit_dialog: SessionEditDialog | None = None
        self.setWindowTitle(self.tr("Session log"))
        resize_to_fit(self, 820, 460)

        self.intro = QLabel(
            self.tr(
                "Sessions you logged, newest first. Correct a session or remove one logged by "
                "mistake; the plan and the roller's count of uses follow. Undo and Redo here take "
                "back corrections to the log; they never change your map."
            ),
            self,
        )
        self.intro.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Logged sessions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        for key in (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)):
            shortcut = QShortcut(key, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        self.empty_label = QLabel(self.tr("No sessions logged yet."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.empty_label.hide()

        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Re&do"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # Push buttons rather than tool buttons on the actions: they grow with the text ("Undo
        # Remove session of Mon 16 Nov") instead of eliding it.
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button = QPushButton(self)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        for button in (self.undo_button, self.redo_button):
            button.setAutoDefault(False)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Redo Edit session of"))

        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(self.tr("Change the selected session (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected session from the log (Del)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.clicked.connect(self.accept)
        for button in (self.edit_button, self.remove_button, self.close_button):
            button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

        self.setTabOrder(self.table, self.edit_button)
        self.setTabOrder(self.edit_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.close_button)
        self.setTabOrder(self.close_button, self.undo_button)
        self.setTabOrder(self.undo_button, self.redo_button)

        stack.indexChanged.connect(self._on_stack_changed)
        for changed in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
        ):
            changed.connect(self._update_undo_buttons)
        self._update_undo_buttons()
        self.refresh()

    def _update_undo_buttons(self) -> None:
        """Say on the buttons what Undo and Redo would do (as the window's Edit menu does)."""
        stack = self._stack
        if not isValid(stack):
            return  # the window is being torn down: its stack goes first and says it emptied
        for button, prefix, text, possible in (
            (self.undo_button, self.tr("&Undo"), stack.undoText(), stack.canUndo()),
            (self.redo_button, self.tr("Re&do"), stack.redoText(), stack.canRedo()),
        ):
            button.setText(f"{prefix} {text}" if text else prefix)
            button.setEnabled(possible)

    # -- what is shown ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the log again and show it, keeping the selected session selected."""
        from scalpzone.storage import StorageError  # noqa: PLC0415

        selected = self.selected_log_id()
        try:
            self._scalp_map = self._profile.scalp_map
            logged = self._profile.log_entries()
        except StorageError as error:
            self._logged = {}
            self.table.setRowCount(0)
            self.empty_label.setText(str(error))
            self.table.hide()
            self.empty_label.show()
            self._update_buttons()
            return
        newest_first = list(reversed(logged))
        self._logged = {s.id: s for s in newest_first}
        self.table.setRowCount(len(newest_first))
        for row, session in enumerate(newest_first):
            entry = session.entry
            names = ", ".join(zone_names(self._scalp_map, entry.zones))
            note_line = entry.note.splitlines()[0] if entry.note else ""
            texts = (
                full_day(entry.date),
                self.tr("Done") if entry.is_treatment else self.tr("Skipped"),
                names,
                f"{millimetres(entry.needle_mm)} mm",
                note_line + (" …" if note_line != entry.note.strip() and entry.note else ""),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(LOG_ID_ROLE, session.id)
                item.setToolTip(entry.note if column == len(texts) - 1 and entry.note else text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        has_rows = bool(newest_first)
        self.table.setVisible(has_rows)
        self.empty_label.setText(self.tr("No sessions logged yet."))
        self.empty_label.setVisible(not has_rows)
        if selected in self._logged:
            self.select_log_id(selected)
        elif has_rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._update_buttons()

    def _on_stack_changed(self, _index: int) -> None:
        # Every map edit in the window is a step too; a hidden log need not read the database.
        if isValid(self._stack) and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Show the log as it is now (it may have changed while hidden)."""
        self.refresh()
        super().showEvent(event)

    def _update_buttons(self) -> None:
        chosen = self.selected_log_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled by refresh
        return item

    def rows(self) -> list[tuple[str, ...]]:
        """Each row's texts as shown, top (newest) first."""
        return [
            tuple(self._item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]

    def selected_log_id(self) -> int | None:
        """The log id of the selected session, if one is selected."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        value = self._item(rows[0].row(), 0).data(LOG_ID_ROLE)
        return int(value) if value is not None else None

    def select_log_id(self, log_id: int) -> None:
        """Select the row of this logged session."""
        for row in range(self.table.rowCount()):
            if self._item(row, 0).data(LOG_ID_ROLE) == log_id:
                self.table.selectRow(row)
                self.table.scrollToItem(self._item(row, 0))
                return
        raise KeyError(log_id)

    # -- actions ---------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Remove the selected session (one undo step)."""
        log_id = self.selected_log_id()
        if log_id is None:
            return
        self._stack.push(RemoveLoggedSession(self._profile, self._logged[log_id], self._show_error))
        self.refresh()

    def edit_selected(self) -> None:
        """Open the form for the selected session; Save pushes the edit as one undo step."""
        log_id = self.selected_log_id()
        if log_id is None:
            return
        before = self._logged[log_id].entry
        form = SessionEditDialog(self._scalp_map, before, self._today, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.entryChosen.connect(lambda after: self._push_edit(log_id, before, after))
        self.edit_dialog = form
        form.finished.connect(lambda _result: self._forget_form(form))
        form.open()

    def _forget_form(self, form: SessionEditDialog) -> None:
        if self.edit_dialog is form:
            self.edit_dialog = None

    def _push_edit(self, log_id: int, before: HistoryEntry, after: HistoryEntry) -> None:
        if after == before:
            return
        self._stack.push(EditLoggedSession(self._profile, log_id, before, after, self._show_error))
        self.refresh()


def _message_boxes(parent: QWidget | None) -> ShowError:
    """Show messages as boxes on `parent` (the window: it outlives this dialog)."""
    kept: list[QMessageBox] = []

    def show(title: str, text: str) -> None:
        owner = parent if parent is not None and isValid(parent) else None
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=owner)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if owner is None:  # nothing else keeps it alive
            kept.append(box)
            box.finished.connect(lambda _r: kept.remove(box))
        box.open()

    return show
