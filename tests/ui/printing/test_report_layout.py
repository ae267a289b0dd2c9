"""The report's pages: every block above the footer, headings never left alone at a page's foot."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scalpzone.ui.printing.plan_sheet import MARGIN
from scalpzone.ui.printing.report_blocks import Block
from scalpzone.ui.printing.report_sheet import FOOTER, header_height, lay_out_pages

A4_HEIGHT = 842.0
BODY = A4_HEIGHT - 2 * MARGIN - FOOTER - header_height(first=False)


def _nothing(_painter: object, _at: object) -> None:
    return None


#: Headings (kept with what follows) are short, as the report's are; content can be tall.
blocks = st.lists(
    st.one_of(
        st.builds(
            Block, height=st.floats(4, 40), draw=st.just(_nothing), keep_with_next=st.just(True)
        ),
        st.builds(Block, height=st.floats(4, BODY / 3), draw=st.just(_nothing)),
    ),
    min_size=1,
    max_size=80,
)


@given(blocks)
def test_every_block_is_placed_once_in_order_above_the_footer(items: list[Block]) -> None:
    pages = lay_out_pages(tuple(items), A4_HEIGHT)
    placed = [p.block for page in pages for p in page]
    assert placed == items
    for number, page in enumerate(pages):
        top = MARGIN + header_height(first=number == 0)
        for p in page:
            assert p.top >= top - 1e-6
            assert p.top + p.block.height <= A4_HEIGHT - MARGIN - FOOTER + 1e-6
            top = p.top + p.block.height
        if number < len(pages) - 1 and page[-1].block.keep_with_next:
            # Allowed only when the headings at the foot and what follows cannot go over together
            # (or moving them would leave this page empty).
            run = 0
            while run < len(page) and page[-1 - run].block.keep_with_next:
                run += 1
            carried = []  # the headings that went over, and the block they went with
            for p in pages[number + 1]:
                carried.append(p.block.height)
                if not p.block.keep_with_next:
                    break
            need = sum(p.block.height for p in page[-run:]) + sum(carried)
            assert run == len(page) or need > BODY, "a heading left at the foot of a page"
