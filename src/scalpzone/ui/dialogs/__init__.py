"""The dialogs of the Week and Help menus: settings, health, rollers, progress, care guide, help."""
