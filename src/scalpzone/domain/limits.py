"""How much ScalpZone reads and keeps: every size limit in one place (docs/limits.md).

Each limit is far above what a person draws or logs by hand, and low enough that the largest
map the limits allow still plans, imports, opens and answers a click in well under a second
(benchmarks/bench_bounds.py). Input over a limit is refused with a message naming the limit.
"""

from __future__ import annotations

from datetime import date

#: Bytes read from a map file, a pipe, standard input or a device; one byte more is refused.
INPUT_MAX_BYTES = 8 * 1024 * 1024
#: Zones a person can draw on one map, besides the 13 preset regions.
DRAWN_ZONES_MAX = 100
#: Corners of one drawn zone's outline.
OUTLINE_MAX_POINTS = 500
#: The smallest area a drawn zone may enclose: a ten-thousandth of the map's unit square.
MIN_ZONE_AREA = 1e-4
#: Points of the hairline.
HAIRLINE_MAX_POINTS = 500
#: Logged sessions in one map file or profile: more than 30 years at three a week.
HISTORY_MAX_ENTRIES = 5000
#: Characters of a profile's or a drawn zone's name.
NAME_MAX_CHARS = 80
#: Characters of a logged session's note.
NOTE_MAX_CHARS = 2000
#: Digits of a whole number in a map file; no value ScalpZone reads needs more than a few.
NUMBER_MAX_DIGITS = 30
#: How deep arrays and objects may nest in a map file (the format itself needs 4).
NESTING_MAX_DEPTH = 32
#: The calendar ScalpZone plans in: wide enough for any life, narrow enough that a plan's
#: horizon (a year and some weeks) never runs off the end of Python's calendar.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(9000, 12, 31)
#: Problems listed one per line before the rest are counted instead.
PROBLEMS_LISTED = 50
#: Characters of a value or key quoted back in a message.
QUOTE_MAX_CHARS = 60
