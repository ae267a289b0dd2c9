"""The open profile: opening the database, the profile menu commands, saving as edits happen,
the start-up snapshot, and repairing stored data."""
