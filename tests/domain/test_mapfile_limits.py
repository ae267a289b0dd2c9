"""The map file reader and its limits (docs/limits.md): everything at or under every limit is
read, anything over one is refused with a problem naming its path and the limit, and nothing
but MapFileError ever leaves the reader, whatever the bytes or the JSON."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scalpzone.domain import limits
from scalpzone.domain.mapfile import MapFileError, parse_map_data, parse_map_json, read_map_stream


# Sizes: the smallest allowed, just under the limit, the limit itself.
def _sizes(least: int, most: int) -> st.SearchStrategy[int]:
    return st.sampled_from(sorted({least, least + 1, most - 1, most}))


def _circle(points: int, k: int) -> list[list[float]]:
    cx, cy = 0.05 + (k % 10) * 0.09, 0.05 + (k // 10) * 0.09
    return [
        [
            cx + 0.04 * math.cos(2 * math.pi * i / points),
            cy + 0.04 * math.sin(2 * math.pi * i / points),
        ]
        for i in range(points)
    ]


@st.composite
def at_the_limits(draw: st.DrawFn) -> dict[str, object]:
    """A map with each size drawn from its smallest to its largest allowed value."""
    zones = draw(_sizes(0, limits.DRAWN_ZONES_MAX))
    corners = draw(_sizes(3, limits.OUTLINE_MAX_POINTS))
    name = "n" * draw(_sizes(1, limits.NAME_MAX_CHARS))
    return {
        "format": "scalpzone",
        "version": 1,
        "profile": {"name": name},
        "zones": [
            {
                "id": f"custom-{k + 1}",
                "name": name,
                "state": "thinning",
                "polygon": _circle(corners if k < 3 else 4, k),
            }
            for k in range(zones)
        ],
        "hairline": [
            [0.1 + 0.8 * i / (n - 1), 0.15]
            for n in [draw(_sizes(2, limits.HAIRLINE_MAX_POINTS))]
            for i in range(n)
        ],
        "history": [
            {
                "date": f"{2000 + n // 365}-01-01",
                "zones": ["crown"],
                "status": "skipped",
                "note": "x" * draw(st.sampled_from([0, limits.NOTE_MAX_CHARS])),
            }
            for n in range(draw(st.sampled_from([0, 1, limits.HISTORY_MAX_ENTRIES])))
        ],
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at_the_limits())
def test_everything_at_or_under_every_limit_is_read(raw: dict[str, object]) -> None:
    doc = parse_map_json(json.dumps(raw))
    assert len(doc.scalp_map.custom_zones) == len(raw["zones"])  # type: ignore[arg-type]
    assert len(doc.history) == len(raw["history"])  # type: ignore[arg-type]


OVER = {
    "drawn zones": (
        lambda raw: raw["zones"].extend(  # type: ignore[attr-defined]
            {"id": f"custom-{k + 1}", "name": "z", "polygon": _circle(4, k)}
            for k in range(limits.DRAWN_ZONES_MAX + 1)
        ),
        "zones",
        limits.DRAWN_ZONES_MAX,
    ),
    "outline points": (
        lambda raw: raw["zones"].append(  # type: ignore[attr-defined]
            {"id": "custom-1", "name": "z", "polygon": _circle(limits.OUTLINE_MAX_POINTS + 1, 0)}
        ),
        "zones[0].polygon",
        limits.OUTLINE_MAX_POINTS,
    ),
    "hairline points": (
        lambda raw: raw.update(hairline=[[0.5, 0.1]] * (limits.HAIRLINE_MAX_POINTS + 1)),
        "hairline",
        limits.HAIRLINE_MAX_POINTS,
    ),
    "history entries": (
        lambda raw: raw.update(
            history=[{"date": "2020-01-01", "zones": ["crown"]}] * (limits.HISTORY_MAX_ENTRIES + 1)
        ),
        "history",
        limits.HISTORY_MAX_ENTRIES,
    ),
    "name characters": (
        lambda raw: raw.update(profile={"name": "n" * (limits.NAME_MAX_CHARS + 1)}),
        "profile.name",
        limits.NAME_MAX_CHARS,
    ),
    "note characters": (
        lambda raw: raw.update(
            history=[
                {
                    "date": "2020-01-01",
                    "zones": ["crown"],
                    "note": "n" * (limits.NOTE_MAX_CHARS + 1),
                }
            ]
        ),
        "history[0].note",
        limits.NOTE_MAX_CHARS,
    ),
}


@pytest.mark.parametrize("limit", list(OVER))
@settings(max_examples=5, deadline=None)
@given(extra=st.integers(0, 3))
def test_one_over_a_limit_is_refused_naming_the_path_and_the_limit(limit: str, extra: int) -> None:
    grow, path, most = OVER[limit]
    raw: dict[str, object] = {"format": "scalpzone", "version": 1, "zones": []}
    grow(raw)
    for _ in range(extra):  # more over the limit changes nothing in what is said
        if isinstance(raw.get("history"), list) and raw["history"]:
            raw["history"].append(raw["history"][0])  # type: ignore[union-attr]
    with pytest.raises(MapFileError) as caught:
        parse_map_data(raw)
    named = [p for p in caught.value.problems if p.path == path]
    assert named, caught.value.problems
    assert str(most) in named[0].message


def test_the_byte_limit_counts_bytes_from_a_stream() -> None:
    with pytest.raises(MapFileError) as caught:
        read_map_stream(io.BytesIO(b" " * (limits.INPUT_MAX_BYTES + 1)))
    assert str(limits.INPUT_MAX_BYTES) in str(caught.value)
    padded = json.dumps({"format": "scalpzone", "version": 1, "zones": []}).encode()
    read_map_stream(io.BytesIO(padded + b" " * (limits.INPUT_MAX_BYTES - len(padded))))


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_map_or_map_file_error(data: bytes) -> None:
    try:
        read_map_stream(io.BytesIO(data))
    except MapFileError as error:
        assert error.problems


extreme_values = st.recursive(
    st.none()
    | st.booleans()
    | st.floats()  # NaN and ±inf too
    | st.integers()
    | st.integers(300, 6000).map(lambda digits: -(10**digits) if digits % 2 else 10**digits)
    | st.text(st.characters(), max_size=12)  # lone surrogates too
    | st.sampled_from(["9999-12-31", "0001-01-01", "custom-999999", "crown", "\x1b[31m"]),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "format",
                    "version",
                    "zones",
                    "id",
                    "name",
                    "state",
                    "polygon",
                    "date",
                    "note",
                    "needle_mm",
                    "settings",
                    "history",
                    "hairline",
                    "\ud800",
                    "x" * 200,
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(extreme_values)
def test_extreme_json_values_give_only_map_file_error(raw: object) -> None:
    for candidate in (raw, {"format": "scalpzone", "version": 1, "zones": [], "settings": raw}):
        try:
            parse_map_data(candidate)
        except MapFileError as error:
            assert all(str(p) for p in error.problems)
            assert all(len(str(p)) < 600 for p in error.problems), "values are shortened"


@settings(max_examples=200)
@given(extreme_values)
def test_extreme_json_text_gives_only_map_file_error(raw: object) -> None:
    try:
        text = json.dumps(raw, ensure_ascii=True)
    except ValueError:  # int too long to write: write the digits out another way
        return
    try:
        parse_map_json(text)
    except MapFileError as error:
        assert error.problems


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("text", ['{"format": "scalpzone", "version": 1, "zones": []}', "[1,"])
def test_reading_leaves_the_cycle_collector_as_it_found_it(enabled: bool, text: str) -> None:
    # The reader pauses the collector while it builds a map (docs/limits.md, "Bounded work"):
    # read or refused, the map leaves it on when it was on, and off when a caller had it off.
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with contextlib.suppress(MapFileError):
            parse_map_json(text)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
