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

Every reducer is idempotent against the state it lands on, because an event may be applied
on a fresher copy than the one it was decided on (another device wrote first) or replayed
from the session: it ignores a workout that is not the one stored, a set already counted,
an answer already given. Finishing is derived from the sets: the last set done (or the last
exercise skipped) finishes the workout and counts it, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.events import Event
from hamstring_coach.domain.program import Plan, PlanItem
from hamstring_coach.domain.progress import UserProgress


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


def _finished(progress: UserProgress, workout: dict[str, Any]) -> UserProgress:
    """Every exercise done or skipped: the workout ends, counted once (the workout is gone
    afterwards, so nothing can finish it again). With no set done at all, nothing happened
    and the day leaves no trace."""
    day = workout["date"]
    entry = _entry(progress, day) or {}
    if int(entry.get("done", 0)) == 0:
        sessions = [s for s in progress.sessions if s.get("date") != day]
        return replace(progress, workout=None, sessions=sessions)
    sessions = _sessions_with(progress, day, {"fin": True})
    return replace(
        progress, workout=None, sessions=sessions, sessions_done=progress.sessions_done + 1
    )


@pm.register("workout_started")
def _workout_started(progress: UserProgress, event: Event) -> UserProgress:
    day = str(event["date"])
    if _current_workout(progress, event) is not None:
        return progress  # one is running today: starting it again is "carry on"
    existing = _entry(progress, day)
    if existing is not None and existing.get("fin"):
        return progress  # today's is finished: a stale start must not reopen it
    rows = [(str(r[0]), int(r[1]), int(r[2])) for r in event["plan"]]
    plan = [list(r) for r in rows]
    workout = {"date": day, "stage": int(event["stage"]), "plan": plan, "i": 0, "set": 0}
    planned = list(dict.fromkeys(exercise_id for exercise_id, _level, _sets in rows))
    total = sum(sets for _id, _level, sets in rows)
    if existing is None or int(existing.get("done", 0)) == 0:
        kept = [s for s in progress.sessions if s.get("date") != day]
        sessions = [*kept, {"date": day, "ex": planned, "of": total, "done": 0}]
    else:  # a second start on a day with sets already done adds to that day's entry
        merged = list(dict.fromkeys([*existing.get("ex", []), *planned]))
        of = int(existing.get("of", 0)) + total
        sessions = _sessions_with(progress, day, {"ex": merged, "of": of, "fin": False})
    return replace(progress, workout=workout, sessions=sessions)


def _at(w: Mapping[str, Any], event: Event, key: str) -> bool:
    """Whether the event is about where the workout stands now. An event without the key
    (carried from before events were numbered) means "the current one"."""
    return key not in event or int(event[key]) == int(w[key])


@pm.register("set_done")
def _set_done(progress: UserProgress, event: Event) -> UserProgress:
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]):
        return progress
    # Keyed by exercise and set number: the same set reported twice (two devices, or a
    # replay after a conflict) counts once, and a set already passed changes nothing.
    if not _at(w, event, "i") or ("set" in event and int(event["set"]) != int(w["set"]) + 1):
        return progress
    index, done = int(w["i"]), int(w["set"]) + 1
    if done >= int(w["plan"][index][2]):
        index, done = index + 1, 0
    entry = _entry(progress, w["date"]) or {}
    sessions = _sessions_with(progress, w["date"], {"done": int(entry.get("done", 0)) + 1})
    workout = {**w, "i": index, "set": done}
    after = replace(progress, workout=workout, sessions=sessions)
    return _finished(after, workout) if index >= len(w["plan"]) else after


@pm.register("exercise_skipped")
def _exercise_skipped(progress: UserProgress, event: Event) -> UserProgress:
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]) or not _at(w, event, "i"):
        return progress
    exercise_id, _level, sets = w["plan"][w["i"]]
    entry = _entry(progress, w["date"]) or {}
    change: dict[str, Any] = {"of": int(entry.get("of", 0)) - (int(sets) - int(w["set"]))}
    if int(w["set"]) == 0:
        # Not done at all today: it must not be judged by tomorrow's morning check.
        change["ex"] = [e for e in entry.get("ex", []) if e != exercise_id]
    sessions = _sessions_with(progress, w["date"], change)
    workout = {**w, "i": int(w["i"]) + 1, "set": 0}
    after = replace(progress, workout=workout, sessions=sessions)
    return _finished(after, workout) if workout["i"] >= len(w["plan"]) else after


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
    """Carried from before finishing was derived from the sets: it only ever finishes a
    workout whose every exercise is done or skipped (the last set finishes it now)."""
    w = _current_workout(progress, event)
    if w is None or int(w["i"]) < len(w["plan"]):
        return progress
    return _finished(progress, w)


@pm.register("pain_reported")
def _pain_reported(progress: UserProgress, event: Event) -> UserProgress:
    """The first answer for a session stands: a second device's answer, decided on a read
    from before the first was saved, changes nothing (nor do the changes decided with it)."""
    entry = _entry(progress, str(event["date"]))
    if entry is None or "pain" in entry:
        return progress
    change: dict[str, Any] = {"pain": int(event["pain"])}
    for decision in ("v", "dv"):  # the program's decisions (all the minimal profile keeps)
        if decision in event:
            change[decision] = str(event[decision])
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), change))


@pm.register("pain_skipped")
def _pain_skipped(progress: UserProgress, event: Event) -> UserProgress:
    """Declined to give a pain score: not asked again for that session."""
    entry = _entry(progress, str(event["date"]))
    if entry is None or "pain" in entry:
        return progress
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), {"pain": None}))


@pm.register("morning_reported")
def _morning_reported(progress: UserProgress, event: Event) -> UserProgress:
    day = str(event["for"])
    entry = _entry(progress, day)
    if entry is None or "am" in entry:
        return progress  # answered already (another device): streaks count it once
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
    entry = _entry(progress, str(event["for"]))
    if entry is None or "am" in entry:
        return progress
    return replace(progress, sessions=_sessions_with(progress, str(event["for"]), {"am": None}))


@pm.register("stage_changed")
def _stage_changed(progress: UserProgress, event: Event) -> UserProgress:
    return replace(progress, stage=int(event["stage"]), streaks={})


@pm.register("workout_cancelled")
def _workout_cancelled(progress: UserProgress, event: Event) -> UserProgress:
    """Carried from before: every exercise skipped before a single set (now derived)."""
    w = _current_workout(progress, event)
    entry = _entry(progress, str(event["date"])) or {}
    if w is None or int(entry.get("done", 0)) > 0:
        return progress
    sessions = [s for s in progress.sessions if s.get("date") != w["date"]]
    return replace(progress, workout=None, sessions=sessions)
