"""Qt widgets, scene items, item models, undo commands and printing."""

from scalpzone.ui.pyside_features import answer_without_source

answer_without_source()  # before any UI module is imported (ui/pyside_features.py)
