"""How the window looks and reads: colours, light and dark, and the words for states and dates."""
