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

# -- photos and profile archives (docs/photos.md) -------------------------------------------
#: Bytes of one photo file read from disk: a camera's JPEG is rarely over 20 MB.
PHOTO_FILE_MAX_BYTES = 64 * 1024 * 1024
#: Pixels of one photo as its header gives them, checked before it is decoded: an 80 MP
#: camera's photo fits, and it stays under Pillow's own decompression-bomb threshold (89 MP).
PHOTO_MAX_PIXELS = 80_000_000
#: The long side of a stored photo and of its thumbnail, in pixels.
PHOTO_LONG_SIDE = 2400
THUMBNAIL_LONG_SIDE = 320
#: A large JPEG is decoded at 1/2, 1/4 or 1/8 of its size as long as its long side stays at
#: least this: a 12 MP photo is kept at 2,016 px, a 24 MP one is read at 3,000 and shrunk to 2,400.
PHOTO_DECODE_SIDE = 2000
#: Bytes of a stored photo (a 2,400 px JPEG is 0.3–2 MB) and of a stored thumbnail.
PHOTO_STORED_MAX_BYTES = 8 * 1024 * 1024
THUMBNAIL_STORED_MAX_BYTES = 512 * 1024
#: Photos one profile keeps: eight years of a weekly photo of every view.
PHOTOS_MAX_PER_PROFILE = 2500
#: Characters of a photo's original file name kept with it.
SOURCE_NAME_MAX_CHARS = 255
#: Bytes of an archive's manifest (the map, the log, every snapshot, the photo list).
ARCHIVE_MANIFEST_MAX_BYTES = 64 * 1024 * 1024
#: How much an archive entry may grow when unpacked: JSON deflates 5–20 times, JPEGs not at all.
ARCHIVE_MAX_RATIO = 100
