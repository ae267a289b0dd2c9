"""`python -m scalpzone` runs the command line (or, with no arguments, the window)."""

from scalpzone.launch import entry_point

entry_point()
