"""One module per schema revision, oldest first: r0001_initial, r0002_notes_and_rollers, …"""
