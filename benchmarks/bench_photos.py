"""Photo speed: adding twenty 12-megapixel phone photos; opening a profile that has 200 photos.

Run: .venv/bin/python -m benchmarks.bench_photos
Budgets (issue 15): adding twenty 12 MP JPEGs (read, turn upright, strip, shrink, thumbnail,
store in one transaction) in under 10 s; a profile with 200 photos opens (open the database,
load the profile, list its photos) within 20 % of the same profile without photos.
Baselines printed beside: Pillow decoding the same twenty files and nothing else, and the
profile without photos. The photos are made here as a phone makes them (4032 × 3024, EXIF
orientation 6, a GPS block, a capture date), with noise so they weigh what a phone's do.
Times are wall-clock; opening is the median of several runs on warm files.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ADD_BUDGET_S = 10.0
OPEN_RATIO_BUDGET = 1.20
PHOTOS = 20
MANY = 200
REPEATS = 25


def make_phone_photos(folder: Path, count: int) -> list[Path]:
    """`count` 12 MP JPEGs with orientation 6, a GPS position and a capture date."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(15)
    height, width = 3024, 4032
    ramp = np.linspace(40, 200, width, dtype=np.float32)[None, :, None]
    paths = []
    for n in range(count):
        noise = rng.normal(0, 18, (height, width, 3)).astype(np.float32)
        pixels = np.clip(ramp + noise + n, 0, 255).astype(np.uint8)
        exif = Image.Exif()
        exif[0x0112] = 6
        exif[0x010F], exif[0x0110] = "PhoneCorp", "Pocket 12 Pro"
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 22.0, 1.5), "E", (4.0, 53.0, 30.0)
        exif.get_ifd(0x8769)[0x9003] = f"2026:0{1 + n % 9}:1{n % 10} 08:30:00"
        path = folder / f"IMG_{n:04d}.JPG"
        Image.fromarray(pixels).save(path, "JPEG", quality=90, exif=exif.tobytes())
        paths.append(path)
    return paths


def plain_decode(paths: list[Path]) -> float:
    """Seconds for Pillow to decode every file at full size, one after the other."""
    from PIL import Image

    start = time.perf_counter()
    for path in paths:
        with Image.open(path) as image:
            image.load()
    return time.perf_counter() - start


def add_photos(db_path: Path, paths: list[Path]) -> tuple[float, float, int]:
    """(seconds to read and prepare, seconds to store, profile id) for one `photos add`."""
    from scalpzone.domain.photo_files import read_photos
    from scalpzone.domain.photos import PhotoView
    from scalpzone.storage import Database, PhotoStore, ProfileStore

    with Database.open(db_path) as db:
        pid = ProfileStore(db).create_profile("Alex")
    start = time.perf_counter()
    prepared, problems = read_photos(paths)
    read = time.perf_counter() - start
    assert not problems, problems
    start = time.perf_counter()
    with Database.open(db_path) as db:
        PhotoStore(db).add_photos(pid, PhotoView.CROWN, prepared)
    return read, time.perf_counter() - start, pid


def profile_with_photos(db_path: Path, paths: list[Path], photos: int) -> int:
    """A profile with a near-daily five-year log and `photos` photos; returns its id."""
    from datetime import date, timedelta

    from scalpzone.domain.history import HistoryEntry
    from scalpzone.domain.mapfile import MapDocument
    from scalpzone.domain.photo_files import read_photos
    from scalpzone.domain.photos import PhotoView
    from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
    from scalpzone.storage import Database, PhotoStore, ProfileStore

    scalp_map = ScalpMap().with_zone(Zone("crown", ZoneState.THINNING, 2))
    first = date(2021, 1, 4)
    history = tuple(
        HistoryEntry(first + timedelta(days=d), ("crown",), 1.0) for d in range(0, 1825, 2)
    )
    prepared, _ = read_photos(paths) if photos else ([], [])
    with Database.open(db_path) as db:
        pid = ProfileStore(db).import_document(MapDocument(scalp_map, history=history), "Alex")
        store = PhotoStore(db)
        views = list(PhotoView)
        for n in range(photos // len(prepared) if prepared else 0):
            store.add_photos(pid, views[n % len(views)], prepared)
    return pid


def _open_once(db_path: Path, pid: int, list_photos: bool) -> float:
    from scalpzone.storage import Database, PhotoStore, ProfileStore

    start = time.perf_counter()
    db = Database.open(db_path)
    ProfileStore(db).load_profile(pid)
    if list_photos:
        PhotoStore(db).photos(pid)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def open_times(runs: list[tuple[Path, int, bool]]) -> list[list[float]]:
    """Seconds to open the database and load the profile (and list its photos), for each
    run, taken in turn REPEATS times so that other load on the machine hits them alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(REPEATS):
        for i, (path, pid, list_photos) in enumerate(runs):
            times[i].append(_open_once(path, pid, list_photos))
    return times


def main() -> int:
    """Print the figures; 1 if a budget is missed."""
    import scalpzone.storage  # noqa: F401  (imported once, not timed below)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_phone_photos(folder, PHOTOS)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        baseline = plain_decode(paths)
        read, store, _ = add_photos(folder / "add.sqlite3", paths)
        added = read + store
        print(f"adding {PHOTOS} photos of 4032 x 3024 ({megabytes:.0f} MB of JPEG):")
        print(f"  baseline, Pillow decoding them at full size one by one: {baseline:6.2f} s")
        print(f"  read, upright, strip, shrink, thumbnail (2 threads):    {read:6.2f} s")
        print(f"  store in one transaction:                               {store:6.2f} s")
        print(
            f"  photos add in all: {added:.2f} s, {added / PHOTOS * 1000:.0f} ms a photo "
            f"(budget {ADD_BUDGET_S:.0f} s)"
        )

        none_path, many_path = folder / "none.sqlite3", folder / "many.sqlite3"
        none_pid = profile_with_photos(none_path, paths, 0)
        many_pid = profile_with_photos(many_path, paths, MANY)
        without, with_load, with_list = (
            statistics.median(t)
            for t in open_times(
                [
                    (none_path, none_pid, False),
                    (many_path, many_pid, False),
                    (many_path, many_pid, True),
                ]
            )
        )
        ratio = with_list / without
        size = many_path.stat().st_size / 1e6
        print()
        print("opening a profile (open the database, load the profile), median:")
        print(f"  baseline, the profile without photos:                   {without * 1000:6.1f} ms")
        print(
            f"  the same profile with {MANY} photos ({size:.0f} MB database):     "
            f"{with_load * 1000:6.1f} ms"
        )
        print(
            f"  … and listing its {MANY} photos (no pixels):              "
            f"{with_list * 1000:6.1f} ms = {ratio:.2f} x (budget {OPEN_RATIO_BUDGET:.2f} x)"
        )
        start = time.perf_counter()
        from scalpzone.storage import Database, PhotoStore

        with Database.open(many_path) as db:
            store = PhotoStore(db)
            for info in store.photos(many_pid)[:24]:
                store.thumbnail(many_pid, info.id)
        print(f"  reading 24 thumbnails after that: {(time.perf_counter() - start) * 1000:.0f} ms")

    over = added > ADD_BUDGET_S or ratio > OPEN_RATIO_BUDGET
    print()
    print("OVER BUDGET" if over else "within budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
