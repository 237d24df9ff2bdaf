"""A small APL layout estimator for the skill's own documents: where each component goes
on a given Echo Show viewport, and what does not fit.

It follows APL's rules for the features the documents use: Containers in a column or a
row, widths and heights in dp, vw, vh or %, padding, `grow`, children stretched across a
column, `data` arrays inflating an item per element, `${payload...}` / `${data}` bindings,
Text that wraps at its box and stops at `maxLines`, VectorGraphic boxes. Text is measured
with a conservative average glyph width, so "fits here" means "fits on the device" with a
margin. Used by the tests (every document at the smallest and largest Echo Show) and by
`tools/screenshots.py`, which draws the boxes as SVG.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Average advance of a glyph in Amazon Ember as a share of the font size, rounded up: the
# estimate must err towards "does not fit". Bold text runs wider.
CHAR_WIDTH = 0.56
BOLD_CHAR_WIDTH = 0.61
LINE_HEIGHT = 1.25  # APL's default lineHeight for Text
# The smallest legible size on a hub seen from across a room (Alexa's design guidance
# keeps body text on hubs at about 20dp and up).
MIN_FONT_DP = 20.0


@dataclass(frozen=True)
class Viewport:
    name: str
    width: float  # dp
    height: float  # dp


# Echo Show 5 is the smallest Echo Show (960x480 dp); Echo Show 15 and 21 the largest
# (1920x1080 dp). Echo Show 8 and 10 fall between (960x600 and 1280x800 dp).
SMALLEST = Viewport("Echo Show 5", 960, 480)
LARGEST = Viewport("Echo Show 15", 1920, 1080)
VIEWPORTS = (SMALLEST, Viewport("Echo Show 8", 960, 600), LARGEST)


@dataclass
class Box:
    kind: str
    x: float
    y: float
    width: float
    height: float
    node: Mapping[str, Any]
    lines: list[str] = field(default_factory=list)
    font_size: float = 0.0
    pad_top: float = 0.0


@dataclass
class Layout:
    viewport: Viewport
    boxes: list[Box]
    problems: list[str]


_BINDING = re.compile(r"\$\{([^}]+)\}")
_LENGTH = re.compile(r"^(-?\d+(?:\.\d+)?)(dp|vw|vh|%|px)?$")


def bind(text: Any, scope: Mapping[str, Any]) -> Any:
    """Fill `${a.b.c}` from scope; a string that is one whole binding keeps its value's
    type (a list for `data`)."""
    if not isinstance(text, str):
        return text
    whole = _BINDING.fullmatch(text)
    if whole:
        return _lookup(whole.group(1), scope)
    return _BINDING.sub(lambda m: str(_lookup(m.group(1), scope)), text)


def _lookup(path: str, scope: Mapping[str, Any]) -> Any:
    value: Any = scope
    for part in path.strip().split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise KeyError(f"unbound ${{{path}}}")
        value = value[part]
    return value


def length(value: Any, viewport: Viewport, parent: float | None) -> float | None:
    if value is None or value == "auto":
        return None
    match = _LENGTH.match(str(value).strip())
    if not match:
        raise ValueError(f"length {value!r} not understood")
    number, unit = float(match.group(1)), match.group(2) or "dp"
    if unit == "vw":
        return number * viewport.width / 100
    if unit == "vh":
        return number * viewport.height / 100
    if unit == "%":
        return None if parent is None else number * parent / 100
    return number


def wrap(text: str, width: float, font_size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap at an estimated glyph width; a word too long for a line stays whole
    on its own line (the caller sees it as too wide)."""
    per_char = font_size * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)
    fits = max(1, int(width // per_char))
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= fits or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def text_width(line: str, font_size: float, bold: bool = False) -> float:
    return len(line) * font_size * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)


class _Engine:
    def __init__(self, viewport: Viewport, scope: Mapping[str, Any]) -> None:
        self.viewport = viewport
        self.scope = scope
        self.boxes: list[Box] = []
        self.problems: list[str] = []

    def pad(self, node: Mapping[str, Any], side: str, parent: float | None) -> float:
        return length(node.get(f"padding{side}", 0), self.viewport, parent) or 0.0

    def children(
        self, node: Mapping[str, Any], scope: Mapping[str, Any]
    ) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
        items = node.get("items") or node.get("item") or []
        if isinstance(items, Mapping):
            items = [items]
        data = bind(node.get("data"), scope) if "data" in node else None
        if data is None:
            for child in items:
                yield child, scope
            return
        for element in data:
            for child in items:
                yield child, {**scope, "data": element}

    def measure(self, node: Mapping[str, Any], scope: Mapping[str, Any], width: float) -> float:
        """The natural height of `node` laid out `width` wide (no boxes recorded)."""
        kind = node.get("type")
        explicit = length(node.get("height"), self.viewport, None)
        top, bottom = self.pad(node, "Top", None), self.pad(node, "Bottom", None)
        if explicit is not None:
            return explicit
        if kind == "Text":
            size = self.font(node)
            inner = width - self.pad(node, "Left", width) - self.pad(node, "Right", width)
            lines = wrap(bind(node.get("text", ""), scope), inner, size, self.bold(node))
            shown = min(len(lines), int(node.get("maxLines") or len(lines)))
            return shown * size * LINE_HEIGHT + top + bottom
        if kind == "Container":
            inner = width - self.pad(node, "Left", width) - self.pad(node, "Right", width)
            kids = list(self.children(node, scope))
            if node.get("direction") == "row":
                widths = self.row_widths(kids, inner)
                heights = [self.measure(k, s, w) for (k, s), w in zip(kids, widths, strict=True)]
                return max(heights, default=0.0) + top + bottom
            return sum(self.measure(k, s, inner) for k, s in kids) + top + bottom
        return top + bottom

    def font(self, node: Mapping[str, Any]) -> float:
        return length(node.get("fontSize", "40dp"), self.viewport, None) or 40.0

    @staticmethod
    def bold(node: Mapping[str, Any]) -> bool:
        return str(node.get("fontWeight", "normal")) in ("bold", "700", "800", "900")

    def row_widths(
        self, kids: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]], inner: float
    ) -> list[float]:
        fixed = [length(k.get("width"), self.viewport, inner) for k, _ in kids]
        left = inner - sum(w for w in fixed if w is not None)
        growers = [k for (k, _), w in zip(kids, fixed, strict=True) if w is None]
        share = max(0.0, left) / len(growers) if growers else 0.0
        return [w if w is not None else share for w in fixed]

    def place(
        self,
        node: Mapping[str, Any],
        scope: Mapping[str, Any],
        x: float,
        y: float,
        width: float,
        height: float,
        where: str,
    ) -> None:
        kind = str(node.get("type"))
        box = Box(kind, x, y, width, height, node)
        self.boxes.append(box)
        if kind == "Text":
            self.text(box, scope, where)
        elif kind == "Container":
            self.container(box, scope, where)

    def text(self, box: Box, scope: Mapping[str, Any], where: str) -> None:
        node = box.node
        size = box.font_size = self.font(node)
        box.pad_top = self.pad(node, "Top", None)
        bold = self.bold(node)
        inner = box.width - self.pad(node, "Left", box.width) - self.pad(node, "Right", box.width)
        lines = wrap(bind(node.get("text", ""), scope), inner, size, bold)
        limit = int(node.get("maxLines") or 0)
        if limit and len(lines) > limit:
            self.problems.append(f"{where}: text needs {len(lines)} lines, maxLines {limit}")
        box.lines = lines[:limit] if limit else lines
        for line in box.lines:
            if text_width(line, size, bold) > inner + 0.5:
                self.problems.append(f"{where}: {line[:30]!r} is wider than its box")
        needed = len(box.lines) * size * LINE_HEIGHT
        room = box.height - self.pad(node, "Top", None) - self.pad(node, "Bottom", None)
        if needed > room + 0.5:
            self.problems.append(f"{where}: text needs {needed:.0f}dp, has {room:.0f}dp")
        if size < MIN_FONT_DP and any(box.lines):
            self.problems.append(f"{where}: {size:.0f}dp text is below {MIN_FONT_DP:.0f}dp")

    def container(self, box: Box, scope: Mapping[str, Any], where: str) -> None:
        node = box.node
        left, right = self.pad(node, "Left", box.width), self.pad(node, "Right", box.width)
        top, bottom = self.pad(node, "Top", None), self.pad(node, "Bottom", None)
        inner_w, inner_h = box.width - left - right, box.height - top - bottom
        kids = list(self.children(node, scope))
        if node.get("direction") == "row":
            widths = self.row_widths(kids, inner_w)
            if sum(widths) > inner_w + 0.5:
                self.problems.append(f"{where}: row needs {sum(widths):.0f}dp, has {inner_w:.0f}dp")
            cx = box.x + left
            for n, ((kid, s), w) in enumerate(zip(kids, widths, strict=True)):
                h = length(kid.get("height"), self.viewport, inner_h) or inner_h
                self.place(kid, s, cx, box.y + top, w, h, f"{where}/{n}:{kid.get('type')}")
                cx += w
            return
        heights = [
            length(k.get("height"), self.viewport, inner_h) or self.measure(k, s, inner_w)
            for k, s in kids
        ]
        growers = [n for n, (k, _) in enumerate(kids) if k.get("grow")]
        spare = inner_h - sum(heights)
        if spare < -0.5:
            self.problems.append(f"{where}: column needs {sum(heights):.0f}dp, has {inner_h:.0f}dp")
        elif growers:
            for n in growers:
                heights[n] += spare / len(growers)
        cy = box.y + top
        for n, ((kid, s), h) in enumerate(zip(kids, heights, strict=True)):
            w = length(kid.get("width"), self.viewport, inner_w) or inner_w
            if w > inner_w + 0.5:
                self.problems.append(f"{where}/{n}: {w:.0f}dp wide in {inner_w:.0f}dp")
            self.place(kid, s, box.x + left, cy, w, h, f"{where}/{n}:{kid.get('type')}")
            cy += h


