"""The map file: bad files refused whole with every problem and its path; good files round-trip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalpzone.domain.history import SessionStatus
from scalpzone.domain.mapfile import (
    MapDocument,
    MapFileError,
    dump_map_document,
    parse_map_data,
    parse_map_json,
    read_map_file,
)
from scalpzone.domain.settings import Contraindication, Weekday
from scalpzone.domain.zones import ZoneState
from tests.domain.strategies import healths, histories, plan_settings, scalp_maps, starts

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"


def _minimal(**extra: object) -> dict[str, object]:
    return {"format": "scalpzone", "version": 1, "zones": [], **extra}


def _problems(raw: object) -> list[str]:
    with pytest.raises(MapFileError) as caught:
        parse_map_data(raw)
    return [str(p) for p in caught.value.problems]


def test_the_spec_example_reads_with_every_field() -> None:
    doc = read_map_file(EXAMPLE)
    assert doc.profile_name == "Alex"
    assert doc.settings.session_days == {Weekday.MON, Weekday.WED, Weekday.FRI, Weekday.SUN}
    assert doc.scalp_map.zone("crown").severity == 2
    assert doc.scalp_map.zone("hairline_center").state is ZoneState.BALD
    assert doc.scalp_map.zone("temple_left").blocked_until == date(2026, 11, 25)
    assert doc.scalp_map.zone("custom-1").name == "Part line"
    assert doc.scalp_map.zone("occipital").state is ZoneState.HEALTHY
    assert doc.history[1].status is SessionStatus.SKIPPED
    assert len(doc.scalp_map.hairline) == 3


def test_only_format_version_and_zones_are_required() -> None:
    doc = parse_map_data(_minimal())
    assert doc == MapDocument()


def test_not_json_names_line_and_column() -> None:
    with pytest.raises(MapFileError) as caught:
        parse_map_json('{"format": "scalpzone",\n "version": 1,, }')
    assert str(caught.value.problems[0]).startswith("line 2, column")


def test_not_utf8_and_missing_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"profile": {"name": "Zoë"}}'.encode("latin-1"))
    with pytest.raises(MapFileError, match="not UTF-8"):
        read_map_file(bad)
    with pytest.raises(MapFileError, match="cannot be read"):
        read_map_file(tmp_path / "nope.json")


def test_duplicate_keys_and_nan_are_refused() -> None:
    with pytest.raises(MapFileError, match="appears twice"):
        parse_map_json('{"format": "scalpzone", "format": "x", "version": 1, "zones": []}')
    with pytest.raises(MapFileError, match="NaN"):
        parse_map_json(
            '{"format": "scalpzone", "version": 1, "zones": [], "settings": {"needle_mm": NaN}}'
        )


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    raw = {
        "format": "scalpzone",
        "version": 1,
        "settings": {"needle_mm": 2.0, "sessions_per_week": 5, "session_days": ["mon", "moon"]},
        "health": {"sunburn": "yes"},
        "zones": [
            {"id": "crown", "state": "thinning", "severity": 4},
            {"id": "crown", "state": "bald"},
            {"id": "temple_middle", "state": "thinning"},
            {"id": "temple_left", "blocked_until": "2026-02-30"},
            {
                "id": "custom-1",
                "name": "Bow",
                "polygon": [[0.3, 0.3], [0.6, 0.6], [0.6, 0.3], [0.3, 0.6]],
            },
            {"id": "custom-2", "name": "Far", "polygon": [[0.3, 0.3], [1.6, 0.3], [0.3, 0.6]]},
        ],
        "hairline": [[0.5, 0.1]],
        "history": [{"date": "yesterday", "zones": ["nowhere"], "status": "maybe"}],
    }
    problems = _problems(raw)
    expected = [
        "settings.needle_mm: 2.0 is above the 1.5 mm maximum (longer needles risk the hair follicle)",
        'settings.session_days[1]: "moon" is not a day',
        "settings.sessions_per_week: 5 is above the maximum of 3 session days a week",
        'health.sunburn: "yes" is not true or false',
        "zones[0].severity: 4 is not 1 (mild), 2 (moderate) or 3 (advanced)",
        'zones[2].id: "temple_middle" is not a region',
        'zones[3].blocked_until: "2026-02-30" is not a day of the calendar',
        "zones[4].polygon: its outline crosses itself",
        "zones[5].polygon[1][0]: 1.6 is outside 0–1",
        "hairline: has 1 point(s), fewer than the 2 needed",
        'history[0].date: "yesterday" is not a date',
        'history[0].zones[0]: "nowhere" is not a zone of this map',
        'history[0].status: "maybe" is not done or skipped',
    ]
    for text in expected:
        assert any(p.startswith(text) for p in problems), f"missing: {text}\nin: {problems}"


def test_a_duplicate_zone_names_the_first_place_it_was_given() -> None:
    problems = _problems(_minimal(zones=[{"id": "crown"}, {"id": "occipital"}, {"id": "crown"}]))
    assert problems == ['zones[2].id: "crown" is already given at zones[0]']


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ([], "(file)"),
        ({"version": 1, "zones": []}, "format"),
        ({"format": "scalpzone", "zones": []}, "version"),
        ({"format": "scalpzone", "version": 2, "zones": []}, "version"),
        ({"format": "scalpzone", "version": True, "zones": []}, "version"),
        ({"format": "scalpzone", "version": 1}, "zones"),
        (_minimal(zones={}), "zones"),
        (_minimal(zones=[7]), "zones[0]"),
        (_minimal(zones=[{"state": "bald"}]), "zones[0].id"),
        (_minimal(zones=[{"id": "crown", "state": "gone"}]), "zones[0].state"),
        (_minimal(zones=[{"id": "crown", "severity": True}]), "zones[0].severity"),
        (
            _minimal(zones=[{"id": "crown", "polygon": [[0, 0], [1, 0], [1, 1]]}]),
            "zones[0].polygon",
        ),
        (_minimal(zones=[{"id": "crown", "colour": "red"}]), "zones[0].colour"),
        (
            _minimal(zones=[{"id": "custom-1", "polygon": [[0, 0], [1, 0], [1, 1]]}]),
            "zones[0].name",
        ),
        (_minimal(zones=[{"id": "custom-1", "name": "x"}]), "zones[0].polygon"),
        (
            _minimal(zones=[{"id": "custom-1", "name": " ", "polygon": [[0, 0], [1, 0], [1, 1]]}]),
            "zones[0].name",
        ),
        (
            _minimal(zones=[{"id": "custom-1", "name": "x", "polygon": [[0, 0], [1, 0]]}]),
            "zones[0].polygon",
        ),
        (
            _minimal(
                zones=[{"id": "custom-1", "name": "x", "polygon": [[0, 0], [0.001, 0], [0, 0.001]]}]
            ),
            "zones[0].polygon",
        ),
        (
            _minimal(
                zones=[{"id": "custom-1", "name": "x", "polygon": [[0, 0], [1, 0], ["a", 1]]}]
            ),
            "zones[0].polygon[2][0]",
        ),
        (
            _minimal(zones=[{"id": "custom-0", "name": "x", "polygon": [[0, 0], [1, 0], [1, 1]]}]),
            "zones[0].id",
        ),
        (_minimal(colour="red"), "colour"),
        (_minimal(profile={"name": ""}), "profile.name"),
        (_minimal(profile={"name": "x" * 81}), "profile.name"),
        (_minimal(profile="Alex"), "profile"),
        (_minimal(settings=[]), "settings"),
        (_minimal(settings={"needle_mm": "1"}), "settings.needle_mm"),
        (_minimal(settings={"needle_mm": 0.1}), "settings.needle_mm"),
        (_minimal(settings={"needle_mm": True}), "settings.needle_mm"),
        (_minimal(settings={"session_days": []}), "settings.session_days"),
        (_minimal(settings={"session_days": ["mon", "mon"]}), "settings.session_days[1]"),
        (_minimal(settings={"sessions_per_week": 0}), "settings.sessions_per_week"),
        (_minimal(settings={"sessions_per_week": 2.5}), "settings.sessions_per_week"),
        (_minimal(settings={"zone_rest_hours": 48}), "settings.zone_rest_hours"),
        (_minimal(settings={"zone_rest_hours": 400}), "settings.zone_rest_hours"),
        (_minimal(settings={"zone_max_per_week": 3}), "settings.zone_max_per_week"),
        (_minimal(settings={"session_minutes": 4}), "settings.session_minutes"),
        (_minimal(settings={"session_minutes": 61}), "settings.session_minutes"),
        (_minimal(settings={"roller_max_uses": 31}), "settings.roller_max_uses"),
        (_minimal(settings={"session_time": "8pm"}), "settings.session_time"),
        (_minimal(settings={"session_time": "24:00"}), "settings.session_time"),
        (_minimal(settings={"speed": 3}), "settings.speed"),
        (_minimal(health={"flu": True}), "health.flu"),
        (_minimal(health=True), "health"),
        (_minimal(hairline="front"), "hairline"),
        (_minimal(hairline=[[0.1, 0.1], [0.2]]), "hairline[1]"),
        (_minimal(history={}), "history"),
        (_minimal(history=[{"zones": ["crown"]}]), "history[0].date"),
        (_minimal(history=[{"date": "2026-11-01", "zones": []}]), "history[0].zones"),
        (
            _minimal(history=[{"date": "2026-11-01", "zones": ["crown", "crown"]}]),
            "history[0].zones[1]",
        ),
        (
            _minimal(history=[{"date": "2026-11-01", "zones": ["crown"], "needle_mm": 3}]),
            "history[0].needle_mm",
        ),
        (
            _minimal(history=[{"date": "2026-11-01", "zones": ["crown"], "note": 5}]),
            "history[0].note",
        ),
        (
            _minimal(history=[{"date": "2026-11-01", "zones": ["crown"], "by": "me"}]),
            "history[0].by",
        ),
        (_minimal(history=[{"date": "2026-11-01", "zones": ["custom-3"]}]), "history[0].zones[0]"),
    ],
)
def test_each_malformed_field_is_refused_with_its_path(raw: object, path: str) -> None:
    problems = _problems(raw)
    assert any(p.startswith(f"{path}: ") for p in problems), problems


def test_settings_refusal_names_setting_value_limit_and_reason() -> None:
    (problem,) = _problems(_minimal(settings={"needle_mm": 0.5, "zone_rest_hours": 24}))
    assert problem == (
        "settings.zone_rest_hours: 24 is below the 48 h minimum "
        "(the shortest rest for a 0.5 mm needle; the scalp needs time to heal)"
    )


@st.composite
def documents(draw: st.DrawFn) -> MapDocument:
    start = draw(starts)
    scalp_map = draw(scalp_maps(start))
    return MapDocument(
        scalp_map,
        draw(plan_settings()),
        draw(healths()),
        draw(histories(scalp_map, start)),
        draw(st.one_of(st.none(), st.text(min_size=1, max_size=80).filter(str.strip))),
    )


@given(documents())
def test_export_then_import_gives_back_the_same_data(doc: MapDocument) -> None:
    text = dump_map_document(doc)
    assert parse_map_json(text) == doc
    assert dump_map_document(parse_map_json(text)) == text


@given(documents(), st.data())
def test_any_one_broken_value_refuses_the_whole_file(doc: MapDocument, data: st.DataObject) -> None:
    raw = json.loads(dump_map_document(doc))
    target = data.draw(
        st.sampled_from(["needle", "zone_state", "history_date", "health", "polygon"])
    )
    if target == "needle":
        raw["settings"]["needle_mm"] = data.draw(st.floats(1.51, 100))
    elif target == "zone_state":
        raw["zones"][data.draw(st.integers(0, len(raw["zones"]) - 1))]["state"] = "patchy"
    elif target == "history_date":
        raw["history"].append({"date": "2026-13-01", "zones": ["crown"]})
    elif target == "health":
        raw["health"][Contraindication.SUNBURN.value] = 1
    else:
        raw["zones"].append(
            {
                "id": "custom-999",
                "name": "x",
                "polygon": [[0.1, 0.1], [0.2, 0.2], [0.2, 0.1], [0.1, 0.2]],
            }
        )
    with pytest.raises(MapFileError) as caught:
        parse_map_data(raw)
    assert len(caught.value.problems) >= 1


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.floats(allow_nan=False)
        | st.integers()
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_the_reader_never_crashes_on_any_json(raw: object) -> None:
    try:
        parse_map_data(raw)
    except MapFileError as error:
        assert error.problems


@given(
    st.dictionaries(
        st.sampled_from(["profile", "settings", "health", "zones", "hairline", "history"]),
        st.recursive(
            st.none()
            | st.booleans()
            | st.floats(allow_nan=False)
            | st.integers()
            | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        ["id", "state", "name", "polygon", "date", "zones", "needle_mm", "severity"]
                    ),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=25,
        ),
    )
)
def test_the_reader_never_crashes_on_near_valid_files(fields: dict[str, object]) -> None:
    try:
        parse_map_data({"format": "scalpzone", "version": 1, "zones": [], **fields})
    except MapFileError as error:
        assert error.problems


def test_a_written_map_file_reads_back_the_same(tmp_path: Path) -> None:
    from scalpzone.storage import write_atomically  # the one way files are written

    target = tmp_path / "map.json"
    doc = read_map_file(EXAMPLE)
    write_atomically(target, dump_map_document(doc).encode("utf-8"))
    assert read_map_file(target) == doc
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]
