"""The course report's content as blocks of known height, each drawn at a top-left corner.

Sizes are in points of a portrait page; text is measured with the same fonts it is drawn with,
so the layout in report_sheet.py knows before drawing where each page must end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPen,
)

from scalpzone.domain.course_report import CourseReport, DatedMapView, PhotoPair
from scalpzone.domain.rules import millimetres
from scalpzone.domain.scores import coverage_scores, shares_sentence
from scalpzone.ui.printing.paper import (
    FAINT,
    INK,
    RULE,
    draw_legend,
    draw_scalp_map,
    draw_text,
    paper_font,
)
from scalpzone.ui.printing.report_chart import draw_score_chart
from scalpzone.ui.style.words import long_date

#: Draws a block with its top-left corner at the point given.
DrawAt = Callable[[QPainter, QPointF], None]


@dataclass(frozen=True, slots=True, eq=False)
class Block:
    """A piece of the report that is never split across pages."""

    height: float
    draw: DrawAt
    keep_with_next: bool = False
    #: A table's header row, drawn again above this row when it starts a page.
    repeat: Block | None = None
    #: Work to do before drawing that may run on another thread (decoding photos).
    prepare: Callable[[], None] | None = None


def _text_height(text: str, font: QFont, width: float) -> float:
    wrap = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 10_000), wrap, text).height()


def paragraph(text: str, width: float, font: QFont | None = None, colour: QColor = INK) -> Block:
    """Wrapped text across the page's width."""
    font = font or paper_font(9.5)
    height = _text_height(text, font, width) + 4

    def draw(p: QPainter, at: QPointF) -> None:
        draw_text(p, QRectF(at.x(), at.y(), width, height), text, font, colour)

    return Block(height, draw)


def heading(text: str, width: float) -> Block:
    """A section heading: kept on the page of what follows it."""
    font = paper_font(12.5, bold=True)

    def draw(p: QPainter, at: QPointF) -> None:
        draw_text(p, QRectF(at.x(), at.y() + 10, width, 18), text, font)
        p.setPen(QPen(RULE, 0.5))
        p.drawLine(QPointF(at.x(), at.y() + 29), QPointF(at.x() + width, at.y() + 29))

    return Block(34, draw, keep_with_next=True)


def row(
    cells: Sequence[tuple[str, float]],
    width: float,
    *,
    bold: bool = False,
    repeat: Block | None = None,
) -> Block:
    """One table row: (text, column width) cells, wrapped; a faint rule under it."""
    font = paper_font(9, bold=bold)
    height = max(_text_height(text, font, w - 6) for text, w in cells) + 6

    def draw(p: QPainter, at: QPointF) -> None:
        x = at.x()
        if bold:
            p.fillRect(QRectF(at.x(), at.y(), width, height), QColor("#ececec"))
        for text, w in cells:
            draw_text(p, QRectF(x + 3, at.y() + 3, w - 6, height), text, font)
            x += w
        p.setPen(QPen(RULE, 0.4))
        p.drawLine(QPointF(at.x(), at.y() + height), QPointF(at.x() + width, at.y() + height))

    return Block(height, draw, keep_with_next=bold, repeat=repeat)


def _map_caption(view: DatedMapView, word: str) -> str:
    when = long_date(view.day) if view.day else "as it is (no earlier dated map)"
    return f"{word}: {when}"


def map_pair(report: CourseReport, width: float) -> Block:
    """The map at the start of the range and at its end, side by side, each with its shares."""
    column = (width - 20) / 2
    height = 282.0

    def draw(p: QPainter, at: QPointF) -> None:
        for i, (view, word) in enumerate(((report.map_start, "Start"), (report.map_end, "Now"))):
            x = at.x() + i * (column + 20)
            draw_text(
                p,
                QRectF(x, at.y(), column, 14),
                _map_caption(view, word),
                paper_font(10, bold=True),
            )
            scores = coverage_scores(view.scalp_map)
            shares = shares_sentence(scores.bald, scores.thinning) + "."
            draw_text(p, QRectF(x, at.y() + 15, column, 14), shares, paper_font(8.5), FAINT)
            box = QRectF(x + 10, at.y() + 34, column - 20, height - 34)
            bottom = draw_scalp_map(
                p, QRectF(box.left(), box.top(), box.width(), 230), view.scalp_map, {}
            )
            draw_legend(p, QRectF(box.left(), bottom + 4, box.width(), 36))

    return Block(height, draw)


