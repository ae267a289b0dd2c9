"""What a screen reader gets: the real app's AT-SPI tree, walked by keyboard alone.

One walk (a module fixture) starts the app on Xvfb with a D-Bus session and the AT-SPI bus,
tabs through the main window to a zone of the map and to the zone table, marks zones with the
number keys, undoes, and opens the Week tab, the health checklist, Today's session, the
session log, Plan settings, Rollers and the care guide from the keyboard, dumping the tree of each
and keeping the events each key raised. The tests read that record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from scalpzone.domain.regions import region_catalog
from tests.a11y.harness import (
    Node,
    desktop,
    find,
    missing_system_parts,
    nodes,
    running_app,
    unnamed,
    walk,
    window,
)

pytestmark = [pytest.mark.a11y]

MAIN = "My scalp"
TODAY = ["Session on", "Nothing planned"]
ZONE_TABLE = {"role": "table", "name": "Zones"}
DESCRIPTION_CHANGED = "object:property-change:accessible-description"


def _visit(label: str, window_name: str | list[str]) -> list[dict[str, Any]]:
    """Once a window is opening: wait for it, dump it under `label`, close it with Escape."""
    return [
        {"wait_window": window_name},
        {"dump": label},
        {"keys": ["Escape"]},
        {"wait_gone": window_name},
    ]


JOURNEY: list[dict[str, Any]] = [
    {"wait_window": MAIN},
    {"press_until": {"key": "shift+Tab", "focus": {"role": "page tab list", "name": "Map"}}},
    {"watch": "tab order"},
    {"press_until": {"key": "Tab", "focus": ZONE_TABLE}},
    {"watch": ""},
    {"press_until": {"key": "shift+Tab", "focus": {"name": "Crown"}}},
    {"watch": "map key"},
    {"keys": ["2"]},
    {"wait_event": {"type": DESCRIPTION_CHANGED, "source": {"name": "Crown"}}},
    {"watch": ""},
    {"dump": "main"},
    {"press_until": {"key": "Tab", "focus": ZONE_TABLE}},
    # The current row is the last zone's (Tab left the map after it): Up moves to a cell.
    {"press_until": {"key": "Up", "focus": {"role": "table cell"}}},
    {"watch": "table key"},
    {"keys": ["3"]},
    {"wait_event": {"type": DESCRIPTION_CHANGED, "source": {"role": "table cell"}}},
    {"watch": "undo"},
    {"keys": ["ctrl+z"]},
    {"wait_event": {"type": "object:announcement"}},
    # Events come in order: once the next key's focus event is in, a second announcement of
    # the undo would have come too.
    {"keys": ["Up"]},
    {"wait_event": {"type": "object:state-changed:focused"}},
    {"watch": ""},
    {"keys": ["ctrl+2"]},
    {"dump": "week"},
    {"keys": ["ctrl+1", "ctrl+t"]},
    {"wait_window": "Health checklist"},
    {"dump": "health"},
    {"keys": ["Return"]},
    {"wait_gone": "Health checklist"},
    # Confirming the checklist closes it; the session itself is asked for again.
    {"keys": ["ctrl+t"]},
    *_visit("today", TODAY),
    {"keys": ["ctrl+l"]},
    *_visit("log", "Session log"),
    {"keys": ["ctrl+comma"]},
    *_visit("settings", "Plan settings"),
    {"keys": ["alt+p"]},
    {"wait_focus": {"role": "menu item", "name": "Today's session…"}},
    {"keys": ["r"]},
    *_visit("rollers", "Rollers"),
    {"keys": ["F1"]},
    *_visit("care", "Care guide"),
]


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The walk's dumps, focus and events (see JOURNEY), and the app's stderr."""
    missing = missing_system_parts()
    if missing:
        pytest.fail(
            "The accessibility test needs Debian packages that are not installed: "
            f"{' '.join(missing)} (.ci/run installs them; or apt-get install them)",
            pytrace=False,
        )
    home = tmp_path_factory.mktemp("a11y-home")
    with desktop(home) as screen, running_app(screen, home / "scalpzone.sqlite3") as app:
        result = walk(screen, JOURNEY)
        app.terminate()
        _, result["app_stderr"] = app.communicate(timeout=60)
        yield result


def _dump(record: dict[str, Any], label: str, name: str) -> Node:
    assert label in record["dumps"], f"the walk stopped before {label}: {record.get('error')}"
    return window(record["dumps"][label], name)


def _events(record: dict[str, Any], label: str) -> list[dict[str, Any]]:
    return list(record["events"].get(label, []))


def test_the_keyboard_walk_reaches_every_window(record: dict[str, Any]) -> None:
    assert "error" not in record, record.get("error")
    assert set(record["dumps"]) == {
        "main",
        "week",
        "health",
        "today",
        "log",
        "settings",
        "rollers",
        "care",
    }
    assert "Traceback" not in record["app_stderr"], record["app_stderr"]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("main", MAIN),
        ("week", MAIN),
        ("health", "Health checklist"),
        ("today", "Session on"),
        ("log", "Session log"),
        ("rollers", "Rollers"),
        ("settings", "Plan settings"),
        ("care", "Care guide"),
    ],
)
def test_no_actionable_node_is_without_a_name(
    record: dict[str, Any], label: str, name: str
) -> None:
    assert unnamed(_dump(record, label, name)) == []


def _map(record: dict[str, Any]) -> Node:
    (scalp_map,) = find(_dump(record, "main", MAIN), name="Scalp map")
    return scalp_map


