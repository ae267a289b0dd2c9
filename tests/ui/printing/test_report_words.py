"""The course report's opening sentence: numbers and words agree."""

from __future__ import annotations

from datetime import date

from scalpzone.ui.printing.report_blocks import treatments_said

DAY = date(2026, 11, 30)


def test_one_treatment_on_one_day_reads_as_english() -> None:
    assert treatments_said(0, 1, 0, DAY, DAY) == (
        "No session day logged as done. The plan set 1 area treatment on 30 Nov 2026; "
        "0 were done (0 %)."
    )


def test_many_over_a_range() -> None:
    assert treatments_said(1, 8, 3, date(2026, 9, 7), DAY) == (
        "1 session day logged as done. The plan set 8 area treatments from 7 Sep 2026 until "
        "30 Nov 2026; 3 were done (38 %)."
    )
    assert treatments_said(2, 0, 0, DAY, DAY) == "2 session days logged as done."
