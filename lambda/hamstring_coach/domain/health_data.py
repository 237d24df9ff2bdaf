"""What a deployment may keep about a person's health: its health-data profile. Pure.

Alexa's policy rejects a public skill that collects information about a person's health
unless it is HIPAA-eligible (a covered entity with Amazon's BAA, US only, account linking
and a PIN before health information is spoken). Pain scores and symptom-check results are
health information; exercise levels and finished workouts are fitness tracking. So:

- `minimal` (the default, for a public skill): pain scores and symptom-check answers and
  outcomes are used within the turn that hears them, and only the program's decisions are
  kept: stage, levels, the counters that move them, the workout history (dates, exercises,
  sets), and a "paused until checked" flag without its reason.
- `full` (a HIPAA-eligible deployment only): pain history and trends are kept, and spoken
  only when the deployment states that account linking and PIN confirmation are in place.

`program_state` is the gate. The progress codec calls it on every record it encodes, so
no feature can store a health field by forgetting to: a session key that is not declared
program state below is dropped, and every field of UserProgress must be classified here
(a unit test checks that a new field was).
"""

from __future__ import annotations

from dataclasses import fields, replace
from enum import StrEnum
from typing import Any, cast

from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry


class HealthData(StrEnum):
    MINIMAL = "minimal"
    FULL = "full"

    @classmethod
    def parse(cls, value: str) -> HealthData:
        try:
            return cls(value.strip().lower())
        except ValueError:
            choices = ", ".join(p.value for p in cls)
            message = f"health data profile must be one of {choices}, not {value!r}"
            raise ValueError(message) from None


# The session-entry fields that are program state (domain/session_entry.py says what each
# means): the date, the exercises done, sets planned and done, finished, and the program's
# decisions (`verdict` after the next morning, `during_verdict` from the pain during). A new
# field of `SessionEntry` must be added here or below (a unit test checks it was), or the
# minimal profile does not keep it.
PROGRAM_SESSION_KEYS = frozenset(
    {"date", "exercises", "sets_planned", "sets_done", "finished", "verdict", "during_verdict"}
)
# Health answers whose presence the program reads ("already asked"): kept as None, which
# says "asked, nothing kept", so the question is not asked twice.
ASKED_ONLY_SESSION_KEYS = frozenset({"pain_during", "morning_check"})

# Every field of UserProgress, classified. Under `minimal` a health field is stored as its
# default. A symptom check's outcome is never kept under any profile: only the program's
# decision, `paused` (until the person says they have been seen), without level or reason.
PROGRAM = "program"
HEALTH = "health"
FIELD_CLASSES: dict[str, str] = {
    "last_visit": PROGRAM,
    "visits": PROGRAM,
    "stage": PROGRAM,
    "levels": PROGRAM,
    "streaks": PROGRAM,
    "sessions": PROGRAM,  # entries filtered by PROGRAM_SESSION_KEYS
    "sessions_done": PROGRAM,
    "workout": PROGRAM,
    "paused": PROGRAM,  # "paused until checked": no level, reason, answers or date
    "screened": PROGRAM,  # the safety screen before a first workout was done, not its answers
    # Pacing (domain/pacing.py): kit owned, when levels and the stage began, the day the
    # program last stepped back after time away, and the day it made a flare-up day (the
    # program's decision, like `verdict`: the answer that led to it is not kept).
    "kit": PROGRAM,
    "since": PROGRAM,
    "stage_since": PROGRAM,
    "resumed": PROGRAM,
    "flare": PROGRAM,
    "heavy": PROGRAM,  # days with heavy work in the last week (the 48 h spacing)
    "light": PROGRAM,  # the last light day
    "reminders": PROGRAM,  # ids of reminders the skill set (no time, no text, no health)
}


def _program_entry(entry: SessionEntry) -> SessionEntry:
    if not isinstance(entry, dict):
        return entry  # not an entry at all (a hand-edited record): left to the codec
    kept: dict[str, Any] = {k: v for k, v in entry.items() if k in PROGRAM_SESSION_KEYS}
    for key in ASKED_ONLY_SESSION_KEYS & entry.keys():
        kept[key] = None
    return cast(SessionEntry, kept)


def program_state(progress: UserProgress, profile: HealthData) -> UserProgress:
    """What the store may keep of `progress` under `profile` (all of it under `full`)."""
    if profile is HealthData.FULL:
        return progress
    changes: dict[str, Any] = {"sessions": [_program_entry(s) for s in progress.sessions]}
    blank = UserProgress()
    for f in fields(progress):
        if FIELD_CLASSES.get(f.name, HEALTH) == HEALTH:  # unclassified: not kept (fail closed)
            changes[f.name] = getattr(blank, f.name)
    return replace(progress, **changes)


def may_speak_health(profile: HealthData, controls_in_place: bool) -> bool:
    """Stored health information is spoken only by a `full` deployment whose operator has
    stated that account linking and PIN confirmation guard it (Alexa's HIPAA rules)."""
    return profile is HealthData.FULL and controls_in_place
