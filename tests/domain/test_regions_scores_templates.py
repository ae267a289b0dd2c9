"""The preset regions, the coverage scores and the hair-loss templates."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given
from shapely import Polygon, union_all

from scalpzone.domain.geometry import first_crossing, point_in_polygon, polygon_area
from scalpzone.domain.regions import REGION_IDS, Quadrant, region_catalog
from scalpzone.domain.scores import coverage_scores
from scalpzone.domain.templates import apply_template, changes_marks, template_table
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from tests.domain.strategies import scalp_maps, starts


def test_thirteen_regions_tile_the_scalp_without_overlap() -> None:
    catalog = region_catalog()
    shapes = [Polygon(r.polygon) for r in catalog.regions]
    assert [r.id for r in catalog.regions] == list(REGION_IDS)
    for i, a in enumerate(shapes):
        assert a.is_valid and first_crossing(catalog.regions[i].polygon) is None
        for b in shapes[i + 1 :]:
            assert a.intersection(b).area < 1e-6
    scalp = Polygon(catalog.head.scalp)
    assert abs(union_all(shapes).area - scalp.area) < 1e-4
    assert Polygon(catalog.head.outline).contains(scalp.buffer(-1e-3))


def test_each_region_has_its_label_inside_and_a_mirror_twin() -> None:
    catalog = region_catalog()
    for region in catalog.regions:
        assert point_in_polygon(region.label, region.polygon)
        assert region.minutes >= 1
        twin_id = region.id.replace("left", "@").replace("right", "left").replace("@", "right")
        twin = catalog[twin_id]
        assert abs(region.area - twin.area) < 1e-6
    assert catalog.head.label_left[0] < 0.5 < catalog.head.label_right[0]
    assert catalog["temple_left"].label[0] < 0.5 < catalog["temple_right"].label[0]
    assert (
        catalog["hairline_center"].label[1]
        < catalog["crown"].label[1]
        < catalog["occipital"].label[1]
    )


def test_custom_zones_take_minutes_from_their_area_like_the_presets() -> None:
    catalog = region_catalog()
    crown = catalog["crown"]
    copy = Zone("custom-1", ZoneState.THINNING, name="Crown copy", polygon=crown.polygon)
    assert copy.minutes == crown.minutes
    tiny = Zone("custom-2", name="Dot", polygon=((0.5, 0.5), (0.51, 0.5), (0.5, 0.51)))
    assert tiny.minutes == 1


def _mark(scalp_map: ScalpMap, state: ZoneState, *ids: str) -> ScalpMap:
    for zone_id in ids:
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=state))
    return scalp_map


def test_scores_follow_the_salt_weights() -> None:
    assert coverage_scores(ScalpMap()) == coverage_scores(ScalpMap()).__class__(0.0, 0.0)
    everything = _mark(ScalpMap(), ZoneState.BALD, *REGION_IDS)
    assert coverage_scores(everything).bald == 100.0
    back = _mark(ScalpMap(), ZoneState.BALD, "occipital")
    assert coverage_scores(back).bald == 24.0
    left = _mark(
        ScalpMap(),
        ZoneState.THINNING,
        *(r.id for r in region_catalog().regions if r.quadrant is Quadrant.LEFT),
    )
    assert coverage_scores(left) == coverage_scores(left).__class__(0.0, 18.0)


def test_overlapping_zones_count_once_and_bald_wins_over_thinning() -> None:
    crown = region_catalog()["crown"]
    bald = _mark(ScalpMap(), ZoneState.BALD, "crown")
    overlap = bald.with_zone(Zone("custom-1", ZoneState.BALD, name="Same", polygon=crown.polygon))
    assert coverage_scores(overlap) == coverage_scores(bald)
    thinning_on_top = bald.with_zone(
        Zone("custom-1", ZoneState.THINNING, name="Same", polygon=crown.polygon)
    )
    assert coverage_scores(thinning_on_top).thinning == 0.0


@given(starts.flatmap(scalp_maps))
def test_scores_stay_within_0_and_100(scalp_map: ScalpMap) -> None:
    scores = coverage_scores(scalp_map)
    assert 0.0 <= scores.bald <= 100.0
    assert 0.0 <= scores.thinning <= 100.0
    assert scores.bald + scores.thinning <= 100.05


def test_every_spec_stage_is_a_template_with_sources() -> None:
    table = template_table()
    names = {t.name for t in table.templates}
    for stage in ("I", "II", "III", "III-vertex", "IV", "V", "VI", "VII"):
        assert f"Norwood–Hamilton {stage}" in names
    for stage in ("I", "II", "III"):
        assert f"Ludwig {stage}" in names
    assert any("Norwood" in s for s in table.sources) and any("Ludwig" in s for s in table.sources)


@pytest.mark.parametrize(
    "family",
    [
        "norwood-1 norwood-2 norwood-3 norwood-4 norwood-5 norwood-6 norwood-7",
        "ludwig-1 ludwig-2 ludwig-3",
    ],
)
def test_later_stages_never_mark_a_region_better(family: str) -> None:
    rank = {ZoneState.HEALTHY: 0, ZoneState.THINNING: 1, ZoneState.BALD: 4}
    stages = [template_table()[t] for t in family.split()]
    for earlier, later in itertools.pairwise(stages):
        for rid in REGION_IDS:
            s1, v1 = earlier.state_of(rid)
            s2, v2 = later.state_of(rid)
            assert rank[s2] + (v2 if s2 is ZoneState.THINNING else 0) >= rank[s1] + (
                v1 if s1 is ZoneState.THINNING else 0
            )


def test_a_template_sets_regions_and_leaves_drawn_zones_and_blocks_alone() -> None:
    drawn = Zone(
        "custom-1", ZoneState.THINNING, name="Mine", polygon=((0.4, 0.4), (0.5, 0.4), (0.5, 0.5))
    )
    scalp_map = ScalpMap().with_zone(drawn)
    scalp_map = scalp_map.with_zone(replace(scalp_map.zone("occipital"), state=ZoneState.BALD))
    template = template_table()["norwood-3v"]
    assert changes_marks(scalp_map, template)
    applied = apply_template(scalp_map, template)
    assert applied.zone("custom-1") == drawn
    assert applied.zone("occipital").state is ZoneState.HEALTHY
    assert applied.zone("crown").state is ZoneState.THINNING
    assert applied.zone("temple_left").state is ZoneState.BALD
    assert not changes_marks(applied, template)
    assert not changes_marks(ScalpMap(), template)
    assert polygon_area(applied.zone("crown").outline) > 0
