"""The Week tab and the commands behind the Week menu."""
