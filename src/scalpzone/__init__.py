"""ScalpZone: plan at-home derma rolling on a map of your own scalp."""

__version__ = "0.1.0"
APP_NAME = "ScalpZone"
DESKTOP_ID = "org.scalpzone.ScalpZone"
