"""The main window's actions, menus and toolbar, all made by the one ActionFactory.

Built in two steps so the first paint comes sooner: `build_bars` makes what is seen at once
(the menu bar's titles and the toolbar with its actions), `build_menus` fills the menus right
after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton
from shiboken6 import isValid

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.widgets.accessible_parts import announce_undo_and_redo
from scalpzone.ui.widgets.actions import ActionFactory, StillButton

if TYPE_CHECKING:
    from scalpzone.domain.templates import Template
    from scalpzone.ui.week.menu import WeekMenuTargets

Key = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class MenuTargets:
    """What the window does for each command; menus only wire them up."""

    new_profile: Callable[[], None]
    rename_profile: Callable[[], None]
    delete_profile: Callable[[], None]
    import_file: Callable[[], None]
    export_file: Callable[[], None]
    restore_backup: Callable[[], None]
    quit: Callable[[], object]
    set_state: Callable[[ZoneState], None]
    delete_zone: Callable[[], None]
    choose_tool: Callable[[str], None]
    apply_template: Callable[[Template], None]
    template_gallery: Callable[[], None]
    clear_marks: Callable[[], None]
    clear_hairline: Callable[[], None]
    zoom_in: Callable[[], None]
    zoom_out: Callable[[], None]
    fit: Callable[[], None]
    show_names: Callable[[bool], None]
    show_legend: Callable[[bool], None]
    compare: Callable[[bool], None]
    appearance: Callable[[str], None]
    tour: Callable[[], None]
    rules: Callable[[], None]
    references: Callable[[], None]
    about: Callable[[], None]
    fill_profiles: Callable[[QMenu], None]
    #: Built with the menus, after the first paint (None for the toolbar built before it).
    week: WeekMenuTargets | None = None


@dataclass(slots=True)
class WindowActions:
    """The actions other code needs to reach (enable, check, retitle)."""

    undo: QAction
    redo: QAction
    tools: dict[str, QAction]
    tool_group: QActionGroup
    mark: dict[ZoneState, QAction]
    delete_zone: QAction
    show_names: QAction
    show_legend: QAction
    compare: QAction
    editing: list[QAction]
    profile_menu: QMenu
    appearance: dict[str, QAction]
    week: list[QAction]


TOOLS = (
    ("mark", "&Mark zones", "Click a zone to cycle healthy, thinning, bald", "M", "tool-mark"),
    (
        "zone",
        "Draw &zone",
        "Click the corners of your own zone; Enter or double-click closes it",
        "D",
        "tool-zone",
    ),
    (
        "hairline",
        "Draw &hairline",
        "Click along your hairline and press Enter; drag points to adjust",
        "H",
        "tool-hairline",
    ),
    (
        "points",
        "&Edit points",
        "Drag the corners of a drawn zone; Alt+click an edge adds one; Delete removes one",
        "E",
        "tool-points",
    ),
)


@dataclass(slots=True)
class Bars:
    """What the first paint shows: the menu bar's (empty) menus and the toolbar's actions."""

    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    map_menu: QMenu
    plan_menu: QMenu
    help_menu: QMenu
    undo: QAction
    redo: QAction
    tools: dict[str, QAction]
    tool_group: QActionGroup
    zoom_in: QAction
    zoom_out: QAction
    fit: QAction
    compare: QAction


def build_bars(
    window: QMainWindow, make: ActionFactory, stack: QUndoStack, do: MenuTargets
) -> Bars:
    """The menu bar's titles and the whole toolbar (the menus are filled by `build_menus`)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(make.tr("&File"))
    edit_menu = bar.addMenu(make.tr("&Edit"))
    view_menu = bar.addMenu(make.tr("&View"))
    map_menu = bar.addMenu(make.tr("&Map"))
    plan_menu = bar.addMenu(make.tr("&Plan"))
    help_menu = bar.addMenu(make.tr("&Help"))

    undo = make.make(
        "&Undo", "Take back the last change", stack.undo, shortcut=Key.Undo, icon="undo"
    )
    redo = make.make("&Redo", "Make the change again", stack.redo, shortcut=Key.Redo, icon="redo")
    _follow_stack(make, stack, undo, redo)
    announce_undo_and_redo(window, stack, undo, redo)
    tools: dict[str, QAction] = {}
    for key, text, tip, shortcut, icon in TOOLS:
        tools[key] = make.make(text, tip, _chooser(do, key), shortcut=shortcut, icon=icon)
    tool_group = make.group(list(tools.values()))
    tools["mark"].setChecked(True)
    zoom_in = make.make(
        "Zoom &in", "Enlarge the map", do.zoom_in, shortcut=[Key.ZoomIn, "Ctrl+="], icon="zoom-in"
    )
    zoom_out = make.make(
        "Zoom &out", "Shrink the map", do.zoom_out, shortcut=Key.ZoomOut, icon="zoom-out"
    )
    fit = make.make(
        "&Fit to window", "Show the whole head", do.fit, shortcut="Ctrl+0", icon="zoom-fit"
    )
    compare = make.make(
        "&Compare hairlines",
        "Overlay the hairlines of earlier days with dates",
        do.compare,
        checkable=True,
        icon="compare",
        shortcut="Ctrl+H",
    )

    toolbar = QToolBar(make.tr("Tools"), window)
    toolbar.setObjectName("tools")
    toolbar.setAccessibleName(make.tr("Tools"))
    toolbar.setIconSize(QSize(22, 22))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    toolbar.toggleViewAction().setStatusTip(make.tr("Show or hide the toolbar"))
    for action in (undo, redo):
        still = StillButton(action, toolbar.iconSize(), toolbar)
        toolbar.iconSizeChanged.connect(still.setIconSize)
        toolbar.addWidget(still)
    toolbar.addSeparator()
    for action in tools.values():
        toolbar.addAction(action)
    toolbar.addSeparator()
    for action in (zoom_in, zoom_out, fit):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(compare)
    for action in (zoom_in, zoom_out, fit):
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(toolbar)
    return Bars(
        file_menu,
        edit_menu,
        view_menu,
        map_menu,
        plan_menu,
        help_menu,
        undo,
        redo,
        tools,
        tool_group,
        zoom_in,
        zoom_out,
        fit,
        compare,
    )


