"""The Qt-free, SQL-free heart of ScalpZone: zones, rules, the planner and the map file."""

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import (
    MapDocument,
    MapFileError,
    dump_map_document,
    parse_map_json,
    read_map_file,
    write_map_file,
)
from scalpzone.domain.plan import (
    Plan,
    PlanStatus,
    PlanWarning,
    Rejection,
    RejectReason,
    Session,
    WarningCode,
)
from scalpzone.domain.planner import make_plan
from scalpzone.domain.problems import Problem, ProblemsError
from scalpzone.domain.regions import REGION_IDS, Quadrant, Region, region_catalog
from scalpzone.domain.rules import RULES, RULES_BY_ID, Rule
from scalpzone.domain.settings import Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

__all__ = [
    "REGION_IDS",
    "RULES",
    "RULES_BY_ID",
    "Contraindication",
    "Health",
    "HistoryEntry",
    "MapDocument",
    "MapFileError",
    "Plan",
    "PlanStatus",
    "PlanWarning",
    "Problem",
    "ProblemsError",
    "Quadrant",
    "Region",
    "RejectReason",
    "Rejection",
    "Rule",
    "ScalpMap",
    "Session",
    "SessionStatus",
    "Settings",
    "WarningCode",
    "Weekday",
    "Zone",
    "ZoneState",
    "dump_map_document",
    "make_plan",
    "parse_map_json",
    "read_map_file",
    "region_catalog",
    "write_map_file",
]
