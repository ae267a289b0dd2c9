"""The session log: past sessions listed newest first, edited or removed, with undo and redo.

Edits and removals are undo commands pushed on the window's own stack, so Edit › Undo in the
window reaches them after this dialog has closed. A command holds the store, the profile id, the
log id and the entries, never the dialog; after each redo and undo it calls `on_changed()` so the
window re-plans (a removed done session is one use fewer of its roller: the store counts uses from
the log).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import NOTE_MAX
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM, RULES_BY_ID, millimetres
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.refusals import RefusalBar, needle_box
from scalpzone.ui.words import full_day, short_day

if TYPE_CHECKING:
    from scalpzone.storage.repositories import LoggedSession
    from scalpzone.storage.store import ProfileStore

#: Shows a message in plain words: (title, text). `Dialogs.show_error` fits.
ShowError = Callable[[str, str], None]

COLUMNS = ("Date", "Outcome", "Zones, in rolling order", "Needle", "Note")
LOG_ID_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionLog", text)


def zone_names(scalp_map: ScalpMap, zone_ids: Sequence[str]) -> list[str]:
    """Display names of these zones, in the order given (an id the map lacks is shown as is)."""
    names = {z.id: z.display_name for z in scalp_map.zones}
    return [names.get(zid, zid) for zid in zone_ids]


def entry_problems(entry: HistoryEntry, today: date) -> list[str]:
    """Why a session cannot be saved, one sentence each naming the field, the value and the limit."""
    problems: list[str] = []
    if entry.date > today:
        problems.append(
            _tr(
                "Date: {day} is in the future (today is {today}); log only sessions that happened."
            ).format(day=full_day(entry.date), today=full_day(today))
        )
    if not entry.zones:
        problems.append(_tr("Zones: none is ticked; tick at least one zone the session rolled."))
    source = RULES_BY_ID["needle_length"].source
    if entry.needle_mm > NEEDLE_MAX_MM:
        text = _tr(
            "Needle: {value} mm is above the {limit} mm maximum (longer needles risk the hair "
            "follicle). Source: {source}."
        )
        limit = NEEDLE_MAX_MM
    elif entry.needle_mm < NEEDLE_MIN_MM:
        text = _tr(
            "Needle: {value} mm is below the {limit} mm minimum (the shortest rollers made). "
            "Source: {source}."
        )
        limit = NEEDLE_MIN_MM
    else:
        text = ""
    if text:
        problems.append(
            text.format(value=millimetres(entry.needle_mm), limit=millimetres(limit), source=source)
        )
    if len(entry.note) > NOTE_MAX:
        problems.append(
            _tr(
                "Note: {count} characters is above the {limit}-character maximum; shorten it."
            ).format(count=len(entry.note), limit=NOTE_MAX)
        )
    return problems


# -- undo commands -------------------------------------------------------------------------------


class _LogCommand(QUndoCommand):
    """A change to one logged session; a refusal by the store is shown, and the step dropped."""

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        log_id: int,
        on_changed: Callable[[], None],
        show_error: ShowError,
        text: str,
    ) -> None:
        super().__init__(text)
        self._store = store
        self._profile_id = profile_id
        self.log_id = log_id
        self._on_changed = on_changed
        self._show_error = show_error

    def _run(self, title: str, change: Callable[[], None]) -> None:
        from scalpzone.storage import StorageError  # noqa: PLC0415  (imported with the store)

        try:
            change()
        except StorageError as error:
            # Obsolete: the stack drops this step instead of keeping one it cannot repeat.
            self.setObsolete(True)
            self._show_error(title, str(error))
        finally:
            self._on_changed()


class RemoveLoggedSession(_LogCommand):
    """Remove a session from the log; undo puts it back with the same id and content."""

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        logged: LoggedSession,
        on_changed: Callable[[], None],
        show_error: ShowError,
    ) -> None:
        text = _tr("Remove session of {day}").format(day=short_day(logged.entry.date))
        super().__init__(store, profile_id, logged.id, on_changed, show_error, text)
        self.entry = logged.entry

    def redo(self) -> None:
        """Take the session out of the log."""

        def remove() -> None:
            self.entry = self._store.remove_log_entry(self._profile_id, self.log_id)

        self._run(_tr("The session was not removed"), remove)

    def undo(self) -> None:
        """Put the session back."""
        self._run(
            _tr("The session was not put back"),
            lambda: self._store.restore_log_entry(self._profile_id, self.log_id, self.entry),
        )


class EditLoggedSession(_LogCommand):
    """Replace a logged session's date, outcome, zones, needle or note; undo restores it."""

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        log_id: int,
        before: HistoryEntry,
        after: HistoryEntry,
        on_changed: Callable[[], None],
        show_error: ShowError,
    ) -> None:
        text = _tr("Edit session of {day}").format(day=short_day(before.date))
        super().__init__(store, profile_id, log_id, on_changed, show_error, text)
        self.before = before
        self.after = after

    def redo(self) -> None:
        """Save the edited session."""
        self._run(
            _tr("The session was not changed"),
            lambda: self._store.replace_log_entry(self._profile_id, self.log_id, self.after),
        )

    def undo(self) -> None:
        """Save the session as it was."""
        self._run(
            _tr("The session was not changed back"),
            lambda: self._store.replace_log_entry(self._profile_id, self.log_id, self.before),
        )