def build_menus(bars: Bars, make: ActionFactory, do: MenuTargets) -> WindowActions:
    """Fill the menus (after the first paint: nobody can open one before it)."""
    from scalpzone.ui.week.menu import fill_week_menus  # noqa: PLC0415  (not before the paint)

    if do.week is None:
        raise ValueError("the menus need the week's commands")
    week_do = do.week
    file_menu = bars.file_menu
    file_menu.addAction(
        make.make(
            "&New profile…", "Start a map for another person", do.new_profile, shortcut=Key.New
        )
    )
    profile_menu = file_menu.addMenu(make.tr("&Switch profile"))
    profile_menu.aboutToShow.connect(lambda: do.fill_profiles(profile_menu))
    file_menu.addAction(
        make.make("&Rename profile…", "Give this profile a new name", do.rename_profile)
    )
    file_menu.addAction(
        make.make("&Delete profile…", "Delete this profile and all its data", do.delete_profile)
    )
    file_menu.addSeparator()
    file_menu.addAction(
        make.make(
            "&Import map…",
            "Read a ScalpZone map file into a new profile",
            do.import_file,
            shortcut="Ctrl+I",
        )
    )
    file_menu.addAction(
        make.make(
            "&Export map…",
            "Write this profile to a ScalpZone map file",
            do.export_file,
            shortcut="Ctrl+E",
        )
    )
    file_menu.addAction(
        make.make(
            "Restore &backup…",
            "Put an earlier copy of all your data back (the present one is kept as a backup)",
            do.restore_backup,
        )
    )
    file_menu.addSeparator()
    week = fill_week_menus(bars.file_menu, bars.plan_menu, make, week_do)
    file_menu.addSeparator()
    file_menu.addAction(
        make.make(
            "&Quit", "Close ScalpZone (everything is already saved)", do.quit, shortcut=Key.Quit
        )
    )

    edit_menu = bars.edit_menu
    edit_menu.addAction(bars.undo)
    edit_menu.addAction(bars.redo)
    edit_menu.addSeparator()
    mark = {
        ZoneState.HEALTHY: make.make(
            "Mark &healthy",
            "Mark the current zone healthy",
            lambda: do.set_state(ZoneState.HEALTHY),
            shortcut="1",
        ),
        ZoneState.THINNING: make.make(
            "Mark &thinning",
            "Mark the current zone thinning",
            lambda: do.set_state(ZoneState.THINNING),
            shortcut="2",
        ),
        ZoneState.BALD: make.make(
            "Mark &bald",
            "Mark the current zone bald",
            lambda: do.set_state(ZoneState.BALD),
            shortcut="3",
        ),
    }
    for action in mark.values():
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    delete_zone = make.make(
        "&Delete drawn zone", "Delete the current zone (drawn zones only)", do.delete_zone
    )
    edit_menu.addAction(delete_zone)

    view_menu = bars.view_menu
    view_menu.addAction(make.make("&Map", "Show the map", week_do.show_map, shortcut="Ctrl+1"))
    view_menu.addAction(
        make.make("&Week", "Show the week's plan", week_do.show_week, shortcut="Ctrl+2")
    )
    view_menu.addSeparator()
    for action in (bars.zoom_in, bars.zoom_out, bars.fit):
        view_menu.addAction(action)
    view_menu.addSeparator()
    show_names = make.make(
        "Zone &names", "Show the name of every zone on the map", do.show_names, checkable=True
    )
    show_legend = make.make(
        "&Legend",
        "Show the legend and the fill control under the map",
        do.show_legend,
        checkable=True,
    )
    for action in (show_names, show_legend, bars.compare):
        view_menu.addAction(action)
    view_menu.addSeparator()
    appearance_menu = view_menu.addMenu(make.tr("&Appearance"))
    appearance: dict[str, QAction] = {}
    for key, text, tip in (
        ("system", "&System", "Use the desktop's colours"),
        ("light", "&Light", "Dark text on a light background"),
        ("dark", "&Dark", "Light text on a dark background"),
    ):
        appearance[key] = make.make(text, tip, _appearance(do, key))
        appearance_menu.addAction(appearance[key])
    make.group(list(appearance.values()))

    map_menu = bars.map_menu
    tools = bars.tools
    for action in tools.values():
        map_menu.addAction(action)
    map_menu.addSeparator()
    gallery = make.make(
        "Apply &template…",
        "Start from a hair-loss stage, chosen from pictures of the map",
        do.template_gallery,
    )
    map_menu.addAction(gallery)
    clear = make.make("&Clear all marks", "Set every preset region back to healthy", do.clear_marks)
    clear_hairline = make.make("Clear hai&rline", "Remove the drawn hairline", do.clear_hairline)
    map_menu.addAction(clear)
    map_menu.addAction(clear_hairline)

    help_menu = bars.help_menu
    help_menu.addAction(
        make.make(
            "&Care guide",
            "Technique, hygiene, aftercare, when to see a dermatologist, and the sources",
            week_do.care_guide,
            shortcut=Key.HelpContents,
        )
    )
    help_menu.addAction(
        make.make("&Photo guide", "How to take each view's photo the same way", week_do.photo_guide)
    )
    help_menu.addAction(make.make("&Getting started", "Show the short tour again", do.tour))
    help_menu.addAction(
        make.make("&Rules and sources", "Every rule the plan follows, with its source", do.rules)
    )
    help_menu.addAction(make.make("R&eferences", "Every work ScalpZone cites", do.references))
    help_menu.addAction(make.make("&About ScalpZone", "Version and disclaimer", do.about))

    editing = [
        *mark.values(),
        delete_zone,
        *tools.values(),
        clear,
        clear_hairline,
        gallery,
    ]
    return WindowActions(
        bars.undo,
        bars.redo,
        tools,
        bars.tool_group,
        mark,
        delete_zone,
        show_names,
        show_legend,
        bars.compare,
        editing,
        profile_menu,
        appearance,
        week,
    )


