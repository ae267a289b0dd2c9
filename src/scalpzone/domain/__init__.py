"""The Qt-free, SQL-free heart of ScalpZone: zones, rules, the planner and the map file.

Import from the modules themselves (`scalpzone.domain.planner`, …); this package imports
nothing on its own so that start-up only pays for what it uses.
"""