def test_every_zone_is_an_accessible_child_of_the_map_with_its_state(
    record: dict[str, Any],
) -> None:
    scalp_map = _map(record)
    zones = {child["name"]: child for child in scalp_map["children"]}
    assert set(zones) == {region.name for region in region_catalog().regions}
    for zone in zones.values():
        assert zone["description"].startswith(("healthy", "thinning", "bald")), zone
        assert "last treated" in zone["description"], zone
        assert {"Cycle state", "Set healthy", "Set thinning", "Set bald"} <= set(zone["actions"])
    assert zones["Crown"]["description"].startswith("thinning, mild; last treated never")
    assert "focused" in zones["Crown"]["states"]


def test_moving_between_zones_moves_the_focus_to_each_zone(record: dict[str, Any]) -> None:
    zone_names = {region.name for region in region_catalog().regions}
    focused_zones = [
        e["source"]["name"]
        for e in _events(record, "tab order")
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]
    assert zone_names <= set(focused_zones), focused_zones


def test_the_tour_comes_before_the_map_and_the_tables_in_the_tab_order(
    record: dict[str, Any],
) -> None:
    focused = [
        e["source"]
        for e in _events(record, "tab order")
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]
    roles = [(f["role"], f["name"]) for f in focused]
    # From the Map tab: the tour's buttons (above the map), the zones, then the zone table.
    buttons = [i for i, (role, _) in enumerate(roles) if role == "push button"]
    zones = [i for i, (_, name) in enumerate(roles) if name == "Hairline (left)"]
    cells = [i for i, role_name in enumerate(roles) if role_name == ("table", "Zones")]
    assert buttons, roles
    assert zones, roles
    assert cells, roles
    assert buttons[0] < zones[0] < cells[0], roles


def test_a_number_key_on_a_zone_raises_an_event_on_that_zone(record: dict[str, Any]) -> None:
    on_crown = [e for e in _events(record, "map key") if e["source"].get("name") == "Crown"]
    assert any(
        e["type"] == "object:property-change:accessible-description"
        and e["source"]["description"].startswith("thinning")
        for e in on_crown
    ), _events(record, "map key")


def test_a_number_key_in_the_zone_table_raises_an_event_on_the_focused_cell(
    record: dict[str, Any],
) -> None:
    events = _events(record, "table key")
    on_focused_cell = [
        e
        for e in events
        if e["source"].get("role") == "table cell"
        and "focused" in e["source"]["states"]
        and e["type"] != "object:state-changed:focused"
    ]
    assert on_focused_cell, events


def test_undo_is_announced_once(record: dict[str, Any]) -> None:
    announced = [e for e in _events(record, "undo") if e["type"] == "object:announcement"]
    assert len(announced) == 1, _events(record, "undo")
    assert str(announced[0]["any_data"]).startswith("Undone:"), announced


def test_labels_keep_their_visible_text_and_descriptions_are_plain_words(
    record: dict[str, Any],
) -> None:
    for label in ("main", "week", "health"):
        for top in record["dumps"][label]:
            for node in nodes(top):
                assert not re.search(r"<[a-z/][^>]*>", node["description"]), node
    main = _dump(record, "main", MAIN)
    assert not find(main, role="label", name="Plan status")
    assert not find(main, role="label", name="Share of your scalp marked bald and thinning")
    assert not find(main, role="status bar", name="Status bar")
    assert any(n["name"].startswith("About ") and "%" in n["name"] for n in nodes(main))
    health = _dump(record, "health", "Health checklist")
    assert any(n["name"].startswith("Last confirmed: never") for n in nodes(health))


def test_the_seven_day_preview_reads_as_days_and_words(record: dict[str, Any]) -> None:
    main = _dump(record, "main", MAIN)
    (preview,) = find(main, name="Next sessions")
    cells = [n for n in nodes(preview) if n["role"] == "table cell"]
    assert cells
    assert all(re.search(r"[^\W\d_]", n["name"]) for n in cells), [n["name"] for n in cells]
    assert any(n["name"] in {"rest", "no session"} for n in cells)


def test_the_seven_day_preview_has_a_day_as_each_row_header(record: dict[str, Any]) -> None:
    (preview,) = find(_dump(record, "main", MAIN), name="Next sessions")
    headers = [n["name"] for n in nodes(preview) if n["role"].endswith("header")]
    assert any(re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ", h) for h in headers), headers


def test_plan_settings_controls_are_labelled(record: dict[str, Any]) -> None:
    dialog = _dump(record, "settings", "Plan settings")
    controls = [
        n
        for n in nodes(dialog)
        if n["role"] in {"spin button", "combo box", "check box", "text", "slider"}
    ]
    assert controls
    assert all(n["name"].strip() for n in controls), [n["role"] for n in controls]
    names = {n["name"] for n in controls}
    assert any(name.startswith("At least") for name in names), names
    assert any(name.startswith("At most") for name in names), names


def test_the_care_guide_has_headings_and_links_and_no_noncharacters(
    record: dict[str, Any],
) -> None:
    guide = _dump(record, "care", "Care guide")
    everything = list(nodes(guide))
    assert any(n["role"] == "heading" for n in everything), [n["role"] for n in everything]
    assert any(n["role"] == "link" for n in everything), [n["role"] for n in everything]
    for node in everything:
        for text in (node["name"], node["description"], node.get("text", "")):
            assert "\ufdd0" not in text
            assert "\ufdd1" not in text
