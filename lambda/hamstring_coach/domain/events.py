"""Typed constructors for every progress event, and the rules an event must meet before it
is applied.

An event is stored and carried as a small dict (it may wait in the session when a write
fails, and is re-applied on a fresher copy when another device wrote first), so the shape
is data. Handlers and domain rules never build those dicts by hand: they call the
constructors here, which name every field once.

Each event is idempotent against the state it lands on (see the reducers in
`domain/workout.py`): "start today's workout" does nothing while one runs or after today's
finished, "set n done" names the exercise and the set, and finishing is derived from the
sets done. So re-applying an event after a conflicting write, or twice, never corrupts a
workout.

`check` refuses an event that breaks the program's rules (a stage that does not exist, a
999-set workout, a pain score of 40, a visit dated next year). Events built by this code
always pass; a refused one came from somewhere it should not have (a forged or stale
session), and is dropped, never applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

Event = Mapping[str, Any]

VERDICTS = frozenset({"good", "hold", "reduce"})
TRIAGE_LEVELS = frozenset({"self_care", "soon", "urgent", "emergency"})
PAIN_MAX = 10
# An event may be dated today or yesterday (a session that runs over midnight), never later.
_OLDEST_DAYS = 1
# Outside these, the program has no such thing (see `EventLimits.from_program` for the
# exact ones; these hold when no program is at hand).
_MAX_STAGES = 12
_MAX_LEVEL = 12
_MAX_SETS = 10
_MAX_ROWS = 12
_MAX_ID = 64
_MAX_TOKEN = 256
_MAX_TOKENS = 64
# Keys an event may carry besides its own fields: "then" marks an event decided together
# with the one before it (see `turn.Turn.record`).
THEN = "then"


class InvalidEventError(ValueError):
    """An event that breaks the program's rules: it is never applied."""


# --- constructors --------------------------------------------------------------------------


def visit(day: date) -> dict[str, Any]:
    return {"type": "visit", "date": day.isoformat()}


WORKOUT_KINDS = frozenset({"heavy", "light"})


def workout_started(
    day: date, stage: int, plan: Sequence[Sequence[Any]], kind: str | None = None
) -> dict[str, Any]:
    """`plan`: rows of [exercise id, level, sets], as `Plan.to_event()` gives them;
    `kind`: "heavy" or "light" for the 48 h spacing (domain/pacing.py), None otherwise."""
    rows = [[str(r[0]), int(r[1]), int(r[2])] for r in plan]
    event: dict[str, Any] = {
        "type": "workout_started",
        "date": day.isoformat(),
        "stage": stage,
        "plan": rows,
    }
    if kind is not None:
        event["kind"] = kind
    return event


def set_done(day: date, exercise: int, set_number: int) -> dict[str, Any]:
    """Set `set_number` (from 1) of the plan's exercise at index `exercise` is done."""
    return {"type": "set_done", "date": day.isoformat(), "i": exercise, "set": set_number}


def exercise_skipped(day: date, exercise: int) -> dict[str, Any]:
    return {"type": "exercise_skipped", "date": day.isoformat(), "i": exercise}


def level_changed(
    day: date,
    exercise_id: str,
    level: int,
    sets: int | None = None,
    *,
    today_only: bool = False,
) -> dict[str, Any]:
    """`sets`: the new level's sets, when today's rest of the exercise takes them;
    `today_only`: a "harder" that lasts today's workout only (domain/pacing.py)."""
    event: dict[str, Any] = {
        "type": "level_changed",
        "date": day.isoformat(),
        "id": exercise_id,
        "level": level,
    }
    if sets is not None:
        event["sets"] = sets
    if today_only:
        event["today"] = True
    return event


def pain_reported(
    day: date, pain: int, verdict: str | None = None, during: str | None = None
) -> dict[str, Any]:
    """`during`: what the score decides on its own ("dv"); `verdict`: "reduce" when it
    eased the load at once ("v")."""
    event: dict[str, Any] = {"type": "pain_reported", "date": day.isoformat(), "pain": pain}
    if verdict is not None:
        event["v"] = verdict
    if during is not None:
        event["dv"] = during
    return event


def pain_skipped(day: date) -> dict[str, Any]:
    return {"type": "pain_skipped", "date": day.isoformat()}


