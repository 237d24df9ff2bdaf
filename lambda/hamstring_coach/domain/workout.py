"""Workout events and their reducers, and a typed view of today's workout.

Stored shapes (kept small: dates, numbers, ids):
- `progress.workout`, today's workout while it runs:
  {"date": ISO, "stage": n, "plan": [[exercise id, level, sets], ...], "i": exercise index,
   "set": sets done of that exercise (the day's session entry counts the sets really
   done: a skipped set is not)}
- one `progress.sessions` entry per workout day: a `SessionEntry` (domain/session_entry.py
  names and explains its fields: the day, the exercises done, sets planned and done,
  finished, the pain during, the morning check, and the program's verdicts).
- `progress.heavy` (days with heavy work, last 7 days) and `progress.light` (the last light
  day: between heavy days, or a flare-up day; judged, never counted toward a step up).
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
from hamstring_coach.domain.session_entry import SessionEntry


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

    done: int = -1  # sets really done today; -1: a workout stored before this was kept

    @property
    def sets_done(self) -> int:
        if self.done >= 0:
            return self.done
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
    entry = _entry(progress, str(w["date"])) or {}
    done = int(entry.get("sets_done", -1))
    return WorkoutState(str(w["date"]), plan.stage, plan, int(w["i"]), int(w["set"]), done)


# --- reducers ----------------------------------------------------------------------------


def _sessions_with(progress: UserProgress, day: str, change: SessionEntry) -> list[SessionEntry]:
    """A copy of the session list with the entry for `day` updated (no-op if none)."""
    return [{**s, **change} if s.get("date") == day else s for s in progress.sessions]


def _entry(progress: UserProgress, day: str) -> SessionEntry | None:
    for entry in progress.sessions:
        if entry.get("date") == day:
            return entry
    return None


def _current_workout(progress: UserProgress, event: Event) -> dict[str, Any] | None:
    w = progress.workout
    return w if w and w.get("date") == event.get("date") else None


# The longest a stage holds a level (stage level_days; tests/unit/test_program_content.py
# checks none is longer): a level date older than this says nothing any more.
SINCE_KEEP_DAYS = 7


def _finished(progress: UserProgress, workout: dict[str, Any]) -> UserProgress:
    """Every exercise done or skipped: the workout ends, counted once (the workout is gone
    afterwards, so nothing can finish it again). With no set done at all, nothing happened
    and the day leaves no trace."""
    day = workout["date"]
    entry = _entry(progress, day) or {}
    if int(entry.get("sets_done", 0)) == 0:
        sessions = [s for s in progress.sessions if s.get("date") != day]
        return replace(progress, workout=None, sessions=sessions)
    sessions = _sessions_with(progress, day, {"finished": True})
    return replace(
        progress, workout=None, sessions=sessions, sessions_done=progress.sessions_done + 1
    )


@pm.register("workout_started")
def _workout_started(progress: UserProgress, event: Event) -> UserProgress:
    day = str(event["date"])
    if _current_workout(progress, event) is not None:
        return progress  # one is running today: starting it again is "carry on"
    existing = _entry(progress, day)
    if existing is not None and existing.get("finished"):
        return progress  # today's is finished: a stale start must not reopen it
    rows = [(str(r[0]), int(r[1]), int(r[2])) for r in event["plan"]]
    plan = [list(r) for r in rows]
    workout: dict[str, Any] = {
        "date": day,
        "stage": int(event["stage"]),
        "plan": plan,
        "i": 0,
        "set": 0,
    }
    total = sum(sets for _id, _level, sets in rows)
    kind = str(event.get("kind", ""))
    if existing is None or int(existing.get("sets_done", 0)) == 0:
        kept = [s for s in progress.sessions if s.get("date") != day]
        started: SessionEntry = {
            "date": day,
            "exercises": [],
            "sets_planned": total,
            "sets_done": 0,
        }
        sessions = [*kept, started]
    else:  # a second start on a day with sets already done adds to that day's entry
        planned = int(existing.get("sets_planned", 0)) + total
        sessions = _sessions_with(progress, day, {"sets_planned": planned, "finished": False})
    heavy, light = progress.heavy, progress.light
    if kind == "heavy":
        # Any heavy work started counts for the spacing; only the last week is needed (the
        # weekly cap looks at the 6 days before today, the 48 h gap at the last one).
        today = pm.day_number(day)
        heavy = [d for d in progress.heavy if today - 6 <= d < today] + [today]
        light = None if light == day else light
    elif kind == "light" and pm.day_number(day) not in progress.heavy:
        light = day
    return replace(progress, workout=workout, sessions=sessions, heavy=heavy, light=light)


def counts_as_done(sets_done: int, sets: int) -> bool:
    """Most (more than half) of an exercise's planned sets done; a skipped or unreached set
    is not done. The session as a whole is held to `pacing.most_done` at the morning check."""
    return sets_done * 2 > sets


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
    exercise_id, _level, sets = w["plan"][index]
    entry = _entry(progress, w["date"]) or {}
    change: SessionEntry = {"sets_done": int(entry.get("sets_done", 0)) + 1}
    ex = list(entry.get("exercises", []))
    if exercise_id not in ex and counts_as_done(done, int(sets)):
        change["exercises"] = [*ex, exercise_id]
    if done >= int(sets):
        index, done = index + 1, 0
    sessions = _sessions_with(progress, w["date"], change)
    workout = {**w, "i": index, "set": done}
    after = replace(progress, workout=workout, sessions=sessions)
    # Finishing is derived from the sets done: counted once, whatever the order of devices.
    return _finished(after, workout) if index >= len(w["plan"]) else after


@pm.register("exercise_skipped")
def _exercise_skipped(progress: UserProgress, event: Event) -> UserProgress:
    """The rest of the current exercise is not done: planned sets stay planned (so the
    session's share done tells the truth), and it counts only if most of it was done."""
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]) or not _at(w, event, "i"):
        return progress
    workout = {**w, "i": int(w["i"]) + 1, "set": 0}
    after = replace(progress, workout=workout)
    return _finished(after, workout) if workout["i"] >= len(w["plan"]) else after


