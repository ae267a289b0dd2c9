"""The reader's quick path for a logged session agrees with its field-by-field check: whatever
the quick path takes, the full check takes too and reads the same; and a session the full
check refuses is never taken by the quick path (so every problem is still named)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scalpzone.domain.mapfile import _checked_entry, _plain_entry
from scalpzone.domain.mapfile_input import Reader

KNOWN = {"crown", "vertex", "custom-1"}

_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.sampled_from([0.25, 0.2, 0.5, 1.5, 1.51, 2.5, 3.0, float("nan"), float("inf")]),
    st.sampled_from(["done", "skipped", "DONE", "", "2025-01-31", "2025-02-30", "1899-01-01"]),
    st.sampled_from(["crown", "vertex", "custom-1", "custom-9", "a\ud800b", "ü", "n" * 1001]),
    st.text(max_size=5),
)
_zone_lists = st.one_of(
    st.lists(st.sampled_from(sorted(KNOWN | {"custom-2"})), max_size=4),
    st.lists(_values, max_size=3),
    _values,
)


_FIELDS = {
    "date": st.one_of(st.sampled_from(["2025-01-31", "2024-02-29", "2025-02-29"]), _values),
    "zones": _zone_lists,
    "needle_mm": st.one_of(st.sampled_from([0.25, 0.5, 1.5, 2.5, 3.0, True]), _values),
    "status": st.one_of(st.sampled_from(["done", "skipped"]), _values),
    "note": st.one_of(
        st.sampled_from(["", "ok", "ü", "a\ud800b", "n" * 1000, "n" * 1001]), _values
    ),
    "extra": _values,
}


@st.composite
def entries(draw: st.DrawFn) -> object:
    """A right session with one or two fields changed, dropped or added, or not a session."""
    entry: dict[str, object] = {"date": "2025-01-31", "zones": ["crown", "custom-1"]}
    for key in draw(st.lists(st.sampled_from(sorted(_FIELDS)), min_size=1, max_size=2)):
        if draw(st.integers(0, 4)) == 0:
            entry.pop(key, None)
        else:
            entry[key] = draw(_FIELDS[key])
    return draw(st.one_of(st.just(entry), st.just(entry), _values))


_RIGHT = {"date": "2025-01-31", "zones": ["crown"]}


@settings(max_examples=400)
@given(entries())
@example({**_RIGHT, "note": "a\ud800b"})
@example({**_RIGHT, "zones": ["crown", "crown"]})
@example({**_RIGHT, "needle_mm": 3.0})
@example({**_RIGHT, "needle_mm": True})
@example({**_RIGHT, "status": "DONE"})
@example({**_RIGHT, "date": "2025-02-29"})
@example({**_RIGHT, "extra": 1})
def test_the_quick_path_takes_only_what_the_full_check_takes(item: object) -> None:
    reader = Reader()
    checked = _checked_entry(reader, item, "history[0]", KNOWN)
    quick = _plain_entry(item, KNOWN)
    if quick is not None:
        assert reader.problems == []
        assert checked == quick
    elif checked is None:
        assert reader.problems, "a refused session has its problem named"


def test_a_plain_session_takes_the_quick_path() -> None:
    item = {"date": "2025-01-31", "zones": ["crown", "custom-1"], "needle_mm": 0.5, "note": "ok"}
    entry = _plain_entry(item, KNOWN)
    assert entry is not None
    assert entry == _checked_entry(Reader(), item, "history[0]", KNOWN)