def morning_reported(
    day: date, session_day: str, verdict: str, *, pain: int | None = None, flare: bool = False
) -> dict[str, Any]:
    """The morning check's decision (`verdict`). `pain`: a number the person said, kept
    only where the deployment's profile keeps scores (domain/health_data.py); the morning
    is usually asked relative to usual, with no number. `flare`: it made a flare-up day."""
    event: dict[str, Any] = {
        "type": "morning_reported",
        "date": day.isoformat(),
        "for": session_day,
        "v": verdict,
    }
    if pain is not None:
        event["pain"] = pain
    if flare:
        event["flare"] = True
    return event


def morning_skipped(day: date, session_day: str) -> dict[str, Any]:
    return {"type": "morning_skipped", "date": day.isoformat(), "for": session_day}


def stage_changed(day: date, stage: int, since: date | None = None) -> dict[str, Any]:
    """`since`: when the stage counts as begun (a step back after time away credits part of
    the stage's days already served), else today."""
    event: dict[str, Any] = {"type": "stage_changed", "date": day.isoformat(), "stage": stage}
    if since is not None:
        event["since"] = since.isoformat()
    return event


def stepped_back(day: date) -> dict[str, Any]:
    """The program stepped back after time away (said once, recorded once)."""
    return {"type": "stepped_back", "date": day.isoformat()}


KITS = frozenset({"ball", "anchor", "weight"})


def kit_reported(kit: Mapping[str, bool]) -> dict[str, Any]:
    """What the person has, asked once when first needed ("ball" -> False: no gym ball)."""
    return {"type": "kit_reported", "kit": {str(k): bool(v) for k, v in kit.items()}}


def exercise_swapped(day: date, exercise_id: str, level: int, sets: int) -> dict[str, Any]:
    """Today's current exercise replaced by the one done without the missing kit."""
    return {
        "type": "exercise_swapped",
        "date": day.isoformat(),
        "id": exercise_id,
        "level": level,
        "sets": sets,
    }


def triage_result(day: str, level: str) -> dict[str, Any]:
    return {"type": "triage_result", "level": level, "date": day}


def reminder_set(token: str) -> dict[str, Any]:
    """A reminder the Reminders API created (its id only)."""
    return {"type": "reminder_set", "id": token}


def reminders_seen(tokens: Sequence[str]) -> dict[str, Any]:
    """The reminders the API still has: the stored ids are cut to these."""
    return {"type": "reminders_seen", "ids": list(tokens)}


# --- rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventLimits:
    """What the program allows: its stages, each exercise's top level, the most sets."""

    stages: frozenset[int] = frozenset(range(1, _MAX_STAGES + 1))
    # exercise id -> top level index; empty: any short id, levels up to _MAX_LEVEL
    tops: Mapping[str, int] = field(default_factory=dict)
    max_sets: int = _MAX_SETS
    max_rows: int = _MAX_ROWS

    @classmethod
    def of(cls, stages: Sequence[int], tops: Mapping[str, int], max_sets: int) -> EventLimits:
        return cls(frozenset(stages), dict(tops), max(1, max_sets))

    def top(self, exercise_id: Any) -> int | None:
        """The top level of a known exercise, None if there is no such exercise."""
        if not isinstance(exercise_id, str) or not 0 < len(exercise_id) <= _MAX_ID:
            return None
        if not self.tops:
            return _MAX_LEVEL
        return self.tops.get(exercise_id)