@pm.register("exercise_swapped")
def _exercise_swapped(progress: UserProgress, event: Event) -> UserProgress:
    """The current exercise is replaced by the one done without the missing kit."""
    w = _current_workout(progress, event)
    if w is None or w["i"] >= len(w["plan"]):
        return progress
    rows = [list(r) for r in w["plan"]]
    old_sets = int(rows[w["i"]][2])
    sets = int(event["sets"])
    rows[w["i"]] = [str(event["id"]), int(event["level"]), sets]
    entry = _entry(progress, w["date"]) or {}
    # The sets already done of the old one stay done; the new one starts from its first.
    planned = int(entry.get("sets_planned", 0)) - old_sets + int(w["set"]) + sets
    sessions = _sessions_with(progress, w["date"], {"sets_planned": planned})
    return replace(progress, workout={**w, "plan": rows, "set": 0}, sessions=sessions)


@pm.register("kit_reported")
def _kit_reported(progress: UserProgress, event: Event) -> UserProgress:
    kit = {**progress.kit, **{str(k): bool(v) for k, v in dict(event["kit"]).items()}}
    return replace(progress, kit=kit)


@pm.register("level_changed")
def _level_changed(progress: UserProgress, event: Event) -> UserProgress:
    """A level change from now on; with "today", only today's workout (a "harder" asked
    for in a workout lasts that day only)."""
    exercise_id, level = str(event["id"]), int(event["level"])
    if event.get("today"):
        levels, streaks, since = progress.levels, progress.streaks, progress.since
    else:
        levels = {**progress.levels, exercise_id: level}
        streaks = {k: v for k, v in progress.streaks.items() if k != exercise_id}
        # A level date matters only while the level's days run (stage level_days, at most
        # SINCE_KEEP_DAYS): older ones are dropped, which keeps the record small.
        day = str(event["date"])
        since = {**_recent_since(progress.since, day), exercise_id: pm.day_number(day)}
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
        planned = int(entry.get("sets_planned", 0)) + added
        sessions = _sessions_with(progress, w["date"], {"sets_planned": planned})
    return replace(
        progress, levels=levels, streaks=streaks, since=since, workout=workout, sessions=sessions
    )


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
    if entry is None or "pain_during" in entry:
        return progress
    change: SessionEntry = {"pain_during": int(event["pain"])}
    # The program's decisions (all the minimal profile keeps): the verdict when the score
    # eased the load at once, and what the score decided on its own.
    if "v" in event:
        change["verdict"] = str(event["v"])
    if "dv" in event:
        change["during_verdict"] = str(event["dv"])
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), change))


