"""ScalpZone: plan at-home derma rolling on a map of your own scalp."""

from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "ScalpZone"
DESKTOP_ID = "org.scalpzone.ScalpZone"

#: The package's data files (regions, templates, icons). The package is always installed as
#: plain files (never zipped), so they sit beside this module; reading them through a path
#: spares start-up the import of `importlib.resources` (~5 ms).
RESOURCES = Path(__file__).parent / "resources"
