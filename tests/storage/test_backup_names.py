"""When a backup was taken, read from its file name (the backup list's reader)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalpzone.storage.backups import _STAMP, _taken


@given(st.datetimes(min_value=datetime(1000, 1, 1)))
def test_a_written_stamp_reads_back(taken: datetime) -> None:
    stamp = taken.replace(microsecond=0).strftime(_STAMP)
    assert _taken(stamp) == taken.replace(microsecond=0)


@given(st.from_regex(r"[0-9]{8}-[0-9]{6}", fullmatch=True))
def test_any_stamp_a_name_can_hold_reads_as_strptime_reads_it(stamp: str) -> None:
    try:
        expected: datetime | None = datetime.strptime(stamp, _STAMP)
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValueError):
            _taken(stamp)
    else:
        assert _taken(stamp) == expected


@pytest.mark.parametrize("stamp", ["20261301-120000", "20260230-120000", "20261130-246000"])
def test_a_stamp_that_is_no_time_is_refused(stamp: str) -> None:
    with pytest.raises(ValueError):
        _taken(stamp)
