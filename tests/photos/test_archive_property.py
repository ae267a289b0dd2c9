"""Property: for any profile, export → import → export gives the same bytes, photos included."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.photos import Alignment, DateSource, PhotoView, PreparedPhoto
from scalpzone.domain.settings import Contraindication, Health, Settings
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import Database, PhotoStore, ProfileArchives, ProfileStore

from .images import jpeg_bytes

ZONES = ("crown", "midscalp_center", "temple_left", "hairline_center")
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
UNIT = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
POINT = st.tuples(UNIT, UNIT)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
NEEDLE = st.sampled_from((0.25, 0.5, 0.75, 1.0, 1.5))


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, object]:
    """What a person may have put into a profile, small."""
    states = draw(
        st.lists(
            st.tuples(st.sampled_from(ZONES), st.sampled_from(list(ZoneState)), st.integers(1, 3)),
            max_size=4,
            unique_by=lambda z: z[0],
        )
    )
    return {
        "maps": draw(
            st.lists(st.tuples(DAYS, st.lists(POINT, min_size=2, max_size=4)), max_size=3)
        ),
        "states": states,
        "needle": draw(NEEDLE),
        "health": draw(st.sets(st.sampled_from(list(Contraindication)), max_size=2)),
        "confirmed": draw(st.none() | DAYS),
        "rollers": draw(st.lists(st.tuples(NEEDLE, DAYS), max_size=3)),
        "log": draw(
            st.lists(
                st.tuples(
                    DAYS,
                    st.lists(st.sampled_from(ZONES), min_size=1, max_size=3, unique=True),
                    st.sampled_from(list(SessionStatus)),
                    TEXT,
                ),
                max_size=5,
            )
        ),
        "photos": draw(
            st.lists(
                st.tuples(
                    st.sampled_from(list(PhotoView)),
                    DAYS,
                    TEXT,
                    st.integers(0, 255),
                    st.lists(st.sampled_from(ZONES), max_size=2, unique=True),
                ),
                max_size=3,
            )
        ),
        "alignment": draw(st.none() | st.tuples(POINT, POINT, POINT, POINT)),
    }


def _build(db: Database, spec: dict[str, object]) -> int:
    store, photos = ProfileStore(db), PhotoStore(db)
    pid = store.create_profile("Prop")
    scalp_map = ScalpMap()
    for zid, state, severity in spec["states"]:  # type: ignore[attr-defined]
        scalp_map = scalp_map.with_zone(Zone(zid, state, severity))
    for day, line in spec["maps"]:  # type: ignore[attr-defined]
        store.save_map(pid, scalp_map.with_hairline(tuple(line)), day)
    store.save_settings(pid, Settings(needle_mm=spec["needle"]))  # type: ignore[arg-type]
    if spec["confirmed"] is not None:
        store.save_health(pid, Health(frozenset(spec["health"])), spec["confirmed"])  # type: ignore[arg-type]
    for needle, day in spec["rollers"]:  # type: ignore[attr-defined]
        store.start_roller(pid, needle, day)
    for day, zones, status, note in spec["log"]:  # type: ignore[attr-defined]
        store.log_session(pid, HistoryEntry(day, tuple(zones), 1.0, status, note))
    ids = []
    for view, day, name, shade, zones in spec["photos"]:  # type: ignore[attr-defined]
        prepared = PreparedPhoto(
            jpeg_bytes(32, 24, (shade, 255 - shade, 90)),
            jpeg_bytes(8, 6, (shade, 0, 0)),
            32,
            24,
            day,
            DateSource.GIVEN,
            name,
        )
        (photo_id,) = photos.add_photos(pid, view, [prepared])
        photos.link_zones(pid, photo_id, zones)
        ids.append(photo_id)
    if spec["alignment"] is not None and len(ids) >= 2:
        a, b, c, d = spec["alignment"]  # type: ignore[misc]
        photos.save_alignment(pid, ids[1], ids[0], Alignment((a, b), (c, d)))
    return pid


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=profiles())
def test_export_import_export_gives_identical_bytes(
    spec: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("archive")
    first, second = folder / "a.sqlite3", folder / "b.sqlite3"
    with Database.open(first) as db:
        pid = _build(db, spec)
        ProfileArchives(db).export_profile(pid, folder / "one.scalpzone")
    with Database.open(second) as db:
        new = ProfileArchives(db).import_profile(folder / "one.scalpzone")
        ProfileArchives(db).export_profile(new, folder / "two.scalpzone")
    assert (folder / "two.scalpzone").read_bytes() == (folder / "one.scalpzone").read_bytes()


def test_an_empty_profile_round_trips(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite3") as db:
        pid = ProfileStore(db).create_profile("Empty")
        ProfileArchives(db).export_profile(pid, tmp_path / "e.scalpzone")
    with Database.open(tmp_path / "b.sqlite3") as db:
        new = ProfileArchives(db).import_profile(tmp_path / "e.scalpzone")
        assert ProfileStore(db).load_profile(new).name == "Empty"