def _token(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= _MAX_TOKEN


def _int(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _day(value: Any, today: date) -> bool:
    """An ISO date no later than today."""
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return day <= today


def _recent(value: Any, today: date) -> bool:
    """Today, or yesterday (a session running over midnight)."""
    return _day(value, today) and date.fromisoformat(value) >= today - timedelta(_OLDEST_DAYS)


def _plan(rows: Any, limits: EventLimits) -> bool:
    if not isinstance(rows, list) or not 0 < len(rows) <= limits.max_rows:
        return False
    for row in rows:
        if not isinstance(row, list | tuple) or len(row) != 3:
            return False
        top = limits.top(row[0])
        if top is None or not _int(row[1], 0, top) or not _int(row[2], 1, limits.max_sets):
            return False
    return True


def _optional_int(event: Event, key: str, low: int, high: int) -> bool:
    return key not in event or _int(event[key], low, high)


Rule = Callable[[Event, date, "EventLimits"], bool]
# Rules for event types defined outside this module (a feature's own, or a test's).
RULES: dict[str, Rule] = {}


def rule(event_type: str) -> Callable[[Rule], Rule]:
    """Another module's event type says here what a valid one looks like."""

    def deco(fn: Rule) -> Rule:
        RULES[event_type] = fn
        return fn

    return deco


# Reminder ids come from the Reminders API: short strings, a few at most.
@rule("reminder_set")
def _reminder_set_rule(event: Event, *_: Any) -> bool:
    return _token(event.get("id"))


@rule("reminders_seen")
def _reminders_seen_rule(event: Event, *_: Any) -> bool:
    ids = event.get("ids")
    return isinstance(ids, list) and len(ids) <= _MAX_TOKENS and all(map(_token, ids))


def _valid(event: Event, today: date, limits: EventLimits) -> bool:
    kind = event.get("type")
    extra = RULES.get(str(kind))
    if extra is not None:
        return extra(event, today, limits)
    if kind == "triage_result":
        return _recent(event.get("date"), today) and event.get("level") in TRIAGE_LEVELS
    if not _recent(event.get("date"), today):
        return False
    rows = limits.max_rows - 1
    match kind:
        case "visit" | "pain_skipped" | "workout_finished" | "workout_cancelled":
            return True
        case "workout_started":
            return (
                event.get("stage") in limits.stages
                and _plan(event.get("plan"), limits)
                and event.get("kind", "heavy") in WORKOUT_KINDS
            )

        case "set_done":
            # Both keys or neither (a record from before sets were numbered).
            if ("i" in event) != ("set" in event):
                return False
            return _optional_int(event, "i", 0, rows) and _optional_int(
                event, "set", 1, limits.max_sets
            )
        case "exercise_skipped":
            return _optional_int(event, "i", 0, rows)
        case "level_changed":
            top = limits.top(event.get("id"))
            return (
                top is not None
                and _int(event.get("level"), 0, top)
                and _optional_int(event, "sets", 1, limits.max_sets)
                and event.get("today", True) is True
            )
        case "pain_reported":
            decided_ok = all(event[k] in VERDICTS for k in ("v", "dv") if k in event)
            return _int(event.get("pain"), 0, PAIN_MAX) and decided_ok
        case "morning_reported":
            return (
                _day(event.get("for"), today)
                and (event.get("pain") is None or _int(event.get("pain"), 0, PAIN_MAX))
                and event.get("v") in VERDICTS
                and event.get("flare", True) is True
            )
        case "morning_skipped":
            return _day(event.get("for"), today)
        case "stage_changed":
            return event.get("stage") in limits.stages and (
                "since" not in event or _day(event.get("since"), today)
            )
    return False


def check(event: Any, today: date, limits: EventLimits | None = None) -> Event:
    """The event, if it meets the program's rules; else InvalidEventError (type only, no
    values: they may be health answers)."""
    if not isinstance(event, Mapping):
        raise InvalidEventError("not an event")
    if not _valid(event, today, limits or EventLimits()):
        raise InvalidEventError(str(event.get("type"))[:32])
    return event


# The kit the person has carries no date: it holds until they say otherwise.
@rule("kit_reported")
def _kit_rule(event: Event, *_: Any) -> bool:
    kit = event.get("kit")
    return (
        isinstance(kit, Mapping)
        and 0 < len(kit) <= len(KITS)
        and all(k in KITS and type(v) is bool for k, v in kit.items())
    )


# Pacing's events (domain/pacing.py, handlers/workout/pacing.py).
@rule("stepped_back")
def _stepped_back_rule(event: Event, today: date, _limits: EventLimits) -> bool:
    return set(event) == {"type", "date"} and _recent(event.get("date"), today)


@rule("exercise_swapped")
def _exercise_swapped_rule(event: Event, today: date, limits: EventLimits) -> bool:
    top = limits.top(event.get("id"))
    return (
        _recent(event.get("date"), today)
        and top is not None
        and _int(event.get("level"), 0, top)
        and _int(event.get("sets"), 1, limits.max_sets)
    )


# The safety net's events (domain/triage.py): a plain flag each, no fields to check.
@rule("program_paused")
@rule("program_resumed")
@rule("screened")
def _flag_rule(event: Event, *_: Any) -> bool:
    return set(event) == {"type"}
