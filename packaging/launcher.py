"""Entry point of the bundled app: the same `scalpzone` command as a pip install gives."""

from scalpzone.launch import entry_point

entry_point()