def layout(document: Mapping[str, Any], datasources: Mapping[str, Any], vp: Viewport) -> Layout:
    engine = _Engine(vp, {"payload": datasources})
    for n, item in enumerate(document["mainTemplate"]["items"]):
        width = length(item.get("width"), vp, vp.width) or vp.width
        height = length(item.get("height"), vp, vp.height) or vp.height
        engine.place(item, engine.scope, 0, 0, width, height, f"main/{n}:{item.get('type')}")
    for box in engine.boxes:
        if box.x + box.width > vp.width + 0.5 or box.y + box.height > vp.height + 0.5:
            engine.problems.append(f"{box.kind} at ({box.x:.0f},{box.y:.0f}) leaves the screen")
    return Layout(vp, engine.boxes, engine.problems)


# --- required properties ----------------------------------------------------------------

_COMPONENT_NEEDS = {
    "Container": (),
    "Text": ("text",),
    "VectorGraphic": ("source", "width", "height"),
}
_AVG_NEEDS = {"group": (), "path": ("pathData",), "text": ("text", "x", "y")}


def required_problems(document: Mapping[str, Any]) -> list[str]:
    """What a document lacks that APL requires (the parts of the spec the skill uses)."""
    problems = []
    if document.get("type") != "APL":
        problems.append("type must be APL")
    if not re.fullmatch(r"\d{4}\.\d", str(document.get("version", ""))):
        problems.append("version must be an APL version such as 2023.3")
    main = document.get("mainTemplate")
    if not isinstance(main, Mapping) or not main.get("items"):
        return [*problems, "mainTemplate with items is required"]
    graphics = document.get("graphics") or {}

    def walk(node: Any, where: str) -> None:
        if not isinstance(node, Mapping):
            return
        kind = node.get("type")
        if kind not in _COMPONENT_NEEDS:
            problems.append(f"{where}: component type {kind!r} is not one the checks know")
            return
        for prop in _COMPONENT_NEEDS[kind]:
            if prop not in node:
                problems.append(f"{where}: {kind} needs {prop}")
        if kind == "VectorGraphic" and node.get("source") not in graphics:
            problems.append(f"{where}: graphic {node.get('source')!r} is not in graphics")
        for n, child in enumerate(node.get("items") or []):
            walk(child, f"{where}/{n}")

    for n, item in enumerate(main["items"]):
        walk(item, f"main/{n}")
    for name, graphic in graphics.items():
        problems.extend(avg_problems(graphic, f"graphics/{name}"))
    return problems


def avg_problems(graphic: Mapping[str, Any], where: str = "graphic") -> list[str]:
    problems = []
    if graphic.get("type") != "AVG":
        problems.append(f"{where}: type must be AVG")
    for prop in ("version", "width", "height"):
        if prop not in graphic:
            problems.append(f"{where}: AVG needs {prop}")

    def walk(item: Mapping[str, Any], at: str) -> None:
        kind = item.get("type")
        if kind not in _AVG_NEEDS:
            problems.append(f"{at}: AVG element {kind!r} outside the subset used")
            return
        for prop in _AVG_NEEDS[kind]:
            if prop not in item:
                problems.append(f"{at}: {kind} needs {prop}")
        for n, child in enumerate(item.get("items") or []):
            walk(child, f"{at}/{n}")

    for n, item in enumerate(graphic.get("items") or []):
        walk(item, f"{where}/{n}")
    return problems
