"""The start-up snapshot holds health answers, so only its owner may read it."""

from __future__ import annotations

import stat
from pathlib import Path

from scalpzone.domain.mapfile import MapDocument
from scalpzone.ui.session import StartupSnapshot


def test_the_snapshot_is_private_to_its_owner(tmp_path: Path) -> None:
    snapshot = StartupSnapshot(tmp_path / "cache" / "last-map.json")
    snapshot.save(7, MapDocument(profile_name="Alex"), [])
    assert stat.S_IMODE(snapshot.path.stat().st_mode) == 0o600
    loaded = snapshot.load()
    assert loaded is not None and loaded.profile_id == 7
