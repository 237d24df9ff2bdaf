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
TOKEN = "hamstring-coach-workout"
COUNTER_ID = "counter"


@cache
def document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DOCUMENT.read_text("utf-8"))
    return data


@dataclass(frozen=True)
class Screen:
    title: str
    subtitle: str = ""
    counter: str = ""
    progress: str = ""
    detail: str = ""

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