def _appearance(do: MenuTargets, key: str) -> Callable[[], None]:
    return lambda: do.appearance(key)


def _chooser(do: MenuTargets, key: str) -> Callable[[], None]:
    return lambda: do.choose_tool(key)


def _follow_stack(make: ActionFactory, stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Undo and redo say what they would take back or do again ("Undo Mark Crown thinning")."""

    def refresh() -> None:
        if not isValid(stack) or not isValid(undo):
            return  # the window is being torn down
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo_text, redo_text = stack.undoText(), stack.redoText()
        undo.setText(
            make.tr("&Undo {what}").format(what=undo_text) if undo_text else make.tr("&Undo")
        )
        redo.setText(
            make.tr("&Redo {what}").format(what=redo_text) if redo_text else make.tr("&Redo")
        )
        undo.setToolTip(undo.text().replace("&", ""))
        redo.setToolTip(redo.text().replace("&", ""))

    stack.indexChanged.connect(lambda _index: refresh())
    stack.cleanChanged.connect(lambda _clean: refresh())
    refresh()


def follow_tab(bars: Bars, on_map: bool, editing: bool) -> None:
    """The map's tools and zoom work on the Map tab only (greyed out on the Week tab)."""
    for action in bars.tools.values():
        action.setEnabled(on_map and editing)
    for action in (bars.zoom_in, bars.zoom_out, bars.fit, bars.compare):
        action.setEnabled(on_map)
