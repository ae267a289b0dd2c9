"""`python -m scalpzone` runs the command line."""

from scalpzone.cli import entry_point

entry_point()
