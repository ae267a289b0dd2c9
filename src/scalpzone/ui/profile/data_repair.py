"""When stored data breaks ScalpZone's rules, or the person wants an earlier copy back.

A profile whose rows fail the checks on reading (edited outside the app, or damaged) is not
shown as a blank map: the person is told which values are wrong and offered a way out —
put the settings (and the checklist) back to their defaults when only those are wrong, or
restore a backup of the whole database. File › Restore backup… offers the same restore at any
time. Neither can be undone from the Edit menu; a restore keeps the database as it was as a
backup first, so restoring that one takes it back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from scalpzone.ui.profile.store_api import DatabaseLike, ProfileStoreLike
from scalpzone.ui.widgets.questions import Dialogs

RESET = "reset"
RESTORED = "restored"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataRepair", text)


def offer_repair(
    dialogs: Dialogs,
    db: DatabaseLike,
    store: ProfileStoreLike,
    profile_id: int | None,
    problems: Sequence[str],
    *,
    settings_only: bool,
) -> str:
    """Show what is wrong and carry out the person's choice: RESET, RESTORED or "" (closed)."""
    choices: list[str] = []
    if settings_only and profile_id is not None:
        choices.append(_tr("Reset settings to defaults"))
    choices.append(_tr("Restore a backup…"))
    intro = _tr(
        "Some of this profile's saved values break ScalpZone's rules, so it will not plan "
        "from them (was the database edited outside ScalpZone?). Nothing has been changed."
    )
    if settings_only:
        intro += " " + _tr(
            "Only plan settings are affected: resetting them to ScalpZone's defaults keeps "
            "your map and your session log (the health checklist is asked again)."
        )
    chosen = dialogs.choose(_tr("Your data needs attention"), intro, problems, choices)
    if chosen is None:
        return ""
    if settings_only and profile_id is not None and chosen == 0:
        store.reset_settings(profile_id)
        store.reset_health(profile_id)
        return RESET
    return RESTORED if restore_backup(dialogs, db) else ""


def restore_backup(dialogs: Dialogs, db: DatabaseLike) -> bool:
    """Let the person pick one of the database's backups and restore it; whether it was."""
    found = list(db.list_backups())
    if not found:
        dialogs.show_info(
            _tr("Restore backup"),
            _tr("There are no backups of this database yet. ScalpZone makes one each day."),
        )
        return False
    index = dialogs.choose_item(
        _tr("Restore backup"),
        _tr("Which backup should replace the data you have now?"),
        [f"{b.name} — {b.describe()}" for b in found],
    )
    if index is None:
        return False
    chosen = found[index]
    question = _tr(
        "Restore the backup {name} ({when})? Every profile in this database goes back to how "
        "it was then; Edit › Undo cannot take this back. The data as it is now is kept as a "
        "backup first, so you can return to it by restoring that one."
    ).format(name=chosen.name, when=chosen.describe())
    if not dialogs.confirm(_tr("Restore backup"), question, _tr("Restore")):
        return False
    dialogs.show_info(_tr("Backup restored"), db.restore_backup(chosen.name))
    return True