def chart(report: CourseReport, width: float) -> Block:
    """The bald and thinning shares of every dated map in the range."""

    def draw(p: QPainter, at: QPointF) -> None:
        draw_score_chart(p, QRectF(at.x(), at.y(), width, 150), report.scores)

    return Block(156, draw)


def read_fitted(
    data: bytes, box: QRectF, dots_per_point: float = 200 / 72
) -> tuple[QImage, QRectF]:
    """The image file decoded at about 200 dpi for `box` (a JPEG decodes straight at the smaller
    size, which is most of the time saved) and where it goes: centred, its shape kept. A null
    image and an empty rectangle when the bytes are not an image Qt reads."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return QImage(), QRectF()
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        size.transpose()
    ratio = min(box.width() / size.width(), box.height() / size.height())
    w, h = size.width() * ratio, size.height() * ratio
    target = QRectF(box.left() + (box.width() - w) / 2, box.top() + (box.height() - h) / 2, w, h)
    pixels = QSize(max(1, round(w * dots_per_point)), max(1, round(h * dots_per_point)))
    if pixels.width() < size.width():
        if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
            pixels.transpose()
        reader.setScaledSize(pixels)
    image = reader.read()
    if image.isNull():
        return image, QRectF()
    return image, target


def photo_pair(pair: PhotoPair, width: float) -> Block:
    """The first and the latest photo of a view side by side, each with its date."""
    column = (width - 16) / 2
    height = 250.0
    shots = (pair.first,) if pair.first is pair.latest else (pair.first, pair.latest)
    boxes = [QRectF(i * (column + 16), 18, column, height - 40) for i in range(len(shots))]
    decoded: list[tuple[QImage, QRectF]] = []

    def prepare() -> None:
        # Decoding is most of a photo's cost; the sheet runs this on worker threads.
        if not decoded:
            decoded.extend(read_fitted(s.image, b) for s, b in zip(shots, boxes, strict=True))

    def draw(p: QPainter, at: QPointF) -> None:
        prepare()
        draw_text(p, QRectF(at.x(), at.y(), width, 14), pair.view_name, paper_font(10.5, bold=True))
        for i, photo in enumerate(shots):
            x = at.x() + i * (column + 16)
            box = boxes[i].translated(at)
            image, target = decoded[i][0], decoded[i][1].translated(at)
            if target.isEmpty():
                draw_text(
                    p, box, "This photo could not be read.", paper_font(9, italic=True), FAINT
                )
            else:
                p.drawImage(target, image)
                p.setPen(QPen(RULE, 0.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(target)
            word = "First" if i == 0 else "Latest"
            caption = f"{word}: {long_date(photo.day)}"
            if len(shots) == 1:
                caption = f"{long_date(photo.day)} (the only photo of this view in the range)"
            draw_text(p, QRectF(x, at.y() + height - 18, column, 14), caption, paper_font(9), FAINT)

    return Block(height, draw, prepare=prepare)


def _summary(report: CourseReport) -> str:
    planned = sum(a.planned for a in report.areas)
    done = sum(min(a.done, a.planned) for a in report.areas) if planned else 0
    parts = [
        treatments_said(
            report.sessions_done, planned, done, report.planned_from, report.planned_until
        )
    ]
    if len(report.scores) >= 2:
        a, b = report.scores[0], report.scores[-1]
        parts.append(
            f"Marked thinning: {round(a.thinning)} % on {long_date(a.day)}, {round(b.thinning)} % on "
            f"{long_date(b.day)}; bald: {round(a.bald)} % then {round(b.bald)} %."
        )
    return " ".join(parts)


def treatments_said(
    sessions: int, planned: int, done: int, planned_from: date, planned_until: date
) -> str:
    """ "3 session days logged as done. The plan set 8 area treatments from … until …; 3 were
    done (38 %)." in words that agree with their numbers (no "1 area treatments")."""
    if sessions == 0:
        said = "No session day logged as done."
    else:
        said = f"{sessions} session day{'' if sessions == 1 else 's'} logged as done."
    if not planned:
        return said
    what = "1 area treatment" if planned == 1 else f"{planned} area treatments"
    if planned_from == planned_until:
        when = f"on {long_date(planned_from)}"
    else:
        when = f"from {long_date(planned_from)} until {long_date(planned_until)}"
    share = round(100 * done / planned)
    return f"{said} The plan set {what} {when}; {done} {'was' if done == 1 else 'were'} done ({share} %)."


