"""Workout events and their reducers, and a typed view of today's workout.

Stored shapes (kept small: dates, numbers, ids):
- `progress.workout`, today's workout while it runs:
  {"date": ISO, "stage": n, "plan": [[exercise id, level, sets], ...], "i": exercise index,
   "set": sets done of that exercise}
- one `progress.sessions` entry per workout day:
  {"date": ISO, "ex": [exercise ids done], "of": sets planned, "done": sets done,
   "fin": finished, "pain": 0-10 during, "am": 0-10 next morning (None = declined, or not
   kept), "v": verdict "good" | "hold" | "reduce", "dv": what the pain during decided}
  The minimal health-data profile stores none of the scores (domain/health_data.py).
  Only what the program reads is kept: the level an exercise was done at is not (today's
  level is in `progress.levels`), nor a "first visit" date.

Every reducer ignores an event about a workout that is not the one stored (a stale event
replayed after a conflicting write must not corrupt a newer day).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.program import Plan, PlanItem
from hamstring_coach.domain.progress import Event, UserProgress


@dataclass(frozen=True)
class WorkoutState:
    date: str
    stage: int
    plan: Plan
    index: int  # exercise being done (== len(items) when all are done)
    set_index: int  # sets of it already done

    @property
    def current(self) -> PlanItem | None:
        items = self.plan.items
        return items[self.index] if self.index < len(items) else None

    @property
    def next_item(self) -> PlanItem | None:
        items = self.plan.items
        return items[self.index + 1] if self.index + 1 < len(items) else None

    @property
    def sets_done(self) -> int:
        return sum(i.sets for i in self.plan.items[: self.index]) + self.set_index

    @property
    def sets_left(self) -> int:
        return self.plan.total_sets - self.sets_done


def active_workout(progress: UserProgress, today: date) -> WorkoutState | None:
    """Today's unfinished workout, or None (a workout from an earlier day has lapsed)."""
    w = progress.workout
    if not w or w.get("date") != today.isoformat():
        return None
    plan = Plan.from_event(int(w.get("stage", progress.stage)), w["plan"])
    return WorkoutState(str(w["date"]), plan.stage, plan, int(w["i"]), int(w["set"]))


# --- reducers ----------------------------------------------------------------------------


def _sessions_with(
    progress: UserProgress, day: str, change: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """A copy of the session list with the entry for `day` updated (no-op if none)."""
    return [{**s, **change} if s.get("date") == day else s for s in progress.sessions]


def _entry(progress: UserProgress, day: str) -> dict[str, Any] | None:
    for entry in progress.sessions:
        if entry.get("date") == day:
            return entry
    return None


def _current_workout(progress: UserProgress, event: Event) -> dict[str, Any] | None:
    w = progress.workout
    return w if w and w.get("date") == event.get("date") else None


@pm.register("workout_started")
def _workout_started(progress: UserProgress, event: Event) -> UserProgress:
    day = str(event["date"])
    rows = [(str(r[0]), int(r[1]), int(r[2])) for r in event["plan"]]
    plan = [list(r) for r in rows]
    workout = {"date": day, "stage": int(event["stage"]), "plan": plan, "i": 0, "set": 0}
    planned = list(dict.fromkeys(exercise_id for exercise_id, _level, _sets in rows))
    total = sum(sets for _id, _level, sets in rows)
    existing = _entry(progress, day)
    if existing is None or int(existing.get("done", 0)) == 0:
        kept = [s for s in progress.sessions if s.get("date") != day]
        sessions = [*kept, {"date": day, "ex": planned, "of": total, "done": 0}]
    else:  # a second start on a day with sets already done adds to that day's entry
        merged = list(dict.fromkeys([*existing.get("ex", []), *planned]))
        of = int(existing.get("of", 0)) + total
        sessions = _sessions_with(progress, day, {"ex": merged, "of": of, "fin": False})
    return replace(progress, workout=workout, sessions=sessions)


@pm.register("set_done")
def _set_done(progress: UserProgress, event: Event) -> UserProgress:
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]):
        return progress
    index, done = int(w["i"]), int(w["set"]) + 1
    if done >= int(w["plan"][index][2]):
        index, done = index + 1, 0
    entry = _entry(progress, w["date"]) or {}
    sessions = _sessions_with(progress, w["date"], {"done": int(entry.get("done", 0)) + 1})
    return replace(progress, workout={**w, "i": index, "set": done}, sessions=sessions)


