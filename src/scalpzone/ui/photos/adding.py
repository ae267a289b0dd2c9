"""File › Add photos… and photos dropped on the window: choose the view, the date and the areas
shown, then the files are read on a worker thread (the window stays responsive, a progress bar
counts them) and kept in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.photo_files import PhotoFileError, read_photo
from scalpzone.domain.photos import PhotoView, PreparedPhoto
from scalpzone.domain.problems import Problem
from scalpzone.domain.zones import ScalpMap
from scalpzone.storage import PhotoStore, StorageError
from scalpzone.ui.widgets.labels import buddy_label
from scalpzone.ui.widgets.screen_fit import fit_to_screen


class PhotoReader(QObject):
    """Reads photo files one by one on its own thread; stops between files when asked."""

    progressed = Signal(int, int)
    #: The photos read, and a problem for each file that could not be.
    done = Signal(list, list)

    def __init__(self, paths: Sequence[Path], taken_on: date | None) -> None:
        super().__init__()
        self._paths = list(paths)
        self._taken_on = taken_on
        self.stopped = False

    def run(self) -> None:
        """Read every file (Pillow lets go of the GIL while decoding, so the window keeps on)."""
        good: list[PreparedPhoto] = []
        problems: list[Problem] = []
        for index, path in enumerate(self._paths):
            if self.stopped:
                break
            try:
                good.append(read_photo(path, self._taken_on))
            except PhotoFileError as error:
                problems.extend(error.problems)
            except Exception as error:  # the dialog must hear back, whatever failed
                problems.append(Problem(path.name, f"could not be read ({error})"))
            self.progressed.emit(index + 1, len(self._paths))
        self.done.emit(good, problems)


class AddPhotosDialog(QDialog):
    """The files to add, their view, their date and the areas they show; Add reads and keeps them."""

    #: The ids of the photos kept, and a sentence saying so.
    added = Signal(tuple, str)

    def __init__(
        self,
        photos: PhotoStore,
        profile_id: int,
        scalp_map: ScalpMap,
        paths: Sequence[Path],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add photos"))
        self._photos = photos
        self._profile_id = profile_id
        self._paths = list(paths)
        self._thread: QThread | None = None
        self._reader: PhotoReader | None = None
        self.problems: list[Problem] = []
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files to add"))
        choose = QPushButton(self.tr("&Choose files…"))
        choose.clicked.connect(self._choose)
        guide = QPushButton(self.tr("Photo &guide…"))
        guide.setToolTip(self.tr("How to take this view the same way every time"))
        guide.clicked.connect(self._guide)
        for button in (choose, guide):
            button.setAutoDefault(False)  # Return adds the photos, whichever button was used
        self.view_box = QComboBox()
        for view in PhotoView:
            self.view_box.addItem(view.label, view.value)
        self.own_date = QRadioButton(self.tr("From each &picture (camera date, else file date)"))
        self.given_date = QRadioButton(self.tr("All taken &on"))
        self.own_date.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.own_date)
        group.addButton(self.given_date)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setEnabled(False)
        self.given_date.toggled.connect(self.date_edit.setEnabled)
        self.areas = QListWidget()
        self.areas.setAccessibleName(self.tr("Areas the photos show"))
        self.areas.setSpacing(2)  # the check boxes touched each other
        for zone in scalp_map.zones:
            item = QListWidgetItem(zone.display_name)
            item.setData(Qt.ItemDataRole.UserRole, zone.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.areas.addItem(item)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m read"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Files"), self.files), self.files)
        form.addRow("", choose)
        form.addRow(buddy_label(self.tr("&View"), self.view_box), self.view_box)
        form.addRow("", guide)
        form.addRow(self.tr("Date"), self.own_date)
        form.addRow("", self.given_date)
        form.addRow("", self.date_edit)
        form.addRow(buddy_label(self.tr("Ar&eas shown"), self.areas), self.areas)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("&Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._show_files()
        fit_to_screen(self, 560, 620)

    def _choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        from scalpzone.ui.widgets.question_boxes import start_folder  # noqa: PLC0415

        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            str(start_folder()),
            self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.heif)"),
        )
        self._paths.extend(Path(n) for n in names if Path(n) not in self._paths)
        self._show_files()

    def _guide(self) -> None:
        from scalpzone.ui.photos.guide import PhotoGuideDialog  # noqa: PLC0415

        guide = PhotoGuideDialog(PhotoView(self.view_box.currentData()), self)
        guide.finished.connect(lambda _r: guide.deleteLater())
        guide.open()

    def _show_files(self) -> None:
        self.files.clear()
        self.files.addItems([p.name for p in self._paths])
        self.add_button.setEnabled(bool(self._paths))

    def set_view(self, view: PhotoView) -> None:
        """Choose the view the photos show."""
        self.view_box.setCurrentIndex(self.view_box.findData(view.value))

    def check_area(self, zone_id: str) -> None:
        """Tick an area the photos show."""
        for row in range(self.areas.count()):
            item = self.areas.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == zone_id:
                item.setCheckState(Qt.CheckState.Checked)

    def _checked_areas(self) -> list[str]:
        return [
            str(self.areas.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.areas.count())
            if self.areas.item(row).checkState() == Qt.CheckState.Checked
        ]

    # -- reading and keeping ----------------------------------------------------------------

    def start(self) -> None:
        """Read the files on a worker thread; the progress bar counts them."""
        if not self._paths or self._thread is not None:
            return
        given = self.date_edit.date()
        taken_on = (
            date(given.year(), given.month(), given.day()) if self.given_date.isChecked() else None
        )
        for widget in (self.files, self.view_box, self.own_date, self.given_date, self.areas):
            widget.setEnabled(False)
        self.date_edit.setEnabled(False)
        self.add_button.setEnabled(False)
        self.progress.setRange(0, len(self._paths))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Reading the photos…"))
        self._thread = QThread(self)
        self._reader = PhotoReader(self._paths, taken_on)
        self._reader.moveToThread(self._thread)
        self._thread.started.connect(self._reader.run)
        # Bound to the dialog's own slot, so it runs on the GUI thread (a lambda would run on
        # the reader's thread and touch the progress bar from there).
        self._reader.progressed.connect(self._progressed)
        self._reader.done.connect(self._keep)
        self._reader.done.connect(self._thread.quit)
        self._thread.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _keep(self, good: list[PreparedPhoto], problems: list[Problem]) -> None:
        """Back on the GUI thread: keep what was read in one transaction, then say what happened."""
        self.problems = problems
        if self._reader is not None and self._reader.stopped:
            return
        view = PhotoView(self.view_box.currentData())
        lines = [f"{p.path}: {p.message}" for p in problems]
        ids: tuple[int, ...] = ()
        try:
            if good:
                ids = self._photos.add_photos(self._profile_id, view, good)
                areas = self._checked_areas()
                for photo_id in ids if areas else ():
                    self._photos.link_zones(self._profile_id, photo_id, areas)
        except StorageError as error:
            self.status.setText(self.tr("Nothing was kept: {why}").format(why=str(error)))
            self._thread_done()
            return
        said = self.tr("Added {count} photo(s) of the {view} view.").format(
            count=len(ids), view=view.label.lower()
        )
        if lines:
            said += " " + self.tr("Not added: {files}").format(files="; ".join(lines))
        self.status.setText(said)
        self._thread_done()
        self.added.emit(ids, said)
        if not lines:
            self.accept()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _thread_done(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def reject(self) -> None:
        """Cancel: stop reading between two files; nothing read so far is kept."""
        if self._reader is not None:
            self._reader.stopped = True
        self._thread_done()
        super().reject()