@pm.register("pain_skipped")
def _pain_skipped(progress: UserProgress, event: Event) -> UserProgress:
    """Declined to give a pain score: not asked again for that session."""
    entry = _entry(progress, str(event["date"]))
    if entry is None or "pain_during" in entry:
        return progress
    declined: SessionEntry = {"pain_during": None}
    return replace(progress, sessions=_sessions_with(progress, str(event["date"]), declined))


@pm.register("morning_reported")
def _morning_reported(progress: UserProgress, event: Event) -> UserProgress:
    """The next-morning decision about a session. Only the decision is kept, never the
    answer: "good" counts toward a step up (not after a light day), anything else resets
    the count; "flare" also makes today a flare-up day."""
    day = str(event["for"])
    entry = _entry(progress, day)
    if entry is None or "morning_check" in entry:
        return progress  # answered already (another device): streaks count it once
    verdict = str(event["v"])
    decision = "flare" if event.get("flare") else verdict
    streaks = dict(progress.streaks)
    for exercise_id in entry.get("exercises", ()):
        if verdict == "good" and progress.light != day:
            streaks[exercise_id] = streaks.get(exercise_id, 0) + 1
        elif verdict != "good":
            streaks.pop(exercise_id, None)
    # The morning's number when one was said (health data: the profile decides whether it
    # is stored), else only the decision.
    said = event.get("pain")
    morning = int(said) if isinstance(said, int) else decision
    sessions = _sessions_with(progress, day, {"morning_check": morning, "verdict": verdict})
    flare = str(event["date"]) if event.get("flare") else progress.flare
    return replace(
        progress,
        sessions=sessions,
        streaks=streaks,
        flare=flare,
        since=_recent_since(progress.since, str(event["date"])),
    )


def _recent_since(since: dict[str, int], today: str) -> dict[str, int]:
    """Level dates still inside a level's days (older ones say nothing: record stays small)."""
    keep_from = pm.day_number(today) - SINCE_KEEP_DAYS
    return {k: v for k, v in since.items() if int(v) >= keep_from}


@pm.register("morning_skipped")
def _morning_skipped(progress: UserProgress, event: Event) -> UserProgress:
    entry = _entry(progress, str(event["for"]))
    if entry is None or "morning_check" in entry:
        return progress
    declined: SessionEntry = {"morning_check": None}
    return replace(progress, sessions=_sessions_with(progress, str(event["for"]), declined))


@pm.register("stage_changed")
def _stage_changed(progress: UserProgress, event: Event) -> UserProgress:
    # "since" lets a stage re-entered after a break count part of its time as served.
    since = str(event.get("since", event["date"]))
    # A level's start counts from the stage's start at the earliest (pacing.level_started),
    # so older level dates say nothing any more: dropped, which keeps the record small.
    levels_since = {k: v for k, v in progress.since.items() if int(v) > pm.day_number(since)}
    return replace(
        progress, stage=int(event["stage"]), streaks={}, stage_since=since, since=levels_since
    )


@pm.register("stepped_back")
def _stepped_back(progress: UserProgress, event: Event) -> UserProgress:
    """Time away was answered (the level and stage events come with it): not again until
    the person is away again."""
    return replace(progress, resumed=str(event["date"]))


@pm.register("workout_cancelled")
def _workout_cancelled(progress: UserProgress, event: Event) -> UserProgress:
    """Carried from before: every exercise skipped before a single set (now derived)."""
    w = _current_workout(progress, event)
    entry = _entry(progress, str(event["date"])) or {}
    if w is None or int(entry.get("sets_done", 0)) > 0:
        return progress
    sessions = [s for s in progress.sessions if s.get("date") != w["date"]]
    return replace(progress, workout=None, sessions=sessions)
