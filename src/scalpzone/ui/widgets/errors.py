"""Unexpected errors reach the person as a dialog in plain words, never as a traceback."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def tr(text: str) -> str:
    """Translate a user-visible text in this module's context."""
    return QCoreApplication.translate("Errors", text)


def plain_words(error: BaseException) -> str:
    """What to tell the person about an error they did not cause."""
    from scalpzone.domain.problems import ProblemsError  # noqa: PLC0415

    storage_error: type[BaseException] | None
    try:
        from scalpzone.storage import StorageError  # noqa: PLC0415

        storage_error = StorageError
    except ImportError:
        storage_error = None
    if isinstance(error, ProblemsError) or (storage_error and isinstance(error, storage_error)):
        return str(error)
    if isinstance(error, MemoryError):
        return tr("ScalpZone ran out of memory. Close other programs and try again.")
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return tr("A file could not be read or written ({reason}).").format(reason=reason)
    return tr(
        "ScalpZone ran into a problem it did not expect, and the last step may not have worked. "
        "Your map is saved after every change, so what you did before is kept. If this happens "
        "again, please report it (the details were written to the terminal)."
    )


def install_excepthook(show: Callable[[str, str], None]) -> ExceptHook:
    """Route uncaught errors to `show(title, text)`; returns the hook it replaced."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        # The details go to the terminal for a bug report; the person gets plain words.
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        try:
            show(tr("Something went wrong"), plain_words(error))
        except Exception:
            traceback.print_exc(file=sys.stderr)

    sys.excepthook = hook
    return previous
