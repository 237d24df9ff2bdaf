"""Pictures of the skill's screens for docs/: `make screenshots` (not part of `make test`).

No APL renderer exists outside Echo devices, so each screen is laid out by
`tools.apl_layout` (the same estimator the tests check documents with), its texts and boxes
drawn as SVG, its vector graphic translated by `tools.avg_svg`, and the page photographed
by Debian's Chromium in headless mode. What comes out shows the layout and the chart as
the tests see them; fonts and anti-aliasing are Chromium's, not an Echo's.

    python -m tools.screenshots [--out docs] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hamstring_coach.domain.content import merge
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.review import review
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.voice.habit import progress_screen
from hamstring_coach.voice.screens import DOCUMENT, Screen
from hamstring_coach.voice.speech import Speech
from tools.apl_layout import LINE_HEIGHT, VIEWPORTS, Box, Layout, layout
from tools.avg_svg import avg_to_svg
from tools.content_source import load_source

ROOT = Path(__file__).resolve().parent.parent
BACKGROUND = "#14191E"  # APL's dark theme background, near enough
TEXT = "#FAFAFA"
FONT = "Amazon Ember, Helvetica, Arial, sans-serif"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
SAMPLE_SUNDAY = date(2026, 11, 29)


def render_svg(result: Layout, graphics: Mapping[str, Any]) -> str:
    """One viewport's layout as an SVG picture."""
    vp = result.viewport
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{vp.width}" height="{vp.height}" '
        f'viewBox="0 0 {vp.width} {vp.height}">',
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>',
    ]
    for box in result.boxes:
        node = box.node
        if box.kind == "VectorGraphic":
            graphic = graphics[str(node["source"])]
            parts.append(avg_to_svg(graphic, x=box.x, y=box.y, width=box.width, height=box.height))
        elif box.kind == "Text" and box.lines:
            parts.append(_text(box, node))
    parts.append("</svg>")
    return "".join(parts)


def _text(box: Box, node: Mapping[str, Any]) -> str:
    x, y, w, h, lines, size = box.x, box.y, box.width, box.height, box.lines, box.font_size
    align = node.get("textAlign", "left")
    anchor, tx = {"center": ("middle", x + w / 2), "right": ("end", x + w)}.get(
        str(align), ("start", x)
    )
    block = len(lines) * size * LINE_HEIGHT
    top = y + box.pad_top
    if node.get("textAlignVertical") == "center":
        top = y + (h - block) / 2
    weight = node.get("fontWeight", "normal")
    colour = node.get("color", TEXT)
    out = []
    for n, line in enumerate(lines):
        baseline = top + size * (n + 1) * LINE_HEIGHT - size * 0.3
        out.append(
            f'<text x="{tx:.1f}" y="{baseline:.1f}" font-size="{size:.1f}" '
            f"font-family={quoteattr(FONT)} font-weight={quoteattr(str(weight))} "
            f'fill="{colour}" text-anchor="{anchor}">{escape(line)}</text>'
        )
    return "".join(out)


def samples() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """(document, datasources) for each picture: a person four weeks into the program."""
    source = load_source()
    sp = Speech(merge("en-US", "screenshots", [source["en"]]), random.Random(1))
    exercises = source["en"]["exercise"]
    sessions = []
    for ago in range(27, -1, -1):
        if ago % 7 not in (1, 3, 5) or (ago > 20 and ago % 7 == 5):
            continue
        week = (27 - ago) // 7
        entry: SessionEntry = {
            "date": (SAMPLE_SUNDAY - timedelta(days=ago)).isoformat(),
            "exercises": ["eccentric_bridge"],
            "sets_planned": 9,
            "sets_done": 9,
            "finished": True,
            "pain_during": 3,
            "morning_check": (5, 4, 3, 2)[week],
        }
        sessions.append(entry)
    person = UserProgress(sessions=sessions, sessions_done=len(sessions), stage=2)
    plan = [(exercises[e]["title"], 3) for e in ("eccentric_bridge", "single_leg_bridge", "bridge")]
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for pain in (True, False):
        screen = progress_screen(sp, review(person, SAMPLE_SUNDAY, pain_kept=pain), plan)
        name = "progress" if pain else "progress-no-pain"
        out[name] = (screen.apl_document(), screen.datasources())
    bridge = exercises["eccentric_bridge"]
    workout = Screen(
        title=bridge["title"],
        subtitle=bridge["levels"][0]["title"],
        counter="4",
        progress="Set 2 of 3",
        detail=bridge["cue"],
    )
    out["workout"] = (json.loads(DOCUMENT.read_text("utf-8")), workout.datasources())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--svg-only", action="store_true", help="write SVG, skip Chromium")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, (doc, data) in samples().items():
            for vp in (VIEWPORTS[0], VIEWPORTS[-1]):
                result = layout(doc, data, vp)
                if result.problems:
                    print(f"{name} at {vp.name}: {result.problems}", file=sys.stderr)
                    return 1
                svg = render_svg(result, doc.get("graphics") or {})
                stem = f"{name}-{int(vp.width)}x{int(vp.height)}"
                if args.svg_only:
                    (args.out / f"{stem}.svg").write_text(svg, "utf-8")
                    continue
                page = Path(scratch) / f"{stem}.html"
                page.write_text(
                    f"<!doctype html><html><body style='margin:0'>{svg}</body></html>", "utf-8"
                )
                shot = args.out / f"{stem}.png"
                subprocess.run(
                    [
                        args.chromium,
                        *CHROMIUM_FLAGS,
                        f"--window-size={int(vp.width)},{int(vp.height)}",
                        f"--screenshot={shot}",
                        page.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                print(shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
