"""The part of Alexa Vector Graphics (AVG) the skill draws with, translated into SVG.

No APL renderer runs outside an Echo device, so to look at the chart (docs/, `make
screenshots`) its AVG is drawn as SVG, which Chromium renders. AVG was modelled on SVG, so
the subset maps one to one: `group` -> <g> (with its `transform`), `path` -> <path>
(`pathData` is SVG path data), `text` -> <text>. Anything else raises UnsupportedAvgError:
a chart that starts using more AVG must extend this first, and its tests say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

# AVG property -> SVG attribute, per element type.
_PATH = {"fill": "fill", "stroke": "stroke", "strokeWidth": "stroke-width", "opacity": "opacity"}
_TEXT = {
    "x": "x",
    "y": "y",
    "fill": "fill",
    "fontSize": "font-size",
    "fontWeight": "font-weight",
    "textAnchor": "text-anchor",
    "fontFamily": "font-family",
    "opacity": "opacity",
}
_GROUP = {"transform": "transform", "opacity": "opacity"}
# AVG's defaults where SVG's differ: AVG paths are unfilled unless `fill` is given, and its
# text uses the device's sans-serif face.
_DEFAULT_FONT = "Amazon Ember, Bookerly, Helvetica, Arial, sans-serif"


class UnsupportedAvgError(ValueError):
    """An AVG element or property outside the subset this module translates."""


def _attrs(item: Mapping[str, Any], mapping: Mapping[str, str], skip: set[str]) -> str:
    out = []
    for key, value in item.items():
        if key in skip:
            continue
        if key not in mapping:
            raise UnsupportedAvgError(f"{item.get('type')}: property {key!r}")
        out.append(f"{mapping[key]}={quoteattr(str(value))}")
    return " ".join(out)


def element(item: Mapping[str, Any]) -> str:
    kind = item.get("type")
    if kind == "group":
        attrs = _attrs(item, _GROUP, {"type", "items"})
        children = "".join(element(child) for child in item.get("items", []))
        return f"<g{' ' + attrs if attrs else ''}>{children}</g>"
    if kind == "path":
        if "pathData" not in item:
            raise UnsupportedAvgError("path without pathData")
        attrs = _attrs(item, _PATH, {"type", "pathData"})
        fill = "" if "fill" in item else ' fill="none"'
        return f"<path d={quoteattr(str(item['pathData']))}{fill} {attrs}/>".replace(" />", "/>")
    if kind == "text":
        attrs = _attrs(item, _TEXT, {"type", "text"})
        font = "" if "fontFamily" in item else f" font-family={quoteattr(_DEFAULT_FONT)}"
        return f"<text {attrs}{font}>{escape(str(item.get('text', '')))}</text>"
    raise UnsupportedAvgError(f"element type {kind!r}")


def avg_to_svg(
    graphic: Mapping[str, Any],
    *,
    x: float = 0,
    y: float = 0,
    width: float | None = None,
    height: float | None = None,
) -> str:
    """An AVG graphic as a standalone <svg>; `width`/`height` scale it into a box the way
    APL's VectorGraphic "best-fit" does (keeping its aspect ratio, centred)."""
    if graphic.get("type") != "AVG":
        raise UnsupportedAvgError("not an AVG graphic")
    w, h = graphic["width"], graphic["height"]
    body = "".join(element(item) for item in graphic.get("items", []))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" x="{x}" y="{y}" '
        f'width="{width or w}" height="{height or h}" viewBox="0 0 {w} {h}" '
        f'preserveAspectRatio="xMidYMid meet">{body}</svg>'
    )
