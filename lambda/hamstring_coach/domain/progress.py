"""A user's progress: the only per-user state the skill keeps between sessions.

Progress changes only through events (plain dicts with a "type", built by the constructors
in `domain/events.py`) applied by pure reducers. Because a change is data, not a closure, it
can be re-applied on top of a fresher copy when another device wrote first, and kept in the
session when a write fails, so no update is lost; because every reducer is idempotent against
the state it lands on, re-applying it never counts anything twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from hamstring_coach.domain import events
from hamstring_coach.domain.session_entry import SessionEntry

Event = events.Event  # re-exported: features' reducers take it
THEN = events.THEN

Reducer = Callable[["UserProgress", Event], "UserProgress"]

# History older than this is pruned on every write, so a record stays small and old health
# data does not linger; the whole record also expires by TTL after a period of no visits.
HISTORY_DAYS = 90


@dataclass(frozen=True)
class UserProgress:
    # Only what the program reads is kept (see README "What the skill stores"); a field that
    # an older version stored and nothing reads any more is dropped on the next save.
    last_visit: str | None = None  # ISO date: one visit counted a day
    visits: int = 0
    # Program state (owned by the workout feature, see domain/workout.py for the shapes and
    # domain/session_entry.py for a session entry's fields).
    stage: int = 1
    levels: dict[str, int] = field(default_factory=dict)  # exercise id -> level index
    # Good sessions in a row at the current level, per exercise (reset by a level change).
    streaks: dict[str, int] = field(default_factory=dict)
    sessions: list[SessionEntry] = field(default_factory=list)  # one entry per workout day
    sessions_done: int = 0  # finished workouts, all time (sessions are pruned)
    workout: dict[str, Any] | None = None  # today's workout in progress, if any
    # The program is paused until the person says a professional has seen them (set by an
    # emergency or urgent red flag). Only the flag: never the level, the reason or the
    # answers. Time alone never clears it.
    paused: bool = False
    # The short safety screen before a first workout was done (not its answers).
    screened: bool = False
    # Pacing (domain/pacing.py): the kit the person has, asked once when first needed
    # ("ball", "anchor" -> True/False); the date each exercise's level was last set; the
    # date the stage began; the day a morning check made a flare-up day; the day the
    # program last stepped back after time away.
    kit: dict[str, bool] = field(default_factory=dict)
    since: dict[str, int] = field(default_factory=dict)  # day numbers (see day_number)
    stage_since: str | None = None
    flare: str | None = None
    resumed: str | None = None
    # The days of the last week with heavy work (for the 48 h spacing and the weekly cap),
    # and the last light day (a day between heavy days, or a flare-up day: its morning
    # check counts toward no step up). Kept here, not per session, so the record stays small.
    heavy: list[int] = field(default_factory=list)  # day numbers (see day_number)
    light: str | None = None
    # Ids (alertToken) of the reminders this skill created, to list and delete them; the
    # reminder itself (time, days, text) lives with Alexa (see domain/reminders.py).
    reminders: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.visits == 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserProgress:
        # Unknown keys are ignored so an older Lambda can read a newer record, and a newer
        # one an older record (e.g. `first_visit`, stored until nothing was found to read it).
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "paused" not in values and _held_by_old_triage(data.get("triage")):
            # Records written before the pause flag kept the last check's level and date;
            # an emergency or urgent one becomes a pause (whatever its age), the level goes.
            values["paused"] = True
        if isinstance(values.get("sessions"), list):
            values["sessions"] = [_session_entry(s) for s in values["sessions"]]
        return cls(**values)


# Dates kept in lists and maps are day numbers (days since 2000-01-01): 4 digits instead of
# a 12-character ISO string, in a record that must stay within one write unit.
_EPOCH = date(2000, 1, 1).toordinal()


def day_number(day: date | str) -> int:
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return value.toordinal() - _EPOCH


def from_day_number(number: int) -> date:
    return date.fromordinal(int(number) + _EPOCH)


def _held_by_old_triage(triage: Any) -> bool:
    # "paused": written by the version that kept a reasonless pause in `triage`.
    return isinstance(triage, Mapping) and triage.get("level") in ("emergency", "urgent", "paused")


def _session_entry(entry: Any) -> Any:
    """A session entry in today's shape: `exercises` lists exercise ids. Records written
    before held {exercise id: level} there; the level was never read (the current one is in
    `levels`), so only the ids are kept."""
    if isinstance(entry, dict) and isinstance(entry.get("exercises"), dict):
        return {**entry, "exercises": list(entry["exercises"])}
    return entry


def _visit(progress: UserProgress, event: Event) -> UserProgress:
    today = str(event["date"])
    if progress.last_visit == today:
        return progress
    return replace(progress, last_visit=today, visits=progress.visits + 1)


REDUCERS: dict[str, Reducer] = {
    "visit": _visit,
}


def register(event_type: str) -> Callable[[Reducer], Reducer]:
    """Feature modules add their reducers here; one name, one reducer."""

    def deco(fn: Reducer) -> Reducer:
        if event_type in REDUCERS and REDUCERS[event_type] is not fn:
            raise ValueError(f"two reducers for event {event_type!r}")
        REDUCERS[event_type] = fn
        return fn

    return deco


class UnknownEventError(ValueError):
    """An event type with no reducer: a programming error, never user input."""


def apply(progress: UserProgress, event: Event) -> UserProgress:
    reducer = REDUCERS.get(str(event.get("type")))
    if reducer is None:
        raise UnknownEventError(str(event.get("type")))
    return reducer(progress, event)


def apply_all(progress: UserProgress, events: Sequence[Event]) -> UserProgress:
    """Apply events in order. Events decided together (the later ones marked `then`, e.g. a
    pain score and the level changes it led to) stand or fall with the first: when it
    changes nothing on this state (the answer was already given on another device), the
    decisions that followed from it are not applied either."""
    vetoed = False
    for event in events:
        if event.get(THEN):
            if vetoed:
                continue
            progress = apply(progress, event)
            continue
        after = apply(progress, event)
        vetoed = after == progress
        progress = after
    return progress


def prune(progress: UserProgress, today: date) -> UserProgress:
    """Drop session history older than HISTORY_DAYS (pure; called before every save)."""
    kept = [
        s
        for s in progress.sessions
        if (today - date.fromisoformat(str(s.get("date", today.isoformat())))).days <= HISTORY_DAYS
    ]
    if len(kept) == len(progress.sessions):
        return progress
    return replace(progress, sessions=kept)
