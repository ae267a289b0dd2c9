"""A profile with something in every part, built through the store as the app would."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import Alignment, PhotoView
from scalpzone.domain.settings import Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import Database, PhotoStore, ProfileArchives, ProfileStore

from .images import camera_jpeg, landscape

PART_LINE = Zone(
    "custom-1",
    ZoneState.THINNING,
    2,
    name="Part line",
    polygon=((0.45, 0.3), (0.55, 0.3), (0.55, 0.5), (0.45, 0.5)),
)


def full_profile(db: Database, tmp_path: Path, name: str = "Alex") -> int:
    """Map with a drawn zone, three dated maps and hairlines, settings, a confirmed checklist,
    two rollers, a log with notes, three photos with links and an alignment."""
    store, photos = ProfileStore(db), PhotoStore(db)
    pid = store.create_profile(name)
    scalp_map = ScalpMap().with_zone(Zone("crown", ZoneState.THINNING, 2)).with_zone(PART_LINE)
    for n, day in enumerate((date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2))):
        scalp_map = scalp_map.with_zone(Zone("crown", ZoneState.THINNING, 3 - n)).with_hairline(
            ((0.25, 0.16 + n / 100), (0.5, 0.12), (0.75, 0.16))
        )
        store.save_map(pid, scalp_map, day)
    store.save_settings(
        pid,
        Settings(
            needle_mm=0.5, session_days=frozenset({Weekday.MON, Weekday.THU}), session_minutes=20
        ),
    )
    store.save_health(pid, Health(frozenset({Contraindication.SUNBURN})), date(2026, 1, 4))
    store.start_roller(pid, 0.5, date(2026, 1, 5))
    store.start_roller(pid, 0.5, date(2026, 2, 9))
    for day, status, note in (
        (date(2026, 1, 5), SessionStatus.DONE, "first one; slight redness"),
        (date(2026, 1, 8), SessionStatus.SKIPPED, "tired"),
        (date(2026, 2, 9), SessionStatus.DONE, ""),
    ):
        store.log_session(pid, HistoryEntry(day, ("crown", "custom-1"), 0.5, status, note))
    first = read_photo(camera_jpeg(tmp_path / f"{name}-crown.jpg"))
    later = read_photo(
        camera_jpeg(
            tmp_path / f"{name}-later.jpg", landscape(320, 200), taken="2026:03:01 10:00:00"
        )
    )
    front = read_photo(
        camera_jpeg(tmp_path / f"{name}-front.jpg", orientation=1, taken=None), date(2026, 1, 6)
    )
    a, b = photos.add_photos(pid, PhotoView.CROWN, [later, first])
    (c,) = photos.add_photos(pid, PhotoView.FRONT, [front])
    photos.link_zones(pid, a, ["crown", "custom-1"])
    photos.link_zones(pid, c, ["hairline_center"])
    photos.save_alignment(
        pid, a, b, Alignment(((0.1, 0.2), (0.8, 0.25)), ((0.12, 0.22), (0.79, 0.3)))
    )
    return pid


def export(db_path: Path, pid: int, out: Path) -> bytes:
    """Export a profile to `out` and return the file's bytes."""
    with Database.open(db_path) as db:
        ProfileArchives(db).export_profile(pid, out)
    return out.read_bytes()


def rewritten(
    data: bytes, change: dict[str, bytes | None], extra: dict[str, bytes] | None = None
) -> bytes:
    """The archive with entries replaced (None: left out) and `extra` entries added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content, compress_type=zipfile.ZIP_DEFLATED)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()
