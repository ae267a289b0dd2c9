"""The map editor: the model, its undo commands and named edits, the scene, view and tools,
the zone panel, legend, scores and the next-sessions preview."""
