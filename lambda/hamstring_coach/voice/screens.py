"""What a screen shows during a workout or a walkthrough (APL), built from plain values.

The document is a data file (apl/workout.json). A counted set also gets a sequence of
commands that step the on-screen counter in time with the speech, from the same timeline
that placed the spoken counts. Devices without a screen get none of this and lose nothing:
every word is spoken.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hamstring_coach.voice.timing import Mark

DOCUMENT = Path(__file__).resolve().parent / "apl" / "workout.json"
PROGRESS_DOCUMENT = Path(__file__).resolve().parent / "apl" / "progress.json"
TOKEN = "hamstring-coach-workout"
PROGRESS_TOKEN = "hamstring-coach-progress"
CHART_GRAPHIC = "progressChart"
COUNTER_ID = "counter"


@cache
def document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DOCUMENT.read_text("utf-8"))
    return data


@cache
def _progress_template() -> str:
    return PROGRESS_DOCUMENT.read_text("utf-8")


def progress_document(chart: dict[str, Any]) -> dict[str, Any]:
    """The progress document with this person's chart as its one vector graphic."""
    data: dict[str, Any] = json.loads(_progress_template())  # a fresh copy every time
    data["graphics"] = {CHART_GRAPHIC: chart}
    return data


@dataclass(frozen=True)
class Screen:
    title: str
    subtitle: str = ""
    counter: str = ""
    progress: str = ""
    detail: str = ""

    token = TOKEN

    def apl_document(self) -> dict[str, Any]:
        return document()

    def datasources(self) -> dict[str, Any]:
        return {
            "screen": {
                "title": self.title,
                "subtitle": self.subtitle,
                "counter": self.counter,
                "progress": self.progress,
                "detail": self.detail,
            }
        }


@dataclass(frozen=True)
class ProgressScreen:
    """Four weeks at a glance and today's plan (the weekly review, "how am I doing")."""

    title: str
    legend: str
    plan_title: str
    plan: tuple[str, ...]
    chart: dict[str, Any]
    has_plan: bool = True  # False: `plan` holds a note ("A rest day today"), not exercises

    token = PROGRESS_TOKEN

    def apl_document(self) -> dict[str, Any]:
        return progress_document(self.chart)

    def datasources(self) -> dict[str, Any]:
        return {
            "progress": {
                "title": self.title,
                "legend": self.legend,
                "planTitle": self.plan_title,
                "plan": list(self.plan),
            }
        }


def counter_commands(marks: Sequence[Mark]) -> list[dict[str, Any]]:
    """SetValue on the counter at each mark, with Idle commands for the time between."""
    commands: list[dict[str, Any]] = []
    clock = 0.0
    for mark in marks:
        wait = round((mark.at - clock) * 1000)
        if wait > 0:
            commands.append({"type": "Idle", "delay": wait})
            clock = mark.at
        commands.append(
            {"type": "SetValue", "componentId": COUNTER_ID, "property": "text", "value": mark.text}
        )
    return [{"type": "Sequential", "commands": commands}] if commands else []