@pm.register("exercise_skipped")
def _exercise_skipped(progress: UserProgress, event: Event) -> UserProgress:
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]):
        return progress
    exercise_id, _level, sets = w["plan"][w["i"]]
    entry = _entry(progress, w["date"]) or {}
    change: dict[str, Any] = {"of": int(entry.get("of", 0)) - (int(sets) - int(w["set"]))}
    if int(w["set"]) == 0:
        # Not done at all today: it must not be judged by tomorrow's morning check.
        change["ex"] = [e for e in entry.get("ex", []) if e != exercise_id]
    sessions = _sessions_with(progress, w["date"], change)
    return replace(progress, workout={**w, "i": int(w["i"]) + 1, "set": 0}, sessions=sessions)


@pm.register("level_changed")
def _level_changed(progress: UserProgress, event: Event) -> UserProgress:
    exercise_id, level = str(event["id"]), int(event["level"])
    levels = {**progress.levels, exercise_id: level}
    streaks = {k: v for k, v in progress.streaks.items() if k != exercise_id}
    workout, sessions = progress.workout, progress.sessions
    w = _current_workout(progress, event)
    if w is not None:
        # Today's rest of it uses the new level, and that level's sets when the event says
        # so, keeping at least the set about to be done.
        rows, added = [], 0
        for n, (row_id, row_level, row_sets) in enumerate(w["plan"]):
            if row_id != exercise_id or n < w["i"]:
                rows.append([row_id, row_level, row_sets])
                continue
            sets = int(event.get("sets", row_sets))
            if n == w["i"]:
                sets = max(sets, int(w["set"]) + 1)
            added += sets - int(row_sets)
            rows.append([row_id, level, sets])
        workout = {**w, "plan": rows}
        entry = _entry(progress, w["date"]) or {}
        sessions = _sessions_with(progress, w["date"], {"of": int(entry.get("of", 0)) + added})
    return replace(progress, levels=levels, streaks=streaks, workout=workout, sessions=sessions)


@pm.register("workout_finished")
def _workout_finished(progress: UserProgress, event: Event) -> UserProgress:
    w = _current_workout(progress, event)
    if w is None:
        return progress
    sessions = _sessions_with(progress, w["date"], {"fin": True})
    return replace(
        progress, workout=None, sessions=sessions, sessions_done=progress.sessions_done + 1
    )


@pm.register("pain_reported")
def _pain_reported(progress: UserProgress, event: Event) -> UserProgress:
    change: dict[str, Any] = {"pain": int(event["pain"])}
    for decision in ("v", "dv"):  # the program's decisions (all the minimal profile keeps)
        if decision in event:
            change[decision] = str(event[decision])
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), change))


@pm.register("pain_skipped")
def _pain_skipped(progress: UserProgress, event: Event) -> UserProgress:
    """Declined to give a pain score: not asked again for that session."""
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), {"pain": None}))


@pm.register("morning_reported")
def _morning_reported(progress: UserProgress, event: Event) -> UserProgress:
    day = str(event["for"])
    entry = _entry(progress, day)
    if entry is None:
        return progress
    verdict = str(event["v"])
    streaks = dict(progress.streaks)
    for exercise_id in entry.get("ex", ()):
        if verdict == "good":
            streaks[exercise_id] = streaks.get(exercise_id, 0) + 1
        else:
            streaks.pop(exercise_id, None)
    sessions = _sessions_with(progress, day, {"am": int(event["pain"]), "v": verdict})
    return replace(progress, sessions=sessions, streaks=streaks)


@pm.register("morning_skipped")
def _morning_skipped(progress: UserProgress, event: Event) -> UserProgress:
    return replace(progress, sessions=_sessions_with(progress, str(event["for"]), {"am": None}))


@pm.register("stage_changed")
def _stage_changed(progress: UserProgress, event: Event) -> UserProgress:
    return replace(progress, stage=int(event["stage"]), streaks={})


@pm.register("workout_cancelled")
def _workout_cancelled(progress: UserProgress, event: Event) -> UserProgress:
    """Every exercise skipped before a single set: nothing happened, nothing is kept."""
    w = _current_workout(progress, event)
    if w is None:
        return progress
    sessions = [
        s for s in progress.sessions if s.get("date") != w["date"] or int(s.get("done", 0)) > 0
    ]
    return replace(progress, workout=None, sessions=sessions)
