"""File › Switch profile: every profile, the open one checked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from scalpzone.ui.profile.controller import ProfileController
from scalpzone.ui.widgets.actions import ActionFactory


def fill_profile_menu(profiles: ProfileController, menu: QMenu, make: ActionFactory) -> None:
    """Fill the menu afresh (it is filled each time it opens)."""
    menu.clear()
    actions = []
    known = profiles.profiles()
    for profile in known:
        action = make.make(
            profile.name.replace("&", "&&"),
            "Open this profile",
            _switcher(profiles, profile.id),
            translate=False,
            parent=menu,
        )
        actions.append(action)
        menu.addAction(action)
    make.group(actions)
    for action, profile in zip(actions, known, strict=True):
        action.setChecked(profile.id == profiles.profile_id)


def _switcher(profiles: ProfileController, profile_id: int) -> Callable[[], None]:
    return lambda: profiles.switch_to(profile_id)