def _adherence_rows(report: CourseReport, width: float) -> list[Block]:
    name_w = width - 4 * 62
    head = [
        ("Area", name_w),
        ("Planned", 62),
        ("Done", 62),
        ("Skipped", 62),
        ("Share done", 62),
    ]
    header = row(head, width, bold=True)
    rows = [header]
    for area in report.areas:
        share = f"{round(100 * area.done / area.planned)} %" if area.planned else "not planned"
        cells = [str(area.planned), str(area.done), str(area.skipped), share]
        rows.append(row([(area.name, name_w), *((c, 62) for c in cells)], width, repeat=header))
    return rows


def _equipment(report: CourseReport, width: float) -> list[Block]:
    out = []
    if report.needles:
        used = ", ".join(
            f"{millimetres(mm)} mm ({n} session{'' if n == 1 else 's'})" for mm, n in report.needles
        )
        out.append(paragraph(f"Needle lengths logged: {used}.", width))
    else:
        out.append(paragraph("No session was logged as done in this range.", width))
    for roller in report.rollers:
        until = f", retired {long_date(roller.retired_on)}" if roller.retired_on else ", in use"
        out.append(
            paragraph(
                f"Roller {millimetres(roller.needle_mm)} mm: first used {long_date(roller.first_use)}, "
                f"{roller.uses} session{'' if roller.uses == 1 else 's'}{until}.",
                width,
            )
        )
    if not report.rollers:
        out.append(paragraph("No roller was recorded for this range.", width, colour=FAINT))
    return out


def _notes(report: CourseReport, width: float) -> list[Block]:
    out: list[Block] = []
    if report.notes:
        cols = (90.0, 150.0, width - 240)
        header = row(list(zip(("Day", "Areas", "Note"), cols, strict=True)), width, bold=True)
        out.append(header)
        for note in report.notes:
            areas = ", ".join(note.areas) + ("" if note.status == "done" else f" ({note.status})")
            cells = list(zip((long_date(note.day), areas, note.note), cols, strict=True))
            out.append(row(cells, width, repeat=header))
    else:
        out.append(paragraph("No note was written in the log in this range.", width, colour=FAINT))
    if report.blocks:
        out.append(Block(8, lambda _p, _at: None))
    for block in report.blocks:
        out.append(
            paragraph(f"Blocked: {block.name}, not rolled until {long_date(block.until)}.", width)
        )
    return out


def _health(report: CourseReport, width: float) -> list[Block]:
    when = report.health_confirmed_on
    said = f"Answered on {long_date(when)}." if when else "The checklist has not been answered yet."
    out = [paragraph(said, width, paper_font(9.5, bold=True))]
    for label, ticked in report.health_items:
        # Unanswered, no item reads as an answer: a dash, not "No".
        answer = ("Yes" if ticked else "No") if when else "–"
        out.append(row([(label, width - 60), (answer, 60)], width))
    return out


def report_blocks(report: CourseReport, width: float) -> list[Block]:
    """Every block of the report, in reading order."""
    blocks = [paragraph(_summary(report), width, paper_font(10))]
    blocks += [heading("The map at the start and now", width), map_pair(report, width)]
    blocks += [heading("Marked shares over time", width), chart(report, width)]
    blocks += [
        heading("Sessions per area: planned and done", width),
        paragraph(
            f"Planned: what ScalpZone's plan set from {long_date(report.planned_from)} (the "
            "range's start or the first record in ScalpZone, whichever is later) until "
            f"{long_date(report.planned_until)}, from the map as it was then. Done and skipped: "
            "as logged.",
            width,
            paper_font(8.5),
            FAINT,
        ),
        *_adherence_rows(report, width),
    ]
    blocks += [heading("Needle and roller", width), *_equipment(report, width)]
    blocks += [heading("Notes from the log, and blocked areas", width), *_notes(report, width)]
    blocks += [heading("Health checklist", width), *_health(report, width)]
    blocks.append(heading("Photos: first and latest of each view", width))
    if report.photos:
        blocks += [photo_pair(pair, width) for pair in report.photos]
    else:
        blocks.append(paragraph("No photo was added in this range.", width, colour=FAINT))
    return blocks
