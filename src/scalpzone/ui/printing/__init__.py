"""The printed plan and where it goes: preview, printer, PDF."""
