"""The four-week progress chart as an Alexa Vector Graphic (AVG 1.2), from plain values.

Bars are sessions finished per week; where pain is kept, a line joins each week's mean
score (0-10) on the same height scale as the bars' own axis, labelled with its value.
Only a small part of AVG is used (`group`, `path`, `text`), so `tools/avg_svg.py` can draw
the same picture as SVG for the docs, and the tests can check every element.

Sizes are in the graphic's own units (WIDTH x HEIGHT); the document scales it to its box
("best-fit"), and the labels are large enough to stay legible at the smallest Echo Show,
where the box is about 0.82 of these units (see tests/unit/test_apl_documents.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

WIDTH = 640
HEIGHT = 360
LEFT = 24
RIGHT = 24
BASE = 292  # the baseline: bars stand on it, week labels hang under it
TOP = 56  # the tallest bar or the top of the pain scale
LABEL_SIZE = 28
VALUE_SIZE = 30
SESSION_COLOUR = "#6FD3A8"
PAIN_COLOUR = "#F2B880"
AXIS_COLOUR = "#5C6B75"
TEXT_COLOUR = "#E6EDF2"
PAIN_TOP = 10


@dataclass(frozen=True)
class ChartWeek:
    label: str  # "Nov 2", the week's first day
    sessions: int
    pain: float | None  # the week's mean score, None when none (or not kept)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def progress_chart(weeks: Sequence[ChartWeek], target: int, pain_kept: bool) -> dict[str, Any]:
    """An AVG graphic: one bar per week (sessions), and the pain line where kept."""
    slot = (WIDTH - LEFT - RIGHT) / max(1, len(weeks))
    bar = slot * 0.42
    scale_top = max(target, *(w.sessions for w in weeks), 1)
    span = BASE - TOP
    items: list[dict[str, Any]] = [
        {
            "type": "path",
            "pathData": f"M{LEFT},{BASE} L{WIDTH - RIGHT},{BASE}",
            "stroke": AXIS_COLOUR,
            "strokeWidth": 3,
        }
    ]
    points: list[tuple[float, float, float]] = []
    for n, week in enumerate(weeks):
        centre = LEFT + slot * (n + 0.5)
        height = span * week.sessions / scale_top
        left = centre - bar / 2
        if week.sessions:
            items.append(
                {
                    "type": "path",
                    "pathData": (
                        f"M{_num(left)},{BASE} L{_num(left)},{_num(BASE - height)} "
                        f"L{_num(left + bar)},{_num(BASE - height)} L{_num(left + bar)},{BASE} Z"
                    ),
                    "fill": SESSION_COLOUR,
                }
            )
        items.append(_text(centre, BASE - height - 12, str(week.sessions), VALUE_SIZE, bold=True))
        items.append(_text(centre, BASE + 40, week.label, LABEL_SIZE))
        if pain_kept and week.pain is not None:
            points.append((centre + bar / 2 + 18, BASE - span * week.pain / PAIN_TOP, week.pain))
    if points:
        line = " ".join(
            f"{'M' if i == 0 else 'L'}{_num(x)},{_num(y)}" for i, (x, y, _) in enumerate(points)
        )
        pain_line = {"type": "path", "pathData": line, "stroke": PAIN_COLOUR, "strokeWidth": 5}
        items.append({**pain_line, "fill": "none"})
        for x, y, value in points:
            items.append({"type": "path", "pathData": _dot(x, y, 9), "fill": PAIN_COLOUR})
            items.append(_text(x, y - 18, _num(round(value, 1)), LABEL_SIZE, colour=PAIN_COLOUR))
    return {
        "type": "AVG",
        "version": "1.2",
        "width": WIDTH,
        "height": HEIGHT,
        "items": [{"type": "group", "items": items}],
    }


def _dot(x: float, y: float, r: float) -> str:
    # Two half-circle arcs: AVG has no circle element, SVG path arcs mean the same thing.
    return (
        f"M{_num(x - r)},{_num(y)} A{r},{r} 0 1,0 {_num(x + r)},{_num(y)} "
        f"A{r},{r} 0 1,0 {_num(x - r)},{_num(y)} Z"
    )


def _text(
    x: float, y: float, text: str, size: int, *, bold: bool = False, colour: str = TEXT_COLOUR
) -> dict[str, Any]:
    return {
        "type": "text",
        "x": round(x, 1),
        "y": round(y, 1),
        "text": text,
        "fontSize": size,
        "fontWeight": "bold" if bold else "normal",
        "fill": colour,
        "textAnchor": "middle",
    }