# -- the edit form -------------------------------------------------------------------------------


class SessionEditDialog(QDialog):
    """A small form for one logged session; Save refuses bad values and says why.

    `entryChosen(HistoryEntry)` is emitted when Save is pressed with acceptable values (and the
    dialog then accepts); nothing is saved here, the caller pushes the edit.
    """

    entryChosen = Signal(object)

    def __init__(
        self,
        scalp_map: ScalpMap,
        entry: HistoryEntry,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the session of {day}").format(day=full_day(entry.date)))
        self._entry = entry
        self._today = today

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDate(QDate(entry.date.year, entry.date.month, entry.date.day))
        self.date_edit.setAccessibleName(self.tr("Date of the session"))

        self.done_button = QRadioButton(self.tr("Do&ne"), self)
        self.skipped_button = QRadioButton(self.tr("S&kipped"), self)
        self.done_button.setToolTip(self.tr("The session happened: it counts as a treatment"))
        self.skipped_button.setToolTip(
            self.tr("The session was planned but not done: kept in the log, not a treatment")
        )
        outcome = QButtonGroup(self)
        outcome.addButton(self.done_button)
        outcome.addButton(self.skipped_button)
        (self.done_button if entry.is_treatment else self.skipped_button).setChecked(True)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.done_button)
        outcome_row.addWidget(self.skipped_button)
        outcome_row.addStretch(1)

        # Check boxes on the window's background (not in a list): their boxes stay visible in
        # the dark palette, where Fusion draws an item view's boxes in the list's own colour.
        self.zone_boxes: dict[str, QCheckBox] = {}
        zones_widget = QWidget(self)
        zones_widget.setAccessibleName(self.tr("Zones rolled"))
        grid = QGridLayout(zones_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        # Two columns for the presets and a few drawn zones; more columns when many were drawn.
        columns = 2 if len(scalp_map.zones) <= 20 else 3 if len(scalp_map.zones) <= 45 else 4
        per_column = -(-len(scalp_map.zones) // columns)
        for number, zone in enumerate(scalp_map.zones):
            box = QCheckBox(zone.display_name, zones_widget)
            box.setChecked(zone.id in entry.zones)
            grid.addWidget(box, number % per_column, number // per_column)
            self.zone_boxes[zone.id] = box
        self.zones_widget = zones_widget

        self.needle_spin = needle_box(self, entry.needle_mm, step=0.05)
        self.needle_spin.setAccessibleName(self.tr("Needle length in millimetres"))

        self.note_edit = QPlainTextEdit(entry.note, self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("How it went (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)

        self.problems = RefusalBar(self.tr("Why the session was not saved"), self)

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Date:"), self.date_edit), self.date_edit)
        form.addRow(self.tr("Outcome:"), outcome_row)
        zones_label = QLabel(self.tr("&Zones rolled:"), self)
        if self.zone_boxes:
            zones_label.setBuddy(next(iter(self.zone_boxes.values())))
        zones_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(zones_label, self.zones_widget)
        form.addRow(self._buddy(self.tr("N&eedle:"), self.needle_spin), self.needle_spin)
        form.addRow(self._buddy(self.tr("N&ote:"), self.note_edit), self.note_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def checked_zones(self) -> tuple[str, ...]:
        """Ticked zones in rolling order: those kept in the order rolled, then new ones in map order."""
        ticked = [zid for zid, box in self.zone_boxes.items() if box.isChecked()]
        kept = [zid for zid in self._entry.zones if zid in ticked]
        return (*kept, *(zid for zid in ticked if zid not in kept))

    def set_zone_checked(self, zone_id: str, checked: bool) -> None:
        """Tick or untick a zone (what a click on its box does)."""
        self.zone_boxes[zone_id].setChecked(checked)

    def entry(self) -> HistoryEntry:
        """The session as the form now says."""
        picked = self.date_edit.date()
        return HistoryEntry(
            date(picked.year(), picked.month(), picked.day()),
            self.checked_zones(),
            round(self.needle_spin.value(), 2),
            SessionStatus.DONE if self.done_button.isChecked() else SessionStatus.SKIPPED,
            self.note_edit.toPlainText(),
        )

    def refusals(self) -> list[str]:
        """What is refused in the form as it stands (empty: it can be saved)."""
        return entry_problems(self.entry(), self._today())

    def save(self) -> None:
        """Hand the session on and close; or show what is refused and stay open."""
        problems = self.refusals()
        if problems:
            self.problems.show_text(
                "\n".join([self.tr("Not saved; nothing was changed:"), *problems])
            )
            self.adjustSize()  # room for the message, without squeezing the form
            return
        self.problems.hide()
        self.entryChosen.emit(self.entry())
        self.accept()


# -- the log -------------------------------------------------------------------------------------


class SessionLogDialog(QDialog):
    """Every logged session, newest first, to edit or remove; Undo and Redo act on `stack`.

    `on_changed()` is called after every edit, removal, undo or redo of one of them (the window
    re-plans). `show_error(title, text)` shows the store's refusals; by default a message box on
    `parent`. `today()` is the last day a session may be dated.
    """

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        stack: QUndoStack,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        show_error: ShowError | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._profile_id = profile_id
        self._stack = stack
        self._on_changed = on_changed
        self._today = today
        self._show_error = show_error or _message_boxes(parent)
        self._logged: dict[int, LoggedSession] = {}
        self._scalp_map = ScalpMap()
        self.edit_dialog: SessionEditDialog | None = None
        self.setWindowTitle(self.tr("Session log"))
        self.resize(820, 460)

        self.intro = QLabel(
            self.tr(
                "Sessions you logged, newest first. Correct a session or remove one logged by "
                "mistake; the plan and the roller's count of uses follow. Undo works here and in "
                "the main window."
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
            self._scalp_map = self._store.load_profile(self._profile_id).document.scalp_map
            logged = self._store.log_entries(self._profile_id)
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
        self._stack.push(
            RemoveLoggedSession(
                self._store,
                self._profile_id,
                self._logged[log_id],
                self._on_changed,
                self._show_error,
            )
        )
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
        self._stack.push(
            EditLoggedSession(
                self._store,
                self._profile_id,
                log_id,
                before,
                after,
                self._on_changed,
                self._show_error,
            )
        )
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
