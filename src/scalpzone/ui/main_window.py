"""The ScalpZone main window: the map in the middle, zones and the coming week beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from scalpzone import APP_NAME
from scalpzone.ui.map.context_menu import block_question
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.legend import LegendBar
from scalpzone.ui.map.map_commands import MapCommands
from scalpzone.ui.map.model import MapModel, ZoneSelection
from scalpzone.ui.map.next_sessions import NextSessionsPreview
from scalpzone.ui.map.scene import MapScene
from scalpzone.ui.map.scores import ScoresLabel
from scalpzone.ui.map.tools import (
    HairlineTool,
    MarkTool,
    Tool,
    ToolContext,
    VertexTool,
    ZoneDrawTool,
)
from scalpzone.ui.map.tour import follow_tour, tour_steps
from scalpzone.ui.map.view import MapView
from scalpzone.ui.map.zone_panel import ZonePanel, side_column
from scalpzone.ui.menus import Bars, MenuTargets, WindowActions, build_bars, build_menus, follow_tab
from scalpzone.ui.profile.autosave import Autosave, StartupSnapshot
from scalpzone.ui.profile.controller import ProfileController
from scalpzone.ui.profile.opening import OpeningSigns, OpensInBackground
from scalpzone.ui.profile.store_api import StorageOpener
from scalpzone.ui.profile.switch_menu import fill_profile_menu
from scalpzone.ui.style.appearance import SETTINGS_KEY as APPEARANCE_KEY
from scalpzone.ui.style.appearance import Appearance, AppearanceSwitcher, parse_appearance
from scalpzone.ui.widgets.accessible_parts import say_in_status, tab_in_reading_order
from scalpzone.ui.widgets.actions import ActionFactory
from scalpzone.ui.widgets.layout_memory import RememberedSplitter, restore_layout, save_layout
from scalpzone.ui.widgets.notices import NoticeBar, float_over
from scalpzone.ui.widgets.questions import Dialogs, QtDialogs
from scalpzone.ui.widgets.screen_fit import available

if TYPE_CHECKING:
    from scalpzone.domain.templates import Template
    from scalpzone.ui.week.controller import WeekController
    from scalpzone.ui.week.menu import WeekMenuTargets

TOUR_DONE_KEY = "hints/tour_done"


def _week_targets(week: WeekController) -> WeekMenuTargets:
    from scalpzone.ui.week.menu import week_menu_targets  # noqa: PLC0415  (once there is a week)

    return week_menu_targets(week)


class MainWindow(OpensInBackground, QMainWindow):
    """The editor for one person's scalp map; edits are saved as they happen."""

    firstPainted = Signal()
    openingFinished = Signal(bool)  # the database opened (True) or could not be (False)

    def __init__(
        self,
        settings: QSettings,
        open_storage: StorageOpener,
        snapshot: StartupSnapshot,
        *,
        dialogs: Dialogs | None = None,
        today: Callable[[], date] = date.today,
        appearance: AppearanceSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)  # a StartFrame in the app (start_frame.py); tests show it alone
        if parent is not None:
            self.setWindowFlags(Qt.WindowType.Widget)
        self._appearance = appearance
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self._painted = False
        self.settings = settings
        self.dialogs: Dialogs = dialogs or QtDialogs(self)
        self.model = MapModel(today, self)
        self.stack = QUndoStack(self)
        self.selection = ZoneSelection(self.model, self)
        self.editor = MapEditor(self.model, self.stack, self)
        self.editor.ask_about_blocks = block_question(self.dialogs)
        self.autosave = Autosave(self.model, self.stack, self)
        self.profiles = ProfileController(
            self.model,
            self.stack,
            self.autosave,
            settings,
            self.dialogs,
            open_storage,
            snapshot,
            self,
        )
        self._build_widgets()
        self.map_commands = MapCommands(
            self.editor, self.model, self.selection, self.scene, self.dialogs, self.notices, self
        )
        self._week: WeekController | None = None  # built after the first paint
        ctx = ToolContext(
            self.scene,
            self.editor,
            self.selection,
            self.notices,
            self.autosave,
            done=lambda: self.choose_tool("mark"),
        )
        self.tools: dict[str, Tool] = {
            "mark": MarkTool(ctx),
            "zone": ZoneDrawTool(ctx),
            "hairline": HairlineTool(ctx),
            "points": VertexTool(ctx),
        }
        self.make = ActionFactory(self, self.palette())
        # The menus are filled right after the first paint (finish_building); until then only
        # their titles and the toolbar exist, and editing is off.
        self.bars: Bars = build_bars(self, self.make, self.stack, self._menu_targets())
        self._commands: WindowActions | None = None
        self.view.set_tool(self.tools["mark"])
        self._connect()
        self._restore_settings()
        self.set_editing_enabled(False)

    @property
    def commands(self) -> WindowActions:
        """The window's actions (the menus are built on first use if not yet)."""
        return self.finish_building()

    @property
    def week(self) -> WeekController:
        """The Week tab and the Plan menu's commands (built on first use if not yet)."""
        self.finish_building()
        assert self._week is not None
        return self._week

    def finish_building(self) -> WindowActions:
        """Fill the menus and build the week: once the database is open (or could not be), or
        on first use if sooner."""
        if self._commands is not None:
            return self._commands
        from scalpzone.ui.week.controller import WeekController  # noqa: PLC0415

        self._week = WeekController(
            self,
            self.tabs,
            self.plan_banner,
            self.model,
            self.profiles,
            self.autosave,
            self.editor,
            self.dialogs,
            self.settings,
        )
        self._week.said.connect(lambda text: say_in_status(self.statusBar(), text, 6000))
        commands = self._commands = build_menus(self.bars, self.make, self._menu_targets())
        current = self._appearance.current if self._appearance is not None else Appearance.SYSTEM
        commands.appearance[current.value].setChecked(True)
        for action in commands.appearance.values():
            action.setEnabled(self._appearance is not None)
        for action, shown in (
            (commands.show_names, self.scene.labels_visible()),
            (commands.show_legend, not self.legend.isHidden()),
        ):
            action.setChecked(shown)
        self.set_editing_enabled(self.view.editing_enabled, stored=self.profiles.ready)
        return commands

    # Building ----------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.scene = MapScene(self.model, self.selection, self.palette(), self)
        self.view = MapView(self.scene, self.model, self.selection, self.editor, self)
        self.tour_bar = NoticeBar(self)
        self.tour_bar.setAccessibleName(self.tr("Getting started"))
        self.legend = LegendBar(self.scene.look.colours, self.scene.look.fill_opacity, self)
        map_column = QWidget(self)
        map_layout = QVBoxLayout(map_column)
        map_layout.setContentsMargins(6, 6, 0, 6)
        map_layout.setSpacing(4)
        map_layout.addWidget(self.tour_bar)
        # Says when the plan is on hold or the health checklist is due, with a button to it.
        self.plan_banner = NoticeBar(self)
        self.plan_banner.setAccessibleName(self.tr("Plan status"))
        map_layout.addWidget(self.plan_banner)
        map_layout.addWidget(self.view, 1)
        # Notes float over the top of the map, so the diagram never jumps when one appears.
        self.notices = NoticeBar(self.view)
        float_over(self.notices, self.view)
        map_layout.addWidget(self.legend)

        self.zone_panel = ZonePanel(self.model, self.selection, self.scene.look.colours, self)
        self.preview = NextSessionsPreview(self.model, self)
        # The side column is as wide as the screen leaves beside the map (the window must fit).
        room = available(self).width() - map_column.minimumSizeHint().width() - 40
        side, self.side_splitter = side_column(self.zone_panel, self.preview, self, room)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(map_column)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # Map and Week share the window; the week's content is built once the database is open.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName(self.tr("Map and week"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Map"))
        week_page = QScrollArea(self.tabs)
        week_page.setWidgetResizable(True)
        week_page.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(week_page, self.tr("Week"))
        self.tabs.setTabToolTip(0, self.tr("The map and your zones (Ctrl+1)"))
        self.tabs.setTabToolTip(1, self.tr("This week's sessions, warnings and why (Ctrl+2)"))
        self.setCentralWidget(self.tabs)

        self.scores = ScoresLabel(self.model, self.view.viewport(), self)
        self.opening_signs = OpeningSigns(self.statusBar(), self.tr("Opening…"))
        self.statusBar().addPermanentWidget(self.scores)
        # Tab in reading order: the notes' buttons above the map, the map, the lists, the slider.
        notes = [self.tour_bar, self.plan_banner, self.notices]
        after = [self.view, self.zone_panel.table, self.preview.table, self.preview.start_button]
        after.append(self.legend.slider)
        tab_in_reading_order([self.tabs.tabBar()], notes, after)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _menu_targets(self) -> MenuTargets:
        profiles = self.profiles
        return MenuTargets(
            new_profile=profiles.new_profile,
            rename_profile=profiles.rename_profile,
            delete_profile=profiles.delete_profile,
            import_file=profiles.import_file,
            export_file=profiles.export_file,
            restore_backup=profiles.restore_backup,
            quit=lambda: self.window().close(),
            set_state=self.map_commands.set_current_state,
            delete_zone=self.map_commands.delete_current_zone,
            choose_tool=self.choose_tool,
            apply_template=self.apply_template,
            template_gallery=self.template_gallery,
            clear_marks=self.map_commands.clear_marks,
            clear_hairline=self.editor.clear_hairline,
            zoom_in=lambda: self.view.zoom_by(1.25),
            zoom_out=lambda: self.view.zoom_by(0.8),
            fit=self.view.fit,
            show_names=self.scene.set_labels_visible,
            show_legend=self.legend.setVisible,
            compare=self.map_commands.compare,
            appearance=self._set_appearance,
            tour=self.start_tour,
            rules=lambda: self._help("rules"),
            references=lambda: self._help("references"),
            about=lambda: self._help("about"),
            fill_profiles=lambda menu: fill_profile_menu(profiles, menu, self.make),
            week=None if self._week is None else _week_targets(self._week),
        )

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self._follow_tab())
        self.model.mapChanged.connect(lambda change: follow_tour(self.tour_bar, change))
        self.view.zoneMenuRequested.connect(self._show_zone_menu)
        self.preview.startRequested.connect(self._start_today)
        self.zone_panel.zoneMenuRequested.connect(self._show_zone_menu)
        self.legend.opacityChanged.connect(self.scene.set_fill_opacity)
        self.selection.currentChanged.connect(self._on_current_changed)
        self.profiles.opened.connect(self._on_profile_opened)
        self.profiles.notice.connect(self.notices.show_message)
        self.profiles.firstStart.connect(self._on_first_start)
        self.autosave.failed.connect(self._take_back_refused_change)
        self.stack.indexChanged.connect(lambda _i: self._show_step_in_status())

    def _start_today(self) -> None:
        self.week.today_session()  # the week is built after the first paint

    def _take_back_refused_change(self, why: str) -> None:
        """The database refused a step: say why and undo it and any step made on top of it
        while it was being written, so screen and file agree (Redo brings them back)."""
        self.dialogs.show_error(self.tr("Your change was not saved"), why)
        self.autosave.take_back_refused()

    # Start-up ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Say when the window first painted (the database opens after it)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)
        return handled

    def set_editing_enabled(self, enabled: bool, *, stored: bool | None = None) -> None:
        """Allow or stop map edits and (`stored`, default the same) what needs the database."""
        self.view.editing_enabled = enabled
        self.preview.start_button.setEnabled(enabled if stored is None else stored)
        if self._commands is None:
            for action in self.bars.tools.values():
                action.setEnabled(enabled)
            return
        for action in self._commands.editing:
            action.setEnabled(enabled)
        for action in self._commands.week:
            action.setEnabled(enabled if stored is None else stored)
        self._on_current_changed(self.selection.current())
        self._follow_tab()

    def _follow_tab(self) -> None:
        follow_tab(self.bars, self.tabs.currentIndex() == 0, self.view.editing_enabled)

    def _on_profile_opened(self) -> None:
        name = self.model.profile_name
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)
        self.window().setWindowTitle(self.windowTitle())
        say_in_status(self.statusBar(), self.tr("Opened {name}.").format(name=name), 4000)

    def _on_first_start(self) -> None:
        if not self.settings.value(TOUR_DONE_KEY, False, type=bool):
            self.start_tour()

    def start_tour(self) -> None:
        """A short, skippable walk through marking the map."""
        self.tour_bar.start_tour(tour_steps(), lambda: self.settings.setValue(TOUR_DONE_KEY, True))

    # Commands ----------------------------------------------------------------------------------

    def choose_tool(self, key: str) -> None:
        """Switch the map's tool."""
        self.bars.tools[key].setChecked(True)
        self.view.set_tool(self.tools[key])
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def template_gallery(self) -> None:
        """Map › Apply template…: the stages as pictures; the chosen one is applied."""
        from scalpzone.ui.dialogs.template_gallery import open_gallery  # noqa: PLC0415

        self.gallery = open_gallery(self.scene.look.colours, self, self.apply_template)

    def apply_template(self, template: Template) -> None:
        """Set the regions as a hair-loss stage has them, after asking if marks would change."""
        self.map_commands.apply_template(template)

    def _set_appearance(self, key: str) -> None:
        if self._appearance is None:
            return
        choice = parse_appearance(key)
        self._appearance.apply(choice)
        self.settings.setValue(APPEARANCE_KEY, choice.value)

    def _on_current_changed(self, zone_id: str) -> None:
        if self._commands is None:
            return
        custom = bool(zone_id) and self.model.zone(zone_id).is_custom
        self._commands.delete_zone.setEnabled(custom and self.view.editing_enabled)

    def _show_zone_menu(self, zone_id: str, at: QPoint) -> None:
        from scalpzone.ui.map.context_menu import ZoneMenu  # noqa: PLC0415  (not needed to start)

        menu = ZoneMenu(zone_id, self.model, self.editor, self.dialogs, self.notices, self)
        if self._week is not None:
            self._week.photos.add_zone_actions(menu, zone_id)
        menu.exec(at)
        menu.deleteLater()

    def _help(self, which: str) -> None:
        """Help › Rules and sources, References or About."""
        from scalpzone.ui.dialogs import help_menu  # noqa: PLC0415  (not needed to start)

        getattr(help_menu, f"show_{which}")(self)

    def _show_step_in_status(self) -> None:
        text = self.stack.undoText() if isValid(self.stack) else ""  # "": being torn down
        if text:
            self.statusBar().showMessage(text, 3000)

    # Settings and palette ----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        restore_layout(s, self, self._splitters())
        opacity = float(str(s.value("view/fill_opacity", self.scene.look.fill_opacity)))
        self.legend.slider.setValue(round(opacity * 100))
        self.scene.set_fill_opacity(opacity)
        # The View menu's check marks follow these when the menus are filled.
        self.scene.set_labels_visible(bool(s.value("view/names", True, type=bool)))
        self.legend.setVisible(bool(s.value("view/legend", True, type=bool)))

    def _splitters(self) -> list[RememberedSplitter]:
        return [
            RememberedSplitter("window/main_splitter", self.splitter, (700, 440)),
            RememberedSplitter("window/side_splitter", self.side_splitter, (420, 260)),
        ]

    def save_settings(self) -> None:
        """Remember the window, the splitters and the view options."""
        s = self.settings
        save_layout(s, self, self._splitters())
        s.setValue("view/fill_opacity", self.scene.look.fill_opacity)
        s.setValue("view/names", self.scene.labels_visible())
        s.setValue("view/legend", not self.legend.isHidden())
        s.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark palettes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "make"):
            palette = self.palette()
            self.scene.set_palette(palette)
            self.legend.set_colours(self.scene.look.colours)
            self.zone_panel.table_model.set_colours(self.scene.look.colours)
            self.make.set_palette(palette)
            self.preview.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is waiting, remember the layout, close the database."""
        self.save_settings()
        self.opening_signs.hide()
        self.profiles.close()
        event.accept()
