"""PySide6's `__feature__` check answered without reading every module's source.

PySide6 lets a module opt into `from __feature__ import snake_case, true_property`. To know
which modules might, it checks every module imported after PySide6 (the standard library's
too) once, by reading its whole source and looking for the word "PySide6"
(`shibokensupport.feature._mod_uses_pyside`, through `inspect.getsource`). Before the first
paint that is ≈ 100 modules and ≈ 20 ms CPU; SQLAlchemy's import after it adds ≈ 250 modules.

ScalpZone selects no feature, so the answer is known without the source: our own modules use
PySide with the default selection, and the standard library and our dependencies without Qt
never name PySide6 (PySide6's own check answers "no" for them too). Any other module is still
checked by PySide6 itself. Should a PySide6 release work differently (no such module or
function), nothing is replaced and its own check runs as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (its import starts the feature support adjusted here)

#: Packages ScalpZone installs that never use Qt (none of their sources names PySide6).
PLAIN_PACKAGES = frozenset(
    {
        "PIL",
        "alembic",
        "dateutil",
        "greenlet",
        "icalendar",
        "mako",
        "markupsafe",
        "numpy",
        "pi_heif",
        "platformdirs",
        "shapely",
        "sqlalchemy",
        "typing_extensions",
        "tzdata",
    }
)
_WITHOUT_PYSIDE = sys.stdlib_module_names | PLAIN_PACKAGES
_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def answer_without_source() -> bool:
    """Replace PySide6's per-module source check (once); False when PySide6 has none to replace."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "answers_without_source", False):
        return True
    setattr(feature, _CHECK, _known_or(original))
    return True


def _known_or(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", None)
        if not isinstance(name, str):
            return original(module)
        package = name.partition(".")[0]
        if package == "scalpzone":
            return True
        if package in _WITHOUT_PYSIDE:
            return False
        return original(module)

    uses_pyside.answers_without_source = True  # type: ignore[attr-defined]
    return uses_pyside
