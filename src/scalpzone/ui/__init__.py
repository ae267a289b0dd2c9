"""Qt widgets, scene items, item models, undo commands and printing."""
